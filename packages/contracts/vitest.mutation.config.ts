import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Stryker's vitest run (stryker.config.mjs): the package's own settings (pool forks) without the test of the Temporal
// connection settings, which reads files and names no date, time or cost rule.
export default defineConfig({
  test: {
    ...base.test,
    // Pure functions and data: one module graph per process instead of a fresh import per test file and mutant.
    isolate: false,
    exclude: ['src/temporal-connection.test.ts', '**/node_modules/**'],
  },
});
