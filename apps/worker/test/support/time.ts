import { startOfDayMs } from '@certflow/contracts';
import { eventually } from '@certflow/testkit';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { expect } from 'vitest';

/** Advances the time-skipping server to noon UTC of `date` (timers due on the way fire in order). */
export async function sleepUntil(env: TestWorkflowEnvironment, date: string): Promise<void> {
  const ms = startOfDayMs(date) + 12 * 3_600_000 - (await env.currentTimeMs());
  if (ms <= 0) throw new Error(`The test server is already past ${date}`);
  await env.sleep(ms);
}

/** The update was refused by its validator with a message matching `message`. */
export async function expectRejected(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause?.message).toMatch(message);
}

/** Waits until `workflowId` runs a run other than `previousRunId` (it continued as new) and returns its run id. */
export async function nextRunId(client: Client, workflowId: string, previousRunId: string): Promise<string> {
  return eventually(`${workflowId} to continue as new after run ${previousRunId}`, async () => {
    const { runId } = await client.workflow.getHandle(workflowId).describe();
    return runId !== previousRunId && runId;
  });
}
