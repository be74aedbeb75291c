// Prints the overlap figures computed from the crosswalks: "we have X — how much of Y do we already meet?"
// Run after `pnpm --filter @certflow/catalog build`: pnpm --filter @certflow/catalog overlap
import { getRequirement, overlap, overlapByKind, overlapMatrix } from '../dist/index.js';

const fmt = (e) =>
  `${e.from.padEnd(11)} -> ${e.to.padEnd(11)}  satisfied ${String(e.satisfied).padStart(3)} (${e.satisfiedPct
    .toFixed(1)
    .padStart(5)}%)  partial ${String(e.partial).padStart(3)} (${e.partialPct.toFixed(1).padStart(5)}%)  ` +
  `covered ${e.coveredPct.toFixed(1).padStart(5)}%  open ${String(e.open).padStart(3)} / ${e.total}  ` +
  `via ${e.routes.length === 0 ? '(no route)' : e.routes.map((r) => r.join(' > ')).join(' | ')}`;

const kindLabel = { clause: 'Clauses 4-10', 'annex-control': 'Annex A controls', criterion: 'Criteria' };
const refs = (ids) => (ids.length === 0 ? '-' : ids.map((id) => getRequirement(id).ref).join(', '));

function printByKind(from, to) {
  console.log(`\n${from} -> ${to}, by kind (full = nothing left to do; partial = reuse, then widen):`);
  for (const part of overlapByKind(from, to)) {
    const label = kindLabel[part.kind] ?? part.kind;
    console.log(
      `  ${label.padEnd(17)} ${String(part.total).padStart(3)} total   full ${String(part.satisfied.length).padStart(3)}   ` +
        `partial ${String(part.partial.length).padStart(3)}   open ${String(part.open).padStart(3)}`,
    );
    console.log(`    full:    ${refs(part.satisfied)}`);
    console.log(`    partial: ${refs(part.partial)}`);
  }
}

console.log('Headline (every requirement of the source framework implemented):');
console.log(fmt(overlap('iso27001', 'iso42001')));
console.log(fmt(overlap('iso27001', 'soc2')));
console.log(fmt(overlap('iso27001', 'soc2', { targetScopes: [] })), ' [SOC 2 Security only]');
console.log(
  '\nsatisfied = carried over by equal/superset rows; partial = subset/intersect rows, needs review.',
);
printByKind('iso27001', 'iso42001');
console.log('\nFull matrix, one pivot hop allowed (default):');
for (const e of overlapMatrix()) console.log(fmt(e));
console.log('\nPairs without a route at one pivot, with two pivots allowed:');
for (const e of overlapMatrix({ maxPivots: 2 })) {
  if (overlap(e.from, e.to).routes.length === 0) console.log(fmt(e));
}
