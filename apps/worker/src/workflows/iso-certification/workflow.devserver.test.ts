import { randomUUID } from 'node:crypto';
import {
  addDays,
  addNoteSignal,
  attachEvidenceSignal,
  CertflowAtRisk,
  CertflowFrameworks,
  CertflowNextMilestoneAt,
  CertflowOrganizationId,
  CertflowProgramKind,
  CertflowStage,
  completeGapAssessmentUpdate,
  endProgramUpdate,
  getIsoProgramStateQuery,
  programWorkflowTypes,
  startOfDayMs,
} from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { connectToProvidedDevServer, eventually, TEMPORAL_ADDRESS_KEY, utcToday } from '@certflow/testkit';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEvents, seedProgram } from '../../../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/support/smtp.js';
import { bundleWorkflows, realActivities } from '../../../test/support/worker.js';
import type { isoCertificationWorkflow } from './workflow.js';

describe('ISO certification workflow on the dev server', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let smtp: SmtpCatcher;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    [env, db, smtp, bundle] = await Promise.all([
      connectToProvidedDevServer(inject(TEMPORAL_ADDRESS_KEY)),
      createTestDatabase(),
      startSmtpCatcher(),
      bundleWorkflows(),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled([env?.teardown(), db?.drop(), smtp?.close()]);
  });

  it('answers the state query and publishes typed search attributes that visibility can filter on', async () => {
    const seeded = await seedProgram(db.prisma, ['iso27001', 'iso42001']);
    const taskQueue = `iso-dev-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
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
              frameworks: ['iso27001', 'iso42001'],
              startDate: today,
              programManagerEmail: 'pm@acme.test',
              config: { gapAssessmentDays: 60, certificationBody: 'Example CB' },
            },
          ],
          workflowId: seeded.workflowId,
          taskQueue,
        },
      );

      const state = await handle.query(getIsoProgramStateQuery);
      expect(state).toMatchObject({
        stage: 'GAP_ASSESSMENT',
        cycle: 1,
        frameworks: ['iso27001', 'iso42001'],
        dates: { startDate: today, gapAssessmentDue: addDays(today, 60) },
        nextMilestone: { kind: 'gap-assessment-due', due: addDays(today, 60) },
        atRisk: false,
      });

      const afterGap = await handle.executeUpdate(completeGapAssessmentUpdate, {
        args: [
          {
            actor: 'lead@acme.test',
            completedOn: today,
            gaps: [
              {
                title: 'Write the AI policy',
                ownerEmail: 'ciso@acme.test',
                dueDate: addDays(today, 30),
                requirementIds: ['iso42001:5.2'],
              },
            ],
          },
        ],
      });
      expect(afterGap.stage).toBe('REMEDIATION');
      expect(afterGap.tasks).toHaveLength(1);

      // Search attributes are upserted by the workflow after the update's effects ran; poll visibility.
      const query = `CertflowOrganizationId = '${seeded.organizationId}' AND CertflowStage = 'REMEDIATION' AND CertflowProgramKind = 'ISO_CERTIFICATION'`;
      const listed = await eventually(
        `visibility to list the program in REMEDIATION (${query})`,
        async () => {
          const ids: string[] = [];
          for await (const wf of env.client.workflow.list({ query })) ids.push(wf.workflowId);
          return ids.length > 0 && ids;
        },
        { intervalMs: 200 },
      );
      expect(listed).toEqual([seeded.workflowId]);

      const description = await handle.describe();
      const attrs = description.typedSearchAttributes;
      expect(attrs.get(CertflowOrganizationId)).toBe(seeded.organizationId);
      expect(attrs.get(CertflowProgramKind)).toBe('ISO_CERTIFICATION');
      expect(attrs.get(CertflowFrameworks)).toEqual(['iso27001', 'iso42001']);
      expect(attrs.get(CertflowStage)).toBe('REMEDIATION');
      expect(attrs.get(CertflowNextMilestoneAt)?.getTime()).toBe(startOfDayMs(addDays(today, 30)));
      expect(attrs.get(CertflowAtRisk)).toBe(false);

      // Fire-and-forget signals: a note, evidence for the open task, and a malformed note that is dropped.
      await handle.signal(addNoteSignal, {
        actor: 'lead@acme.test',
        note: 'Kick-off with the certification body held.',
      });
      await handle.signal(attachEvidenceSignal, {
        actor: 'ciso@acme.test',
        taskId: afterGap.tasks[0]!.id,
        evidence: { title: 'Draft policy', uri: 'https://docs.acme.test/ai-policy-draft' },
      });
      await handle.signal(addNoteSignal, { actor: '', note: '' });
      const withEvidence = await eventually('the evidence signal to reach the state', async () => {
        const state = await handle.query(getIsoProgramStateQuery);
        return state.tasks[0]?.evidence.length !== 0 && state;
      });
      expect(withEvidence.tasks[0]?.evidence).toEqual([
        { title: 'Draft policy', uri: 'https://docs.acme.test/ai-policy-draft' },
      ]);

      await handle.executeUpdate(endProgramUpdate, {
        args: [{ actor: 'pm@acme.test', reason: 'test finished' }],
      });
      await handle.result();
    });

    const types = (await auditEvents(db.prisma, seeded.workflowId)).map((e) => e.type);
    expect(types).toEqual([
      'program.started',
      'audit.completed',
      'task.created',
      'stage.changed',
      'note.added',
      'task.evidence-attached',
      'task.cancelled',
      'stage.changed',
      'program.ended',
    ]);
    expect(smtp.messages.map((m) => m.to[0])).toEqual(['ciso@acme.test']);
  });
});
