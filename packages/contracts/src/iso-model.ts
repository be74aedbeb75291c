import { z } from 'zod';
import { aiRoles, complexityAdjustmentSchema, quotedAuditDaysSchema } from './audit-time.js';
import { auditorTermsSchema } from './audit-cost.js';
import { calendarDateSchema } from './calendar-date.js';
import { monthWindowEnd } from './month-windows.js';
import { findingInputSchema } from './remediation.js';

/** Frameworks an ISO certification program can carry; both together means one integrated (combined) audit. */
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

/** Stages in which the organisation holds a valid certificate. */
export const isoCertifiedStages: readonly IsoStage[] = [
  'SURVEILLANCE_1',
  'SURVEILLANCE_2',
  'RECERTIFICATION',
];

export const isoAuditKinds = [
  'internal-audit',
  'management-review',
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
  /** A standard added to a certified program gets its own initial audit (often combined with a surveillance). */
  'extension-stage1',
  'extension-stage2',
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
  /** The recertification audit is held in the last this-many months before expiry (17021-1 §9.1.3: year 3). */
  recertificationWindowMonths: z.number().int().min(1).max(12).default(12),
});
export type CertificationBodyPolicy = z.output<typeof certificationBodyPolicySchema>;

const reminderDaysSchema = z
  .array(z.number().int().min(1).max(90))
  .max(5)
  .default([14, 7, 1])
  .refine((days) => new Set(days).size === days.length, { message: 'reminder days must be distinct' });

export const isoProgramConfigSchema = z.object({
  certificationBody: z.string().trim().min(1).max(200).optional(),
  policy: certificationBodyPolicySchema.prefault({}),
  /** Days from the program start to finish the gap assessment. */
  gapAssessmentDays: z.number().int().min(1).max(365).default(90),
  /** Reminders before a task's due date. */
  reminderDaysBefore: reminderDaysSchema,
});
export type IsoProgramConfig = z.output<typeof isoProgramConfigSchema>;

const settingsFields = {
  /** Persons doing work under the organisation's control within the ISMS scope (ISO/IEC 27006-1 Table C.1). */
  personsInScope: z.number().int().min(1).max(1_000_000),
  /** Business × IT complexity adjustment of the ISMS time, with the reason the CB accepted. */
  complexityAdjustment: complexityAdjustmentSchema,
  /** Persons involved in AIMS-governed processes (ISO/IEC 42006). */
  aiPersonsInScope: z.number().int().min(1).max(1_000_000),
  aiRoles: z
    .array(z.enum(aiRoles))
    .min(1)
    .max(aiRoles.length)
    .refine((r) => new Set(r).size === r.length, { message: 'AI roles must be distinct' }),
  /** Share of the initial audit time spent in Stage 1. */
  stage1SharePercent: z.number().int().min(10).max(60),
  /** IAF MD 11 reduction for an integrated system audited in one combined audit (capped at 20 % when applied). */
  integrationReductionPercent: z.number().int().min(0).max(100),
  integrationReason: z.string().trim().min(3).max(500),
  /** Days the certification body quoted per standard; each figure given wins over the table. */
  quotedDays: z.object({
    iso27001: quotedAuditDaysSchema.optional(),
    iso42001: quotedAuditDaysSchema.optional(),
  }),
  /** The certification body's day rate and fees. */
  terms: auditorTermsSchema,
};

/**
 * What audit time and cost are computed from. These are program settings: they can change while the program runs
 * (`changeSettings`, an audit event) and a change moves only the figures of audits not yet held.
 */
export const isoProgramSettingsSchema = z.object({
  ...settingsFields,
  personsInScope: settingsFields.personsInScope.optional(),
  complexityAdjustment: settingsFields.complexityAdjustment.optional(),
  aiPersonsInScope: settingsFields.aiPersonsInScope.optional(),
  aiRoles: settingsFields.aiRoles.optional(),
  stage1SharePercent: settingsFields.stage1SharePercent.default(30),
  integrationReductionPercent: settingsFields.integrationReductionPercent.default(0),
  integrationReason: settingsFields.integrationReason.optional(),
  quotedDays: settingsFields.quotedDays.default({}),
  terms: settingsFields.terms.optional(),
});
export type IsoProgramSettings = z.output<typeof isoProgramSettingsSchema>;
export type IsoProgramSettingsInput = z.input<typeof isoProgramSettingsSchema>;

