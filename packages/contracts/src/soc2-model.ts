import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { calendarDateSchema, type CalendarDate } from './calendar-date.js';
import {
  cancelTaskInputSchema,
  completeTaskInputSchema,
  endProgramInputSchema,
  reassignTaskInputSchema,
  type CancelTaskInput,
  type CompleteTaskInput,
  type EndProgramInput,
  type ReassignTaskInput,
} from './iso-certification.js';
import {
  actorSchema,
  remediationTaskInputSchema,
  requirementRefSchema,
  type RemediationTaskState,
} from './remediation.js';
import { type Coverage, soc2Opinions, type Soc2Opinion } from './soc2-period-dates.js';

export * from './soc2-period-dates.js';

/**
 * SOC 2 Type II attestation: readiness → remediation → (optional Type I as of a date) → back-to-back observation
 * periods, each followed by fieldwork and the service auditor's report. The report is an attestation by a CPA
 * firm, not a certification (domain-facts §8.4). The add-note and attach-evidence signals are the shared ones
 * from iso-certification.ts; the task updates take the same inputs but return the SOC 2 state.
 */

export const soc2Stages = [
  'READINESS',
  'REMEDIATION',
  'OBSERVATION',
  'FIELDWORK',
  'REPORTING',
  'ENDED',
] as const;
export type Soc2Stage = (typeof soc2Stages)[number];

export const soc2PeriodMonths = [3, 6, 12] as const;
const periodMonthsSchema = z.union([z.literal(3), z.literal(6), z.literal(12)]);

export const soc2ProgramConfigSchema = z.object({
  cpaFirm: z.string().trim().min(1).max(200).optional(),
  /** Length of every observation period after the first. */
  periodMonths: periodMonthsSchema.default(12),
  /** A first Type II often covers a shorter period; defaults to `periodMonths`. */
  firstPeriodMonths: periodMonthsSchema.optional(),
  /** Days from the program start to finish the readiness (gap) assessment. */
  readinessDays: z.number().int().min(1).max(365).default(60),
  /** Fieldwork is expected to start within this many weeks after the period ends. */
  fieldworkWithinWeeks: z.number().int().min(1).max(26).default(4),
  /** The report is expected within this many weeks after the period ends. */
  reportDueWeeks: z.number().int().min(1).max(52).default(8),
  /** Longest bridge letter management may issue without an override. */
  bridgeLetterMaxMonths: z.number().int().min(1).max(12).default(3),
  /** Warn this many days before a bridge letter runs out. */
  bridgeLetterWarningDays: z.number().int().min(1).max(60).default(14),
  /** Due date of a task raised from a control exception when none is given. */
  exceptionRemediationDays: z.number().int().min(1).max(365).default(30),
  reminderDaysBefore: z
    .array(z.number().int().min(1).max(90))
    .max(5)
    .default([14, 7, 1])
    .refine((days) => new Set(days).size === days.length, { message: 'reminder days must be distinct' }),
});
export type Soc2ProgramConfig = z.output<typeof soc2ProgramConfigSchema>;

export const soc2AttestationStartInputSchema = z.object({
  programId: z.string().trim().min(1).max(100),
  organizationId: z.string().trim().min(1).max(100),
  /** First day of the program; the readiness assessment is due `readinessDays` later. */
  startDate: calendarDateSchema,
  /** Start of the first observation period if already agreed; otherwise given when readiness completes. */
  firstPeriodStart: calendarDateSchema.optional(),
  /** Receives escalations and coverage alerts. */
  programManagerEmail: z.email(),
  config: soc2ProgramConfigSchema.prefault({}),
});
export type Soc2AttestationStartInput = z.input<typeof soc2AttestationStartInputSchema>;
export type Soc2AttestationProgramInput = z.output<typeof soc2AttestationStartInputSchema>;

