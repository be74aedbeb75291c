import { z } from 'zod';
import { auditorTermsSchema } from './audit-cost.js';
import { auditDaysSchema } from './audit-time.js';
import { calendarDateSchema } from './calendar-date.js';
import { monthWindowEnd } from './month-windows.js';
import { soc2Opinions } from './soc2-period-dates.js';

/**
 * SOC 2 Type II attestation: readiness → remediation → (optional Type I as of a date) → observation periods, each
 * followed by fieldwork and the service auditor's report. The report is an attestation by a CPA firm, not a
 * certification (domain-facts §8.4). A program can also start mid-stream: inside a period already under way, or
 * after a report already issued.
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
export type Soc2PeriodMonths = (typeof soc2PeriodMonths)[number];
export const soc2PeriodMonthsSchema = z.union([z.literal(3), z.literal(6), z.literal(12)]);

export const soc2ProgramConfigSchema = z.object({
  cpaFirm: z.string().trim().min(1).max(200).optional(),
  /** Length of every observation period after the first. */
  periodMonths: soc2PeriodMonthsSchema.default(12),
  /** A first Type II often covers a shorter period; defaults to `periodMonths`. */
  firstPeriodMonths: soc2PeriodMonthsSchema.optional(),
  /** Days from the program start to finish the readiness (gap) assessment. */
  readinessDays: z.number().int().min(1).max(365).default(60),
  /** Fieldwork is expected to start within this many weeks after the period ends. */
  fieldworkWithinWeeks: z.number().int().min(1).max(26).default(4),
  /** The report is expected within this many weeks after the period ends. */
  reportDueWeeks: z.number().int().min(1).max(52).default(8),
  /** Longest stretch after a reported period that bridge letters may cover without an override. */
  bridgeLetterMaxMonths: z.number().int().min(1).max(12).default(3),
  /** Warn this many days before that stretch runs out with no report taking over. */
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

const soc2SettingsFields = {
  /** Auditor-days of fieldwork per Type II period, as the CPA firm quoted. */
  fieldworkDays: auditDaysSchema,
  /** Auditor-days of a Type I examination. */
  typeIDays: auditDaysSchema,
  /** The CPA firm's day rate and fees (`feePerAudit` is the report fee). */
  terms: auditorTermsSchema,
};

/** Cost inputs of a SOC 2 program; changed by `changeSettings`, moving only figures of work not yet done. */
export const soc2ProgramSettingsSchema = z.object({
  fieldworkDays: soc2SettingsFields.fieldworkDays.optional(),
  typeIDays: soc2SettingsFields.typeIDays.optional(),
  terms: soc2SettingsFields.terms.optional(),
});
export type Soc2ProgramSettings = z.output<typeof soc2ProgramSettingsSchema>;

export const soc2SettingsChangeSchema = z
  .object({
    fieldworkDays: soc2SettingsFields.fieldworkDays.nullable(),
    typeIDays: soc2SettingsFields.typeIDays.nullable(),
    terms: soc2SettingsFields.terms.nullable(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { message: 'name at least one setting to change' });
export type Soc2SettingsChange = z.output<typeof soc2SettingsChangeSchema>;

/** An observation period already under way when the program is set up. */
export const runningPeriodSchema = z
  .object({ start: calendarDateSchema, end: calendarDateSchema })
  .refine((p) => p.end > p.start, { message: 'the period must end after it starts', path: ['end'] })
  .refine((p) => p.end <= monthWindowEnd(p.start, 12), {
    message: 'an observation period lasts at most 12 months',
    path: ['end'],
  });

/** The last Type II report already issued when the program is set up. */
export const issuedReportSchema = z
  .object({
    periodStart: calendarDateSchema,
    periodEnd: calendarDateSchema,
    issuedOn: calendarDateSchema,
    opinion: z.enum(soc2Opinions),
  })
  .refine((r) => r.periodEnd > r.periodStart, {
    message: 'the period must end after it starts',
    path: ['periodEnd'],
  })
  .refine((r) => r.issuedOn > r.periodEnd, {
    message: 'a Type II report is issued after its period ends',
    path: ['issuedOn'],
  });

/** The start input's fields; `soc2AttestationStartInputSchema` adds the cross-field rules (`checkSoc2Start`). */
export const soc2AttestationStartFields = z.object({
  programId: z.string().trim().min(1).max(100),
  organizationId: z.string().trim().min(1).max(100),
  /** First day of the program; the readiness assessment is due `readinessDays` later. */
  startDate: calendarDateSchema,
  /** Start of the first observation period if already agreed; otherwise given when readiness completes. */
  firstPeriodStart: calendarDateSchema.optional(),
  /** Start mid-stream, inside this period (no readiness assessment). */
  currentPeriod: runningPeriodSchema.optional(),
  /** Start after this report; the next period follows it (or is `currentPeriod`, when given). */
  lastReport: issuedReportSchema.optional(),
  /** Receives escalations and coverage alerts. */
  programManagerEmail: z.email(),
  config: soc2ProgramConfigSchema.prefault({}),
  settings: soc2ProgramSettingsSchema.prefault({}),
});

type Soc2StartFields = Pick<
  z.output<typeof soc2AttestationStartFields>,
  'startDate' | 'firstPeriodStart' | 'currentPeriod' | 'lastReport'
>;

/** Rules across the start input's fields (mid-stream periods must fit together); reused by the API's schema. */
export function checkSoc2Start(input: Soc2StartFields, ctx: z.RefinementCtx): void {
  const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const { currentPeriod: current, lastReport: report } = input;
  if ((current || report) && input.firstPeriodStart) {
    issue(
      ['firstPeriodStart'],
      'a program started mid-stream takes its periods from currentPeriod or lastReport',
    );
  }
  if (current && current.start > input.startDate) {
    issue(
      ['currentPeriod', 'start'],
      'a period under way started on or before the program start; use firstPeriodStart for a later one',
    );
  }
  if (report && report.issuedOn > input.startDate) {
    issue(['lastReport', 'issuedOn'], 'the report must already be issued when the program starts');
  }
  if (current && report && current.start <= report.periodEnd) {
    issue(
      ['currentPeriod', 'start'],
      `the period under way starts after the reported one (${report.periodEnd})`,
    );
  }
}

export const soc2AttestationStartInputSchema = soc2AttestationStartFields.superRefine(checkSoc2Start);
export type Soc2AttestationStartInput = z.input<typeof soc2AttestationStartInputSchema>;
export type Soc2AttestationProgramInput = z.output<typeof soc2AttestationStartInputSchema>;
