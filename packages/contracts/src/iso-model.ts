import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { calendarDateSchema, type CalendarDate } from './calendar-date.js';
import {
  actorSchema,
  evidenceSchema,
  findingInputSchema,
  remediationTaskInputSchema,
  type FindingState,
  type RemediationTaskState,
} from './remediation.js';

/** Frameworks an ISO certification program can carry; both together means one integrated audit. */
export const isoFrameworkIds = ['iso27001', 'iso42001'] as const;
export type IsoFrameworkId = (typeof isoFrameworkIds)[number];

export const isoStages = [
  'GAP_ASSESSMENT',
  'REMEDIATION',
  'STAGE1',
  'STAGE2',
  'CERTIFICATION_DECISION',
  'SURVEILLANCE_1',
  'SURVEILLANCE_2',
  'RECERTIFICATION',
  /** The CB suspended the certificate (missed surveillance or its own decision); it is not valid meanwhile. */
  'SUSPENDED',
  'LAPSED',
  'ENDED',
] as const;
export type IsoStage = (typeof isoStages)[number];

export const isoAuditKinds = [
  'internal-audit',
  'management-review',
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
] as const;
export type IsoAuditKind = (typeof isoAuditKinds)[number];

/**
 * Rules the standard leaves to the certification body (CB). Defaults follow common CB practice
 * (domain-facts §8.1); each program may carry its CB's own values.
 */
export const certificationBodyPolicySchema = z.object({
  certificateValidityYears: z.number().int().min(1).max(3).default(3),
  firstSurveillanceWithinMonths: z.number().int().min(1).max(12).default(12),
  surveillanceIntervalMonths: z.number().int().min(6).max(12).default(12),
  /** Past this gap between Stage 1 and Stage 2, Stage 1 is repeated. */
  stage1ToStage2MaxGapMonths: z.number().int().min(1).max(12).default(6),
  /** Majors from Stage 2 not verified closed by then force a repeat of Stage 2. */
  majorClosureMonthsAfterStage2: z.number().int().min(1).max(6).default(6),
  /** Window to answer a finding (plan for minors, closure for majors). */
  findingResponseDays: z.number().int().min(7).max(180).default(90),
  /** After expiry, certification can be restored within this many months. */
  restorationWindowMonths: z.number().int().min(0).max(6).default(6),
  /** A suspension not lifted within this many months ends in withdrawal (ISO/IEC 17021-1 9.6.5; CBs use <= 6). */
  suspensionMaxMonths: z.number().int().min(1).max(6).default(6),
});
export type CertificationBodyPolicy = z.output<typeof certificationBodyPolicySchema>;

export const isoProgramConfigSchema = z.object({
  certificationBody: z.string().trim().min(1).max(200).optional(),
  policy: certificationBodyPolicySchema.prefault({}),
  /** Days from the program start to finish the gap assessment. */
  gapAssessmentDays: z.number().int().min(1).max(365).default(90),
  /** Reminders before a task's due date. */
  reminderDaysBefore: z
    .array(z.number().int().min(1).max(90))
    .max(5)
    .default([14, 7, 1])
    .refine((days) => new Set(days).size === days.length, { message: 'reminder days must be distinct' }),
});
export type IsoProgramConfig = z.output<typeof isoProgramConfigSchema>;

export const isoCertificationStartInputSchema = z.object({
  programId: z.string().trim().min(1).max(100),
  organizationId: z.string().trim().min(1).max(100),
  frameworks: z
    .array(z.enum(isoFrameworkIds))
    .min(1)
    .max(2)
    .refine((f) => new Set(f).size === f.length, { message: 'frameworks must be distinct' }),
  /** First day of the program; the gap assessment is due `gapAssessmentDays` later. */
  startDate: calendarDateSchema,
  /** Receives escalations (overdue tasks, missed deadlines). */
  programManagerEmail: z.email(),
  config: isoProgramConfigSchema.prefault({}),
});
/** What the API sends (defaults may be omitted). */
export type IsoCertificationStartInput = z.input<typeof isoCertificationStartInputSchema>;
/** What the workflow works with after applying defaults. */
export type IsoCertificationProgramInput = z.output<typeof isoCertificationStartInputSchema>;

