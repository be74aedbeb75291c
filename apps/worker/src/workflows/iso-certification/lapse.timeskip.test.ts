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
import { createTimeSkippingEnv } from '@certflow/testkit';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, seedProgram } from '../../../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/support/smtp.js';
import { expectRejected, sleepUntil } from '../../../test/support/time.js';
import { bundleWorkflows, realActivities } from '../../../test/support/worker.js';
import type { isoCertificationWorkflow } from './workflow.js';

const actor = 'lead@acme.test';

describe('a certificate that lapses (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let smtp: SmtpCatcher;

  beforeAll(async () => {
    [env, db, smtp] = await Promise.all([createTimeSkippingEnv(), createTestDatabase(), startSmtpCatcher()]);
  });
  afterAll(async () => {
    await Promise.allSettled([env?.teardown(), db?.drop(), smtp?.close()]);
  });

  it('goes LAPSED the day after expiry and, past the 6-month restoration window, starts a new initial audit in a new run', async () => {
    const seeded = await seedProgram(db.prisma);
    const taskQueue = `iso-lapse-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflows(),
      activities: realActivities(db.prisma, smtp.transport),
    });
    await sleepUntil(env, '2040-01-02');

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof isoCertificationWorkflow>(
        programWorkflowTypes.ISO_CERTIFICATION,
        {
          args: [
            {
              programId: seeded.programId,
              organizationId: seeded.organizationId,
              frameworks: ['iso27001'],
              startDate: '2040-01-02',
              programManagerEmail: 'pm@acme.test',
            },
          ],
          workflowId: seeded.workflowId,
          taskQueue,
        },
      );
      const firstRunId = handle.firstExecutionRunId;
      await handle.executeUpdate(completeGapAssessmentUpdate, {
        args: [{ actor, completedOn: '2040-01-02' }],
      });
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'internal-audit', lastDay: '2040-01-02' }],
      });
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'management-review', lastDay: '2040-01-02' }],
      });
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'stage1', date: '2040-01-10' }],
      });
      await sleepUntil(env, '2040-01-10');
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'stage1', lastDay: '2040-01-10' }],
      });
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'stage2', date: '2040-02-06' }],
      });
      await sleepUntil(env, '2040-02-07');
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'stage2', lastDay: '2040-02-07' }],
      });
      const certified = await handle.executeUpdate(recordCertificationDecisionUpdate, {
        args: [{ actor, decidedOn: '2040-02-07' }],
      });
      expect(certified.dates).toMatchObject({ expiryDate: '2043-02-06', surveillance1Due: '2041-02-07' });

      // Nothing happens for three years: surveillance 1 is missed, then the certificate expires.
      await sleepUntil(env, '2043-02-07');
      const lapsed = await handle.query(getIsoProgramStateQuery);
      expect(lapsed).toMatchObject({ stage: 'LAPSED', dates: { restorationDeadline: '2043-08-06' } });
      expect(lapsed.atRiskReasons).toEqual([
        'missed:surveillance1',
        'missed:certificate-expiry',
        'certificate-lapsed',
      ]);
      await expectRejected(
        handle.executeUpdate(recordCertificationDecisionUpdate, {
          args: [{ actor, decidedOn: '2043-02-07' }],
        }),
        /recertification audit has not been recorded yet/,
      );

      await sleepUntil(env, '2043-08-08');
      const current = env.client.workflow.getHandle<typeof isoCertificationWorkflow>(seeded.workflowId);
      let description = await current.describe();
      for (let i = 0; i < 50 && description.runId === firstRunId; i++) {
        await new Promise((r) => setTimeout(r, 100));
        description = await current.describe();
      }
      expect(description.runId).not.toBe(firstRunId);
      const restarted = await current.query(getIsoProgramStateQuery);
      expect(restarted).toMatchObject({ cycle: 2, stage: 'REMEDIATION', missedDeadlines: [] });
      expect(restarted.audits).toEqual({
        'internal-audit': { lastDay: '2040-01-02' },
        'management-review': { lastDay: '2040-01-02' },
      });
      await current.executeUpdate(endProgramUpdate, { args: [{ actor, reason: 'test finished' }] });
      await current.result();
    });

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'deadline.missed').map((e) => e.payload)).toEqual([
      { deadline: 'surveillance1', due: '2041-02-07' },
      { deadline: 'certificate-expiry', due: '2043-02-06' },
      { deadline: 'restoration', due: '2043-08-06' },
    ]);
    expect(events.filter((e) => e.type === 'stage.changed').map((e) => e.payload.to)).toEqual([
      'REMEDIATION',
      'STAGE1',
      'STAGE2',
      'CERTIFICATION_DECISION',
      'SURVEILLANCE_1',
      'LAPSED',
      'REMEDIATION',
      'ENDED',
    ]);
    expect(smtp.messages.map((m) => m.subject)).toEqual([
      expect.stringContaining('Missed deadline: surveillance1'),
      expect.stringContaining('Missed deadline: certificate-expiry'),
      expect.stringContaining('Missed deadline: restoration'),
    ]);
  });
});
