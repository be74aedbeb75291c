// The floor under "an action that goes through the workflow" on this machine: updates to a workflow that does
// nothing else (no database, no activities, no API), 50 in flight, on the same Temporal dev server the API
// bench uses. Whatever the product does per action comes on top of these figures.
//   TEMPORAL_CLI_PATH=… pnpm --filter @certflow/bench-workflows bench:update-floor
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';

import { intFromEnv, requireEnv } from './support.mjs';

const WORKFLOWS = intFromEnv('FLOOR_WORKFLOWS', 40);
const UPDATES = intFromEnv('FLOOR_UPDATES', 2000);
const IN_FLIGHT = intFromEnv('FLOOR_IN_FLIGHT', 50);
const taskQueue = 'update-floor';

const env = await TestWorkflowEnvironment.createLocal({
  server: { executable: { type: 'existing-path', path: requireEnv('TEMPORAL_CLI_PATH') } },
});
try {
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./update-floor-workflow.mjs', import.meta.url)),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
  });
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle });
  await worker.runUntil(async () => {
    const handles = [];
    for (let i = 0; i < WORKFLOWS; i++) {
      handles.push(
        await env.client.workflow.start('updateFloor', { taskQueue, workflowId: `floor-${i}-${Date.now()}` }),
      );
    }
    // Warm-up: every workflow cached in the worker.
    await Promise.all(handles.map((h) => h.executeUpdate('touch')));

    const latencies = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < UPDATES) {
          const handle = handles[next++ % WORKFLOWS];
          const t0 = performance.now();
          await handle.executeUpdate('touch');
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
    console.log(
      `${UPDATES} updates to ${WORKFLOWS} workflows, ${IN_FLIGHT} in flight: ${(UPDATES / seconds).toFixed(0)} updates/s, ` +
        `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms (load average ${loadavg()[0].toFixed(1)}, 2 cores)`,
    );
    await Promise.all(handles.map((h) => h.terminate('bench done')));
  });
} finally {
  await env.teardown();
}
