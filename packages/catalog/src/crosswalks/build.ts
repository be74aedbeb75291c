import type { FrameworkId, Relation } from '../ids.js';
import type { CrosswalkRow, CrosswalkSource } from '../schema.js';

/**
 * Row helpers for the crosswalk modules. `link` expands one source requirement to several targets that
 * share a rationale; `unmatched` states explicitly that a requirement has no counterpart on the other side.
 */
export function rowsFor(from: FrameworkId, to: FrameworkId) {
  return {
    link(
      fromRef: string,
      toRefs: readonly string[],
      relation: Exclude<Relation, 'not_related'>,
      source: CrosswalkSource,
      rationale: string,
    ): CrosswalkRow[] {
      return toRefs.map((toRef) => ({
        from: `${from}:${fromRef}`,
        to: `${to}:${toRef}`,
        relation,
        rationale,
        source,
      }));
    },
    unmatched(side: 'from' | 'to', ref: string, source: CrosswalkSource, rationale: string): CrosswalkRow {
      return side === 'from'
        ? { from: `${from}:${ref}`, to: null, relation: 'not_related', rationale, source }
        : { from: null, to: `${to}:${ref}`, relation: 'not_related', rationale, source };
    },
  };
}
