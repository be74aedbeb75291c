import { randomUUID } from 'node:crypto';
import {
  addDays,
  completeGapAssessmentUpdate,
  endProgramUpdate,
  getIsoProgramStateQuery,
  programWorkflowTypes,
} from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { createDevServerEnv, utcToday } from '@certflow/testkit';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, seedProgram } from '../../../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/support/smtp.js';
import { nextRunId } from '../../../test/support/time.js';
import { bundleWorkflows, realActivities } from '../../../test/support/worker.js';
import type { isoCertificationWorkflow } from './workflow.js';

// Its own dev server: the history limit that makes the server suggest continue-as-new is server-wide config.
describe('continue-as-new when the server suggests it', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let smtp: SmtpCatcher;

  beforeAll(async () => {
    [env, db, smtp] = await Promise.all([
      createDevServerEnv({
        server: { extraArgs: ['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=60'] },
      }),
      createTestDatabase(),
      startSmtpCatcher(),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled([env?.teardown(), db?.drop(), smtp?.close()]);
  });

  it('starts a new run mid-cycle with the same state and keeps the audit sequence going', async () => {
    const seeded = await seedProgram(db.prisma);
    const taskQueue = `iso-can-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflows(),
      activities: realActivities(db.prisma, smtp.transport),
    });
    const today = await utcToday();
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof isoCertificationWorkflow>(
        programWorkflowTypes.ISO_CERTIFICATION,
        {
          args: [
            {
              programId: seeded.programId,
              organizationId: seeded.organizationId,
              frameworks: ['iso42001'],
              startDate: today,
              programManagerEmail: 'pm@acme.test',
            },
          ],
          workflowId: seeded.workflowId,
          taskQueue,
        },
      );
      const firstRunId = handle.firstExecutionRunId;
      // 12 gaps: 15 audit events and 12 emails, about 90 history events, past the limit of 60.
      await handle.executeUpdate(completeGapAssessmentUpdate, {
        args: [
          {
            actor: 'lead@acme.test',
            completedOn: today,
            gaps: Array.from({ length: 12 }, (_, i) => ({
              title: `Gap ${i + 1}`,
              ownerEmail: 'owner@acme.test',
              dueDate: addDays(today, 40),
            })),
          },
        ],
      });
      const current = env.client.workflow.getHandle<typeof isoCertificationWorkflow>(seeded.workflowId);
      const runId = await nextRunId(env.client, seeded.workflowId, firstRunId);
      expect(runId).not.toBe(firstRunId);
      const state = await current.query(getIsoProgramStateQuery);
      expect(state).toMatchObject({ cycle: 1, stage: 'REMEDIATION', lastEventSequence: 15 });
      expect(state.tasks).toHaveLength(12);

      await current.executeUpdate(endProgramUpdate, {
        args: [{ actor: 'pm@acme.test', reason: 'test finished' }],
      });
      await current.result();
    });

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'task.cancelled')).toHaveLength(12);
    expect(smtp.messages).toHaveLength(12);
  });
});
