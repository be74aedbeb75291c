import {
  addNoteSignal,
  addNoteSignalInputSchema,
  attachEvidenceSignal,
  attachEvidenceSignalInputSchema,
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
  startOfDayMs,
} from '@certflow/contracts';
import type { UpdateDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { publishSearchAttributes, readable } from '../shared/program-messages.js';
import { projectStage, runEffects } from '../shared/run-effects.js';
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
  const parsed = soc2AttestationStartInputSchema.safeParse(startInput);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(
      `Invalid program input: ${parsed.error.message}`,
      'InvalidProgramInput',
    );
  }
  const input = parsed.data;
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

  let version = 0;
  setHandler(getSoc2ProgramStateQuery, () => program.snapshot());

  const register = <I>(
    update: UpdateDefinition<Soc2ProgramState, [I]>,
    check: (input: I) => unknown,
    apply: (input: I) => void,
  ) => {
    setHandler(
      update,
      (arg: I) => {
        readable(() => apply(arg));
        version++;
        return program.snapshot();
      },
      { validator: (arg: I) => void readable(() => check(arg)) },
    );
  };
  register(
    completeReadinessAssessmentUpdate,
    (i) => program.checkCompleteReadinessAssessment(i),
    (i) => program.applyCompleteReadinessAssessment(i),
  );
  register(
    scheduleTypeIUpdate,
    (i) => program.checkScheduleTypeI(i),
    (i) => program.applyScheduleTypeI(i),
  );
  register(
    scheduleFieldworkUpdate,
    (i) => program.checkScheduleFieldwork(i),
    (i) => program.applyScheduleFieldwork(i),
  );
  register(
    completeFieldworkUpdate,
    (i) => program.checkCompleteFieldwork(i),
    (i) => program.applyCompleteFieldwork(i),
  );
  register(
    recordReportUpdate,
    (i) => program.checkRecordReport(i),
    (i) => program.applyRecordReport(i),
  );
  register(
    issueBridgeLetterUpdate,
    (i) => program.checkIssueBridgeLetter(i),
    (i) => program.applyIssueBridgeLetter(i),
  );
  register(
    recordControlExceptionUpdate,
    (i) => program.checkRecordControlException(i),
    (i) => program.applyRecordControlException(i),
  );
  register(
    soc2OverrideRuleUpdate,
    (i) => program.checkOverrideRule(i),
    (i) => program.applyOverrideRule(i),
  );
  register(
    soc2CompleteTaskUpdate,
    (i) => program.checkCompleteTask(i),
    (i) => program.applyCompleteTask(i),
  );
  register(
    soc2ReassignTaskUpdate,
    (i) => program.checkReassignTask(i),
    (i) => program.applyReassignTask(i),
  );
  register(
    soc2CancelTaskUpdate,
    (i) => program.checkCancelTask(i),
    (i) => program.applyCancelTask(i),
  );
  register(
    soc2EndProgramUpdate,
    (i) => program.checkEndProgram(i),
    (i) => program.applyEndProgram(i),
  );

  // Signals cannot be rejected, so malformed ones are dropped rather than failing the workflow.
  setHandler(addNoteSignal, (raw) => {
    const note = addNoteSignalInputSchema.safeParse(raw);
    if (!note.success) return;
    program.effects.audit('note.added', note.data.actor, { note: note.data.note });
    version++;
  });
  setHandler(attachEvidenceSignal, (raw) => {
    const signal = attachEvidenceSignalInputSchema.safeParse(raw);
    if (!signal.success) return;
    program.tasks.attachEvidence(signal.data.taskId, signal.data.evidence, signal.data.actor);
    version++;
  });

  let publishedAttributes = '';
  let projectedStage = '';
  for (;;) {
    // Taken before any await: an update that lands while effects run must wake the next wait.
    const seen = version;
    program.tick();
    await runEffects(program.effects, state);

    const snapshot = program.snapshot();
    publishedAttributes = publishSearchAttributes(
      {
        organizationId: snapshot.organizationId,
        kind: 'SOC2_ATTESTATION',
        frameworks: ['soc2'],
        stage: snapshot.stage,
        nextMilestone: snapshot.nextMilestone?.due ?? null,
        atRisk: snapshot.atRisk,
      },
      publishedAttributes,
    );
    if (snapshot.stage !== projectedStage) {
      projectedStage = snapshot.stage;
      await projectStage(
        state.programId,
        snapshot.stage,
        snapshot.stage === 'ENDED' ? 'COMPLETED' : 'RUNNING',
      );
    }

    if (program.transition.kind === 'ended') {
      await condition(allHandlersFinished);
      await runEffects(program.effects, state);
      return program.snapshot();
    }
    if (program.transition.kind === 'next-period' || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await runEffects(program.effects, state);
      return await continueAsNew<typeof soc2AttestationWorkflow>(startInput, program.carriedState());
    }

    const changed = () => version !== seen || program.effects.pending.length > 0;
    const wake = program.nextWakeUp();
    if (wake === undefined) await condition(changed);
    else await condition(changed, Math.max(1, startOfDayMs(wake) - Date.now()));
  }
}
