import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Nest's dependency injection reads decorator metadata, which only SWC (not esbuild) emits.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    // The threads pool crashes once several files load Temporal's native bridge; forks is safe.
    pool: 'forks',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One Temporal dev server for the whole run (temporal-notes §5.2.4); each file makes its own database.
    globalSetup: ['test/temporal-dev-server.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