export interface IsoAuditState {
  scheduledOn?: CalendarDate;
  /** Last day of the audit once its outcome is recorded. */
  lastDay?: CalendarDate;
}

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
  cycleStart?: CalendarDate;
  expiryDate?: CalendarDate;
  surveillance1Due?: CalendarDate;
  surveillance2Earliest?: CalendarDate;
  surveillance2Due?: CalendarDate;
  restorationDeadline?: CalendarDate;
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

export interface IsoMilestone {
  kind: string;
  due: CalendarDate;
}

/** The detail view of a program, returned by the query and by every update. */
export interface IsoProgramState {
  programId: string;
  organizationId: string;
  frameworks: IsoFrameworkId[];
  programManagerEmail: string;
  config: IsoProgramConfig;
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
}

// ---- Messages -------------------------------------------------------------------------------------------

export const getIsoProgramStateQuery = defineQuery<IsoProgramState>('getProgramState');

export const completeGapAssessmentInputSchema = z.object({
  actor: actorSchema,
  completedOn: calendarDateSchema,
  /** Each gap becomes a remediation task. */
  gaps: z.array(remediationTaskInputSchema).max(500).default([]),
});
export type CompleteGapAssessmentInput = z.input<typeof completeGapAssessmentInputSchema>;
export const completeGapAssessmentUpdate = defineUpdate<IsoProgramState, [CompleteGapAssessmentInput]>(
  'completeGapAssessment',
);

export const scheduleAuditInputSchema = z.object({
  actor: actorSchema,
  audit: z.enum(isoAuditKinds),
  date: calendarDateSchema,
});
export type ScheduleAuditInput = z.input<typeof scheduleAuditInputSchema>;
/** Schedules an audit, or moves it when already scheduled. */
export const scheduleAuditUpdate = defineUpdate<IsoProgramState, [ScheduleAuditInput]>('scheduleAudit');

export const recordAuditOutcomeInputSchema = z.object({
  actor: actorSchema,
  audit: z.enum(isoAuditKinds),
  lastDay: calendarDateSchema,
  findings: z.array(findingInputSchema).max(200).default([]),
  /** Findings from earlier audits (minors with accepted plans) whose closure this audit verified. */
  verifiedFindingIds: z.array(z.string().min(1)).max(200).default([]),
});
export type RecordAuditOutcomeInput = z.input<typeof recordAuditOutcomeInputSchema>;
export const recordAuditOutcomeUpdate = defineUpdate<IsoProgramState, [RecordAuditOutcomeInput]>(
  'recordAuditOutcome',
);

export const recordCertificationDecisionInputSchema = z
  .object({
    actor: actorSchema,
    decidedOn: calendarDateSchema,
    /** GRANTED opens a certification cycle; REFUSED sends the program back to repeat the audit. */
    outcome: z.enum(['GRANTED', 'REFUSED']).default('GRANTED'),
    reason: z.string().trim().min(3).max(2000).optional(),
  })
  .refine((d) => d.outcome === 'GRANTED' || d.reason !== undefined, {
    message: 'a refused certification needs a reason',
    path: ['reason'],
  });
export type RecordCertificationDecisionInput = z.input<typeof recordCertificationDecisionInputSchema>;
/**
 * The CB's (re)certification decision. Granted, it opens a certification cycle; refused, the audit it rested on
 * (Stage 2, the recertification audit or the restoration audit) has to be repeated.
 */
export const recordCertificationDecisionUpdate = defineUpdate<
  IsoProgramState,
  [RecordCertificationDecisionInput]
>('recordCertificationDecision');

