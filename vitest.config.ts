import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '{apps,packages}/*/src/**/*.spec.ts',
      'e2e/**/*.test.ts',
      'bench/**/*.spec.ts',
      'scripts/**/*.spec.ts',
    ],
    exclude: ['**/node_modules/**', 'apps/web/**'],
    globalSetup: ['./vitest.global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // one more try for a test that failed: a browser step on a loaded 2-core machine can miss its wait;
    // a real fault fails both times
    retry: 1,
    // a loaded CI machine answers slower than a developer's: an expectation polled waits this long
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
