import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  calendarDateOf,
  CertflowAtRisk,
  CertflowStage,
  completeFieldworkUpdate,
  completeReadinessAssessmentUpdate,
  getSoc2ProgramStateQuery,
  issueBridgeLetterUpdate,
  programWorkflowTypes,
  recordControlExceptionUpdate,
  recordReportUpdate,
  scheduleFieldworkUpdate,
  soc2CompleteTaskUpdate,
  soc2EndProgramUpdate,
  soc2ReassignTaskUpdate,
  type Soc2AttestationStartInput,
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
import type { soc2AttestationWorkflow } from './workflow.js';

const historiesDir = fileURLToPath(new URL('../../../test/histories/', import.meta.url));

/**
 * The expectations are hand-checked dates from 2026-12 to 2029-02 (2028 is a leap year). The test server starts at
 * the real clock and can only move forward, so every date moves by whole 4-year steps (testkit `yearShift`), which
 * keeps leap years where they were.
 */

describe('SOC 2 attestation workflow on the time-skipping server', () => {
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

  it('runs two back-to-back 12-month periods with a bridge letter, one run per period', async () => {
    const shift = yearShift(await env.currentTimeMs(), '2026-12-01');
    const d = (date: string) => shiftYears(date, shift);
    const skipTo = (date: string) => sleepUntil(env, d(date));
    await skipTo('2026-12-01');

    const seeded = await seedProgram(db.prisma, ['soc2'], 'SOC2_ATTESTATION');
    const taskQueue = `soc2-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: realActivities(db.prisma, smtp.transport),
    });
    const input: Soc2AttestationStartInput = {
      programId: seeded.programId,
      organizationId: seeded.organizationId,
      startDate: d('2026-12-01'),
      programManagerEmail: 'pm@acme.test',
      config: { cpaFirm: 'Example CPA LLP' },
    };
    const actor = 'lead@acme.test';
    const evidence = [{ title: 'Evidence', uri: 'https://docs.acme.test/evidence/1' }];

    const runIds = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof soc2AttestationWorkflow>(
        programWorkflowTypes.SOC2_ATTESTATION,
        {
          args: [input],
          workflowId: seeded.workflowId,
          taskQueue,
        },
      );
      const runs = [handle.firstExecutionRunId];
      /** Continue-as-new happens right after the update that issued the report; wait for the next run. */
      const nextRun = async () => {
        runs.push(await nextRunId(env.client, seeded.workflowId, runs.at(-1)!));
      };

      // A rejected update never reaches the history, and the user reads why.
      await expectRejected(
        handle.executeUpdate(scheduleFieldworkUpdate, { args: [{ actor, startsOn: d('2027-03-01') }] }),
        /^Fieldwork is scheduled for an observation period; none has started yet\.$/,
      );

      const afterReadiness = await handle.executeUpdate(completeReadinessAssessmentUpdate, {
        args: [
          {
            actor,
            completedOn: d('2026-12-01'),
            firstPeriodStart: d('2027-01-01'),
            gaps: [
              {
                title: 'Quarterly access reviews',
                ownerEmail: 'it@acme.test',
                dueDate: d('2026-12-20'),
                requirementIds: ['soc2:CC6.1'],
              },
            ],
          },
        ],
      });
      expect(afterReadiness.stage).toBe('REMEDIATION');
      expect(afterReadiness.readinessDue).toBe(d('2027-01-30'));
      expect(afterReadiness.period).toMatchObject({
        number: 1,
        start: d('2027-01-01'),
        end: d('2027-12-31'),
        fieldworkDue: d('2028-01-28'),
        reportDue: d('2028-02-25'),
      });
      const gapTask = afterReadiness.tasks[0]!;

      // Reminders 14 (12-06) and 7 (12-13) days before 12-20; done before the 1-day one.
      await skipTo('2026-12-18');
      await handle.executeUpdate(soc2CompleteTaskUpdate, {
        args: [{ actor: 'it@acme.test', taskId: gapTask.id, completedOn: d('2026-12-18'), evidence }],
      });

      await skipTo('2027-01-02');
      const observing = await handle.query(getSoc2ProgramStateQuery);
      expect(observing.stage).toBe('OBSERVATION');
      const withException = await handle.executeUpdate(recordControlExceptionUpdate, {
        args: [
          {
            actor,
            observedOn: d('2027-01-02'),
            description: 'A leaver kept VPN access for 10 days',
            requirementIds: ['soc2:CC6.2'],
            dueDate: d('2027-03-01'),
          },
        ],
      });
      const exceptionTask = withException.tasks.find((t) => t.source.kind === 'finding')!;
      expect(exceptionTask).toMatchObject({
        ownerEmail: 'pm@acme.test',
        requirementIds: ['soc2:CC6.2'],
        dueDate: d('2027-03-01'),
      });
      await handle.executeUpdate(soc2ReassignTaskUpdate, {
        args: [{ actor, taskId: exceptionTask.id, ownerEmail: 'ops@acme.test' }],
      });
      await skipTo('2027-02-10');
      await handle.executeUpdate(soc2CompleteTaskUpdate, {
        args: [{ actor: 'ops@acme.test', taskId: exceptionTask.id, completedOn: d('2027-02-10'), evidence }],
      });

      // Period 1 ends 2027-12-31; period 2 starts 2028-01-01 while fieldwork of period 1 is still to come.
      await skipTo('2028-01-03');
      const fieldwork = await handle.query(getSoc2ProgramStateQuery);
      expect(fieldwork.stage).toBe('FIELDWORK');
      // Queries see workflow time as of the last wake-up (the period end timer on 2028-01-01), not the server clock.
      expect(fieldwork.today).toBe(d('2028-01-01'));
      expect(fieldwork.coverage.segments).toEqual([
        { kind: 'pending', from: d('2027-01-01'), to: d('2028-01-01') },
      ]);
      await handle.executeUpdate(scheduleFieldworkUpdate, { args: [{ actor, startsOn: d('2028-01-10') }] });
      await skipTo('2028-01-20');
      await handle.executeUpdate(completeFieldworkUpdate, { args: [{ actor, lastDay: d('2028-01-20') }] });
      await skipTo('2028-02-20');
      const reported = await handle.executeUpdate(recordReportUpdate, {
        args: [{ actor, reportType: 'TYPE2', issuedOn: d('2028-02-20'), opinion: 'UNMODIFIED' }],
      });
      expect(reported.period).toMatchObject({
        number: 2,
        start: d('2028-01-01'),
        end: d('2028-12-31'),
        reportDue: d('2029-02-25'),
      });
      await nextRun();

      // A bridge letter from 2028-01-01 vouches for nothing after the day it is signed.
      await expectRejected(
        handle.executeUpdate(issueBridgeLetterUpdate, {
          args: [{ actor, issuedOn: d('2028-02-20'), coversTo: d('2028-03-31') }],
        }),
        new RegExp(`^A bridge letter speaks only for days up to its own issue date \\(${d('2028-02-20')}\\)`),
      );
      const bridged = await handle.executeUpdate(issueBridgeLetterUpdate, {
        args: [{ actor, issuedOn: d('2028-02-20'), coversTo: d('2028-02-20') }],
      });
      expect(bridged.bridgeLetters).toEqual([
        { afterPeriod: 1, issuedOn: d('2028-02-20'), from: d('2028-01-01'), to: d('2028-02-20') },
      ]);
      expect(bridged.coverage.days).toEqual({ covered: 365, bridged: 51, pending: 0, gap: 0 });

      await skipTo('2028-03-18');
      const expiring = await handle.query(getSoc2ProgramStateQuery);
      expect(expiring.atRiskReasons).toEqual([`bridge-letter-expiring:${d('2028-03-31')}`]);
      const attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(CertflowAtRisk)).toBe(true);
      expect(attrs.get(CertflowStage)).toBe('OBSERVATION');

      await skipTo('2028-04-02');
      expect((await handle.query(getSoc2ProgramStateQuery)).atRisk).toBe(false);

      await skipTo('2029-01-03');
      await handle.executeUpdate(scheduleFieldworkUpdate, { args: [{ actor, startsOn: d('2029-01-08') }] });
      await skipTo('2029-01-15');
      await handle.executeUpdate(completeFieldworkUpdate, { args: [{ actor, lastDay: d('2029-01-15') }] });
      await skipTo('2029-02-15');
      const second = await handle.executeUpdate(recordReportUpdate, {
        args: [
          {
            actor,
            reportType: 'TYPE2',
            issuedOn: d('2029-02-15'),
            opinion: 'QUALIFIED',
            exceptions: [
              {
                description: 'Change tickets without approval in Q3',
                requirementIds: ['soc2:CC8.1'],
                ownerEmail: 'dev@acme.test',
              },
            ],
          },
        ],
      });
      expect(second.reports.map((r) => [r.start, r.end, r.issuedOn, r.opinion])).toEqual([
        [d('2027-01-01'), d('2027-12-31'), d('2028-02-20'), 'UNMODIFIED'],
        [d('2028-01-01'), d('2028-12-31'), d('2029-02-15'), 'QUALIFIED'],
      ]);
      // 2027 (365) + 2028 (366) covered; 2029-01-01..02-15 pending (46); the bridge letter is superseded.
      expect(second.coverage.days).toEqual({ covered: 731, bridged: 0, pending: 46, gap: 0 });
      expect(second.period).toMatchObject({ number: 3, start: d('2029-01-01'), end: d('2029-12-31') });
      await nextRun();

      const third = await handle.query(getSoc2ProgramStateQuery);
      expect(third.tasks.map((t) => [t.ownerEmail, t.dueDate])).toEqual([['dev@acme.test', d('2029-03-17')]]);
      await handle.executeUpdate(soc2EndProgramUpdate, {
        args: [{ actor: 'pm@acme.test', reason: 'test finished' }],
      });
      const final = await handle.result();
      expect(final.stage).toBe('ENDED');
      return runs;
    });
    expect(runIds).toHaveLength(3);

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1)); // contiguous across three runs
    const stages = events
      .filter((e) => e.type === 'stage.changed')
      .map((e) => [calendarDateOf(e.occurredAt.getTime()), e.payload.to]);
    expect(stages).toEqual([
      [d('2026-12-01'), 'REMEDIATION'],
      [d('2027-01-01'), 'OBSERVATION'],
      [d('2028-01-01'), 'FIELDWORK'],
      [d('2028-01-20'), 'REPORTING'],
      [d('2028-02-20'), 'OBSERVATION'],
      [d('2029-01-01'), 'FIELDWORK'],
      [d('2029-01-15'), 'REPORTING'],
      [d('2029-02-15'), 'OBSERVATION'],
      [d('2029-02-15'), 'ENDED'],
    ]);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('reminder.sent')).toBe(2);
    expect(count('report.issued')).toBe(2);
    expect(count('bridge-letter.issued')).toBe(1);
    expect(count('finding.raised')).toBe(2);
    expect(count('escalation.sent')).toBe(0);
    expect(
      events
        .filter((e) => e.type === 'coverage.alert')
        .map((e) => [calendarDateOf(e.occurredAt.getTime()), e.payload]),
    ).toEqual([
      [d('2028-03-17'), { alert: 'bridge-letter-expiring', from: d('2028-01-01'), to: d('2028-03-31') }],
    ]);
    expect(events.filter((e) => e.type === 'cycle.started').map((e) => e.payload.start)).toEqual([
      d('2027-01-01'),
      d('2028-01-01'),
      d('2029-01-01'),
    ]);

    // Subjects with quotes arrive MIME-encoded; the plain ones are compared as sent.
    expect(smtp.messages.map((m) => m.to.join(','))).toEqual([
      'it@acme.test', // gap task created
      'it@acme.test', // 14-day reminder
      'it@acme.test', // 7-day reminder
      'pm@acme.test', // exception task created
      'ops@acme.test', // reassigned
      'pm@acme.test', // period 1 ended: fieldwork and report deadlines
      'pm@acme.test', // bridge letter runs out
      'pm@acme.test', // period 2 ended
      'dev@acme.test', // task from the second report's exception
    ]);
    expect(smtp.messages.filter((m) => m.subject.includes('Reminder'))).toHaveLength(2);
    expect(smtp.messages[5]?.subject).toBe('[SOC 2 program] Observation period 1 ended');
    expect(smtp.messages[6]?.subject).toBe(`[SOC 2 program] Bridge letter runs out on ${d('2028-03-31')}`);
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: seeded.programId } });
    expect(program).toMatchObject({ stage: 'ENDED', status: 'COMPLETED' });

    // Both periods' runs replay against today's code. CERTFLOW_RECORD_HISTORIES=<label> saves them for the replay
    // test (src/workflows/replay.test.ts), which checks them on every later change.
    const label = process.env.CERTFLOW_RECORD_HISTORIES;
    for (const [index, runId] of runIds.slice(0, 2).entries()) {
      const history = await env.client.workflow.getHandle(seeded.workflowId, runId).fetchHistory();
      await Worker.runReplayHistory(
        { workflowBundle: bundle, replayName: `soc2 period ${index + 1}` },
        history,
      );
      if (label) {
        await mkdir(historiesDir, { recursive: true });
        await writeFile(
          `${historiesDir}soc2-attestation-${label}-period${index + 1}.json`,
          historyToJSON(history) + '\n',
        );
      }
    }
  });
});
