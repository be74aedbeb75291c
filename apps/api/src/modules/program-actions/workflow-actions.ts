import {
  actionRejectionSchema,
  type AddNoteSignalInput,
  addNoteSignal,
  type AttachEvidenceSignalInput,
  attachEvidenceSignal,
  type ProgramActionName,
  type ProgramKind,
  isoUpdates,
  soc2Updates,
} from '@certflow/contracts';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

import {
  ActionRejectedError,
  ConflictError,
  type DomainError,
  InputValidationError,
} from '../../common/domain-errors.js';
import type { ProgramWorkflowState } from '../programs/program-workflow.js';
import { WorkflowUnavailableError } from '../programs/programs.service.js';

/** Runs one update of the program's workflow by name; the workflow validates it again and answers its state. */
export async function executeProgramUpdate(
  client: Client,
  program: { workflowId: string; kind: ProgramKind },
  name: ProgramActionName,
  input: object,
  updateId: string,
  timeoutMs: number,
): Promise<ProgramWorkflowState> {
  const handle = client.workflow.getHandle(program.workflowId);
  const updates: Record<string, { name: string } | undefined> =
    program.kind === 'ISO_CERTIFICATION' ? isoUpdates : soc2Updates;
  const update = updates[name];
  if (!update) throw new Error(`${program.kind} has no update ${name}`);
  return client.connection.withDeadline(Date.now() + timeoutMs, () =>
    handle.executeUpdate<ProgramWorkflowState, [object]>(update.name, { args: [input], updateId }),
  );
}

export async function signalProgram(
  client: Client,
  workflowId: string,
  name: 'addNote' | 'attachEvidence',
  input: object,
  timeoutMs: number,
): Promise<void> {
  const handle = client.workflow.getHandle(workflowId);
  await client.connection.withDeadline(Date.now() + timeoutMs, () =>
    name === 'addNote'
      ? handle.signal(addNoteSignal, input as AddNoteSignalInput)
      : handle.signal(attachEvidenceSignal, input as AttachEvidenceSignalInput),
  );
}

/**
 * What a failed action means for the caller: the workflow's refusal as 409/422 with its rule (or 400 naming the
 * field), an ended program as 409, anything else as Temporal being unreachable (503, worth retrying).
 */
export function actionError(error: unknown, programId: string): DomainError {
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type === 'RejectedAction') {
      const rejection = actionRejectionSchema.safeParse(cause.details?.[0]);
      if (!rejection.success) return new ActionRejectedError('rule', cause.message, 'unspecified');
      const { kind, rule, field, override } = rejection.data;
      if (kind === 'invalid')
        return new InputValidationError([{ path: field ?? '', message: cause.message }]);
      return new ActionRejectedError(kind, cause.message, rule, field, override);
    }
    return new ActionRejectedError('rule', cause?.message ?? error.message, 'unspecified');
  }
  if (error instanceof WorkflowNotFoundError) {
    return new ConflictError(
      `Program ${programId} has no running workflow: it has ended or has not started yet`,
    );
  }
  return new WorkflowUnavailableError(`The workflow of program ${programId} could not be reached; try again`);
}