/** The observation period this run attests (one run per period; continue-as-new once its report is issued). */
export interface Soc2PeriodState {
  /** 1 for the first Type II period. */
  number: number;
  start: CalendarDate;
  end: CalendarDate;
  months: 3 | 6 | 12;
  fieldworkDue: CalendarDate;
  reportDue: CalendarDate;
  fieldworkScheduledOn?: CalendarDate;
  fieldworkCompletedOn?: CalendarDate;
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
}

export const soc2OverrideRules = [
  /** Fieldwork planned later than the expected weeks after the period end. */
  'fieldwork-window',
  /** A bridge letter longer than the configured maximum. */
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

/** The detail view of a SOC 2 program, returned by the query and by every update. */
export interface Soc2ProgramState {
  programId: string;
  organizationId: string;
  programManagerEmail: string;
  config: Soc2ProgramConfig;
  stage: Soc2Stage;
  today: CalendarDate;
  startDate: CalendarDate;
  readinessDue: CalendarDate;
  readinessCompletedOn?: CalendarDate;
  /** The first day coverage is counted from. */
  firstPeriodStart?: CalendarDate;
  /** The period this run attests; null until the readiness assessment fixed the first one. */
  period: Soc2PeriodState | null;
  typeI?: { asOf: CalendarDate; report?: Soc2ReportRecord };
  /** Every Type II report (one per period; kept for coverage, one entry a period). */
  reports: Soc2ReportRecord[];
  bridgeLetters: Soc2BridgeLetter[];
  exceptions: Soc2ControlException[];
  tasks: RemediationTaskState[];
  overrides: Soc2Override[];
  coverage: Coverage;
  atRisk: boolean;
  atRiskReasons: string[];
  nextMilestone: Soc2Milestone | null;
  lastEventSequence: number;
  /** Deadlines already reported as missed, and coverage alerts already raised (each goes out once). */
  missedDeadlines: string[];
  alertsRaised: string[];
  endedReason?: string;
}

// ---- Messages -------------------------------------------------------------------------------------------

/** Same query name as the ISO workflow, so the API reads any program's detail the same way. */
export const getSoc2ProgramStateQuery = defineQuery<Soc2ProgramState>('getProgramState');

export const completeReadinessAssessmentInputSchema = z.object({
  actor: actorSchema,
  completedOn: calendarDateSchema,
  /** Each gap becomes a remediation task (requirement links such as soc2:CC6.1). */
  gaps: z.array(remediationTaskInputSchema).max(500).default([]),
  /** Needed unless the start input already named it. */
  firstPeriodStart: calendarDateSchema.optional(),
});
export type CompleteReadinessAssessmentInput = z.input<typeof completeReadinessAssessmentInputSchema>;
export const completeReadinessAssessmentUpdate = defineUpdate<
  Soc2ProgramState,
  [CompleteReadinessAssessmentInput]
>('completeReadinessAssessment');

export const scheduleTypeIInputSchema = z.object({ actor: actorSchema, asOf: calendarDateSchema });
export type ScheduleTypeIInput = z.input<typeof scheduleTypeIInputSchema>;
/** Schedules the optional Type I examination as of a date, or moves it. */
export const scheduleTypeIUpdate = defineUpdate<Soc2ProgramState, [ScheduleTypeIInput]>('scheduleTypeI');

export const scheduleFieldworkInputSchema = z.object({ actor: actorSchema, startsOn: calendarDateSchema });
export type ScheduleFieldworkInput = z.input<typeof scheduleFieldworkInputSchema>;
/** Schedules (or moves) the auditor's fieldwork for the attested period. */
export const scheduleFieldworkUpdate = defineUpdate<Soc2ProgramState, [ScheduleFieldworkInput]>(
  'scheduleFieldwork',
);

export const completeFieldworkInputSchema = z.object({ actor: actorSchema, lastDay: calendarDateSchema });
export type CompleteFieldworkInput = z.input<typeof completeFieldworkInputSchema>;
export const completeFieldworkUpdate = defineUpdate<Soc2ProgramState, [CompleteFieldworkInput]>(
  'completeFieldwork',
);

export const controlExceptionInputSchema = z.object({
  description: z.string().trim().min(1).max(2000),
  requirementIds: z.array(requirementRefSchema).max(50).default([]),
  /** Owner of the remediation task; defaults to the program manager. */
  ownerEmail: z.email().optional(),
  /** Due date of the remediation task; defaults to `exceptionRemediationDays` from today. */
  dueDate: calendarDateSchema.optional(),
});
export type ControlExceptionInput = z.input<typeof controlExceptionInputSchema>;

export const recordReportInputSchema = z.object({
  actor: actorSchema,
  reportType: z.enum(['TYPE1', 'TYPE2']),
  issuedOn: calendarDateSchema,
  opinion: z.enum(soc2Opinions),
  /** Exceptions the auditor reported (Section IV); each becomes a remediation task. */
  exceptions: z.array(controlExceptionInputSchema).max(200).default([]),
});
export type RecordReportInput = z.input<typeof recordReportInputSchema>;
/** Records the service auditor's report; a Type II report closes the period and the run continues as new. */
export const recordReportUpdate = defineUpdate<Soc2ProgramState, [RecordReportInput]>('recordReport');

export const issueBridgeLetterInputSchema = z.object({
  actor: actorSchema,
  issuedOn: calendarDateSchema,
  /** Last day the letter covers; it always starts the day after the last reported period. */
  coversTo: calendarDateSchema,
});
export type IssueBridgeLetterInput = z.input<typeof issueBridgeLetterInputSchema>;
export const issueBridgeLetterUpdate = defineUpdate<Soc2ProgramState, [IssueBridgeLetterInput]>(
  'issueBridgeLetter',
);

export const recordControlExceptionInputSchema = controlExceptionInputSchema.extend({
  actor: actorSchema,
  observedOn: calendarDateSchema,
});
export type RecordControlExceptionInput = z.input<typeof recordControlExceptionInputSchema>;
/** A control that did not operate as described during an observation period. */
export const recordControlExceptionUpdate = defineUpdate<Soc2ProgramState, [RecordControlExceptionInput]>(
  'recordControlException',
);

export const soc2OverrideInputSchema = z.object({
  actor: actorSchema,
  rule: z.enum(soc2OverrideRules),
  justification: z
    .string()
    .trim()
    .min(20, { message: 'a justification of at least 20 characters is required' })
    .max(2000),
});
export type Soc2OverrideInput = z.input<typeof soc2OverrideInputSchema>;
export const soc2OverrideRuleUpdate = defineUpdate<Soc2ProgramState, [Soc2OverrideInput]>('overrideRule');

export const soc2CompleteTaskUpdate = defineUpdate<Soc2ProgramState, [CompleteTaskInput]>('completeTask');
export const soc2ReassignTaskUpdate = defineUpdate<Soc2ProgramState, [ReassignTaskInput]>('reassignTask');
export const soc2CancelTaskUpdate = defineUpdate<Soc2ProgramState, [CancelTaskInput]>('cancelTask');
export const soc2EndProgramUpdate = defineUpdate<Soc2ProgramState, [EndProgramInput]>('endProgram');

/** Update names with their input schemas, so the API validates with exactly what the workflow validates. */
export const soc2UpdateInputSchemas = {
  completeReadinessAssessment: completeReadinessAssessmentInputSchema,
  scheduleTypeI: scheduleTypeIInputSchema,
  scheduleFieldwork: scheduleFieldworkInputSchema,
  completeFieldwork: completeFieldworkInputSchema,
  recordReport: recordReportInputSchema,
  issueBridgeLetter: issueBridgeLetterInputSchema,
  recordControlException: recordControlExceptionInputSchema,
  overrideRule: soc2OverrideInputSchema,
  completeTask: completeTaskInputSchema,
  reassignTask: reassignTaskInputSchema,
  cancelTask: cancelTaskInputSchema,
  endProgram: endProgramInputSchema,
} as const;
