// Prints the mutation score of every mutated file from the JSON reports Stryker wrote under .data/mutation/
// (docs/testing/mutation.md). `--survivors` also lists each surviving or uncovered mutant.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const packages = { worker: 'apps/worker', contracts: 'packages/contracts', catalog: 'packages/catalog' };
const showSurvivors = process.argv.includes('--survivors');
const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);

const rows = [];
for (const [name, dir] of Object.entries(packages)) {
  const file = `${root}.data/mutation/${name}/mutation.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const [path, { mutants, source }] of Object.entries(report.files)) {
    const killed = mutants.filter((m) => detected.has(m.status)).length;
    const survivors = mutants.filter((m) => undetected.has(m.status));
    const valid = killed + survivors.length;
    rows.push({ file: `${dir}/${path}`, killed, survived: survivors.length, valid });
    if (!showSurvivors) continue;
    const lines = source.split('\n');
    for (const m of survivors) {
      const { line, column } = m.location.start;
      const code = lines[line - 1]?.trim().slice(0, 100);
      console.log(
        `${dir}/${path}:${line}:${column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement)}  | ${code}`,
      );
    }
  }
}
if (rows.length === 0) {
  console.error('No mutation report yet: run `pnpm test:mutation` first.');
  process.exit(1);
}
const pct = (r) => (r.valid === 0 ? 100 : (100 * r.killed) / r.valid);
const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)}  score  killed  survived`);
for (const r of rows) {
  console.log(
    `${r.file.padEnd(width)}  ${pct(r).toFixed(1).padStart(5)}  ${String(r.killed).padStart(6)}  ${String(r.survived).padStart(8)}`,
  );
}
const total = rows.reduce((t, r) => ({ killed: t.killed + r.killed, valid: t.valid + r.valid }), {
  killed: 0,
  valid: 0,
});
console.log(
  `${'all'.padEnd(width)}  ${pct(total).toFixed(1).padStart(5)}  ${String(total.killed).padStart(6)}  ${String(total.valid - total.killed).padStart(8)}`,
);
const below = rows.filter((r) => pct(r) < 85);
if (below.length > 0) console.log(`below 85 %: ${below.map((r) => r.file).join(', ')}`);
