import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Stryker's vitest run (stryker.config.mjs): the project's own settings (pool forks, timeouts) with only the pure
// rule tests of the `unit` project — no dev server, no time-skipping server, no database, no workflow bundle.
// The setup file quiets the Temporal runtime of tests that create workers; these create none, and loading the
// native runtime for every test file of every mutant would only cost time.
const { projects: _projects, setupFiles: _setupFiles, ...shared } = base.test ?? {};

export default defineConfig({
  test: {
    ...shared,
    include: ['src/workflows/**/*.test.ts'],
    // Pure tests with no shared state beyond the helpers' fake clock and ids, which every program resets: one module
    // graph per process instead of re-importing contracts and catalog for each test file of each mutant.
    isolate: false,
    exclude: [
      '**/*.devserver.test.ts',
      '**/*.timeskip.test.ts',
      // These read the committed histories or bundle the workflows: they test no rule.
      'src/workflows/replay.test.ts',
      'src/workflows/histories.test.ts',
      '**/node_modules/**',
    ],
  },
});
