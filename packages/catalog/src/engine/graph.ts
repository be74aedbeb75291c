import { crosswalks, reverseRelation } from '../crosswalks/accessors.js';
import { frameworkOf, type FrameworkId, type Relation, type RequirementId } from '../ids.js';
import type { CrosswalkSource } from '../schema.js';

/** One step of a justification chain: a crosswalk row read in the direction of travel. */
export interface Hop {
  crosswalk: string;
  from: RequirementId;
  to: RequirementId;
  /** Relation of `from` to `to` in the direction of travel. */
  relation: Exclude<Relation, 'not_related'>;
  reversed: boolean;
  source: CrosswalkSource;
  rationale: string;
}

type Adjacency = Map<RequirementId, Map<FrameworkId, Hop[]>>;

function add(adj: Adjacency, hop: Hop): void {
  const byFramework = adj.get(hop.from) ?? new Map<FrameworkId, Hop[]>();
  const target = frameworkOf(hop.to);
  const list = byFramework.get(target) ?? [];
  list.push(hop);
  byFramework.set(target, list);
  adj.set(hop.from, byFramework);
}

// Built once: the data is static, and indexing up front keeps a full pair computation in the low milliseconds.
const adjacency: Adjacency = new Map();
const frameworkLinks = new Map<FrameworkId, Set<FrameworkId>>();
for (const c of crosswalks) {
  frameworkLinks.set(c.from, (frameworkLinks.get(c.from) ?? new Set()).add(c.to));
  frameworkLinks.set(c.to, (frameworkLinks.get(c.to) ?? new Set()).add(c.from));
  for (const row of c.rows) {
    if (row.from === null || row.to === null || row.relation === 'not_related') continue;
    const base = { crosswalk: c.id, source: row.source, rationale: row.rationale };
    add(adjacency, { ...base, from: row.from, to: row.to, relation: row.relation, reversed: false });
    add(adjacency, {
      ...base,
      from: row.to,
      to: row.from,
      relation: reverseRelation(row.relation) as Hop['relation'],
      reversed: true,
    });
  }
}

export function hopsFrom(id: RequirementId, toFramework: FrameworkId): readonly Hop[] {
  return adjacency.get(id)?.get(toFramework) ?? [];
}

/**
 * Shortest framework routes from `from` to `to` with at most `maxPivots` intermediate frameworks. A direct
 * crosswalk always wins; pivots are used only where none exists, since each hop weakens the evidence.
 */
export function frameworkRoutes(from: FrameworkId, to: FrameworkId, maxPivots: number): FrameworkId[][] {
  let paths: FrameworkId[][] = [[from]];
  for (let hops = 1; hops <= maxPivots + 1; hops++) {
    const next: FrameworkId[][] = [];
    for (const path of paths) {
      const last = path[path.length - 1] as FrameworkId;
      for (const n of frameworkLinks.get(last) ?? []) {
        if (!path.includes(n)) next.push([...path, n]);
      }
    }
    const arrived = next.filter((p) => p[p.length - 1] === to);
    if (arrived.length > 0) return arrived;
    paths = next; // none of them ends at `to`
  }
  return [];
}
