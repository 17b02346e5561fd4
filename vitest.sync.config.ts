import { defineConfig } from 'vitest/config';

// The sync suite: GovLens devices (each its own fake-indexeddb database) syncing through real
// WebDAV servers (Apache mod_dav_fs and rclone) that the tests start on loopback ports.
export default defineConfig({
  test: {
    include: ['tests/sync/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    setupFiles: ['fake-indexeddb/auto'],
  },
});
