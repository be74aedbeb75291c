// Options every package's stryker.config.mjs shares (run them all with `pnpm test:mutation`, docs/testing/mutation.md).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @param {string} name folder under .data/mutation/ for this package's reports and incremental file
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerOptions(name) {
  const out = `${root}.data/mutation/${name}`;
  return {
    packageManager: 'pnpm',
    plugins: ['@stryker-mutator/vitest-runner'],
    testRunner: 'vitest',
    // The package's vitest settings (pool forks) with only its fast, pure tests (vitest.mutation.config.ts).
    vitest: { configFile: 'vitest.mutation.config.ts' },
    coverageAnalysis: 'perTest',
    // A shared 2-core machine: one test process at a time, and room for a slow moment before a mutant counts as
    // an endless loop.
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
    timeoutMS: 10_000,
    timeoutFactor: 2,
    // Mutants in code that runs when a module loads (tables, labels) need a fresh process each; the rules they
    // hold are exercised through the functions that read them.
    ignoreStatic: true,
    // Only mutants whose code or covering tests changed since the last run are tested again. The file lives in
    // the ignored .data/ folder: a fresh clone starts with a full run.
    incremental: true,
    incrementalFile: `${out}/incremental.json`,
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    clearTextReporter: { allowColor: false, allowEmojis: false, reportMutants: false, reportTests: false },
    htmlReporter: { fileName: `${out}/index.html` },
    jsonReporter: { fileName: `${out}/mutation.json` },
    tempDirName: `${out}/.stryker-tmp`,
    cleanTempDir: true,
    thresholds: { high: 90, low: 85, break: null },
  };
}
