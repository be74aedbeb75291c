import type { FrameworkId, RequirementId, RequirementKind, Tag } from '../ids.js';
import type { Requirement } from '../schema.js';

/** Compact row used by the data modules; kind and parent are derived from the reference by each module. */
export type Row = readonly [ref: string, title: string, summary: string, tags?: readonly Tag[]];

export function makeRequirement(
  framework: FrameworkId,
  slug: string,
  ref: string,
  kind: RequirementKind,
  parentSlug: string | null,
  title: string,
  summary: string,
  tags: readonly Tag[],
  extra: Pick<Requirement, 'scope' | 'dutyHolders' | 'appliesFrom'> = {},
): Requirement {
  const id: RequirementId = `${framework}:${slug}`;
  const parent: RequirementId | null = parentSlug === null ? null : `${framework}:${parentSlug}`;
  return { id, framework, ref, title, summary, kind, parent, tags: [...tags], ...extra };
}

/** `6.1.2` -> `6.1`, `A.5.1` -> `A.5`, `4` -> null. */
export function dottedParent(ref: string, minDepth = 1): string | null {
  const parts = ref.split('.');
  return parts.length > minDepth ? parts.slice(0, -1).join('.') : null;
}
