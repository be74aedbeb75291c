import { frameworks } from './frameworks/index.js';
import { frameworkIds, type FrameworkId, type RequirementId } from './ids.js';
import type { ApplicationDate, Framework, Requirement } from './schema.js';

export { frameworks };

const requirementIndex = new Map<string, Requirement>();
const childIndex = new Map<string, Requirement[]>();
for (const id of frameworkIds) {
  for (const r of frameworks[id].requirements) {
    requirementIndex.set(r.id, r);
    if (r.parent !== null) {
      const siblings = childIndex.get(r.parent) ?? [];
      siblings.push(r);
      childIndex.set(r.parent, siblings);
    }
  }
}

export function listFrameworks(): readonly Framework[] {
  return frameworkIds.map((id) => frameworks[id]);
}

export function getFramework(id: FrameworkId): Framework {
  return frameworks[id];
}

/** Accepts any string so ids coming from a database or URL can be checked without a cast. */
export function getRequirement(id: string): Requirement | undefined {
  return requirementIndex.get(id);
}

export function isRequirementId(id: string): id is RequirementId {
  return requirementIndex.has(id);
}

export function childrenOf(id: RequirementId): readonly Requirement[] {
  return childIndex.get(id) ?? [];
}

/**
 * Leaves are what an organisation implements and an auditor assesses (clauses such as 6.1.2, Annex A
 * controls, criteria, subcategories, articles); headings, themes, objectives and categories only group them.
 */
export function isAssessable(id: RequirementId): boolean {
  return requirementIndex.has(id) && !childIndex.has(id);
}

export interface RequirementFilter {
  /** Only leaves (see `isAssessable`). */
  assessableOnly?: boolean;
  /**
   * Selected framework scopes (SOC 2 categories). Scopes marked `alwaysInScope` are added automatically;
   * omitted means every scope.
   */
  scopes?: readonly string[];
}

export function requirementsOf(
  framework: FrameworkId,
  filter: RequirementFilter = {},
): readonly Requirement[] {
  const fw = frameworks[framework];
  const selected =
    filter.scopes === undefined || fw.scopes.length === 0
      ? null
      : new Set([...filter.scopes, ...fw.scopes.filter((s) => s.alwaysInScope).map((s) => s.id)]);
  return fw.requirements.filter(
    (r) =>
      (!filter.assessableOnly || !childIndex.has(r.id)) &&
      (selected === null || r.scope === undefined || selected.has(r.scope)),
  );
}

/** Entries of one application-date group, oldest first, following `supersedes` links. */
export function applicationDateChain(group: string): readonly ApplicationDate[] {
  const entries = frameworkIds.flatMap((id) =>
    frameworks[id].applicationDates.filter((d) => d.group === group),
  );
  const byId = new Map(entries.map((d) => [d.id, d]));
  const chain: ApplicationDate[] = [];
  let current = entries.find((d) => d.supersedes === null);
  while (current !== undefined) {
    chain.push(current);
    current = current.supersededBy === null ? undefined : byId.get(current.supersededBy);
  }
  return chain;
}

/**
 * The newest adopted date for a group. Check its `status`: an amendment may be adopted but not yet published
 * in the Official Journal, in which case the superseded entry is still the law in force.
 */
export function latestApplicationDate(group: string): ApplicationDate | undefined {
  return applicationDateChain(group).at(-1);
}
