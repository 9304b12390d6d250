import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The browser suites start Chromium; two cores are enough for two files at once.
    maxWorkers: 2,
  },
});
