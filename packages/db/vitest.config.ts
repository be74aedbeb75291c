import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The threads pool crashes once several files create Temporal workers; forks is safe everywhere.
    pool: 'forks',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file creates real databases (PostgreSQL or a PGlite folder); start-up takes seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
