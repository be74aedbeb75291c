export {
  dutyHolders,
  frameworkIds,
  frameworkOf,
  implementationStatuses,
  isFrameworkId,
  relations,
  requirementKinds,
  tags,
  type DutyHolder,
  type FrameworkId,
  type ImplementationStatus,
  type Relation,
  type RequirementId,
  type RequirementKind,
  type Tag,
} from './ids.js';
export {
  crosswalkSchema,
  frameworkSchema,
  requirementSchema,
  type ApplicationDate,
  type Crosswalk,
  type CrosswalkRow,
  type CrosswalkSource,
  type Edition,
  type Framework,
  type FrameworkScope,
  type Requirement,
} from './schema.js';
export {
  applicationDateChain,
  childrenOf,
  frameworks,
  getFramework,
  getRequirement,
  isAssessable,
  isRequirementId,
  latestApplicationDate,
  listFrameworks,
  requirementsOf,
  type RequirementFilter,
} from './catalog.js';
export {
  crosswalkRows,
  crosswalks,
  crosswalksBetween,
  getCrosswalk,
  mappingsOf,
  reverseRelation,
  type OrientedRow,
} from './crosswalks/accessors.js';
export type { Hop } from './engine/graph.js';
export {
  computeCoverage,
  type Chain,
  type CoverageOptions,
  type CoverageResult,
  type CoverageState,
  type CoverageSummary,
  type RequirementCoverage,
  type StatusMap,
  summarize,
} from './engine/coverage.js';
export {
  computeCombinedCoverage,
  type CombinedCoverageResult,
  type CoverageSource,
} from './engine/combined.js';
export { requirementGroup, requirementGroupsOf, type RequirementGroup } from './groups.js';
export {
  overlap,
  overlapByKind,
  overlapMatrix,
  type OverlapEntry,
  type OverlapPart,
} from './engine/overlap.js';
export { euAiActDateGroups } from './frameworks/eu-ai-act.js';
export { getRegime, regimeRules, regimes } from './regimes/index.js';
export type { Regime, RegimeId, RegimeRule, RegimeVersion } from './regimes/schema.js';
export {
  isAssessableRequirement,
  isKnownRequirement,
  requirementLinks,
  type RequirementLink,
} from './lookup.js';
