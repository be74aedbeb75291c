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
import { createTimeSkippingEnv } from '@certflow/testkit';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, seedProgram } from '../../../test/support/database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/support/smtp.js';
import { expectRejected, sleepUntil } from '../../../test/support/time.js';
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
    const seeded = await seedProgram(db.prisma, ['soc2'], 'SOC2_ATTESTATION');
    const taskQueue = `soc2-midstream-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: realActivities(db.prisma, smtp.transport),
    });
    await sleepUntil(env, '2033-05-03');
    const runIds: string[] = [];

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof soc2AttestationWorkflow>(
        programWorkflowTypes.SOC2_ATTESTATION,
        {
          args: [
            {
              programId: seeded.programId,
              organizationId: seeded.organizationId,
              startDate: '2033-05-03',
              programManagerEmail: 'pm@acme.test',
              currentPeriod: { start: '2033-01-01', end: '2033-12-31' },
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
        period: { number: 1, start: '2033-01-01', end: '2033-12-31', fieldworkDue: '2034-01-28' },
        auditPlan: { totalDays: 6, totalCost: 6 * 2200 + 4000 },
      });

      await sleepUntil(env, '2033-06-01');
      s = await handle.executeUpdate(planNextPeriodUpdate, {
        args: [
          { actor, start: '2034-04-01', months: 6, reason: 'Aligning the audit with the new fiscal year' },
        ],
      });
      expect(s.plannedGaps).toEqual([{ kind: 'gap', from: '2034-01-01', to: '2034-03-31' }]);

      await sleepUntil(env, '2033-07-15');
      s = await handle.executeUpdate(recordControlExceptionUpdate, {
        args: [
          {
            actor,
            observedOn: '2033-07-15',
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
      await sleepUntil(env, '2034-01-02');
      s = await handle.query(getSoc2ProgramStateQuery);
      expect(s.stage).toBe('FIELDWORK');
      // (The query answers as of the workflow's last wake-up, 2034-01-01.)
      expect(s.coverage.segments.at(-1)).toMatchObject({ kind: 'gap', from: '2034-01-01' });
      await handle.executeUpdate(scheduleFieldworkUpdate, { args: [{ actor, startsOn: '2034-01-10' }] });
      await sleepUntil(env, '2034-01-20');
      await handle.executeUpdate(completeFieldworkUpdate, { args: [{ actor, lastDay: '2034-01-20' }] });
      await sleepUntil(env, '2034-02-20');
      s = await handle.executeUpdate(recordReportUpdate, {
        args: [{ actor, reportType: 'TYPE2', issuedOn: '2034-02-20', opinion: 'UNMODIFIED' }],
      });
      expect(s).toMatchObject({
        stage: 'REMEDIATION',
        period: { number: 2, start: '2034-04-01', end: '2034-09-30' },
      });

      const current = env.client.workflow.getHandle<typeof soc2AttestationWorkflow>(seeded.workflowId);
      let runId = (await current.describe()).runId;
      for (let i = 0; i < 100 && runId === runIds[0]; i++) {
        await new Promise((r) => setTimeout(r, 100));
        runId = (await current.describe()).runId;
      }
      runIds.push(runId);
      await expectRejected(
        current.executeUpdate(recordControlExceptionUpdate, {
          args: [{ actor, observedOn: '2034-02-20', description: 'x' }],
        }),
        /none is running/,
      );

      await sleepUntil(env, '2034-04-02');
      s = await current.query(getSoc2ProgramStateQuery);
      expect(s.stage).toBe('OBSERVATION');
      expect(s.coverage.segments).toEqual([
        { kind: 'covered', from: '2033-01-01', to: '2033-12-31' },
        { kind: 'gap', from: '2034-01-01', to: '2034-03-31' },
        { kind: 'pending', from: '2034-04-01', to: '2034-04-01' }, // as of the wake-up that started it
      ]);
      expect(s.atRiskReasons).toEqual(['overdue-tasks:1', 'coverage-gap:90']);

      // Period 2 (six months) ends; period 3 follows back to back with the configured 12 months.
      await sleepUntil(env, '2034-10-01');
      s = await current.query(getSoc2ProgramStateQuery);
      expect(s.stage).toBe('FIELDWORK');
      await current.executeUpdate(soc2EndProgramUpdate, { args: [{ actor, reason: 'test finished' }] });
      await current.result();
    });

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    const on = (e: (typeof events)[number]) => calendarDateOf(e.occurredAt.getTime());
    expect(events.filter((e) => e.type === 'cycle.started').map((e) => [on(e), e.payload.start])).toEqual([
      ['2033-05-03', '2033-01-01'],
      ['2034-04-01', '2034-04-01'],
      ['2034-10-01', '2034-10-01'],
    ]);
    expect(events.filter((e) => e.type === 'coverage.alert').map((e) => [on(e), e.payload])).toEqual([
      ['2033-06-01', { alert: 'gap-planned', from: '2034-01-01', to: '2034-03-31' }],
      ['2034-01-01', { alert: 'gap', from: '2034-01-01', to: '2034-03-31' }],
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
