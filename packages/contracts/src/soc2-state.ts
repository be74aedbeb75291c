import type { CostPlan } from './audit-cost.js';
import type { CalendarDate } from './calendar-date.js';
import type { RemediationTaskState, RequirementLink } from './remediation.js';
import type { Soc2ProgramConfig, Soc2ProgramSettings, Soc2Stage } from './soc2-model.js';
import type { Coverage, CoverageSegment, Soc2Opinion } from './soc2-period-dates.js';

/** The detail view of a SOC 2 program: what the state query and every update return. */

/** The observation period this run attests (one run per period; continue-as-new once its report is issued). */
export interface Soc2PeriodState {
  /** 1 for the first Type II period. */
  number: number;
  start: CalendarDate;
  end: CalendarDate;
  /** Whole months the period spans (3, 6 or 12 for planned periods; whatever a period under way had). */
  months: number;
  fieldworkDue: CalendarDate;
  reportDue: CalendarDate;
  fieldworkScheduledOn?: CalendarDate;
  fieldworkCompletedOn?: CalendarDate;
  /** Days and cost planned for its fieldwork and report, frozen once fieldwork was done. */
  planned?: { days: number | null; cost: number | null };
}

export interface Soc2ReportRecord {
  type: 'TYPE1' | 'TYPE2';
  /** Type II: the period number; Type I: 0. */
  periodNumber: number;
  /** Type II: the observation period; Type I: both are the as-of date. */
  start: CalendarDate;
  end: CalendarDate;
  issuedOn: CalendarDate;
  opinion: Soc2Opinion;
  exceptionCount: number;
}

export interface Soc2BridgeLetter {
  /** The Type II period whose report it extends. */
  afterPeriod: number;
  issuedOn: CalendarDate;
  from: CalendarDate;
  /** Last day it speaks for: never after its own issue date. */
  to: CalendarDate;
}

export interface Soc2ControlException {
  id: string;
  periodNumber: number;
  source: 'observation' | 'report';
  description: string;
  requirementIds: string[];
  observedOn: CalendarDate;
  taskId: string;
  /** Crosswalk links of `requirementIds` (e.g. CC6.2 → ISO/IEC 27001 A.5.15, A.5.18). */
  links?: RequirementLink[];
}

export const soc2OverrideRules = [
  /** Fieldwork planned later than the expected weeks after the period end. */
  'fieldwork-window',
  /** Bridge letters covering more than the configured stretch after a reported period. */
  'bridge-letter-length',
] as const;
export type Soc2OverrideRule = (typeof soc2OverrideRules)[number];

export interface Soc2Override {
  rule: Soc2OverrideRule;
  /** The period the override applies to (fieldwork: the attested period; bridge letter: the reported one). */
  periodNumber: number;
  justification: string;
  actor: string;
  on: CalendarDate;
}

export interface Soc2Milestone {
  kind: string;
  due: CalendarDate;
}

export interface Soc2ProgramState {
  programId: string;
  organizationId: string;
  programManagerEmail: string;
  config: Soc2ProgramConfig;
  /** Cost inputs; changed by `changeSettings`. */
  settings?: Soc2ProgramSettings;
  stage: Soc2Stage;
  today: CalendarDate;
  startDate: CalendarDate;
  readinessDue: CalendarDate;
  readinessCompletedOn?: CalendarDate;
  /** How the program started: with a readiness assessment, inside a running period, or after an issued report. */
  origin?: 'readiness' | 'current-period' | 'last-report';
  /** The first day coverage is counted from. */
  firstPeriodStart?: CalendarDate;
  /** The period this run attests; null until the readiness assessment fixed the first one. */
  period: Soc2PeriodState | null;
  /** Start and length of the period after `period` when it does not simply follow it (`planNextPeriod`). */
  nextPeriodPlan?: { start: CalendarDate; months: number };
  typeI?: { asOf: CalendarDate; report?: Soc2ReportRecord };
  /** Every Type II report (one per period; kept for coverage, one entry a period). */
  reports: Soc2ReportRecord[];
  bridgeLetters: Soc2BridgeLetter[];
  exceptions: Soc2ControlException[];
  tasks: RemediationTaskState[];
  overrides: Soc2Override[];
  coverage: Coverage;
  /** Gaps already planned between periods that lie ahead (derived). */
  plannedGaps?: CoverageSegment[];
  atRisk: boolean;
  atRiskReasons: string[];
  nextMilestone: Soc2Milestone | null;
  lastEventSequence: number;
  /** Deadlines already reported as missed, and coverage alerts already raised (each goes out once). */
  missedDeadlines: string[];
  alertsRaised: string[];
  endedReason?: string;
  /** Planned days and cost of the attested period (derived; work already done keeps its figures). */
  auditPlan?: CostPlan;
}
