import type { FrameworkId, Relation, RequirementId } from '../ids.js';
import type { Crosswalk, CrosswalkRow } from '../schema.js';
import { crosswalks } from './index.js';

export { crosswalks };

const inverse: Readonly<Record<Relation, Relation>> = {
  equal: 'equal',
  subset: 'superset',
  superset: 'subset',
  intersect: 'intersect',
  not_related: 'not_related',
};

/** The relation seen from the other side: only subset and superset swap. */
export function reverseRelation(relation: Relation): Relation {
  return inverse[relation];
}

/** A row as read in a chosen direction. `reversed` rows are derived from a stored row, never stored. */
export interface OrientedRow extends CrosswalkRow {
  crosswalk: string;
  reversed: boolean;
}

export function getCrosswalk(id: string): Crosswalk | undefined {
  return crosswalks.find((c) => c.id === id);
}

export function crosswalksBetween(a: FrameworkId, b: FrameworkId): readonly Crosswalk[] {
  return crosswalks.filter((c) => (c.from === a && c.to === b) || (c.from === b && c.to === a));
}

function orient(row: CrosswalkRow, crosswalk: string, reversed: boolean): OrientedRow {
  return reversed
    ? { ...row, from: row.to, to: row.from, relation: reverseRelation(row.relation), crosswalk, reversed }
    : { ...row, crosswalk, reversed };
}

/** Every row between two frameworks, read from `from` to `to` whatever the stored direction. */
export function crosswalkRows(from: FrameworkId, to: FrameworkId): readonly OrientedRow[] {
  return crosswalksBetween(from, to).flatMap((c) => c.rows.map((row) => orient(row, c.id, c.from !== from)));
}

/** Every row touching one requirement, oriented away from it (including explicit not_related rows). */
export function mappingsOf(id: RequirementId): readonly OrientedRow[] {
  return crosswalks.flatMap((c) =>
    c.rows.flatMap((row) => {
      if (row.from === id) return [orient(row, c.id, false)];
      if (row.to === id) return [orient(row, c.id, true)];
      return [];
    }),
  );
}
