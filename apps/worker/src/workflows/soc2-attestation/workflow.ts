import {
  completeFieldworkUpdate,
  completeReadinessAssessmentUpdate,
  getSoc2ProgramStateQuery,
  issueBridgeLetterUpdate,
  recordControlExceptionUpdate,
  recordReportUpdate,
  scheduleFieldworkUpdate,
  scheduleTypeIUpdate,
  soc2AttestationStartInputSchema,
  type Soc2AttestationStartInput,
  soc2CancelTaskUpdate,
  soc2CompleteTaskUpdate,
  soc2EndProgramUpdate,
  soc2OverrideRuleUpdate,
  type Soc2ProgramState,
  soc2ReassignTaskUpdate,
} from '@certflow/contracts';
import { continueAsNew, patched, setHandler, uuid4 } from '@temporalio/workflow';
import { parseStartInput } from '../shared/program-messages.js';
import { ProgramRuntime } from '../shared/program-runtime.js';
import { Soc2Program } from './soc2-program.js';

/**
 * One run per SOC 2 Type II observation period (plus its fieldwork and report). The first run also carries the
 * readiness assessment, remediation and the optional Type I. Recording the period's Type II report continues as
 * new with the compact state as the second argument; the workflow id stays `programWorkflowId(...)`.
 */
export async function soc2AttestationWorkflow(
  startInput: Soc2AttestationStartInput,
  carried?: Soc2ProgramState,
): Promise<Soc2ProgramState> {
  const input = parseStartInput(soc2AttestationStartInputSchema, startInput);
  const clock = () => Date.now();
  const state = carried ?? Soc2Program.initialState(input, new Date(clock()).toISOString().slice(0, 10));
  const program = new Soc2Program(state, clock, uuid4, patched);
  if (!carried) {
    program.effects.audit('program.started', null, {
      frameworks: ['soc2'],
      startDate: input.startDate,
      readinessDue: state.readinessDue,
      firstPeriodStart: input.firstPeriodStart ?? null,
      periodMonths: input.config.periodMonths,
      cpaFirm: input.config.cpaFirm ?? null,
    });
  }

  const runtime = new ProgramRuntime(program, state);
  setHandler(getSoc2ProgramStateQuery, () => program.snapshot());

  runtime.registerUpdate(
    completeReadinessAssessmentUpdate,
    (i) => program.checkCompleteReadinessAssessment(i),
    (i) => program.applyCompleteReadinessAssessment(i),
  );
  runtime.registerUpdate(
    scheduleTypeIUpdate,
    (i) => program.checkScheduleTypeI(i),
    (i) => program.applyScheduleTypeI(i),
  );
  runtime.registerUpdate(
    scheduleFieldworkUpdate,
    (i) => program.checkScheduleFieldwork(i),
    (i) => program.applyScheduleFieldwork(i),
  );
  runtime.registerUpdate(
    completeFieldworkUpdate,
    (i) => program.checkCompleteFieldwork(i),
    (i) => program.applyCompleteFieldwork(i),
  );
  runtime.registerUpdate(
    recordReportUpdate,
    (i) => program.checkRecordReport(i),
    (i) => program.applyRecordReport(i),
  );
  runtime.registerUpdate(
    issueBridgeLetterUpdate,
    (i) => program.checkIssueBridgeLetter(i),
    (i) => program.applyIssueBridgeLetter(i),
  );
  runtime.registerUpdate(
    recordControlExceptionUpdate,
    (i) => program.checkRecordControlException(i),
    (i) => program.applyRecordControlException(i),
  );
  runtime.registerUpdate(
    soc2OverrideRuleUpdate,
    (i) => program.checkOverrideRule(i),
    (i) => program.applyOverrideRule(i),
  );
  runtime.registerTaskUpdates({
    complete: soc2CompleteTaskUpdate,
    reassign: soc2ReassignTaskUpdate,
    cancel: soc2CancelTaskUpdate,
  });
  runtime.registerUpdate(
    soc2EndProgramUpdate,
    (i) => program.checkEndProgram(i),
    (i) => program.applyEndProgram(i),
  );

  runtime.registerSharedSignals();

  return runtime.run({
    listAttributes: (snapshot) => ({
      organizationId: snapshot.organizationId,
      kind: 'SOC2_ATTESTATION',
      frameworks: ['soc2'],
      stage: snapshot.stage,
      nextMilestone: snapshot.nextMilestone?.due ?? null,
      atRisk: snapshot.atRisk,
    }),
    rollsOver: () => program.transition.kind === 'next-period',
    continueAsNew: () => continueAsNew<typeof soc2AttestationWorkflow>(startInput, program.carriedState()),
  });
}
