import { getFramework, getRequirement, isFrameworkId } from '@certflow/catalog';

/** "ISO/IEC 27001 9.2.1 Internal audit: General": a requirement as a reader recognises it. */
export function requirementName(id: string, { framework = true } = {}): string {
  const requirement = getRequirement(id);
  if (!requirement) return id;
  const parent = requirement.parent === null ? undefined : getRequirement(requirement.parent);
  const title =
    parent && requirement.kind === 'clause' && requirement.title === 'General'
      ? `${parent.title}: general`
      : requirement.title;
  const prefix = framework ? `${getFramework(requirement.framework).shortName} ` : '';
  return `${prefix}${requirement.ref} ${title}`;
}

export function frameworkName(id: string): string {
  return isFrameworkId(id) ? getFramework(id).shortName : id;
}

/** How a crosswalk row relates two requirements, in words (NIST IR 8477 relations). */
export const relationWords: Record<string, string> = {
  equal: 'is the same as',
  subset: 'is part of',
  superset: 'covers all of',
  intersect: 'overlaps',
};
