import { randomUUID } from 'node:crypto';
import {
  completeGapAssessmentUpdate,
  endProgramUpdate,
  getIsoProgramStateQuery,
  programWorkflowTypes,
  recordAuditOutcomeUpdate,
  recordCertificationDecisionUpdate,
  scheduleAuditUpdate,
} from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { createTimeSkippingEnv, shiftYears, yearShift } from '@certflow/testkit';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, seedProgram } from '../../../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/support/smtp.js';
import { expectRejected, nextRunId, sleepUntil } from '../../../test/support/time.js';
import { bundleWorkflows, realActivities } from '../../../test/support/worker.js';
import type { isoCertificationWorkflow } from './workflow.js';

const actor = 'lead@acme.test';

/** Gap assessment to certification decision in early 2040: expiry 2043-02-06, surveillance 1 due 2041-02-07. */
async function certify(
  env: TestWorkflowEnvironment,
  handle: WorkflowHandle<typeof isoCertificationWorkflow>,
  d: (date: string) => string = (date) => date,
): Promise<void> {
  await handle.executeUpdate(completeGapAssessmentUpdate, {
    args: [{ actor, completedOn: d('2040-01-02') }],
  });
  await handle.executeUpdate(recordAuditOutcomeUpdate, {
    args: [{ actor, audit: 'internal-audit', lastDay: d('2040-01-02') }],
  });
  await handle.executeUpdate(recordAuditOutcomeUpdate, {
    args: [{ actor, audit: 'management-review', lastDay: d('2040-01-02') }],
  });
  await handle.executeUpdate(scheduleAuditUpdate, {
    args: [{ actor, audit: 'stage1', date: d('2040-01-10') }],
  });
  await sleepUntil(env, d('2040-01-10'));
  await handle.executeUpdate(recordAuditOutcomeUpdate, {
    args: [{ actor, audit: 'stage1', lastDay: d('2040-01-10') }],
  });
  await handle.executeUpdate(scheduleAuditUpdate, {
    args: [{ actor, audit: 'stage2', date: d('2040-02-06') }],
  });
  await sleepUntil(env, d('2040-02-07'));
  await handle.executeUpdate(recordAuditOutcomeUpdate, {
    args: [{ actor, audit: 'stage2', lastDay: d('2040-02-07') }],
  });
  const certified = await handle.executeUpdate(recordCertificationDecisionUpdate, {
    args: [{ actor, decidedOn: d('2040-02-07') }],
  });
  expect(certified.dates).toMatchObject({ expiryDate: d('2043-02-06'), surveillance1Due: d('2041-02-07') });
}

/** Waits for the workflow id to run a new run (after continue-as-new) and returns its state. */
async function nextRun(env: TestWorkflowEnvironment, workflowId: string, previousRunId: string) {
  const current = env.client.workflow.getHandle<typeof isoCertificationWorkflow>(workflowId);
  expect(await nextRunId(env.client, workflowId, previousRunId)).not.toBe(previousRunId);
  return { handle: current, state: await current.query(getIsoProgramStateQuery) };
}

