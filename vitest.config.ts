import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  // WXT's generated i18n module (made by `wxt prepare`, which npm ci runs), so the real UI strings can be tested.
  resolve: { alias: { '#i18n': fileURLToPath(new URL('.wxt/i18n/index.ts', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/setup/core-data.ts'],
    testTimeout: 60_000,
  },
});
