import { getFramework, getRequirement, requirementsOf, type RequirementFilter } from './catalog.js';
import type { FrameworkId, RequirementId, RequirementKind } from './ids.js';
import type { Requirement } from './schema.js';

/**
 * Where an assessable requirement sits for a summary by area (a heatmap, a report): ISO clauses under their
 * top clause (4-10), Annex A controls under their theme or objective (27001 A.5-A.8, 42001 A.2-A.10), SOC 2
 * common criteria under their series (CC1-CC9) and the other trust services categories as one group each
 * (A, C, PI, P). Derived from the catalog's parents and scopes, never typed again.
 */
export interface RequirementGroup {
  /** `iso27001:9`, `iso42001:A.6`, `soc2:CC6`, `soc2:scope:privacy`. */
  id: string;
  framework: FrameworkId;
  /** The kind of the requirements it groups: clauses, Annex A controls, criteria, ... */
  section: RequirementKind;
  /** `9`, `A.6`, `CC6`, `P`. */
  ref: string;
  title: string;
}

function root(requirement: Requirement): Requirement {
  let current = requirement;
  while (current.parent !== null) {
    const parent = getRequirement(current.parent);
    if (parent === undefined) break;
    current = parent;
  }
  return current;
}

/** `['P1', 'P2', ..., 'P8']` -> `P`; `['A1']` -> `A`. */
function scopeRef(framework: FrameworkId, scope: string): string {
  const refs = requirementsOf(framework, { scopes: [scope] })
    .filter((r) => r.scope === scope && r.parent === null)
    .map((r) => r.ref.replace(/\d+$/, ''));
  return [...new Set(refs)].join('/') || scope;
}

const cache = new Map<string, RequirementGroup>();

export function requirementGroup(id: RequirementId): RequirementGroup {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const requirement = getRequirement(id);
  if (requirement === undefined) throw new Error(`${id} is not a requirement in the catalog`);
  const framework = getFramework(requirement.framework);
  const scope = framework.scopes.find((s) => s.id === requirement.scope);
  // A selectable category that is not always in scope is reported as one area; the one that always is (SOC 2
  // security) is large enough to be read by its series.
  const group: RequirementGroup =
    scope !== undefined && !scope.alwaysInScope
      ? {
          id: `${framework.id}:scope:${scope.id}`,
          framework: framework.id,
          section: requirement.kind,
          ref: scopeRef(framework.id, scope.id),
          title: scope.title,
        }
      : (() => {
          const top = root(requirement);
          return {
            id: top.id,
            framework: framework.id,
            section: requirement.kind,
            ref: top.ref,
            title: top.title,
          };
        })();
  cache.set(id, group);
  return group;
}

/** The groups of a framework's assessable requirements, in catalog order, each once. */
export function requirementGroupsOf(
  framework: FrameworkId,
  filter: Pick<RequirementFilter, 'scopes'> = {},
): readonly RequirementGroup[] {
  const seen = new Map<string, RequirementGroup>();
  for (const r of requirementsOf(framework, { ...filter, assessableOnly: true })) {
    const group = requirementGroup(r.id);
    if (!seen.has(group.id)) seen.set(group.id, group);
  }
  return [...seen.values()];
}
