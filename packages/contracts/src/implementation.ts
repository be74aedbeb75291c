import {
  implementationStatuses,
  isAssessableRequirement,
  isKnownRequirement,
} from '@certflow/catalog/lookup';
import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';

/**
 * `@certflow/contracts/implementation`: what the API and the web app agree on for an organisation's
 * implementation statuses, the gap assessment and the Statement of Applicability. Temporal-free and not part of
 * the main entry, so workflow bundles never carry these schemas (the workflows receive only the resulting
 * `completeGapAssessment` / `completeReadinessAssessment` input).
 */

export { implementationStatuses };
export type ImplementationStatus = (typeof implementationStatuses)[number];
export const implementationStatusSchema = z.enum(implementationStatuses);

/** A requirement an organisation implements and an auditor assesses (a clause, control or criterion). */
export const assessableRequirementRefSchema = z.string().superRefine((id, ctx) => {
  if (isAssessableRequirement(id)) return;
  ctx.addIssue({
    code: 'custom',
    message: isKnownRequirement(id)
      ? `${id} only groups other requirements; record the status of the clauses or controls under it`
      : `${id} is not an assessable requirement in the catalog (such as iso27001:A.5.15)`,
  });
});

/** Why something does not apply: an auditor reads it later, so one word is not enough. */
export const exclusionJustificationSchema = z
  .string()
  .trim()
  .min(10, { message: 'say why it does not apply, in at least 10 characters' })
  .max(2000);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** The fields of one status: shared by the organisation's statuses and the gap-assessment answers. */
const statusFields = {
  status: implementationStatusSchema,
  /** Who answers for the requirement in the organisation. */
  ownerEmail: z.email().nullable().optional(),
  /** Where the evidence is (document, ticket, repository); free text, not an upload. */
  evidence: optionalText(500),
  note: optionalText(2000),
  /** Required when the status is not_applicable. */
  justification: optionalText(2000),
};

function justifyNotApplicable(
  value: { status: string; justification?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.status !== 'not_applicable') return;
  const result = exclusionJustificationSchema.safeParse(value.justification ?? '');
  if (result.success) return;
  ctx.addIssue({
    code: 'custom',
    path: ['justification'],
    message: 'not applicable needs a justification: say why it does not apply, in at least 10 characters',
  });
}

function uniqueRequirements(items: readonly { requirementId: string }[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.requirementId)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'requirementId'],
        message: `${item.requirementId} appears twice`,
      });
    }
    seen.add(item.requirementId);
  });
}

export const requirementStatusInputSchema = z
  .object({ requirementId: assessableRequirementRefSchema, ...statusFields })
  .superRefine(justifyNotApplicable);
export type RequirementStatusInput = z.input<typeof requirementStatusInputSchema>;

/** Sets the status of up to 500 requirements at once; each item replaces that requirement's record. */
export const requirementStatusesUpdateSchema = z.object({
  items: z.array(requirementStatusInputSchema).min(1).max(500).superRefine(uniqueRequirements),
});
export type RequirementStatusesUpdate = z.input<typeof requirementStatusesUpdateSchema>;

// ---- gap assessment -------------------------------------------------------------------------------------------

export const gapAssessmentStatuses = ['DRAFT', 'FINALISING', 'FINALISED'] as const;
export type GapAssessmentStatus = (typeof gapAssessmentStatuses)[number];

/**
 * Where an item's suggested answer comes from: the organisation's own status for that requirement (`recorded`),
 * or the coverage engine from the other frameworks' statuses — fully (`carried-over`), partly (`partly`), or not
 * at all (`open`).
 */
export const prefillBases = ['recorded', 'carried-over', 'partly', 'open'] as const;
export type PrefillBasis = (typeof prefillBases)[number];

/** The remediation task a gap becomes at finalisation; what is left out comes from the finalisation defaults. */
export const gapTaskPlanSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  ownerEmail: z.email().optional(),
  dueDate: calendarDateSchema.optional(),
});
export type GapTaskPlan = z.input<typeof gapTaskPlanSchema>;

export const gapAnswerInputSchema = z
  .object({
    requirementId: assessableRequirementRefSchema,
    ...statusFields,
    task: gapTaskPlanSchema.optional(),
  })
  .superRefine(justifyNotApplicable);
export type GapAnswerInput = z.input<typeof gapAnswerInputSchema>;

/** Confirms or changes up to 500 items of a draft gap assessment. */
export const gapAnswersUpdateSchema = z.object({
  items: z.array(gapAnswerInputSchema).min(1).max(500).superRefine(uniqueRequirements),
});
export type GapAnswersUpdate = z.input<typeof gapAnswersUpdateSchema>;

export const startGapAssessmentSchema = z.object({
  /** SOC 2 only: the trust services categories besides security (availability, confidentiality, …). */
  soc2Categories: z.array(z.string().min(1)).max(5).optional(),
});
export type StartGapAssessment = z.input<typeof startGapAssessmentSchema>;

export const finaliseGapAssessmentSchema = z.object({
  /** Last day of the assessment; today (UTC) when left out. */
  completedOn: calendarDateSchema.optional(),
  /** SOC 2: first day of the first observation period, unless the program already has one. */
  firstPeriodStart: calendarDateSchema.optional(),
  /** Owner of every gap task that names none; the program manager when left out. */
  defaultOwnerEmail: z.email().optional(),
  /** Due date of every gap task that names none; 90 days after completion when left out. */
  defaultDueDate: calendarDateSchema.optional(),
});
export type FinaliseGapAssessment = z.input<typeof finaliseGapAssessmentSchema>;

// ---- Statement of Applicability -------------------------------------------------------------------------------

export const soaEntryInputSchema = z
  .object({
    requirementId: assessableRequirementRefSchema,
    applicable: z.boolean(),
    /** Why the control is included or excluded; required for an exclusion. */
    justification: optionalText(2000),
  })
  .superRefine((entry, ctx) => {
    if (entry.applicable) return;
    if (exclusionJustificationSchema.safeParse(entry.justification ?? '').success) return;
    ctx.addIssue({
      code: 'custom',
      path: ['justification'],
      message:
        'an excluded control needs a justification: say why it does not apply, in at least 10 characters',
    });
  });
export type SoaEntryInput = z.input<typeof soaEntryInputSchema>;

export const soaUpdateSchema = z.object({
  entries: z.array(soaEntryInputSchema).min(1).max(200).superRefine(uniqueRequirements),
});
export type SoaUpdate = z.input<typeof soaUpdateSchema>;

/** Where an SoA line's applicability comes from: set on the SoA, or derived (a not-applicable status, else in). */
export const soaSources = ['statement', 'implementation-status', 'default'] as const;
export type SoaSource = (typeof soaSources)[number];

/** Audit-trail events these features write (program events carry the program; status changes only the org). */
export const implementationEventTypes = [
  'requirement-status.changed',
  'gap-assessment.started',
  'gap-assessment.answered',
  'gap-assessment.finalised',
  'statement-of-applicability.changed',
] as const;
export type ImplementationEventType = (typeof implementationEventTypes)[number];
