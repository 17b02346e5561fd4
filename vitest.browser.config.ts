import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension: one file at a time (2 cores, one browser each).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    // Firefox's suite has its own config (vitest.firefox.config.ts) and build.
    exclude: ['tests/browser/firefox/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
