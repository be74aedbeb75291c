/**
 * Identifiers shared by every consumer (API, workflows, web). Framework ids are a closed literal union so a
 * typo fails at compile time; requirement ids carry their framework as a prefix so they stay unique across
 * the whole catalog and can be stored in one column without a second "framework" column.
 */
export const frameworkIds = ['iso42001', 'iso27001', 'soc2', 'nist-ai-rmf', 'eu-ai-act'] as const;
export type FrameworkId = (typeof frameworkIds)[number];

/** `iso27001:A.5.1`, `soc2:CC6.1`, `nist-ai-rmf:GOVERN-1.1`, `eu-ai-act:art-9`. */
export type RequirementId = `${FrameworkId}:${string}`;

export const requirementKinds = [
  'clause',
  'annex-objective',
  'annex-theme',
  'annex-control',
  'criteria-series',
  'criterion',
  'function',
  'category',
  'subcategory',
  'article',
] as const;
export type RequirementKind = (typeof requirementKinds)[number];

export const tags = [
  'ai-specific',
  'security',
  'privacy',
  'governance',
  'risk',
  'data',
  'third-party',
  'transparency',
  'incident',
  'documentation',
  'human-oversight',
  'people',
  'physical',
  'operations',
  'monitoring',
  'improvement',
  'legal',
  'availability',
  'confidentiality',
  'processing-integrity',
  'fairness',
  'impact-assessment',
  'lifecycle',
  'conformity',
] as const;
export type Tag = (typeof tags)[number];

export const relations = ['equal', 'subset', 'superset', 'intersect', 'not_related'] as const;
/** Set relation of the `from` requirement to the `to` requirement (NIST IR 8477 / OLIR vocabulary). */
export type Relation = (typeof relations)[number];

export const implementationStatuses = [
  'implemented',
  'partial',
  'not_implemented',
  'not_applicable',
] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

export const dutyHolders = ['provider', 'deployer'] as const;
export type DutyHolder = (typeof dutyHolders)[number];

export function frameworkOf(id: RequirementId): FrameworkId {
  return id.slice(0, id.indexOf(':')) as FrameworkId;
}

export function isFrameworkId(value: string): value is FrameworkId {
  return (frameworkIds as readonly string[]).includes(value);
}
