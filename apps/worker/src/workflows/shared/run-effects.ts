import type { ProgramActivities, ReadModelDelta } from '@certflow/contracts';
import { ActivityFailure, log, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { AuditEffect, EffectQueue, EmailEffect } from './effects.js';
import { sharedPatches } from './patches.js';

/**
 * The audit trail must eventually be written, whatever the database does: retries are unbounded but back off to
 * five minutes. Email is best effort with a bounded policy; a send that keeps failing is itself audited.
 */
// A single insert: a short timeout means a crashed worker's attempt is retried elsewhere within seconds.
const { recordAuditEvent, recordAuditEvents, recordProgramChanges, projectProgram } =
  proxyActivities<ProgramActivities>({
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
  });

const { sendEmail } = proxyActivities<ProgramActivities>({
  startToCloseTimeout: '20 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 5,
  },
});

export interface ProgramIdentity {
  programId: string;
  organizationId: string;
}

/** Audit events per activity call: one INSERT statement, well under the payload limit. */
const AUDIT_BATCH = 100;
/** Emails sent at the same time by one program. */
const EMAIL_BATCH = 25;

/**
 * Carries out queued effects: every audit event queued so far (in sequence order, one activity per 100), then
 * the emails that go with them, in parallel. Effects queued meanwhile (by updates, or a failed email's own audit
 * event) are picked up by the next pass. Runs recorded before batching replay the one-at-a-time order.
 *
 * With patch `emails-beside-effects`, a pass's emails go out beside the next passes (`queue.mailing`) rather than
 * before them; `flushEmailsBeside` waits for them.
 *
 * With `project` (patch `read-model-projection`), each pass also asks for the read-model rows that changed and
 * sends them with the pass's last batch of audit events, so both are written in one transaction; a pass with no
 * event but changed rows sends the rows alone.
 */
export async function runEffects(
  queue: EffectQueue,
  program: ProgramIdentity,
  project?: () => ReadModelDelta | undefined,
): Promise<void> {
  if (!patched(sharedPatches.batchedEffects)) return runEffectsOneByOne(queue, program);
  const { workflowId, runId } = workflowInfo();
  for (;;) {
    const readModel = project?.();
    if (queue.pending.length === 0 && readModel === undefined) return;
    const taken = queue.pending.length;
    const batch = queue.pending.slice(0, taken);
    const audits = batch.filter((e): e is AuditEffect => e.kind === 'audit');
    const chunks: AuditEffect[][] = [];
    for (let i = 0; i < audits.length; i += AUDIT_BATCH) chunks.push(audits.slice(i, i + AUDIT_BATCH));
    if (readModel && chunks.length === 0) chunks.push([]);
    for (const [i, chunk] of chunks.entries()) {
      const events = chunk.map(({ sequence, type, actor, payload, occurredAt }) => ({
        sequence,
        type,
        actor,
        payload,
        occurredAt,
      }));
      const common = {
        workflowId,
        runId,
        programId: program.programId,
        organizationId: program.organizationId,
        events,
      };
      if (!project) await recordAuditEvents(common);
      else {
        const last = i === chunks.length - 1;
        await recordProgramChanges(last && readModel ? { ...common, readModel } : common);
      }
    }
    const emails = batch.filter((e): e is EmailEffect => e.kind === 'email');
    if (patched(sharedPatches.emailsBesideEffects)) {
      queue.pending.splice(0, taken);
      queue.sendsBeside = true;
      if (emails.length > 0) {
        queue.mailing = queue.mailing
          .then(() => sendAll(queue, emails, workflowId, program.programId))
          .then(() => void queue.mailingsSettled++);
      }
      continue;
    }
    // Runs recorded before emails-beside-effects: the same awaits in the same order, or replay would diverge.
    for (let i = 0; i < emails.length; i += EMAIL_BATCH) {
      await Promise.all(
        emails.slice(i, i + EMAIL_BATCH).map((email) => send(queue, email, workflowId, program.programId)),
      );
    }
    queue.pending.splice(0, taken);
  }
}

/**
 * After `runEffects`, when emails go out beside the effects: waits for every send and writes what they queued
 * (`notification.failed`), until nothing is left — what a run does before it ends or continues as new. Only
 * called when `queue.sendsBeside`, so runs recorded before the patch replay without a single extra await.
 */
export async function flushEmailsBeside(
  queue: EffectQueue,
  program: ProgramIdentity,
  project?: () => ReadModelDelta | undefined,
): Promise<void> {
  for (;;) {
    const mailing = queue.mailing;
    await mailing;
    if (queue.pending.length === 0 && queue.mailing === mailing) return;
    await runEffects(queue, program, project);
  }
}

/** Emails in parallel, EMAIL_BATCH at a time. */
async function sendAll(
  queue: EffectQueue,
  emails: EmailEffect[],
  workflowId: string,
  programId: string,
): Promise<void> {
  for (let i = 0; i < emails.length; i += EMAIL_BATCH) {
    await Promise.all(
      emails.slice(i, i + EMAIL_BATCH).map((email) => send(queue, email, workflowId, programId)),
    );
  }
}

/** Email is best effort: a send that gives up after its retries is recorded as `notification.failed`. */
async function send(
  queue: EffectQueue,
  effect: EmailEffect,
  workflowId: string,
  programId: string,
): Promise<void> {
  try {
    await sendEmail({
      programId,
      dedupeKey: `${workflowId}#${effect.sequence}:${effect.to}`,
      to: effect.to,
      subject: effect.subject,
      text: effect.text,
    });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    log.warn('email gave up after retries', { to: effect.to, sequence: effect.sequence });
    queue.audit('notification.failed', null, {
      to: effect.to,
      forEvent: effect.sequence,
      subject: effect.subject,
    });
  }
}

/** The pre-batching order: one activity per effect, each awaited. Kept for runs recorded before the patch. */
async function runEffectsOneByOne(queue: EffectQueue, program: ProgramIdentity): Promise<void> {
  const { workflowId, runId } = workflowInfo();
  while (queue.pending.length > 0) {
    const effect = queue.pending[0]!;
    if (effect.kind === 'audit') {
      await recordAuditEvent({
        workflowId,
        runId,
        sequence: effect.sequence,
        programId: program.programId,
        organizationId: program.organizationId,
        type: effect.type,
        actor: effect.actor,
        payload: effect.payload,
        occurredAt: effect.occurredAt,
      });
    } else {
      await send(queue, effect, workflowId, program.programId);
    }
    queue.pending.shift();
  }
}

export async function projectStage(
  programId: string,
  stage: string,
  status: 'RUNNING' | 'COMPLETED',
): Promise<void> {
  await projectProgram({ programId, stage, status });
}
