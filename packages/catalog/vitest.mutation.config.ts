import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Stryker's vitest run (stryker.config.mjs): the package's own settings (pool forks) without the purity test, which reads
// the source files (Stryker's instrumented copies in its sandbox) instead of running them.
export default defineConfig({
  test: {
    ...base.test,
    // Pure functions and data: one module graph per process instead of a fresh import per test file and mutant.
    isolate: false,
    exclude: ['src/purity.test.ts', '**/node_modules/**'],
  },
});
