import { randomUUID } from 'node:crypto';
import {
  addDays,
  calendarDateOf,
  cancelTaskUpdate,
  completeGapAssessmentUpdate,
  completeTaskUpdate,
  getIsoProgramStateQuery,
  type IsoProgramState,
  programWorkflowTypes,
  reassignTaskUpdate,
} from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { connectToProvidedDevServer, eventually, TEMPORAL_ADDRESS_KEY } from '@certflow/testkit';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEvents, seedProgram, type SeededProgram } from '../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../test/support/smtp.js';
import { startWorkerProcess, type WorkerProcess } from '../test/support/worker-process.js';
import type { isoCertificationWorkflow } from './workflows/iso-certification/workflow.js';

const GAPS = 25;

/**
 * The read model after SIGKILLed workers: each kill lands right after an update returned, while the batch that
 * carries its audit events and read-model rows is being written (or not yet started). A later worker replays the
 * program and retries the batch; the tables must end up exactly as the workflow's own state says, with no row
 * lost, doubled or left behind at an older version.
 */
describe('the read model converges after a worker is killed mid-batch', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let smtp: SmtpCatcher;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    [env, db, smtp] = await Promise.all([
      connectToProvidedDevServer(inject(TEMPORAL_ADDRESS_KEY)),
      createTestDatabase(),
      startSmtpCatcher(),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.kill('SIGKILL')));
    await Promise.allSettled([env?.teardown(), db?.drop(), smtp?.close()]);
  });

  /** Waits through a restarted worker's replay and retries; generous because a loaded 2-core box is slow at both. */
  function until<T>(what: string, probe: () => Promise<T | undefined>, worker: WorkerProcess): Promise<T> {
    return eventually(() => `${what}; worker output:\n${worker.output()}`, probe, { timeoutMs: 240_000 });
  }

  /** Compares the tables with the workflow's state; undefined while they still differ. */
  async function converged(seeded: SeededProgram, handle: WorkflowHandle<typeof isoCertificationWorkflow>) {
    const state: IsoProgramState = await handle.query(getIsoProgramStateQuery);
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: seeded.programId } });
    const rows = await db.prisma.remediationTask.findMany({
      where: { programId: seeded.programId },
      orderBy: { id: 'asc' },
    });
    const expected = [...state.tasks]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((t) => [t.id, t.status, t.ownerEmail.toLowerCase(), t.dueDate]);
    const actual = rows.map((r) => [r.id, r.status, r.ownerEmail, r.dueDate.toISOString().slice(0, 10)]);
    const same =
      program.stage === state.stage &&
      program.projectedSequence === state.lastEventSequence &&
      JSON.stringify(actual) === JSON.stringify(expected);
    return same ? { state, rows } : undefined;
  }

  it('loses no row, doubles none and never goes backwards', { timeout: 900_000 }, async () => {
    const seeded = await seedProgram(db.prisma);
    const taskQueue = `read-model-crash-${randomUUID()}`;
    const today = calendarDateOf(Date.now());
    const workerEnv = {
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATABASE_URL: db.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
    };
    let worker = await startWorkerProcess(workerEnv);
    workers.push(worker);
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
    await until('the first projection', () => converged(seeded, handle), worker);

    // Kill 1: right after the gap assessment (25 tasks) was accepted.
    await handle.executeUpdate(completeGapAssessmentUpdate, {
      args: [
        {
          actor: 'lead@acme.test',
          completedOn: today,
          gaps: Array.from({ length: GAPS }, (_, i) => ({
            title: `Gap ${i + 1}`,
            ownerEmail: `Owner${i + 1}@Acme.test`,
            dueDate: addDays(today, 30 + i),
            requirementIds: ['iso27001:A.5.15'],
          })),
        },
      ],
    });
    expect(await worker.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    worker = await startWorkerProcess(workerEnv);
    workers.push(worker);
    const afterGaps = await until('the tasks after the first kill', () => converged(seeded, handle), worker);
    expect(afterGaps.rows).toHaveLength(GAPS);
    expect(afterGaps.rows.every((r) => r.status === 'OPEN' && r.linkedRequirementIds.length > 0)).toBe(true);

    // Kill 2: after three task updates in a row, the last of which is still being written.
    const [first, second, third] = afterGaps.state.tasks;
    const evidence = [{ title: 'Access review', uri: 'https://docs.acme.test/review' }];
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ actor: 'owner1@acme.test', taskId: first!.id, completedOn: today, evidence }],
    });
    await handle.executeUpdate(reassignTaskUpdate, {
      args: [{ actor: 'lead@acme.test', taskId: second!.id, ownerEmail: 'new.owner@acme.test' }],
    });
    await handle.executeUpdate(cancelTaskUpdate, {
      args: [{ actor: 'lead@acme.test', taskId: third!.id, reason: 'no longer in scope' }],
    });
    expect(await worker.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    worker = await startWorkerProcess(workerEnv);
    workers.push(worker);
    const final = await until(
      'the task updates after the second kill',
      () => converged(seeded, handle),
      worker,
    );
    expect(final.rows).toHaveLength(GAPS);
    const byId = new Map(final.rows.map((r) => [r.id, r]));
    expect(byId.get(first!.id)).toMatchObject({ status: 'DONE', evidence });
    expect(byId.get(second!.id)).toMatchObject({ status: 'OPEN', ownerEmail: 'new.owner@acme.test' });
    expect(byId.get(third!.id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'no longer in scope' });

    // The audit trail went through the same batches: every sequence exactly once, none missing.
    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(
      Array.from({ length: final.state.lastEventSequence }, (_, i) => i + 1),
    );
    // Every row carries a version no newer than the program's, and the milestones of cycle 1 are there once.
    expect(final.rows.every((r) => r.projectedSequence <= final.state.lastEventSequence)).toBe(true);
    const milestones = await db.prisma.programMilestone.findMany({ where: { programId: seeded.programId } });
    expect(new Set(milestones.map((m) => `${m.cycle}:${m.kind}`)).size).toBe(milestones.length);
    expect(
      milestones
        .find((m) => m.kind === 'gap-assessment')
        ?.actual?.toISOString()
        .slice(0, 10),
    ).toBe(today);
    expect(await worker.kill('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
