import { defineConfig } from 'vitest/config';

// Firefox ESR with the built add-on (tests/browser/firefox/harness.ts): one file at a time, like Chromium's.
export default defineConfig({
  test: {
    include: ['tests/browser/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
