import {
  addNoteSignal,
  attachEvidenceSignal,
  attachEvidenceSignalInputSchema,
  addNoteSignalInputSchema,
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
  scheduleAuditUpdate,
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
import { runEffects, projectStage } from '../shared/run-effects.js';
import { publishSearchAttributes, readable } from '../shared/program-messages.js';
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
  const parsed = isoCertificationStartInputSchema.safeParse(startInput);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(
      `Invalid program input: ${parsed.error.message}`,
      'InvalidProgramInput',
    );
  }
  const input = parsed.data;
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

  let version = 0;
  setHandler(getIsoProgramStateQuery, () => program.snapshot());

  const register = <I>(
    update: UpdateDefinition<IsoProgramState, [I]>,
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
    completeGapAssessmentUpdate,
    (i) => program.checkCompleteGapAssessment(i),
    (i) => program.applyCompleteGapAssessment(i),
  );
  register(
    scheduleAuditUpdate,
    (i) => program.checkScheduleAudit(i),
    (i) => program.applyScheduleAudit(i),
  );
  register(
    recordAuditOutcomeUpdate,
    (i) => program.checkRecordAuditOutcome(i),
    (i) => program.applyRecordAuditOutcome(i),
  );
  register(
    recordCertificationDecisionUpdate,
    (i) => program.checkRecordCertificationDecision(i),
    (i) => program.applyRecordCertificationDecision(i),
  );
  register(
    closeFindingUpdate,
    (i) => program.checkCloseFinding(i),
    (i) => program.applyCloseFinding(i),
  );
  register(
    completeTaskUpdate,
    (i) => program.checkCompleteTask(i),
    (i) => program.applyCompleteTask(i),
  );
  register(
    reassignTaskUpdate,
    (i) => program.checkReassignTask(i),
    (i) => program.applyReassignTask(i),
  );
  register(
    cancelTaskUpdate,
    (i) => program.checkCancelTask(i),
    (i) => program.applyCancelTask(i),
  );
  register(
    overrideRuleUpdate,
    (i) => program.checkOverrideRule(i),
    (i) => program.applyOverrideRule(i),
  );
  register(
    changeScopeUpdate,
    (i) => program.checkChangeScope(i),
    (i) => program.applyChangeScope(i),
  );
  register(
    endProgramUpdate,
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
        kind: 'ISO_CERTIFICATION',
        frameworks: snapshot.frameworks,
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
    if (program.transition.kind === 'next-cycle' || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await runEffects(program.effects, state);
      return await continueAsNew<typeof isoCertificationWorkflow>(startInput, program.carriedState());
    }

    const changed = () => version !== seen || program.effects.pending.length > 0;
    const wake = program.nextWakeUp();
    if (wake === undefined) await condition(changed);
    else await condition(changed, Math.max(1, startOfDayMs(wake) - Date.now()));
  }
}
