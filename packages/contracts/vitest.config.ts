import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The threads pool crashes once several files create Temporal workers; forks is safe everywhere.
    pool: 'forks',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
