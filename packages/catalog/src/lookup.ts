import { crosswalkData } from './crosswalks/data.js';
import { frameworkData } from './frameworks/data.js';
import type { Relation, RequirementId } from './ids.js';

export { implementationStatuses, type ImplementationStatus } from './ids.js';

/**
 * The part of the catalog that workflow code needs, without zod or the coverage engine: which requirement ids
 * exist and how each links to other frameworks' requirements. It reads the same data modules the validated
 * catalog parses (`lookup.test.ts` checks they agree), so the worker can preload it once per V8 context instead of
 * once per cached workflow (`@certflow/catalog/lookup`, see docs/adr/0013-catalog-in-workflows.md).
 */

/** A crosswalk row seen from one requirement: the other framework's requirement and how they relate. */
export interface RequirementLink {
  requirement: RequirementId;
  /** Relation of the linked-from requirement to `requirement` (subset: the first is inside the second). */
  relation: Exclude<Relation, 'not_related'>;
  crosswalk: string;
}

const inverse = { equal: 'equal', subset: 'superset', superset: 'subset', intersect: 'intersect' } as const;

const known = new Set<string>();
const parents = new Set<string>();
for (const framework of frameworkData) {
  for (const r of framework.requirements) {
    known.add(r.id);
    if (r.parent !== null) parents.add(r.parent);
  }
}

const links = new Map<string, RequirementLink[]>();
const add = (from: string, link: RequirementLink) => {
  const list = links.get(from);
  if (list) list.push(link);
  else links.set(from, [link]);
};
for (const crosswalk of crosswalkData) {
  for (const row of crosswalk.rows) {
    if (row.from === null || row.to === null || row.relation === 'not_related') continue;
    add(row.from, { requirement: row.to, relation: row.relation, crosswalk: crosswalk.id });
    add(row.to, { requirement: row.from, relation: inverse[row.relation], crosswalk: crosswalk.id });
  }
}

/** True for every requirement id in the catalog (headings included), e.g. `soc2:CC6.1`. */
export function isKnownRequirement(id: string): id is RequirementId {
  return known.has(id);
}

/**
 * True for the requirements an organisation implements and an auditor assesses (the leaves: clauses such as
 * 6.1.2, Annex A controls, criteria), false for headings, themes and objectives and for unknown ids.
 */
export function isAssessableRequirement(id: string): id is RequirementId {
  return known.has(id) && !parents.has(id);
}

/** Direct crosswalk links of one requirement to the other frameworks, in catalog order. */
export function requirementLinks(id: string): readonly RequirementLink[] {
  return links.get(id) ?? [];
}
