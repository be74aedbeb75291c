// Measures how long TestWorkflowEnvironment.createTimeSkipping takes with a given launcher, i.e. JVM start-up
// until the server answers GetSystemInfo. The SDK gives up after ~5 s, so this is the number to watch.
//
// usage: node infra/temporal/bench/test-server-startup.mjs [--runs N] [--parallel P] [launcher]
// Resolves @temporalio/testing from packages/testkit (run `pnpm install` first).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const take = (flag, fallback) => {
  const i = args.indexOf(flag);
  if (i === -1) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const runs = Number(take('--runs', '10'));
const parallel = Number(take('--parallel', '1'));
const launcher =
  args[0] ??
  process.env.TEMPORAL_TEST_SERVER_PATH ??
  new URL('../../../.tools/bin/temporal-test-server', import.meta.url).pathname;

const require = createRequire(new URL('../../../packages/testkit/package.json', import.meta.url));
const { TestWorkflowEnvironment } = require('@temporalio/testing');

async function once() {
  const t0 = performance.now();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: launcher } },
  });
  const ms = performance.now() - t0;
  await env.teardown();
  return ms;
}

const samples = [];
let failures = 0;
for (let i = 0; i < runs; i++) {
  const batch = await Promise.allSettled(Array.from({ length: parallel }, once));
  for (const r of batch) {
    if (r.status === 'fulfilled') samples.push(r.value);
    else {
      failures++;
      console.error(String(r.reason?.message ?? r.reason).split('\n')[0]);
    }
  }
}
samples.sort((a, b) => a - b);
const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
const fmt = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)}s`);
console.log(
  `${launcher} runs=${runs} parallel=${parallel}: n=${samples.length} failed=${failures} ` +
    `min=${fmt(samples[0])} p50=${fmt(pick(0.5))} p90=${fmt(pick(0.9))} max=${fmt(samples.at(-1))}`,
);
process.exit(failures ? 1 : 0);