export const closeFindingInputSchema = z.object({
  actor: actorSchema,
  findingId: z.string().min(1),
  on: calendarDateSchema,
  /** PLAN_ACCEPTED: the CB accepted the corrective-action plan (enough for minors); CLOSED: verified closed. */
  resolution: z.enum(['PLAN_ACCEPTED', 'CLOSED']),
});
export type CloseFindingInput = z.input<typeof closeFindingInputSchema>;
export const closeFindingUpdate = defineUpdate<IsoProgramState, [CloseFindingInput]>('closeFinding');

export const completeTaskInputSchema = z.object({
  actor: actorSchema,
  taskId: z.string().min(1),
  completedOn: calendarDateSchema,
  evidence: z
    .array(evidenceSchema)
    .min(1, { message: 'completing a task needs at least one piece of evidence' })
    .max(50),
});
export type CompleteTaskInput = z.input<typeof completeTaskInputSchema>;
export const completeTaskUpdate = defineUpdate<IsoProgramState, [CompleteTaskInput]>('completeTask');

export const reassignTaskInputSchema = z.object({
  actor: actorSchema,
  taskId: z.string().min(1),
  ownerEmail: z.email(),
  /** Optional new due date (moves reminders and escalation). */
  dueDate: calendarDateSchema.optional(),
});
export type ReassignTaskInput = z.input<typeof reassignTaskInputSchema>;
export const reassignTaskUpdate = defineUpdate<IsoProgramState, [ReassignTaskInput]>('reassignTask');

export const cancelTaskInputSchema = z.object({
  actor: actorSchema,
  taskId: z.string().min(1),
  reason: z.string().trim().min(3).max(500),
});
export type CancelTaskInput = z.input<typeof cancelTaskInputSchema>;
export const cancelTaskUpdate = defineUpdate<IsoProgramState, [CancelTaskInput]>('cancelTask');

export const isoOverrideRules = [
  /** The CB judged Stage 1 results still valid past its usual gap limit. */
  'stage1-validity',
  /** The CB granted a justified deviation from the 6-month major-closure window. */
  'major-closure-window',
] as const;
export type IsoOverrideRule = (typeof isoOverrideRules)[number];

export const overrideRuleInputSchema = z.object({
  actor: actorSchema,
  rule: z.enum(isoOverrideRules),
  justification: z
    .string()
    .trim()
    .min(20, { message: 'a justification of at least 20 characters is required' })
    .max(2000),
});
export type OverrideRuleInput = z.input<typeof overrideRuleInputSchema>;
export const overrideRuleUpdate = defineUpdate<IsoProgramState, [OverrideRuleInput]>('overrideRule');

export const changeScopeInputSchema = z.object({
  actor: actorSchema,
  /** The frameworks after the change; both means one integrated audit of the shared clauses 4-10. */
  frameworks: z
    .array(z.enum(isoFrameworkIds))
    .min(1)
    .max(2)
    .refine((f) => new Set(f).size === f.length, { message: 'frameworks must be distinct' }),
  justification: z
    .string()
    .trim()
    .min(20, { message: 'a justification of at least 20 characters is required' })
    .max(2000),
});
export type ChangeScopeInput = z.input<typeof changeScopeInputSchema>;
/**
 * Adds or drops a framework. An added framework joins the running cycle (aligned dates, audited with the next
 * audit as an extension); open tasks that only concern a dropped framework are cancelled.
 */
export const changeScopeUpdate = defineUpdate<IsoProgramState, [ChangeScopeInput]>('changeScope');

/** A CB decision about a valid certificate, taking effect on a day, with its reason. */
const certificateDecisionInputSchema = z.object({
  actor: actorSchema,
  on: calendarDateSchema,
  reason: z.string().trim().min(3).max(2000),
});

export const suspendCertificationInputSchema = certificateDecisionInputSchema;
export type SuspendCertificationInput = z.input<typeof suspendCertificationInputSchema>;
/**
 * The CB suspends a valid certificate (for example persistent or serious nonconformities, or at the client's
 * request). A missed surveillance audit suspends it automatically.
 */
export const suspendCertificationUpdate = defineUpdate<IsoProgramState, [SuspendCertificationInput]>(
  'suspendCertification',
);

