import {
  type IsoProgramState,
  isoUpdates,
  type ProgramKind,
  type Soc2ProgramState,
  soc2Updates,
} from '@certflow/contracts';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

import { queryProgramState } from '../programs/program-workflow.js';
import type { GapSubmission } from './gap-submission.js';

/**
 * The smallest path from a finalised gap assessment to the program's workflow: one update, sent with an update
 * id so that a retry after a crash (or a second click) is answered by Temporal with the first outcome instead of
 * running again. Part A's generic action mechanism (`POST /programs/{id}/actions/{action}`) is meant to own this
 * call once the branches meet.
 */

export type ProgramState = IsoProgramState | Soc2ProgramState;

export type UpdateOutcome =
  | { ok: true; state: ProgramState }
  /** The workflow refused: `conflict` when the program is no longer where the update applies (409), else 422. */
  | { ok: false; conflict: boolean; message: string };

const assessmentStages = new Set(['GAP_ASSESSMENT', 'READINESS']);

export async function sendGapSubmission(
  temporal: Client,
  program: { workflowId: string; kind: ProgramKind },
  submission: GapSubmission,
  actor: string,
  updateId: string,
  rpcTimeoutMs: number,
): Promise<UpdateOutcome> {
  const handle = temporal.workflow.getHandle(program.workflowId);
  const deadline = () => Date.now() + rpcTimeoutMs;
  try {
    const state = await temporal.connection.withDeadline(deadline(), (): Promise<ProgramState> =>
      submission.update === 'completeGapAssessment'
        ? handle.executeUpdate(isoUpdates.completeGapAssessment, {
            args: [{ ...submission.input, actor }],
            updateId,
          })
        : handle.executeUpdate(soc2Updates.completeReadinessAssessment, {
            args: [{ ...submission.input, actor }],
            updateId,
          }),
    );
    return { ok: true, state };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      return { ok: false, conflict: true, message: `The program's workflow is no longer running` };
    }
    if (!(error instanceof WorkflowUpdateFailedError)) throw error;
    const message = error.cause?.message ?? error.message;
    // A rejection because the program has moved past the assessment is a state conflict; anything else is a
    // rule the submission broke (a due date before completion, a date in the future, …).
    const state = await temporal.connection
      .withDeadline(deadline(), () => queryProgramState(handle, program.kind))
      .catch(() => undefined);
    return { ok: false, conflict: state !== undefined && !assessmentStages.has(state.stage), message };
  }
}