/** A change of settings: each field given replaces the current value; `null` clears an optional one. */
export const isoSettingsChangeSchema = z
  .object({
    personsInScope: settingsFields.personsInScope.nullable(),
    complexityAdjustment: settingsFields.complexityAdjustment.nullable(),
    aiPersonsInScope: settingsFields.aiPersonsInScope.nullable(),
    aiRoles: settingsFields.aiRoles.nullable(),
    stage1SharePercent: settingsFields.stage1SharePercent,
    integrationReductionPercent: settingsFields.integrationReductionPercent,
    integrationReason: settingsFields.integrationReason.nullable(),
    quotedDays: settingsFields.quotedDays,
    terms: settingsFields.terms.nullable(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { message: 'name at least one setting to change' });
export type IsoSettingsChange = z.output<typeof isoSettingsChangeSchema>;

const isoFrameworkListSchema = z
  .array(z.enum(isoFrameworkIds))
  .min(1)
  .max(2)
  .refine((f) => new Set(f).size === f.length, { message: 'frameworks must be distinct' });

/** A finding of the certificate's earlier audits that is still open when the program is set up. */
export const importedFindingSchema = findingInputSchema.extend({
  raisedOn: calendarDateSchema,
  /** OPEN: no corrective-action plan accepted yet; PLAN_ACCEPTED: the CB accepted it (minors). */
  status: z.enum(['OPEN', 'PLAN_ACCEPTED']).default('OPEN'),
});

/** The certificate an organisation already holds, to run the program from where it really is. */
export const existingCertificateSchema = z
  .object({
    certificateNumber: z.string().trim().min(1).max(100),
    /** Standards on the certificate; default: all of the program's. The others get their own initial audit. */
    frameworks: isoFrameworkListSchema.optional(),
    /** The (re)certification decision that opened the current cycle. */
    decisionDate: calendarDateSchema,
    /** First valid day of the current cycle: the decision day, or the day after the previous expiry. */
    cycleStart: calendarDateSchema.optional(),
    expiryDate: calendarDateSchema,
    /** 1 for an initial certification's cycle, 2 and more after recertifications. */
    cycle: z.number().int().min(1).max(50).default(1),
    /** Surveillance audits of this cycle already held. */
    surveillanceAudits: z
      .array(z.object({ audit: z.enum(['surveillance1', 'surveillance2']), lastDay: calendarDateSchema }))
      .max(2)
      .default([]),
    openFindings: z.array(importedFindingSchema).max(200).default([]),
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const start = c.cycleStart ?? c.decisionDate;
    if (start < c.decisionDate) issue(['cycleStart'], 'the cycle cannot start before its decision');
    if (c.expiryDate <= start) issue(['expiryDate'], 'the certificate must expire after its cycle starts');
    const held = new Map(c.surveillanceAudits.map((a) => [a.audit, a.lastDay]));
    if (held.size !== c.surveillanceAudits.length) issue(['surveillanceAudits'], 'each audit is listed once');
    const s1 = held.get('surveillance1');
    const s2 = held.get('surveillance2');
    if (s2 && !s1) issue(['surveillanceAudits'], 'surveillance audit 2 follows surveillance audit 1');
    if (s1 && s1 < c.decisionDate) {
      issue(['surveillanceAudits'], 'surveillance audit 1 of this cycle comes after its decision');
    }
    if (s1 && s2 && s2 <= s1) issue(['surveillanceAudits'], 'surveillance audit 2 comes after audit 1');
  });
export type ExistingCertificate = z.output<typeof existingCertificateSchema>;

/** The start input's fields; `isoCertificationStartInputSchema` adds the cross-field rules (`checkIsoStart`). */
export const isoCertificationStartFields = z.object({
  programId: z.string().trim().min(1).max(100),
  organizationId: z.string().trim().min(1).max(100),
  frameworks: isoFrameworkListSchema,
  /** First day of the program; the gap assessment is due `gapAssessmentDays` later. */
  startDate: calendarDateSchema,
  /** Receives escalations (overdue tasks, missed deadlines). */
  programManagerEmail: z.email(),
  config: isoProgramConfigSchema.prefault({}),
  settings: isoProgramSettingsSchema.prefault({}),
  /** Start from a certificate already held instead of the gap assessment. */
  existingCertificate: existingCertificateSchema.optional(),
});

type IsoStartFields = Pick<
  z.output<typeof isoCertificationStartFields>,
  'frameworks' | 'startDate' | 'config' | 'existingCertificate'
>;

/**
 * Rules across the start input's fields (an imported certificate must fit the program and the CB's policy).
 * Exported so the API can apply them to its own request schema built from `isoCertificationStartFields`.
 */
export function checkIsoStart(input: IsoStartFields, ctx: z.RefinementCtx): void {
  const cert = input.existingCertificate;
  if (!cert) return;
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path: ['existingCertificate', ...path], message });
  if (!input.config.certificationBody) {
    ctx.addIssue({
      code: 'custom',
      path: ['config', 'certificationBody'],
      message: 'name the certification body that issued the certificate',
    });
  }
  const stray = (cert.frameworks ?? []).find((f) => !input.frameworks.includes(f));
  if (stray) issue(['frameworks'], `${stray} is not one of the program's frameworks`);
  const start = cert.cycleStart ?? cert.decisionDate;
  const latest = monthWindowEnd(start, input.config.policy.certificateValidityYears * 12);
  if (cert.expiryDate > latest) {
    issue(
      ['expiryDate'],
      `a cycle starting ${start} ends by ${latest} under the certification body's policy`,
    );
  }
  if (cert.decisionDate > input.startDate)
    issue(['decisionDate'], 'the decision must precede the program start');
  cert.surveillanceAudits.forEach((a, i) => {
    if (a.lastDay > input.startDate)
      issue(['surveillanceAudits', i, 'lastDay'], 'must already have taken place');
  });
  cert.openFindings.forEach((f, i) => {
    if (f.raisedOn > input.startDate) issue(['openFindings', i, 'raisedOn'], 'must already have been raised');
    const unknown = f.requirementIds.find((id) => !input.frameworks.some((fw) => id.startsWith(`${fw}:`)));
    if (unknown) issue(['openFindings', i, 'requirementIds'], `${unknown} is outside the program's scope`);
  });
}

export const isoCertificationStartInputSchema = isoCertificationStartFields.superRefine(checkIsoStart);
/** What the API sends (defaults may be omitted). */
export type IsoCertificationStartInput = z.input<typeof isoCertificationStartInputSchema>;
/** What the workflow works with after applying defaults. */
export type IsoCertificationProgramInput = z.output<typeof isoCertificationStartInputSchema>;
