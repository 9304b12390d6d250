import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    environment: 'node',
    // Several engineers' suites share a two-core machine: under that load a signing key made under
    // scrypt, or drizzle-kit's API loaded, takes several times as long as on a quiet one.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The browser suites start Chromium; two cores are enough for two files at once.
    maxWorkers: 2,
    // The browser suites poll the page; on a loaded two-core machine a first paint can take
    // seconds, so a poll waits up to 10 s (vitest's default is 1 s) before it fails.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
