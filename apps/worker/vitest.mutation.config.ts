import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Stryker's vitest run (stryker.config.mjs): the project's own settings (pool forks, setup file) with only the pure
// rule tests of the `unit` project — no dev server, no time-skipping server, no database, no workflow bundle.
const { projects: _projects, ...shared } = base.test ?? {};

export default defineConfig({
  test: {
    ...shared,
    include: ['src/workflows/**/*.test.ts'],
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
