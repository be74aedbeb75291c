import { randomUUID } from 'node:crypto';
import {
  addDays,
  addNoteSignal,
  calendarDateOf,
  completeGapAssessmentUpdate,
  endProgramUpdate,
  getIsoProgramStateQuery,
  type IsoCertificationStartInput,
  programWorkflowTypes,
} from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { createTimeSkippingEnv, eventually } from '@certflow/testkit';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, seedProgram, type SeededProgram } from '../../../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/support/smtp.js';
import { bundleWorkflows, realActivities } from '../../../test/support/worker.js';
import type { isoCertificationWorkflow } from './workflow.js';

describe('ISO certification workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let smtp: SmtpCatcher;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    [env, db, smtp, bundle] = await Promise.all([
      createTimeSkippingEnv(),
      createTestDatabase(),
      startSmtpCatcher(),
      bundleWorkflows(),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled([env?.teardown(), db?.drop(), smtp?.close()]);
  });

  /** A worker on a task queue of its own, and how to start an ISO/IEC 27001 program on it from today. */
  async function isoProgramRun(seeded: SeededProgram, extra: Partial<IsoCertificationStartInput> = {}) {
    const taskQueue = `iso-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: realActivities(db.prisma, smtp.transport),
    });
    const startDate = calendarDateOf(await env.currentTimeMs());
    const input: IsoCertificationStartInput = {
      programId: seeded.programId,
      organizationId: seeded.organizationId,
      frameworks: ['iso27001'],
      startDate,
      programManagerEmail: 'pm@acme.test',
      ...extra,
    };
    const start = () =>
      env.client.workflow.start<typeof isoCertificationWorkflow>(programWorkflowTypes.ISO_CERTIFICATION, {
        args: [input],
        workflowId: seeded.workflowId,
        taskQueue,
      });
    return { worker, start, startDate };
  }

  it('lets the 90-day gap-assessment deadline elapse on the time-skipping server and escalates it', async () => {
    const seeded = await seedProgram(db.prisma);
    const { worker, start, startDate } = await isoProgramRun(seeded);
    const final = await worker.runUntil(async () => {
      const handle = await start();
      const before = await handle.query(getIsoProgramStateQuery);
      expect(before.stage).toBe('GAP_ASSESSMENT');
      expect(before.dates.gapAssessmentDue).toBe(addDays(startDate, 90));
      expect(before.atRisk).toBe(false);

      // The SMTP server refuses the escalation twice; the bounded retry policy delivers it on the third attempt.
      smtp.failNext(2);
      await env.sleep('91 days');
      const after = await handle.query(getIsoProgramStateQuery);
      expect(after.today).toBe(addDays(startDate, 91));
      expect(after.missedDeadlines).toEqual(['gap-assessment']);
      expect(after.atRisk).toBe(true);

      await handle.executeUpdate(endProgramUpdate, {
        args: [{ actor: 'pm@acme.test', reason: 'test finished' }],
      });
      return handle.result();
    });

    expect(final.stage).toBe('ENDED');

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => [e.sequence, e.type])).toEqual([
      [1, 'program.started'],
      [2, 'deadline.missed'],
      [3, 'stage.changed'],
      [4, 'program.ended'],
    ]);
    expect(events[1]?.payload).toEqual({ deadline: 'gap-assessment', due: addDays(startDate, 90) });
    expect(calendarDateOf(events[1]!.occurredAt.getTime())).toBe(addDays(startDate, 91));

    const escalations = smtp.messages.filter((m) => m.subject.includes('Missed deadline: gap-assessment'));
    expect(escalations.map((m) => m.to)).toEqual([['pm@acme.test']]);
    const outbox = await db.prisma.notification.findMany({ where: { programId: seeded.programId } });
    expect(outbox.map((n) => [n.recipient, n.status, n.attempts])).toEqual([['pm@acme.test', 'SENT', 3]]);
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: seeded.programId } });
    expect(program.stage).toBe('ENDED');
    expect(program.status).toBe('COMPLETED');
  });

  it('gives up on an email after five refused attempts, audits that, and carries on', async () => {
    const seeded = await seedProgram(db.prisma);
    const { worker, start } = await isoProgramRun(seeded, { config: { gapAssessmentDays: 10 } });
    const before = smtp.messages.length;
    await worker.runUntil(async () => {
      const handle = await start();
      smtp.failNext(5);
      await env.sleep('12 days');
      await handle.executeUpdate(endProgramUpdate, {
        args: [{ actor: 'pm@acme.test', reason: 'test finished' }],
      });
      await handle.result();
    });
    expect(smtp.messages.length).toBe(before);
    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.type)).toEqual([
      'program.started',
      'deadline.missed',
      'notification.failed',
      'stage.changed',
      'program.ended',
    ]);
    expect(events[2]?.payload).toMatchObject({ to: 'pm@acme.test', forEvent: 2 });
    const outbox = await db.prisma.notification.findMany({ where: { programId: seeded.programId } });
    expect(outbox.map((n) => [n.status, n.attempts, n.lastError])).toEqual([
      ['FAILED', 5, expect.stringContaining('451')],
    ]);
  });

  it('writes what later updates did while an earlier email is still being refused (emails-beside-effects)', async () => {
    const seeded = await seedProgram(db.prisma);
    const { worker, start, startDate } = await isoProgramRun(seeded);
    const trail = (type: string) =>
      db.prisma.auditEvent.findMany({
        where: { workflowId: seeded.workflowId, type },
        select: { txId: true },
      });
    await worker.runUntil(async () => {
      const handle = await start();
      // The new task's owner is mailed; the server refuses all five attempts, spread over about a minute.
      smtp.failNext(5);
      await handle.executeUpdate(completeGapAssessmentUpdate, {
        args: [
          {
            actor: 'pm@acme.test',
            completedOn: startDate,
            gaps: [
              {
                title: 'Access review',
                ownerEmail: 'owner@acme.test',
                dueDate: addDays(startDate, 30),
                requirementIds: ['iso27001:A.5.15'],
              },
            ],
          },
        ],
      });
      await handle.signal(addNoteSignal, { actor: 'pm@acme.test', note: 'Kick-off held' });
      // No time is skipped yet: the note reaches the trail while the email is still being retried.
      const refusedMeanwhile = await eventually(
        'the note in the audit trail',
        async () =>
          (await trail('note.added')).length === 1 ? (await trail('notification.failed')).length : false,
        { timeoutMs: 20_000 },
      );
      expect(refusedMeanwhile).toBe(0);
      await env.sleep('10 minutes');
      await handle.executeUpdate(endProgramUpdate, {
        args: [{ actor: 'pm@acme.test', reason: 'test finished' }],
      });
      await handle.result();
    });
    // The run waited for the email before it ended, and its failure was written in a later transaction.
    const [note] = await trail('note.added');
    const [failed] = await trail('notification.failed');
    expect(failed).toBeDefined();
    expect(note!.txId).toBeLessThan(failed!.txId);
  });
});