describe('a certificate that is suspended, withdrawn or lapses (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let smtp: SmtpCatcher;
  let workflowBundle: Awaited<ReturnType<typeof bundleWorkflows>>;

  beforeAll(async () => {
    [env, db, smtp, workflowBundle] = await Promise.all([
      createTimeSkippingEnv(),
      createTestDatabase(),
      startSmtpCatcher(),
      bundleWorkflows(),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled([env?.teardown(), db?.drop(), smtp?.close()]);
  });

  /** A worker of its own (a worker runs once) and a program starting on `startDate`. */
  async function startProgram(startDate: string) {
    const taskQueue = `iso-lapse-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: realActivities(db.prisma, smtp.transport),
    });
    const seeded = await seedProgram(db.prisma);
    const handle = await env.client.workflow.start<typeof isoCertificationWorkflow>(
      programWorkflowTypes.ISO_CERTIFICATION,
      {
        args: [
          {
            programId: seeded.programId,
            organizationId: seeded.organizationId,
            frameworks: ['iso27001'],
            startDate,
            programManagerEmail: 'pm@acme.test',
          },
        ],
        workflowId: seeded.workflowId,
        taskQueue,
      },
    );
    return { seeded, handle, worker };
  }

  it('suspends the certificate when surveillance 1 is missed and withdraws it 6 months later, starting a new initial audit', async () => {
    smtp.messages.length = 0;
    // The calendar below is written for 2040; moved by whole 4-year steps to lie ahead of the server's clock.
    const shift = yearShift(await env.currentTimeMs(), '2040-01-02');
    const d = (date: string) => shiftYears(date, shift);
    await sleepUntil(env, d('2040-01-02'));
    const { seeded, handle, worker } = await startProgram(d('2040-01-02'));
    await worker.runUntil(async () => {
      await certify(env, handle, d);

      await sleepUntil(env, d('2041-02-08'));
      const suspended = await handle.query(getIsoProgramStateQuery);
      expect(suspended).toMatchObject({
        stage: 'SUSPENDED',
        // Six months from its first day: through 2041-08-07, withdrawn on 2041-08-08.
        suspension: { since: d('2041-02-08'), until: d('2041-08-07'), missedAudit: 'surveillance1' },
        nextMilestone: { kind: 'suspension-ends', due: d('2041-08-07') },
      });
      await expectRejected(
        handle.executeUpdate(scheduleAuditUpdate, {
          args: [{ actor, audit: 'surveillance1', date: d('2041-09-01') }],
        }),
        new RegExp(`must take place by ${d('2041-08-07')}, when the suspension ends in withdrawal`),
      );

      await sleepUntil(env, d('2041-08-10'));
      const { handle: current, state } = await nextRun(env, seeded.workflowId, handle.firstExecutionRunId);
      expect(state).toMatchObject({ cycle: 2, stage: 'REMEDIATION', missedDeadlines: [] });
      expect(state.suspension).toBeUndefined();
      await current.executeUpdate(endProgramUpdate, { args: [{ actor, reason: 'test finished' }] });
      await current.result();
    });

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    const on = (type: string) =>
      events.filter((e) => e.type === type).map((e) => e.occurredAt.toISOString().slice(0, 10));
    expect(on('certification.suspended')).toEqual([d('2041-02-08')]);
    expect(on('certification.withdrawn')).toEqual([d('2041-08-08')]);
    expect(events.filter((e) => e.type === 'stage.changed').map((e) => e.payload.to)).toEqual([
      'REMEDIATION',
      'STAGE1',
      'STAGE2',
      'CERTIFICATION_DECISION',
      'SURVEILLANCE_1',
      'SUSPENDED',
      'REMEDIATION',
      'ENDED',
    ]);
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('Certificate suspended'),
      expect.stringContaining('Certificate withdrawn'),
      expect.stringContaining('Missed deadline: surveillance1'),
      expect.stringContaining('Missed deadline: suspension'),
    ]);
  });

  it('goes LAPSED the day after expiry and, past the 6-month restoration window, starts a new initial audit in a new run', async () => {
    smtp.messages.length = 0;
    // The server's clock only moves forward (the test above moved it on): the same 2040 calendar, moved again.
    const shift = yearShift(await env.currentTimeMs(), '2040-01-02');
    const d = (date: string) => shiftYears(date, shift);
    await sleepUntil(env, d('2040-01-02'));
    const { seeded, handle, worker } = await startProgram(d('2040-01-02'));
    await worker.runUntil(async () => {
      await certify(env, handle, d);

      // Both surveillance audits are held; then nothing happens until the certificate expires.
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'surveillance1', date: d('2041-01-15') }],
      });
      await sleepUntil(env, d('2041-01-15'));
      const afterS1 = await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'surveillance1', lastDay: d('2041-01-15') }],
      });
      expect(afterS1.dates).toMatchObject({
        surveillance2Earliest: d('2042-01-01'),
        surveillance2Due: d('2042-01-15'),
      });
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'surveillance2', date: d('2042-01-12') }],
      });
      await sleepUntil(env, d('2042-01-12'));
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'surveillance2', lastDay: d('2042-01-12') }],
      });

      await sleepUntil(env, d('2043-02-07'));
      const lapsed = await handle.query(getIsoProgramStateQuery);
      expect(lapsed).toMatchObject({ stage: 'LAPSED', dates: { restorationDeadline: d('2043-08-06') } });
      expect(lapsed.atRiskReasons).toEqual(['missed:certificate-expiry', 'certificate-lapsed']);
      await expectRejected(
        handle.executeUpdate(recordCertificationDecisionUpdate, {
          args: [{ actor, decidedOn: d('2043-02-07') }],
        }),
        /recertification audit has not been recorded yet/,
      );

      await sleepUntil(env, d('2043-08-08'));
      const { handle: current, state } = await nextRun(env, seeded.workflowId, handle.firstExecutionRunId);
      expect(state).toMatchObject({ cycle: 2, stage: 'REMEDIATION', missedDeadlines: [] });
      // The readiness evidence of the lapsed cycle no longer counts: a new internal audit and management
      // review, held after the certificate ended, come before Stage 1.
      expect(state.audits).toEqual({});
      expect(state.dates.readinessNotBefore).toBe(d('2043-02-07'));
      await expectRejected(
        current.executeUpdate(recordAuditOutcomeUpdate, {
          args: [{ actor, audit: 'internal-audit', lastDay: d('2043-02-06') }],
        }),
        /belongs to the certificate that ended/,
      );
      await current.executeUpdate(endProgramUpdate, { args: [{ actor, reason: 'test finished' }] });
      await current.result();
    });

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'deadline.missed').map((e) => e.payload)).toEqual([
      { deadline: 'certificate-expiry', due: d('2043-02-06') },
      { deadline: 'restoration', due: d('2043-08-06') },
    ]);
    expect(events.filter((e) => e.type === 'stage.changed').map((e) => e.payload.to)).toEqual([
      'REMEDIATION',
      'STAGE1',
      'STAGE2',
      'CERTIFICATION_DECISION',
      'SURVEILLANCE_1',
      'SURVEILLANCE_2',
      'RECERTIFICATION',
      'LAPSED',
      'REMEDIATION',
      'ENDED',
    ]);
    expect(smtp.messages.map((m) => m.subject)).toEqual([
      expect.stringContaining('Missed deadline: certificate-expiry'),
      expect.stringContaining('Missed deadline: restoration'),
    ]);
  });
});
