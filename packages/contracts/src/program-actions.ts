import { z } from 'zod';
import type { Permission } from './access.js';
import {
  changeIsoSettingsInputSchema,
  changeScopeInputSchema,
  checkRefusalReason,
  closeFindingInputSchema,
  completeGapAssessmentInputSchema,
  overrideRuleInputSchema,
  recordAuditOutcomeInputSchema,
  recordCertificationDecisionFields,
  reinstateCertificationInputSchema,
  scheduleAuditInputSchema,
  suspendCertificationInputSchema,
  withdrawCertificationInputSchema,
  type isoUpdateInputSchemas,
} from './iso-inputs.js';
import type { ProgramKind } from './program.js';
import {
  addNoteSignalInputSchema,
  attachEvidenceSignalInputSchema,
  cancelTaskInputSchema,
  completeTaskInputSchema,
  endProgramInputSchema,
  reassignTaskInputSchema,
} from './program-inputs.js';
import {
  changeSoc2SettingsInputSchema,
  completeFieldworkInputSchema,
  completeReadinessAssessmentInputSchema,
  issueBridgeLetterInputSchema,
  planNextPeriodInputSchema,
  recordControlExceptionInputSchema,
  recordReportInputSchema,
  scheduleFieldworkInputSchema,
  scheduleTypeIInputSchema,
  soc2OverrideInputSchema,
  type soc2UpdateInputSchemas,
} from './soc2-inputs.js';

/**
 * What an API caller sends for each workflow action: the message's own input schema without `actor` (the caller
 * is the actor, decided by the API). The API validates with these, the web app's forms too, and the workflow
 * validates the full input again, so all three say the same thing.
 */

const sharedBodies = {
  completeTask: completeTaskInputSchema.omit({ actor: true }),
  reassignTask: reassignTaskInputSchema.omit({ actor: true }),
  cancelTask: cancelTaskInputSchema.omit({ actor: true }),
  endProgram: endProgramInputSchema.omit({ actor: true }),
};

export const isoActionBodySchemas = {
  ...sharedBodies,
  completeGapAssessment: completeGapAssessmentInputSchema.omit({ actor: true }),
  scheduleAudit: scheduleAuditInputSchema.omit({ actor: true }),
  recordAuditOutcome: recordAuditOutcomeInputSchema.omit({ actor: true }),
  recordCertificationDecision: recordCertificationDecisionFields
    .omit({ actor: true })
    .superRefine(checkRefusalReason),
  closeFinding: closeFindingInputSchema.omit({ actor: true }),
  overrideRule: overrideRuleInputSchema.omit({ actor: true }),
  changeScope: changeScopeInputSchema.omit({ actor: true }),
  suspendCertification: suspendCertificationInputSchema.omit({ actor: true }),
  reinstateCertification: reinstateCertificationInputSchema.omit({ actor: true }),
  withdrawCertification: withdrawCertificationInputSchema.omit({ actor: true }),
  changeSettings: changeIsoSettingsInputSchema.omit({ actor: true }),
} as const satisfies Record<keyof typeof isoUpdateInputSchemas, z.ZodType>;

export const soc2ActionBodySchemas = {
  ...sharedBodies,
  completeReadinessAssessment: completeReadinessAssessmentInputSchema.omit({ actor: true }),
  scheduleTypeI: scheduleTypeIInputSchema.omit({ actor: true }),
  scheduleFieldwork: scheduleFieldworkInputSchema.omit({ actor: true }),
  completeFieldwork: completeFieldworkInputSchema.omit({ actor: true }),
  recordReport: recordReportInputSchema.omit({ actor: true }),
  issueBridgeLetter: issueBridgeLetterInputSchema.omit({ actor: true }),
  recordControlException: recordControlExceptionInputSchema.omit({ actor: true }),
  overrideRule: soc2OverrideInputSchema.omit({ actor: true }),
  planNextPeriod: planNextPeriodInputSchema.omit({ actor: true }),
  changeSettings: changeSoc2SettingsInputSchema.omit({ actor: true }),
} as const satisfies Record<keyof typeof soc2UpdateInputSchemas, z.ZodType>;

/** Fire-and-forget messages (signals): a note for the audit trail, evidence for an open task. */
export const signalBodySchemas = {
  addNote: addNoteSignalInputSchema.omit({ actor: true }),
  attachEvidence: attachEvidenceSignalInputSchema.omit({ actor: true }),
} as const;

export type IsoActionName = keyof typeof isoActionBodySchemas;
export type Soc2ActionName = keyof typeof soc2ActionBodySchemas;
export type SignalActionName = keyof typeof signalBodySchemas;
export type ProgramActionName = IsoActionName | Soc2ActionName | SignalActionName;

export interface ProgramAction {
  name: ProgramActionName;
  /** Updates are validated by the workflow and answer its new state; signals are accepted without an answer. */
  message: 'update' | 'signal';
  /** Who may call it (the API's guard; the web app shows the form only to them). */
  permission: Permission;
  /** Which program kinds offer it, with the body each expects. */
  bodies: Partial<Record<ProgramKind, z.ZodType>>;
}

const permissionOf = (name: ProgramActionName): Permission =>
  name === 'completeTask' || name === 'attachEvidence'
    ? 'tasks.work'
    : name === 'reassignTask' || name === 'cancelTask'
      ? 'tasks.assign'
      : 'programs.operate';

const names = [
  ...new Set([...Object.keys(isoActionBodySchemas), ...Object.keys(soc2ActionBodySchemas)] as (
    IsoActionName | Soc2ActionName
  )[]),
];

/** Every action the workflows accept, derived from the message schemas (one entry per name). */
export const programActions: readonly ProgramAction[] = [
  ...names.map((name): ProgramAction => ({
    name,
    message: 'update',
    permission: permissionOf(name),
    bodies: {
      ...(name in isoActionBodySchemas && {
        ISO_CERTIFICATION: isoActionBodySchemas[name as IsoActionName],
      }),
      ...(name in soc2ActionBodySchemas && {
        SOC2_ATTESTATION: soc2ActionBodySchemas[name as Soc2ActionName],
      }),
    },
  })),
  ...(Object.keys(signalBodySchemas) as SignalActionName[]).map((name): ProgramAction => ({
    name,
    message: 'signal',
    permission: permissionOf(name),
    bodies: { ISO_CERTIFICATION: signalBodySchemas[name], SOC2_ATTESTATION: signalBodySchemas[name] },
  })),
];

/** `scheduleAudit` → `schedule-audit`: the action's path segment. */
export function actionPath(name: ProgramActionName): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Why the workflow refused an action (the failure details of a rejected update): a `conflict` is the API's 409,
 * a `rule` its 422 (with the override that would allow it, if any), `invalid` a 400 naming the field.
 */
export const actionRejectionSchema = z.object({
  rule: z.string(),
  kind: z.enum(['conflict', 'rule', 'invalid']),
  field: z.string().optional(),
  override: z.string().optional(),
});
export type ActionRejection = z.infer<typeof actionRejectionSchema>;
