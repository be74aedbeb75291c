// Times a full coverage computation (every source requirement implemented, every chain collected) for
// each ordered framework pair. Target: under 10 ms per pair. Build the catalog first:
//   pnpm --filter @certflow/catalog build && pnpm --filter @certflow/bench-catalog bench
// Imported dynamically so the one-off module load (zod validation of all data, index building) is timed too.
const loadStart = performance.now();
const { computeCoverage, frameworkIds, requirementsOf } = await import('@certflow/catalog');
const loadMs = performance.now() - loadStart;

const TARGET_MS = 10;
const WARMUP = 20;
const RUNS = 200;

const allImplemented = (fw) =>
  Object.fromEntries(requirementsOf(fw, { assessableOnly: true }).map((r) => [r.id, 'implemented']));

function time(from, to, options) {
  const statuses = allImplemented(from);
  for (let i = 0; i < WARMUP; i++) computeCoverage(from, statuses, to, options);
  const samples = [];
  let chains = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = computeCoverage(from, statuses, to, options);
    samples.push(performance.now() - t0);
    chains = result.requirements.reduce((n, r) => n + r.chains.length + r.candidates.length, 0);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { median: at(0.5), p95: at(0.95), max: samples[samples.length - 1], chains };
}

function run(label, options) {
  console.log(`\n${label}`);
  console.log('pair                         median ms   p95 ms   max ms   chains');
  let worst = 0;
  for (const from of frameworkIds) {
    for (const to of frameworkIds) {
      if (from === to) continue;
      const t = time(from, to, options);
      worst = Math.max(worst, t.p95);
      console.log(
        `${`${from} -> ${to}`.padEnd(28)} ${t.median.toFixed(3).padStart(9)} ${t.p95.toFixed(3).padStart(8)} ` +
          `${t.max.toFixed(3).padStart(8)} ${String(t.chains).padStart(8)}`,
      );
    }
  }
  console.log(
    `worst p95 ${worst.toFixed(3)} ms — ${worst < TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target`,
  );
  return worst;
}

console.log(`node ${process.version}, ${RUNS} runs per pair after ${WARMUP} warm-up runs`);
console.log(`module load (validation + indexes): ${loadMs.toFixed(1)} ms`);
const coldStart = performance.now();
computeCoverage('iso27001', allImplemented('iso27001'), 'iso42001');
console.log(
  `first (cold) coverage computation iso27001 -> iso42001: ${(performance.now() - coldStart).toFixed(2)} ms`,
);
const worst = Math.max(run('One pivot hop (default)', {}), run('Up to two pivot hops', { maxPivots: 2 }));
if (worst >= TARGET_MS) process.exitCode = 1;
