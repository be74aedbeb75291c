import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  calendarDateOf,
  completeFieldworkUpdate,
  getSoc2ProgramStateQuery,
  planNextPeriodUpdate,
  programWorkflowTypes,
  recordControlExceptionUpdate,
  recordReportUpdate,
  scheduleFieldworkUpdate,
  soc2EndProgramUpdate,
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

const actor = 'lead@acme.test';

describe('a SOC 2 program started mid-period with a gap before its second period (time-skipping)', () => {
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

  it('joins the 2033 period, reports 2034-01-01..03-31 as a coverage gap and observes the later period', async () => {
    // The hand-checked calendar below is written from 2033-05-03; it moves by whole 4-year steps (leap years stay) to
    // lie ahead of the time-skipping server's clock, which starts at the real now.
    const shift = yearShift(await env.currentTimeMs(), '2033-05-03');
    const d = (date: string) => shiftYears(date, shift);
    const seeded = await seedProgram(db.prisma, ['soc2'], 'SOC2_ATTESTATION');
    const taskQueue = `soc2-midstream-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: realActivities(db.prisma, smtp.transport),
    });
    await sleepUntil(env, d('2033-05-03'));
    const runIds: string[] = [];

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof soc2AttestationWorkflow>(
        programWorkflowTypes.SOC2_ATTESTATION,
        {
          args: [
            {
              programId: seeded.programId,
              organizationId: seeded.organizationId,
              startDate: d('2033-05-03'),
              programManagerEmail: 'pm@acme.test',
              currentPeriod: { start: d('2033-01-01'), end: d('2033-12-31') },
              config: { cpaFirm: 'Example CPA LLP', periodMonths: 12 },
              settings: { fieldworkDays: 6, terms: { currency: 'USD', dayRate: 2200, feePerAudit: 4000 } },
            },
          ],
          workflowId: seeded.workflowId,
          taskQueue,
        },
      );
      runIds.push(handle.firstExecutionRunId);
      let s = await handle.query(getSoc2ProgramStateQuery);
      expect(s).toMatchObject({
        origin: 'current-period',
        stage: 'OBSERVATION',
        atRisk: false,
        period: { number: 1, start: d('2033-01-01'), end: d('2033-12-31'), fieldworkDue: d('2034-01-28') },
        auditPlan: { totalDays: 6, totalCost: 6 * 2200 + 4000 },
      });

      await sleepUntil(env, d('2033-06-01'));
      s = await handle.executeUpdate(planNextPeriodUpdate, {
        args: [
          { actor, start: d('2034-04-01'), months: 6, reason: 'Aligning the audit with the new fiscal year' },
        ],
      });
      expect(s.plannedGaps).toEqual([{ kind: 'gap', from: d('2034-01-01'), to: d('2034-03-31') }]);

      await sleepUntil(env, d('2033-07-15'));
      s = await handle.executeUpdate(recordControlExceptionUpdate, {
        args: [
          {
            actor,
            observedOn: d('2033-07-15'),
            description: 'Leaver accounts not removed within 24 hours',
            requirementIds: ['soc2:CC6.2'],
            ownerEmail: 'it@acme.test',
          },
        ],
      });
      expect(s.exceptions[0]?.links?.map((l) => l.to)).toEqual([
        'iso27001:A.5.9',
        'iso27001:A.5.15',
        'iso27001:A.5.18',
      ]);

      // The period ends; nothing covers January to March 2034.
      await sleepUntil(env, d('2034-01-02'));
      s = await handle.query(getSoc2ProgramStateQuery);
      expect(s.stage).toBe('FIELDWORK');
      // (The query answers as of the workflow's last wake-up, 2034-01-01.)
      expect(s.coverage.segments.at(-1)).toMatchObject({ kind: 'gap', from: d('2034-01-01') });
      await handle.executeUpdate(scheduleFieldworkUpdate, { args: [{ actor, startsOn: d('2034-01-10') }] });
      await sleepUntil(env, d('2034-01-20'));
      await handle.executeUpdate(completeFieldworkUpdate, { args: [{ actor, lastDay: d('2034-01-20') }] });
      await sleepUntil(env, d('2034-02-20'));
      s = await handle.executeUpdate(recordReportUpdate, {
        args: [{ actor, reportType: 'TYPE2', issuedOn: d('2034-02-20'), opinion: 'UNMODIFIED' }],
      });
      expect(s).toMatchObject({
        stage: 'REMEDIATION',
        period: { number: 2, start: d('2034-04-01'), end: d('2034-09-30') },
      });

      const current = env.client.workflow.getHandle<typeof soc2AttestationWorkflow>(seeded.workflowId);
      runIds.push(await nextRunId(env.client, seeded.workflowId, runIds[0]!));
      await expectRejected(
        current.executeUpdate(recordControlExceptionUpdate, {
          args: [{ actor, observedOn: d('2034-02-20'), description: 'x' }],
        }),
        /none is running/,
      );

      await sleepUntil(env, d('2034-04-02'));
      s = await current.query(getSoc2ProgramStateQuery);
      expect(s.stage).toBe('OBSERVATION');
      expect(s.coverage.segments).toEqual([
        { kind: 'covered', from: d('2033-01-01'), to: d('2033-12-31') },
        { kind: 'gap', from: d('2034-01-01'), to: d('2034-03-31') },
        { kind: 'pending', from: d('2034-04-01'), to: d('2034-04-01') }, // as of the wake-up that started it
      ]);
      expect(s.atRiskReasons).toEqual(['overdue-tasks:1', 'coverage-gap:90']);

      // Period 2 (six months) ends; period 3 follows back to back with the configured 12 months.
      await sleepUntil(env, d('2034-10-01'));
      s = await current.query(getSoc2ProgramStateQuery);
      expect(s.stage).toBe('FIELDWORK');
      await current.executeUpdate(soc2EndProgramUpdate, { args: [{ actor, reason: 'test finished' }] });
      await current.result();
    });

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    const on = (e: (typeof events)[number]) => calendarDateOf(e.occurredAt.getTime());
    expect(events.filter((e) => e.type === 'cycle.started').map((e) => [on(e), e.payload.start])).toEqual([
      [d('2033-05-03'), d('2033-01-01')],
      [d('2034-04-01'), d('2034-04-01')],
      [d('2034-10-01'), d('2034-10-01')],
    ]);
    expect(events.filter((e) => e.type === 'coverage.alert').map((e) => [on(e), e.payload])).toEqual([
      [d('2033-06-01'), { alert: 'gap-planned', from: d('2034-01-01'), to: d('2034-03-31') }],
      [d('2034-01-01'), { alert: 'gap', from: d('2034-01-01'), to: d('2034-03-31') }],
    ]);
    expect(events.filter((e) => e.type === 'deadline.missed')).toEqual([]);

    const label = process.env.CERTFLOW_RECORD_HISTORIES;
    if (label) {
      const dir = fileURLToPath(new URL('../../../test/histories/', import.meta.url));
      await mkdir(dir, { recursive: true });
      for (const [index, runId] of runIds.entries()) {
        const history = await env.client.workflow.getHandle(seeded.workflowId, runId).fetchHistory();
        await writeFile(
          `${dir}soc2-attestation-${label}-period${index + 1}.json`,
          historyToJSON(history) + '\n',
        );
      }
    }
  });
});
