import type { CostPlan } from './audit-cost.js';
import type { CalendarDate } from './calendar-date.js';
import type {
  IsoAuditKind,
  IsoFrameworkId,
  IsoProgramConfig,
  IsoProgramSettings,
  IsoStage,
} from './iso-model.js';
import type { FindingState, RemediationTaskState } from './remediation.js';

/** The detail view of an ISO certification program: what the state query and every update return. */

export interface IsoAuditState {
  scheduledOn?: CalendarDate;
  /** Last day of the audit once its outcome is recorded. */
  lastDay?: CalendarDate;
  /** Days and cost planned for it, frozen when it was held so later settings changes leave them alone. */
  planned?: { days: number | null; cost: number | null };
}

export const isoOverrideRules = [
  /** The CB judged Stage 1 results still valid past its usual gap limit. */
  'stage1-validity',
  /** The CB granted a justified deviation from the 6-month major-closure window. */
  'major-closure-window',
  /** The CB holds the recertification audit earlier than the last months before expiry. */
  'recertification-window',
] as const;
export type IsoOverrideRule = (typeof isoOverrideRules)[number];

export interface IsoOverride {
  rule: IsoOverrideRule;
  justification: string;
  actor: string;
  on: CalendarDate;
}

export interface IsoCycleDatesState {
  startDate: CalendarDate;
  gapAssessmentDue: CalendarDate;
  stage1ValidUntil?: CalendarDate;
  majorClosureDeadline?: CalendarDate;
  decisionDate?: CalendarDate;
  /** First day the certificate of this cycle is valid (a restoration: the restoration decision). */
  cycleStart?: CalendarDate;
  expiryDate?: CalendarDate;
  surveillance1Due?: CalendarDate;
  surveillance2Earliest?: CalendarDate;
  surveillance2Due?: CalendarDate;
  /** First day the recertification audit may be held (overridable with `recertification-window`). */
  recertificationEarliest?: CalendarDate;
  restorationDeadline?: CalendarDate;
  /** A new initial audit needs an internal audit and management review held on or after this day. */
  readinessNotBefore?: CalendarDate;
}

export const isoSuspensionCauses = ['missed-surveillance', 'certification-body-decision'] as const;
export type IsoSuspensionCause = (typeof isoSuspensionCauses)[number];

/** While SUSPENDED: why, since when, the last day before withdrawal, and where the program resumes. */
export interface IsoSuspensionState {
  cause: IsoSuspensionCause;
  reason: string;
  since: CalendarDate;
  /** Withdrawal follows the day after, unless reinstated. */
  until: CalendarDate;
  /** The stage the program returns to when reinstated. */
  resumeStage: IsoStage;
  /** The overdue surveillance audit whose completion reinstates the certificate. */
  missedAudit?: IsoAuditKind;
}

/** A standard added to a certified program: its own Stage 1 and Stage 2, then a decision extending the certificate. */
export interface IsoExtensionState {
  framework: IsoFrameworkId;
  requestedOn: CalendarDate;
  stage: 'STAGE1' | 'STAGE2' | 'DECISION';
  stage1ValidUntil?: CalendarDate;
  majorClosureDeadline?: CalendarDate;
}

/** Days on which the organisation held no valid certificate between cycles (a lapse before restoration). */
export interface IsoUncertifiedPeriod {
  from: CalendarDate;
  to: CalendarDate;
  reason: 'lapsed';
}

export interface IsoCertificateState {
  /** Standards the current certificate covers (a standard being added is not on it until its decision). */
  frameworks: IsoFrameworkId[];
  number?: string;
  /** How the program started: from the gap assessment, or from a certificate already held. */
  origin: 'gap-assessment' | 'existing-certificate';
}

export interface IsoMilestone {
  kind: string;
  due: CalendarDate;
}

export interface IsoProgramState {
  programId: string;
  organizationId: string;
  frameworks: IsoFrameworkId[];
  programManagerEmail: string;
  config: IsoProgramConfig;
  /** Audit-time and cost inputs; changed by `changeSettings`. */
  settings?: IsoProgramSettings;
  /** 1 for the initial certification cycle, +1 for each recertification or new initial audit. */
  cycle: number;
  stage: IsoStage;
  /** The workflow's current day, so clients see dates relative to the same clock. */
  today: CalendarDate;
  dates: IsoCycleDatesState;
  audits: Partial<Record<IsoAuditKind, IsoAuditState>>;
  findings: FindingState[];
  tasks: RemediationTaskState[];
  overrides: IsoOverride[];
  atRisk: boolean;
  atRiskReasons: string[];
  nextMilestone: IsoMilestone | null;
  /** Audit events emitted so far (monotonic across runs; keys the idempotent insert). */
  lastEventSequence: number;
  /** Deadlines already reported as missed in this cycle (each is escalated once). */
  missedDeadlines: string[];
  gapAssessmentCompletedOn?: CalendarDate;
  endedReason?: string;
  suspension?: IsoSuspensionState;
  certificate?: IsoCertificateState;
  extension?: IsoExtensionState;
  uncertified?: IsoUncertifiedPeriod[];
  /** Planned audit days and cost of the current cycle (derived; audits already held keep their figures). */
  auditPlan?: CostPlan;
}
