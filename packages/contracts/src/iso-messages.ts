import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ChangeIsoSettingsInput,
  ChangeScopeInput,
  CloseFindingInput,
  CompleteGapAssessmentInput,
  OverrideRuleInput,
  RecordAuditOutcomeInput,
  RecordCertificationDecisionInput,
  ReinstateCertificationInput,
  ScheduleAuditInput,
  SuspendCertificationInput,
  WithdrawCertificationInput,
} from './iso-inputs.js';
import type { isoUpdateInputSchemas } from './iso-inputs.js';
import type { IsoProgramState } from './iso-state.js';
import { sharedProgramUpdates } from './program-messages.js';

/** The ISO certification workflow's query and updates (inputs and their schemas in `iso-inputs.ts`). */

export const getIsoProgramStateQuery = defineQuery<IsoProgramState>('getProgramState');

const shared = sharedProgramUpdates<IsoProgramState>();
export const completeTaskUpdate = shared.completeTask;
export const reassignTaskUpdate = shared.reassignTask;
export const cancelTaskUpdate = shared.cancelTask;
/** Ends the program for good (certificate withdrawn or not pursued); the workflow completes. */
export const endProgramUpdate = shared.endProgram;

export const completeGapAssessmentUpdate = defineUpdate<IsoProgramState, [CompleteGapAssessmentInput]>(
  'completeGapAssessment',
);
export const scheduleAuditUpdate = defineUpdate<IsoProgramState, [ScheduleAuditInput]>('scheduleAudit');
export const recordAuditOutcomeUpdate = defineUpdate<IsoProgramState, [RecordAuditOutcomeInput]>(
  'recordAuditOutcome',
);
export const recordCertificationDecisionUpdate = defineUpdate<
  IsoProgramState,
  [RecordCertificationDecisionInput]
>('recordCertificationDecision');
export const closeFindingUpdate = defineUpdate<IsoProgramState, [CloseFindingInput]>('closeFinding');
export const overrideRuleUpdate = defineUpdate<IsoProgramState, [OverrideRuleInput]>('overrideRule');
export const changeScopeUpdate = defineUpdate<IsoProgramState, [ChangeScopeInput]>('changeScope');
/**
 * The CB suspends a valid certificate (for example persistent or serious nonconformities, or at the client's
 * request). A missed surveillance audit suspends it automatically.
 */
export const suspendCertificationUpdate = defineUpdate<IsoProgramState, [SuspendCertificationInput]>(
  'suspendCertification',
);
/** The CB lifts a suspension it decided; one caused by a missed audit lifts when that audit is recorded. */
export const reinstateCertificationUpdate = defineUpdate<IsoProgramState, [ReinstateCertificationInput]>(
  'reinstateCertification',
);
/** The CB withdraws the certificate; the program continues with a new initial audit (or is ended). */
export const withdrawCertificationUpdate = defineUpdate<IsoProgramState, [WithdrawCertificationInput]>(
  'withdrawCertification',
);
/** Persons in scope, AI roles, quoted days or the CB's terms changed: future audit figures move. */
export const changeIsoSettingsUpdate = defineUpdate<IsoProgramState, [ChangeIsoSettingsInput]>(
  'changeSettings',
);

/** Update definitions by name, next to `isoUpdateInputSchemas`, for an API that routes actions generically. */
export const isoUpdates = {
  ...shared,
  completeGapAssessment: completeGapAssessmentUpdate,
  scheduleAudit: scheduleAuditUpdate,
  recordAuditOutcome: recordAuditOutcomeUpdate,
  recordCertificationDecision: recordCertificationDecisionUpdate,
  closeFinding: closeFindingUpdate,
  overrideRule: overrideRuleUpdate,
  changeScope: changeScopeUpdate,
  suspendCertification: suspendCertificationUpdate,
  reinstateCertification: reinstateCertificationUpdate,
  withdrawCertification: withdrawCertificationUpdate,
  changeSettings: changeIsoSettingsUpdate,
} as const satisfies Record<keyof typeof isoUpdateInputSchemas, unknown>;
