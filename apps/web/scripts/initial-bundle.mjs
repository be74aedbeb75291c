// Prints the JavaScript a browser must load before the first screen renders, gzipped, and fails the build above
// the budget (issue 12: under 300 KB). "Initial" is the entry chunk of index.html plus every chunk it imports
// statically, read from Vite's manifest; chunks behind a dynamic import() (route-level splitting, the charts)
// load on demand and are listed apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry && chunk.src === 'index.html');
if (!entry) throw new Error('no index.html entry in the Vite manifest');

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const next of chunk.imports ?? []) visit(next);
};
visit(entry[0]);

const jsFiles = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js'));
const rows = jsFiles.map((file) => ({ file, gzip: gzipped(file), initial: initial.has(file) }));
const total = rows.filter((r) => r.initial).reduce((sum, r) => sum + r.gzip, 0);

console.log('Initial JavaScript (gzip -9):');
for (const r of rows.filter((r) => r.initial).sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${kb(r.gzip).padStart(9)}  ${r.file}`);
}
const lazy = rows.filter((r) => !r.initial).sort((a, b) => b.gzip - a.gzip);
console.log(`Loaded on demand: ${lazy.length} chunk(s), largest:`);
for (const r of lazy.slice(0, 5)) console.log(`  ${kb(r.gzip).padStart(9)}  ${r.file}`);
console.log(`initial-js-gzip ${kb(total)} (budget ${kb(BUDGET_BYTES)})`);
if (total > BUDGET_BYTES) {
  console.error(`The initial JavaScript is ${kb(total)} gzipped, over the ${kb(BUDGET_BYTES)} budget.`);
  process.exit(1);
}
