import type { CalendarDate } from './calendar-date.js';
import type {
  Evidence,
  FindingSeverity,
  FindingStatus,
  RemediationTaskStatus,
  RequirementLink,
} from './remediation.js';

/**
 * The read model: rows the worker projects from a program workflow's snapshot into PostgreSQL, in the same
 * transaction as the audit events of the same batch (docs/adr/0014-read-model.md). The workflow sends only the
 * rows that changed since its last projection; every row is written with the batch's version and never replaces
 * a row written at a newer one. Field names follow the workflow state; dates are calendar dates (YYYY-MM-DD).
 */

export interface ReadModelProgramRow {
  stage: string;
  status: 'RUNNING' | 'COMPLETED';
  /** ISO: certification cycle; SOC 2: number of the attested observation period (0 before the first). */
  cycle: number;
  atRisk: boolean;
  atRiskReasons: string[];
  nextMilestone: { kind: string; due: CalendarDate } | null;
}

export interface ReadModelTaskRow {
  id: string;
  title: string;
  ownerEmail: string;
  dueDate: CalendarDate;
  status: RemediationTaskStatus;
  requirementIds: string[];
  links: RequirementLink[];
  source: 'gap-assessment' | 'finding';
  findingId: string | null;
  /** The cycle (ISO) or period (SOC 2) when the task was first projected; never moved afterwards. */
  cycle: number;
  evidence: Evidence[];
  completedOn: CalendarDate | null;
  cancelReason: string | null;
  escalated: boolean;
}

export interface ReadModelFindingRow {
  id: string;
  kind: 'audit-finding' | 'control-exception';
  /** ISO: the audit that raised it; SOC 2: `observation` or `report`. */
  auditId: string;
  cycle: number;
  severity: FindingSeverity | null;
  description: string;
  requirementIds: string[];
  links: RequirementLink[];
  raisedOn: CalendarDate;
  responseDue: CalendarDate | null;
  status: FindingStatus;
  closedOn: CalendarDate | null;
  taskId: string | null;
  overdueEscalated: boolean;
}

export const milestoneCategories = ['assessment', 'audit', 'decision', 'deadline', 'period'] as const;
export type MilestoneCategory = (typeof milestoneCategories)[number];

/** One audit, assessment, decision or deadline of a cycle with the dates the rules give it. */
export interface ReadModelMilestoneRow {
  cycle: number;
  kind: string;
  category: MilestoneCategory;
  /** First day it may take place. */
  earliest: CalendarDate | null;
  /** When it is expected. */
  due: CalendarDate | null;
  /** The last day the rules allow. */
  deadline: CalendarDate | null;
  scheduled: CalendarDate | null;
  /** When it took place. */
  actual: CalendarDate | null;
  plannedDays: number | null;
  plannedCost: number | null;
  currency: string | null;
}

export const certificateStatuses = [
  'PENDING',
  'VALID',
  'SUSPENDED',
  'EXPIRED',
  'WITHDRAWN',
  'ENDED',
] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

export interface ReadModelCertificateRow {
  cycle: number;
  frameworks: string[];
  number: string | null;
  origin: 'gap-assessment' | 'existing-certificate';
  status: CertificateStatus;
  decisionDate: CalendarDate | null;
  cycleStart: CalendarDate | null;
  expiryDate: CalendarDate | null;
  suspendedSince: CalendarDate | null;
  suspendedUntil: CalendarDate | null;
}

export interface ReadModelPeriodRow {
  number: number;
  start: CalendarDate;
  end: CalendarDate;
  months: number;
  fieldworkDue: CalendarDate;
  reportDue: CalendarDate;
  fieldworkScheduledOn: CalendarDate | null;
  fieldworkCompletedOn: CalendarDate | null;
}

export interface ReadModelReportRow {
  type: 'TYPE1' | 'TYPE2';
  periodNumber: number;
  start: CalendarDate;
  end: CalendarDate;
  issuedOn: CalendarDate;
  opinion: string;
  exceptionCount: number;
}

export interface ReadModelBridgeLetterRow {
  afterPeriod: number;
  issuedOn: CalendarDate;
  from: CalendarDate;
  to: CalendarDate;
}

export interface ReadModelCoverageGapRow {
  from: CalendarDate;
  /** null while the gap is still open. */
  to: CalendarDate | null;
  /** A gap already planned between periods, not yet reached. */
  planned: boolean;
}

/** Everything one program contributes to the read model, as computed from its snapshot. */
export interface ReadModelRows {
  program: ReadModelProgramRow;
  tasks: ReadModelTaskRow[];
  findings: ReadModelFindingRow[];
  milestones: ReadModelMilestoneRow[];
  /** Cycles whose milestone rows above are complete: rows of those cycles not listed are removed. */
  completeCycles: number[];
  certificates: ReadModelCertificateRow[];
  periods: ReadModelPeriodRow[];
  reports: ReadModelReportRow[];
  bridgeLetters: ReadModelBridgeLetterRow[];
  /** The complete set of coverage gaps (SOC 2 only); undefined leaves the stored gaps alone. */
  coverageGaps?: ReadModelCoverageGapRow[];
}

/** What changed since the previous projection, with the version it is written at. */
export interface ReadModelDelta extends Partial<Omit<ReadModelRows, 'program'>> {
  /** The workflow's last audit sequence when the snapshot was taken. */
  sequence: number;
  /** Workflow time of the snapshot (ISO instant); breaks ties between projections of the same sequence. */
  at: string;
  program?: ReadModelProgramRow;
}
