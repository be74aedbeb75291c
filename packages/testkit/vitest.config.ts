import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The threads pool crashes once several files create Temporal workers; forks is safe everywhere.
    pool: 'forks',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One dev server for the whole run, as consumers get it from '@certflow/testkit/vitest-global-setup'.
    globalSetup: ['./src/vitest-global-setup.ts'],
    // A JVM or the dev server starting on a busy 2-core machine can take several seconds.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
