import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { justificationSchema, sharedUpdateInputSchemas } from './program-inputs.js';
import { actorSchema, remediationTaskInputSchema, requirementRefSchema } from './remediation.js';
import { soc2PeriodMonthsSchema, soc2SettingsChangeSchema } from './soc2-model.js';
import { soc2Opinions } from './soc2-period-dates.js';
import { soc2OverrideRules } from './soc2-state.js';

/** Inputs of the SOC 2 program's updates; the definitions are in `soc2-messages.ts`. */

export const completeReadinessAssessmentInputSchema = z.object({
  actor: actorSchema,
  completedOn: calendarDateSchema,
  /** Each gap becomes a remediation task (requirement links such as soc2:CC6.1). */
  gaps: z.array(remediationTaskInputSchema).max(500).default([]),
  /** Needed unless the start input already named it. */
  firstPeriodStart: calendarDateSchema.optional(),
});
export type CompleteReadinessAssessmentInput = z.input<typeof completeReadinessAssessmentInputSchema>;

export const scheduleTypeIInputSchema = z.object({ actor: actorSchema, asOf: calendarDateSchema });
export type ScheduleTypeIInput = z.input<typeof scheduleTypeIInputSchema>;

export const scheduleFieldworkInputSchema = z.object({ actor: actorSchema, startsOn: calendarDateSchema });
export type ScheduleFieldworkInput = z.input<typeof scheduleFieldworkInputSchema>;

export const completeFieldworkInputSchema = z.object({ actor: actorSchema, lastDay: calendarDateSchema });
export type CompleteFieldworkInput = z.input<typeof completeFieldworkInputSchema>;

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

export const issueBridgeLetterInputSchema = z.object({
  actor: actorSchema,
  issuedOn: calendarDateSchema,
  /** Last day the letter covers; it starts the day after the last reported period and ends by its issue date. */
  coversTo: calendarDateSchema,
});
export type IssueBridgeLetterInput = z.input<typeof issueBridgeLetterInputSchema>;

export const recordControlExceptionInputSchema = controlExceptionInputSchema.extend({
  actor: actorSchema,
  observedOn: calendarDateSchema,
});
export type RecordControlExceptionInput = z.input<typeof recordControlExceptionInputSchema>;

export const soc2OverrideInputSchema = z.object({
  actor: actorSchema,
  rule: z.enum(soc2OverrideRules),
  justification: justificationSchema,
});
export type Soc2OverrideInput = z.input<typeof soc2OverrideInputSchema>;

/**
 * Plans the period after the one being attested: its start (the day after the current one ends, or later, which
 * leaves a coverage gap) and its length.
 */
export const planNextPeriodInputSchema = z.object({
  actor: actorSchema,
  start: calendarDateSchema,
  months: soc2PeriodMonthsSchema,
  reason: z.string().trim().min(3).max(2000),
});
export type PlanNextPeriodInput = z.input<typeof planNextPeriodInputSchema>;

export const changeSoc2SettingsInputSchema = z.object({
  actor: actorSchema,
  settings: soc2SettingsChangeSchema,
  reason: z.string().trim().min(3).max(2000),
});
export type ChangeSoc2SettingsInput = z.input<typeof changeSoc2SettingsInputSchema>;

/** Update names with their input schemas, so the API validates with exactly what the workflow validates. */
export const soc2UpdateInputSchemas = {
  ...sharedUpdateInputSchemas,
  completeReadinessAssessment: completeReadinessAssessmentInputSchema,
  scheduleTypeI: scheduleTypeIInputSchema,
  scheduleFieldwork: scheduleFieldworkInputSchema,
  completeFieldwork: completeFieldworkInputSchema,
  recordReport: recordReportInputSchema,
  issueBridgeLetter: issueBridgeLetterInputSchema,
  recordControlException: recordControlExceptionInputSchema,
  overrideRule: soc2OverrideInputSchema,
  planNextPeriod: planNextPeriodInputSchema,
  changeSettings: changeSoc2SettingsInputSchema,
} as const;
