import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { isoAuditKinds, isoFrameworkIds, isoSettingsChangeSchema } from './iso-model.js';
import { isoOverrideRules } from './iso-state.js';
import { justificationSchema, sharedUpdateInputSchemas } from './program-inputs.js';
import { actorSchema, findingInputSchema, remediationTaskInputSchema } from './remediation.js';

/** Inputs of the ISO certification program's updates; the definitions are in `iso-messages.ts`. */

export const completeGapAssessmentInputSchema = z.object({
  actor: actorSchema,
  completedOn: calendarDateSchema,
  /** Each gap becomes a remediation task. */
  gaps: z.array(remediationTaskInputSchema).max(500).default([]),
});
export type CompleteGapAssessmentInput = z.input<typeof completeGapAssessmentInputSchema>;

/** Schedules an audit, or moves it when already scheduled. */
export const scheduleAuditInputSchema = z.object({
  actor: actorSchema,
  audit: z.enum(isoAuditKinds),
  date: calendarDateSchema,
});
export type ScheduleAuditInput = z.input<typeof scheduleAuditInputSchema>;

export const recordAuditOutcomeInputSchema = z.object({
  actor: actorSchema,
  audit: z.enum(isoAuditKinds),
  lastDay: calendarDateSchema,
  findings: z.array(findingInputSchema).max(200).default([]),
  /** Findings from earlier audits (minors with accepted plans) whose closure this audit verified. */
  verifiedFindingIds: z.array(z.string().min(1)).max(200).default([]),
});
export type RecordAuditOutcomeInput = z.input<typeof recordAuditOutcomeInputSchema>;

/**
 * The CB's (re)certification decision. Granted, it opens a certification cycle; refused, the audit it rested on
 * (Stage 2, the recertification audit or the restoration audit) has to be repeated. With `framework`, it is the
 * decision on a standard added to the certificate after its own Stage 1 and Stage 2.
 */
export const recordCertificationDecisionFields = z.object({
  actor: actorSchema,
  decidedOn: calendarDateSchema,
  /** GRANTED opens a certification cycle; REFUSED sends the program back to repeat the audit. */
  outcome: z.enum(['GRANTED', 'REFUSED']).default('GRANTED'),
  reason: z.string().trim().min(3).max(2000).optional(),
  /** The standard being added to a certified program, when the decision is about that extension. */
  framework: z.enum(isoFrameworkIds).optional(),
});

/** A refusal carries its reason (the API applies the same rule to its body, which has no `actor`). */
export function checkRefusalReason(
  d: { outcome: 'GRANTED' | 'REFUSED'; reason?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (d.outcome === 'REFUSED' && d.reason === undefined) {
    ctx.addIssue({ code: 'custom', message: 'a refused certification needs a reason', path: ['reason'] });
  }
}

export const recordCertificationDecisionInputSchema =
  recordCertificationDecisionFields.superRefine(checkRefusalReason);
export type RecordCertificationDecisionInput = z.input<typeof recordCertificationDecisionInputSchema>;

export const closeFindingInputSchema = z.object({
  actor: actorSchema,
  findingId: z.string().min(1),
  on: calendarDateSchema,
  /** PLAN_ACCEPTED: the CB accepted the corrective-action plan (enough for minors); CLOSED: verified closed. */
  resolution: z.enum(['PLAN_ACCEPTED', 'CLOSED']),
});
export type CloseFindingInput = z.input<typeof closeFindingInputSchema>;

export const overrideRuleInputSchema = z.object({
  actor: actorSchema,
  rule: z.enum(isoOverrideRules),
  justification: justificationSchema,
});
export type OverrideRuleInput = z.input<typeof overrideRuleInputSchema>;

/**
 * Adds or drops a standard. Before Stage 1 an added standard joins the initial audit; on a certified program it
 * gets its own Stage 1 and Stage 2 (which may be held with a surveillance audit) and a decision; in between it is
 * refused. Open tasks that only concern a dropped standard are cancelled.
 */
export const changeScopeInputSchema = z.object({
  actor: actorSchema,
  frameworks: z
    .array(z.enum(isoFrameworkIds))
    .min(1)
    .max(2)
    .refine((f) => new Set(f).size === f.length, { message: 'frameworks must be distinct' }),
  justification: justificationSchema,
});
export type ChangeScopeInput = z.input<typeof changeScopeInputSchema>;

/** A CB decision about a valid certificate, taking effect on a day, with its reason. */
const certificateDecisionInputSchema = z.object({
  actor: actorSchema,
  on: calendarDateSchema,
  reason: z.string().trim().min(3).max(2000),
});

export const suspendCertificationInputSchema = certificateDecisionInputSchema;
export type SuspendCertificationInput = z.input<typeof suspendCertificationInputSchema>;

export const reinstateCertificationInputSchema = z.object({
  actor: actorSchema,
  on: calendarDateSchema,
  justification: z.string().trim().min(3).max(2000),
});
export type ReinstateCertificationInput = z.input<typeof reinstateCertificationInputSchema>;

export const withdrawCertificationInputSchema = certificateDecisionInputSchema;
export type WithdrawCertificationInput = z.input<typeof withdrawCertificationInputSchema>;

/**
 * Changes audit-time and cost settings (persons in scope, complexity, AI roles, quoted days, the CB's terms).
 * Each field given replaces the current value; audits already held keep the figures they were planned with.
 */
export const changeIsoSettingsInputSchema = z.object({
  actor: actorSchema,
  settings: isoSettingsChangeSchema,
  reason: z.string().trim().min(3).max(2000),
});
export type ChangeIsoSettingsInput = z.input<typeof changeIsoSettingsInputSchema>;

/** Update names with their input schemas, so the API validates with exactly what the workflow validates. */
export const isoUpdateInputSchemas = {
  ...sharedUpdateInputSchemas,
  completeGapAssessment: completeGapAssessmentInputSchema,
  scheduleAudit: scheduleAuditInputSchema,
  recordAuditOutcome: recordAuditOutcomeInputSchema,
  recordCertificationDecision: recordCertificationDecisionInputSchema,
  closeFinding: closeFindingInputSchema,
  overrideRule: overrideRuleInputSchema,
  changeScope: changeScopeInputSchema,
  suspendCertification: suspendCertificationInputSchema,
  reinstateCertification: reinstateCertificationInputSchema,
  withdrawCertification: withdrawCertificationInputSchema,
  changeSettings: changeIsoSettingsInputSchema,
} as const;
