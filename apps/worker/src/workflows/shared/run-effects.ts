import { type ProgramActivities } from '@certflow/contracts';
import { ActivityFailure, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EffectQueue } from './effects.js';

/**
 * The audit trail must eventually be written, whatever the database does: retries are unbounded but back off to
 * five minutes. Email is best effort with a bounded policy; a send that keeps failing is itself audited.
 */
// A single insert: a short timeout means a crashed worker's attempt is retried elsewhere within seconds.
const { recordAuditEvent, projectProgram } = proxyActivities<ProgramActivities>({
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

/** Carries out queued effects in order; effects queued meanwhile (by updates) are picked up in the same pass. */
export async function runEffects(queue: EffectQueue, program: ProgramIdentity): Promise<void> {
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
      try {
        await sendEmail({
          programId: program.programId,
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