export const reinstateCertificationInputSchema = z.object({
  actor: actorSchema,
  on: calendarDateSchema,
  justification: z.string().trim().min(3).max(2000),
});
export type ReinstateCertificationInput = z.input<typeof reinstateCertificationInputSchema>;
/** The CB lifts a suspension it decided; one caused by a missed audit lifts when that audit is recorded. */
export const reinstateCertificationUpdate = defineUpdate<IsoProgramState, [ReinstateCertificationInput]>(
  'reinstateCertification',
);

export const withdrawCertificationInputSchema = certificateDecisionInputSchema;
export type WithdrawCertificationInput = z.input<typeof withdrawCertificationInputSchema>;
/** The CB withdraws the certificate; the program continues with a new initial audit (or is ended). */
export const withdrawCertificationUpdate = defineUpdate<IsoProgramState, [WithdrawCertificationInput]>(
  'withdrawCertification',
);

export const endProgramInputSchema = z.object({
  actor: actorSchema,
  reason: z.string().trim().min(3).max(500),
});
export type EndProgramInput = z.input<typeof endProgramInputSchema>;
/** Ends the program for good (certificate withdrawn or not pursued); the workflow completes. */
export const endProgramUpdate = defineUpdate<IsoProgramState, [EndProgramInput]>('endProgram');

export const addNoteSignalInputSchema = z.object({
  actor: actorSchema,
  note: z.string().trim().min(1).max(2000),
});
export type AddNoteSignalInput = z.input<typeof addNoteSignalInputSchema>;
/** Fire-and-forget: a note for the audit trail. */
export const addNoteSignal = defineSignal<[AddNoteSignalInput]>('addNote');

export const attachEvidenceSignalInputSchema = z.object({
  actor: actorSchema,
  taskId: z.string().min(1),
  evidence: evidenceSchema,
});
export type AttachEvidenceSignalInput = z.input<typeof attachEvidenceSignalInputSchema>;
/** Fire-and-forget: evidence uploaded for an open task (completing it is an update). */
export const attachEvidenceSignal = defineSignal<[AttachEvidenceSignalInput]>('attachEvidence');

/** Update names with their input schemas, so the API validates with exactly what the workflow validates. */
export const isoUpdateInputSchemas = {
  completeGapAssessment: completeGapAssessmentInputSchema,
  scheduleAudit: scheduleAuditInputSchema,
  recordAuditOutcome: recordAuditOutcomeInputSchema,
  recordCertificationDecision: recordCertificationDecisionInputSchema,
  closeFinding: closeFindingInputSchema,
  completeTask: completeTaskInputSchema,
  reassignTask: reassignTaskInputSchema,
  cancelTask: cancelTaskInputSchema,
  overrideRule: overrideRuleInputSchema,
  changeScope: changeScopeInputSchema,
  suspendCertification: suspendCertificationInputSchema,
  reinstateCertification: reinstateCertificationInputSchema,
  withdrawCertification: withdrawCertificationInputSchema,
  endProgram: endProgramInputSchema,
} as const;

/** Update definitions by name, next to `isoUpdateInputSchemas`, for an API that routes actions generically. */
export const isoUpdates = {
  completeGapAssessment: completeGapAssessmentUpdate,
  scheduleAudit: scheduleAuditUpdate,
  recordAuditOutcome: recordAuditOutcomeUpdate,
  recordCertificationDecision: recordCertificationDecisionUpdate,
  closeFinding: closeFindingUpdate,
  completeTask: completeTaskUpdate,
  reassignTask: reassignTaskUpdate,
  cancelTask: cancelTaskUpdate,
  overrideRule: overrideRuleUpdate,
  changeScope: changeScopeUpdate,
  suspendCertification: suspendCertificationUpdate,
  reinstateCertification: reinstateCertificationUpdate,
  withdrawCertification: withdrawCertificationUpdate,
  endProgram: endProgramUpdate,
} as const satisfies Record<keyof typeof isoUpdateInputSchemas, unknown>;
