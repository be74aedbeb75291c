import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../workflow-bundle-options.js';

// Run after tsc: bundles the compiled workflows once so the production worker starts without webpack.
const workflowsPath = fileURLToPath(new URL('../workflows/index.js', import.meta.url));
const target = fileURLToPath(new URL('../workflow-bundle.js', import.meta.url));
const quiet = () => undefined;
const { code } = await bundleWorkflowCode({
  workflowsPath,
  ...workflowBundleOptions,
  // webpack's per-module report is noise in build logs; warnings and errors still show.
  logger: { trace: quiet, debug: quiet, info: quiet, log: quiet, warn: console.warn, error: console.error },
});
await writeFile(target, code);
console.log(`wrote ${target} (${(code.length / 1024).toFixed(0)} KiB)`);
