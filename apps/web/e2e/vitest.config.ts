import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

// Browser tests against the real stack; run by `test:e2e`, never by `test`.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    pool: 'forks',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // Starting Temporal, PostgreSQL, the worker (which bundles its workflows) and the API takes a while.
    hookTimeout: 180_000,
    testTimeout: 120_000,
    // One stack, one browser: the files share the servers, so they run one at a time.
    fileParallelism: false,
  },
});
