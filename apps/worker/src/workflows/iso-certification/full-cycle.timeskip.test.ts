import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  closeFindingUpdate,
  completeGapAssessmentUpdate,
  completeTaskUpdate,
  endProgramUpdate,
  getIsoProgramStateQuery,
  programWorkflowTypes,
  reassignTaskUpdate,
  recordAuditOutcomeUpdate,
  recordCertificationDecisionUpdate,
  scheduleAuditUpdate,
} from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { createTimeSkippingEnv, shiftYears, yearShift } from '@certflow/testkit';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, seedProgram } from '../../../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/support/smtp.js';
import { expectRejected, nextRunId, sleepUntil } from '../../../test/support/time.js';
import { bundleWorkflows, realActivities } from '../../../test/support/worker.js';
import type { isoCertificationWorkflow } from './workflow.js';

const actor = 'lead@acme.test';
const evidence = [{ title: 'Signed document', uri: 'https://docs.acme.test/evidence/1' }];

describe('a full ISO 27001 + 42001 certification cycle into the next cycle (time-skipping)', () => {
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

  it('computes every date by hand-checked expectations, writes the audit trail and continues as new', async () => {
    // The hand-checked calendar below is written from 2031-06-02; it moves by whole 4-year steps (leap years stay) to
    // lie ahead of the time-skipping server's clock, which starts at the real now.
    const shift = yearShift(await env.currentTimeMs(), '2031-06-02');
    const d = (date: string) => shiftYears(date, shift);
    const seeded = await seedProgram(db.prisma, ['iso27001', 'iso42001']);
    const taskQueue = `iso-full-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: realActivities(db.prisma, smtp.transport),
    });
    // Fixed calendar (the server starts at the real "now"): the program starts 2031-06-02 and is certified on
    // the leap day 2032-02-29.
    await sleepUntil(env, d('2031-06-02'));

    const { firstRunId, secondRunId, cycle2 } = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof isoCertificationWorkflow>(
        programWorkflowTypes.ISO_CERTIFICATION,
        {
          args: [
            {
              programId: seeded.programId,
              organizationId: seeded.organizationId,
              frameworks: ['iso27001', 'iso42001'],
              startDate: d('2031-06-02'),
              programManagerEmail: 'pm@acme.test',
              config: { certificationBody: 'Example CB', gapAssessmentDays: 90 },
            },
          ],
          workflowId: seeded.workflowId,
          taskQueue,
        },
      );
      const firstRunId = handle.firstExecutionRunId;

      // Gap assessment → two remediation tasks.
      await sleepUntil(env, d('2031-07-01'));
      let s = await handle.executeUpdate(completeGapAssessmentUpdate, {
        args: [
          {
            actor,
            completedOn: d('2031-07-01'),
            gaps: [
              {
                title: 'Define the AI policy',
                ownerEmail: 'ciso@acme.test',
                dueDate: d('2031-09-30'),
                requirementIds: ['iso42001:5.2'],
              },
              {
                title: 'Run access reviews',
                ownerEmail: 'it@acme.test',
                dueDate: d('2031-10-15'),
                requirementIds: ['iso27001:A.5.18'],
              },
            ],
          },
        ],
      });
      expect(s.stage).toBe('REMEDIATION');
      const [policyTask, accessTask] = s.tasks;

      await sleepUntil(env, d('2031-09-10'));
      await handle.executeUpdate(reassignTaskUpdate, {
        args: [{ actor, taskId: policyTask!.id, ownerEmail: 'dpo@acme.test' }],
      });
      await sleepUntil(env, d('2031-09-20')); // the 14-day reminder (09-16) went to the new owner
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor, taskId: policyTask!.id, completedOn: d('2031-09-20'), evidence }],
      });
      await sleepUntil(env, d('2031-10-20')); // reminders 10-01, 10-08, 10-14; escalation 10-16
      s = await handle.query(getIsoProgramStateQuery);
      expect(s.atRiskReasons).toEqual(['overdue-tasks:1']);
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor, taskId: accessTask!.id, completedOn: d('2031-10-20'), evidence }],
      });

      // Readiness, then Stage 1.
      await expectRejected(
        handle.executeUpdate(scheduleAuditUpdate, {
          args: [{ actor, audit: 'stage1', date: d('2031-12-01') }],
        }),
        /Stage 1 needs the internal audit and the management review to be completed first/,
      );
      await sleepUntil(env, d('2031-11-10'));
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'internal-audit', lastDay: d('2031-11-03') }],
      });
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'management-review', lastDay: d('2031-11-10') }],
      });
      s = await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'stage1', date: d('2031-12-01') }],
      });
      expect(s.stage).toBe('STAGE1');
      await sleepUntil(env, d('2031-12-02'));
      s = await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'stage1', lastDay: d('2031-12-02') }],
      });
      expect(s.dates.stage1ValidUntil).toBe(d('2032-06-02'));
      await expectRejected(
        handle.executeUpdate(scheduleAuditUpdate, {
          args: [{ actor, audit: 'stage2', date: d('2032-06-03') }],
        }),
        new RegExp(`past ${d('2032-06-02')}, the certification body's limit after Stage 1`),
      );
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'stage2', date: d('2032-01-26') }],
      });

      // Stage 2 with one major and one minor.
      await sleepUntil(env, d('2032-01-28'));
      s = await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [
          {
            actor,
            audit: 'stage2',
            lastDay: d('2032-01-28'),
            findings: [
              {
                severity: 'MAJOR',
                description: 'Risk treatment plan missing',
                requirementIds: ['iso27001:6.1.3'],
              },
              {
                severity: 'MINOR',
                description: 'AI impact assessments incomplete',
                requirementIds: ['iso42001:8.4'],
                ownerEmail: 'ai@acme.test',
              },
            ],
          },
        ],
      });
      expect(s.stage).toBe('CERTIFICATION_DECISION');
      expect(s.dates.majorClosureDeadline).toBe(d('2032-07-28'));
      const [major, minor] = s.findings;
      expect(major!.responseDue).toBe(d('2032-04-27'));
      await expectRejected(
        handle.executeUpdate(recordCertificationDecisionUpdate, {
          args: [{ actor, decidedOn: d('2032-01-28') }],
        }),
        /1 major nonconformity\(ies\) are not verified closed: Risk treatment plan missing/,
      );
      await sleepUntil(env, d('2032-02-20'));
      await handle.executeUpdate(closeFindingUpdate, {
        args: [{ actor, findingId: major!.id, on: d('2032-02-20'), resolution: 'CLOSED' }],
      });
      await handle.executeUpdate(closeFindingUpdate, {
        args: [{ actor, findingId: minor!.id, on: d('2032-02-20'), resolution: 'PLAN_ACCEPTED' }],
      });
      for (const f of [major!, minor!]) {
        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor, taskId: f.taskId!, completedOn: d('2032-02-20'), evidence }],
        });
      }

      // Certification decision on a leap day.
      await sleepUntil(env, d('2032-02-29'));
      s = await handle.executeUpdate(recordCertificationDecisionUpdate, {
        args: [{ actor, decidedOn: d('2032-02-29') }],
      });
      expect(s.stage).toBe('SURVEILLANCE_1');
      expect(s.dates).toMatchObject({
        decisionDate: d('2032-02-29'),
        cycleStart: d('2032-02-29'),
        expiryDate: d('2035-02-28'),
        surveillance1Due: d('2033-02-28'),
      });
      expect(s.nextMilestone).toEqual({ kind: 'surveillance1-due', due: d('2033-02-28') });

      // Surveillance 1 verifies the minor; surveillance 2 falls in the next calendar year.
      await sleepUntil(env, d('2033-01-10'));
      await expectRejected(
        handle.executeUpdate(scheduleAuditUpdate, {
          args: [{ actor, audit: 'surveillance1', date: d('2033-03-01') }],
        }),
        new RegExp(`must take place by ${d('2033-02-28')}`),
      );
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'surveillance1', date: d('2033-02-14') }],
      });
      await sleepUntil(env, d('2033-02-15'));
      s = await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'surveillance1', lastDay: d('2033-02-15'), verifiedFindingIds: [minor!.id] }],
      });
      expect(s.stage).toBe('SURVEILLANCE_2');
      expect(s.dates).toMatchObject({
        surveillance2Earliest: d('2034-01-01'),
        surveillance2Due: d('2034-02-15'),
      });
      expect(s.findings.find((f) => f.id === minor!.id)?.status).toBe('CLOSED');

      await sleepUntil(env, d('2034-01-05'));
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'surveillance2', date: d('2034-02-01') }],
      });
      await sleepUntil(env, d('2034-02-02'));
      s = await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'surveillance2', lastDay: d('2034-02-02') }],
      });
      expect(s.stage).toBe('RECERTIFICATION');
      expect(s.nextMilestone).toEqual({ kind: 'certificate-expiry', due: d('2035-02-28') });

      // Recertification decided before expiry: the next cycle runs from the old expiry.
      await sleepUntil(env, d('2034-12-01'));
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'recertification', date: d('2035-01-15') }],
      });
      await sleepUntil(env, d('2035-01-16'));
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'recertification', lastDay: d('2035-01-16') }],
      });
      await sleepUntil(env, d('2035-02-01'));
      await handle.executeUpdate(recordCertificationDecisionUpdate, {
        args: [{ actor, decidedOn: d('2035-02-01') }],
      });

      // The same workflow id now runs cycle 2.
      const next = env.client.workflow.getHandle<typeof isoCertificationWorkflow>(seeded.workflowId);
      // (The first run already reports cycle 2 from the decision's handler; wait for the new run itself.)
      const secondRunId = await nextRunId(env.client, seeded.workflowId, firstRunId);
      const cycle2 = await next.query(getIsoProgramStateQuery);

      // Surveillance 1 of cycle 2 (due at the end of the cycle's first year, the leap day 2036-02-29) is missed:
      // the new run's timers work, and the certificate is suspended.
      await sleepUntil(env, d('2036-02-29'));
      expect((await next.query(getIsoProgramStateQuery)).stage).toBe('SURVEILLANCE_1');
      await sleepUntil(env, d('2036-03-01'));
      const late = await next.query(getIsoProgramStateQuery);
      expect(late.atRiskReasons).toEqual(['missed:surveillance1', 'certificate-suspended']);
      expect(late).toMatchObject({
        stage: 'SUSPENDED',
        suspension: { since: d('2036-03-01'), until: d('2036-08-31'), missedAudit: 'surveillance1' },
      });
      await next.executeUpdate(endProgramUpdate, { args: [{ actor, reason: 'test finished' }] });
      await next.result();
      return { firstRunId, secondRunId, cycle2 };
    });

    expect(secondRunId).not.toBe(firstRunId);
    expect(cycle2).toMatchObject({
      cycle: 2,
      stage: 'SURVEILLANCE_1',
      frameworks: ['iso27001', 'iso42001'],
      dates: {
        decisionDate: d('2035-02-01'),
        cycleStart: d('2035-03-01'),
        expiryDate: d('2038-02-28'),
        // Recertified a month before expiry: surveillance 1 is counted inside the new cycle.
        surveillance1Due: d('2036-02-29'),
        recertificationEarliest: d('2037-03-01'),
      },
      tasks: [],
      findings: [],
    });

    // The audit trail: contiguous sequences across both runs, each event once.
    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('program.started')).toBe(1);
    expect(count('certification.decided')).toBe(2);
    expect(count('cycle.started')).toBe(2);
    expect(count('finding.raised')).toBe(2);
    expect(count('task.created')).toBe(4);
    expect(count('task.completed')).toBe(4);
    const reminders = events
      .filter((e) => e.type === 'reminder.sent')
      .map((e) => [e.payload.to, e.payload.daysBefore]);
    expect(reminders).toEqual([
      ['dpo@acme.test', 14],
      ['it@acme.test', 14],
      ['it@acme.test', 7],
      ['it@acme.test', 1],
    ]);
    const escalations = events.filter((e) => e.type === 'escalation.sent').map((e) => e.payload.reason);
    expect(escalations).toEqual(['remediation-task-overdue']);
    const stages = events.filter((e) => e.type === 'stage.changed').map((e) => e.payload.to);
    expect(stages).toEqual([
      'REMEDIATION',
      'STAGE1',
      'STAGE2',
      'CERTIFICATION_DECISION',
      'SURVEILLANCE_1',
      'SURVEILLANCE_2',
      'RECERTIFICATION',
      'SURVEILLANCE_1',
      'SUSPENDED',
      'ENDED',
    ]);
    const missed = events.filter((e) => e.type === 'deadline.missed').map((e) => e.payload);
    expect(missed).toEqual([{ deadline: 'surveillance1', due: d('2036-02-29') }]);

    // Email: one per reminder/escalation/assignment/missed deadline, each sent once.
    const ids = smtp.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const toIt = smtp.messages.filter((m) => m.to[0] === 'it@acme.test').map((m) => m.subject);
    expect(toIt).toHaveLength(4); // assignment + 3 reminders
    // Emails of one batch go out in parallel, so their arrival order is not fixed.
    const toPm = smtp.messages.filter((m) => m.to[0] === 'pm@acme.test').map((m) => m.subject);
    expect(toPm).toHaveLength(4);
    expect(toPm).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Overdue remediation task: Run access reviews'),
        expect.stringContaining('Corrective action (major)'),
        expect.stringContaining('Missed deadline: surveillance1'),
        expect.stringContaining('Certificate suspended'),
      ]),
    );

    // Rejected updates never reach history; the 22 accepted ones do.
    const firstHistory = await env.client.workflow.getHandle(seeded.workflowId, firstRunId).fetchHistory();
    const typesInHistory = (
      JSON.parse(historyToJSON(firstHistory)) as { events: { eventType: string }[] }
    ).events.map((e) => e.eventType);
    expect(typesInHistory.filter((t) => t === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED')).toHaveLength(
      22,
    );
    expect(typesInHistory.filter((t) => t === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED')).toHaveLength(
      0,
    );
    expect(typesInHistory.at(-1)).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
    console.log(`cycle 1 history: ${typesInHistory.length} events`);

    // CERTFLOW_RECORD_HISTORIES=<label> saves both runs for the replay test (see src/workflows/replay.test.ts).
    const label = process.env.CERTFLOW_RECORD_HISTORIES;
    if (label) {
      const dir = fileURLToPath(new URL('../../../test/histories/', import.meta.url));
      await mkdir(dir, { recursive: true });
      for (const [name, runId] of [
        [`iso-certification-${label}-cycle1`, firstRunId],
        [`iso-certification-${label}-cycle2`, secondRunId],
      ] as const) {
        const history = await env.client.workflow.getHandle(seeded.workflowId, runId).fetchHistory();
        await writeFile(`${dir}${name}.json`, historyToJSON(history) + '\n');
      }
    }
  });
});
