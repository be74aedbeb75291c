import {
  addDays,
  completeGapAssessmentUpdate,
  endProgramUpdate,
  programWorkflowTypes,
} from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { connectToProvidedDevServer, eventually, TEMPORAL_ADDRESS_KEY, utcToday } from '@certflow/testkit';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEvents, seedProgram } from '../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../test/support/smtp.js';
import { startWorkerProcess, type WorkerProcess } from '../test/support/worker-process.js';
import type { isoCertificationWorkflow } from './workflows/iso-certification/workflow.js';

const GAPS = 30;

describe('a worker killed mid-cycle', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let smtp: SmtpCatcher;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    [env, db, smtp] = await Promise.all([
      connectToProvidedDevServer(inject(TEMPORAL_ADDRESS_KEY)),
      createTestDatabase(),
      // A slow mail server, so the worker can be killed while emails are still going out.
      startSmtpCatcher({ acceptDelayMs: 150 }),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.kill('SIGKILL')));
    await Promise.allSettled([env?.teardown(), db?.drop(), smtp?.close()]);
  });

  it(
    'loses nothing and duplicates nothing: a new worker finishes and every audit event is written exactly once',
    { timeout: 300_000 },
    async () => {
      const seeded = await seedProgram(db.prisma);
      const taskQueue = `crash-${randomUUID()}`;
      const today = await utcToday();
      const workerEnv = {
        TEMPORAL_ADDRESS: env.address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        DATABASE_URL: db.url,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
      };
      const first = await startWorkerProcess(workerEnv);
      workers.push(first);

      const handle = await env.client.workflow.start<typeof isoCertificationWorkflow>(
        programWorkflowTypes.ISO_CERTIFICATION,
        {
          args: [
            {
              programId: seeded.programId,
              organizationId: seeded.organizationId,
              frameworks: ['iso27001'],
              startDate: today,
              programManagerEmail: 'pm@acme.test',
            },
          ],
          workflowId: seeded.workflowId,
          taskQueue,
        },
      );
      // One update that queues 2 + 2×GAPS effects: the audit events, then an assignment email per task.
      await handle.executeUpdate(completeGapAssessmentUpdate, {
        args: [
          {
            actor: 'lead@acme.test',
            completedOn: today,
            gaps: Array.from({ length: GAPS }, (_, i) => ({
              title: `Gap ${i + 1}`,
              ownerEmail: `owner${i + 1}@acme.test`,
              dueDate: addDays(today, 60),
            })),
          },
        ],
      });

      // Kill the worker while it is part-way through the emails: as soon as the first one has arrived.
      await eventually(
        () => `the first worker to send an email:\n${first.output()}`,
        () => smtp.messages.length > 0,
        { intervalMs: 5 },
      );
      expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      // Proof from the server, not from counting emails, that effects were in flight at the kill: it still holds
      // email activities of this workflow that were scheduled or started and never completed.
      const inFlight = ((await handle.describe()).raw.pendingActivities ?? []).filter(
        (a) => a.activityType?.name === 'sendEmail',
      );
      expect(inFlight.length).toBeGreaterThan(0);
      expect(smtp.messages.length).toBeLessThan(GAPS);

      const second = await startWorkerProcess(workerEnv);
      workers.push(second);
      // The dead worker's sticky queue (10 s) and its in-flight activities (20 s start-to-close) time out first.
      const delivered = () => new Set(smtp.messages.map((m) => m.to[0])).size;
      await eventually(
        () => `every recipient to get their email (stuck at ${delivered()}):\n${second.output()}`,
        () => delivered() >= GAPS,
      );
      await handle.executeUpdate(endProgramUpdate, {
        args: [{ actor: 'pm@acme.test', reason: 'test finished' }],
      });
      const state = await handle.result();
      // SIGTERM is a graceful shutdown: the Runtime drains the worker, main() closes everything and exits 0.
      expect(await second.kill('SIGTERM')).toEqual({ code: 0, signal: null });

      const events = await auditEvents(db.prisma, seeded.workflowId);
      // Exactly once: sequences 1..N with no gap (nothing lost) and the unique key forbids repeats.
      expect(events.map((e) => e.sequence)).toEqual(
        Array.from({ length: state.lastEventSequence }, (_, i) => i + 1),
      );
      const count = (type: string) => events.filter((e) => e.type === type).length;
      expect(count('task.created')).toBe(GAPS);
      expect(count('task.cancelled')).toBe(GAPS);
      expect(count('program.ended')).toBe(1);
      expect(new Set(events.filter((e) => e.type === 'task.created').map((e) => e.payload.title)).size).toBe(
        GAPS,
      );

      // Every assignment email went out; the outbox row makes retries idempotent. An email whose SMTP send was
      // in flight at the kill may be delivered twice (SMTP has no idempotent send), but with the same Message-ID,
      // so mail clients drop the copy.
      const notifications = await db.prisma.notification.findMany({ where: { programId: seeded.programId } });
      expect(notifications).toHaveLength(GAPS);
      expect(notifications.every((n) => n.status === 'SENT')).toBe(true);
      const byRecipient = new Map<string, Set<string>>();
      for (const m of smtp.messages)
        byRecipient.set(m.to[0]!, (byRecipient.get(m.to[0]!) ?? new Set()).add(m.messageId));
      expect(byRecipient.size).toBe(GAPS);
      expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    },
  );
});
