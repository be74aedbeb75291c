import { defineConfig } from 'vitest/config';

// Three kinds of tests, run in this order (sequence.groupOrder) so the 2-core CI box never hosts a JVM test
// server and the dev server's busy phase at once:
// - unit: pure rules, no servers;
// - dev-server: one shared `temporal server start-dev` from the testkit global setup;
// - time-skipping: one Java test server per file, files one after another (time is global to a server).
export default defineConfig({
  test: {
    // The threads pool crashes once several files create Temporal workers; forks is safe everywhere.
    pool: 'forks',
    setupFiles: ['./test/support/quiet-runtime.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.devserver.test.ts', '**/*.timeskip.test.ts', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'dev-server',
          include: ['src/**/*.devserver.test.ts', 'test/**/*.devserver.test.ts'],
          globalSetup: ['@certflow/testkit/vitest-global-setup'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'time-skipping',
          include: ['src/**/*.timeskip.test.ts', 'test/**/*.timeskip.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
