import {
  cancelTaskUpdate,
  changeScopeUpdate,
  closeFindingUpdate,
  completeGapAssessmentUpdate,
  completeTaskUpdate,
  endProgramUpdate,
  getIsoProgramStateQuery,
  type IsoCertificationStartInput,
  isoCertificationStartInputSchema,
  type IsoProgramState,
  overrideRuleUpdate,
  reassignTaskUpdate,
  recordAuditOutcomeUpdate,
  recordCertificationDecisionUpdate,
  reinstateCertificationUpdate,
  scheduleAuditUpdate,
  suspendCertificationUpdate,
  withdrawCertificationUpdate,
} from '@certflow/contracts';
import { continueAsNew, patched, setHandler, uuid4 } from '@temporalio/workflow';
import { parseStartInput } from '../shared/program-messages.js';
import { ProgramRuntime } from '../shared/program-runtime.js';
import { IsoProgram } from './iso-program.js';

/**
 * One run per certification cycle of an ISO/IEC 27001 and/or 42001 program. The first run starts at the gap
 * assessment; each recertification (or a new initial audit after a lapse) continues as new with the compact
 * state as the second argument. The workflow id stays `programWorkflowId(organizationId, programId)`.
 */
export async function isoCertificationWorkflow(
  startInput: IsoCertificationStartInput,
  carried?: IsoProgramState,
): Promise<IsoProgramState> {
  const input = parseStartInput(isoCertificationStartInputSchema, startInput);
  const clock = () => Date.now();
  const state = carried ?? IsoProgram.initialState(input, new Date(clock()).toISOString().slice(0, 10));
  const program = new IsoProgram(state, clock, uuid4, patched);
  if (!carried) {
    program.effects.audit('program.started', null, {
      frameworks: input.frameworks,
      startDate: input.startDate,
      gapAssessmentDue: state.dates.gapAssessmentDue,
      certificationBody: input.config.certificationBody ?? null,
    });
  }

  const runtime = new ProgramRuntime(program, state);
  setHandler(getIsoProgramStateQuery, () => program.snapshot());

  runtime.registerUpdate(
    completeGapAssessmentUpdate,
    (i) => program.checkCompleteGapAssessment(i),
    (i) => program.applyCompleteGapAssessment(i),
  );
  runtime.registerUpdate(
    scheduleAuditUpdate,
    (i) => program.checkScheduleAudit(i),
    (i) => program.applyScheduleAudit(i),
  );
  runtime.registerUpdate(
    recordAuditOutcomeUpdate,
    (i) => program.checkRecordAuditOutcome(i),
    (i) => program.applyRecordAuditOutcome(i),
  );
  runtime.registerUpdate(
    recordCertificationDecisionUpdate,
    (i) => program.checkRecordCertificationDecision(i),
    (i) => program.applyRecordCertificationDecision(i),
  );
  runtime.registerUpdate(
    closeFindingUpdate,
    (i) => program.checkCloseFinding(i),
    (i) => program.applyCloseFinding(i),
  );
  runtime.registerTaskUpdates({
    complete: completeTaskUpdate,
    reassign: reassignTaskUpdate,
    cancel: cancelTaskUpdate,
  });
  runtime.registerUpdate(
    overrideRuleUpdate,
    (i) => program.checkOverrideRule(i),
    (i) => program.applyOverrideRule(i),
  );
  runtime.registerUpdate(
    changeScopeUpdate,
    (i) => program.checkChangeScope(i),
    (i) => program.applyChangeScope(i),
  );
  runtime.registerUpdate(
    suspendCertificationUpdate,
    (i) => program.checkSuspendCertification(i),
    (i) => program.applySuspendCertification(i),
  );
  runtime.registerUpdate(
    reinstateCertificationUpdate,
    (i) => program.checkReinstateCertification(i),
    (i) => program.applyReinstateCertification(i),
  );
  runtime.registerUpdate(
    withdrawCertificationUpdate,
    (i) => program.checkWithdrawCertification(i),
    (i) => program.applyWithdrawCertification(i),
  );
  runtime.registerUpdate(
    endProgramUpdate,
    (i) => program.checkEndProgram(i),
    (i) => program.applyEndProgram(i),
  );

  runtime.registerSharedSignals();

  return runtime.run({
    listAttributes: (snapshot) => ({
      organizationId: snapshot.organizationId,
      kind: 'ISO_CERTIFICATION',
      frameworks: snapshot.frameworks,
      stage: snapshot.stage,
      nextMilestone: snapshot.nextMilestone?.due ?? null,
      atRisk: snapshot.atRisk,
    }),
    rollsOver: () => program.transition.kind === 'next-cycle',
    continueAsNew: () => continueAsNew<typeof isoCertificationWorkflow>(startInput, program.carriedState()),
  });
}
