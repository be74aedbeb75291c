import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  endProgramUpdate,
  getIsoProgramStateQuery,
  overrideRuleUpdate,
  programWorkflowTypes,
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
const justification = 'The certification body plans the recertification with the integrated audit team.';

describe('an imported ISO/IEC 27001 certificate running to recertification (time-skipping)', () => {
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

  it('applies every rule from the imported cycle on: surveillance 2, ISO/IEC 42001 added with its own audits, early recertification', async () => {
    // The hand-checked calendar below is written from 2031-09-15; it moves by whole 4-year steps (leap years stay) to
    // lie ahead of the time-skipping server's clock, which starts at the real now.
    const shift = yearShift(await env.currentTimeMs(), '2031-09-15');
    const d = (date: string) => shiftYears(date, shift);
    const seeded = await seedProgram(db.prisma, ['iso27001', 'iso42001']);
    const taskQueue = `iso-import-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: realActivities(db.prisma, smtp.transport),
    });
    await sleepUntil(env, d('2033-01-11'));

    const { firstRunId, secondRunId } = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof isoCertificationWorkflow>(
        programWorkflowTypes.ISO_CERTIFICATION,
        {
          args: [
            {
              programId: seeded.programId,
              organizationId: seeded.organizationId,
              frameworks: ['iso27001', 'iso42001'],
              startDate: d('2033-01-11'),
              programManagerEmail: 'pm@acme.test',
              config: { certificationBody: 'Example CB' },
              settings: {
                personsInScope: 120,
                aiPersonsInScope: 8,
                aiRoles: ['provider'],
                integrationReductionPercent: 10,
                integrationReason: 'One internal audit programme and management review for both systems',
                terms: { currency: 'EUR', dayRate: 1450, feePerAudit: 300 },
              },
              // Second cycle of an ISMS certificate: recertified 2031-09-15, valid 2031-10-01..2034-09-30.
              existingCertificate: {
                certificateNumber: 'ISMS-2028-118',
                frameworks: ['iso27001'],
                cycle: 2,
                decisionDate: d('2031-09-15'),
                cycleStart: d('2031-10-01'),
                expiryDate: d('2034-09-30'),
                surveillanceAudits: [{ audit: 'surveillance1', lastDay: d('2032-09-10') }],
                openFindings: [
                  {
                    severity: 'MINOR',
                    description: 'Supplier reviews overdue',
                    requirementIds: ['iso27001:A.5.22'],
                    raisedOn: d('2032-09-10'),
                    status: 'PLAN_ACCEPTED',
                  },
                ],
              },
            },
          ],
          workflowId: seeded.workflowId,
          taskQueue,
        },
      );
      const firstRunId = handle.firstExecutionRunId;
      let s = await handle.query(getIsoProgramStateQuery);
      expect(s).toMatchObject({
        cycle: 2,
        stage: 'SURVEILLANCE_2',
        certificate: { frameworks: ['iso27001'], number: 'ISMS-2028-118', origin: 'existing-certificate' },
        extension: { framework: 'iso42001', stage: 'STAGE1' },
        dates: {
          cycleStart: d('2031-10-01'),
          expiryDate: d('2034-09-30'),
          surveillance2Earliest: d('2033-01-01'),
          surveillance2Due: d('2033-09-10'),
          recertificationEarliest: d('2033-10-01'),
        },
      });
      const minor = s.findings[0]!;
      expect(minor.links?.map((l) => l.to)).toEqual(['soc2:CC3.2', 'soc2:CC6.4', 'soc2:CC9.2']);

      // ISO/IEC 42001's own Stage 1, then its Stage 2 in the same visit as surveillance audit 2.
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'extension-stage1', date: d('2033-03-01') }],
      });
      await sleepUntil(env, d('2033-03-02'));
      s = await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'extension-stage1', lastDay: d('2033-03-01') }],
      });
      expect(s.extension).toMatchObject({ stage: 'STAGE2', stage1ValidUntil: d('2033-09-01') });
      for (const audit of ['surveillance2', 'extension-stage2'] as const) {
        await handle.executeUpdate(scheduleAuditUpdate, { args: [{ actor, audit, date: d('2033-06-07') }] });
      }
      await sleepUntil(env, d('2033-06-09'));
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'surveillance2', lastDay: d('2033-06-08'), verifiedFindingIds: [minor.id] }],
      });
      s = await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'extension-stage2', lastDay: d('2033-06-08') }],
      });
      expect(s).toMatchObject({ stage: 'RECERTIFICATION', extension: { stage: 'DECISION' } });
      await sleepUntil(env, d('2033-06-20'));
      s = await handle.executeUpdate(recordCertificationDecisionUpdate, {
        args: [{ actor, decidedOn: d('2033-06-20'), framework: 'iso42001' }],
      });
      expect(s.certificate?.frameworks).toEqual(['iso27001', 'iso42001']);
      expect(s.extension).toBeUndefined();
      expect(s.auditPlan?.audits.filter((a) => a.held).map((a) => a.audit)).toEqual([
        'surveillance2',
        'extension-stage1',
        'extension-stage2',
      ]);

      // Recertification before the last 12 months needs the CB's justified override.
      await sleepUntil(env, d('2033-09-01'));
      await expectRejected(
        handle.executeUpdate(scheduleAuditUpdate, {
          args: [{ actor, audit: 'recertification', date: d('2033-09-20') }],
        }),
        new RegExp(`can be held from ${d('2033-10-01')} \\(the last 12 months before expiry\\)`),
      );
      await handle.executeUpdate(overrideRuleUpdate, {
        args: [{ actor, rule: 'recertification-window', justification }],
      });
      await handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'recertification', date: d('2033-09-20') }],
      });
      await sleepUntil(env, d('2033-09-21'));
      await handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'recertification', lastDay: d('2033-09-21') }],
      });
      await sleepUntil(env, d('2033-09-28'));
      await handle.executeUpdate(recordCertificationDecisionUpdate, {
        args: [{ actor, decidedOn: d('2033-09-28') }],
      });

      // Cycle 3 runs from the old expiry; its surveillance is counted inside it.
      const next = env.client.workflow.getHandle<typeof isoCertificationWorkflow>(seeded.workflowId);
      const secondRunId = await nextRunId(env.client, seeded.workflowId, firstRunId);
      const cycle3 = await next.query(getIsoProgramStateQuery);
      expect(cycle3).toMatchObject({
        cycle: 3,
        stage: 'SURVEILLANCE_1',
        certificate: { frameworks: ['iso27001', 'iso42001'] },
        dates: {
          decisionDate: d('2033-09-28'),
          cycleStart: d('2034-10-01'),
          expiryDate: d('2037-09-30'),
          surveillance1Due: d('2035-09-30'),
          recertificationEarliest: d('2036-10-01'),
        },
        findings: [],
      });
      await expectRejected(
        next.executeUpdate(scheduleAuditUpdate, {
          args: [{ actor, audit: 'surveillance1', date: d('2034-09-01') }],
        }),
        new RegExp(`Surveillance audit 1 of cycle 3 is held inside that cycle, from ${d('2034-10-01')}`),
      );
      await next.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'surveillance1', date: d('2034-10-15') }],
      });
      await sleepUntil(env, d('2034-10-16'));
      expect((await next.query(getIsoProgramStateQuery)).stage).toBe('SURVEILLANCE_1');
      await next.executeUpdate(endProgramUpdate, { args: [{ actor, reason: 'test finished' }] });
      await next.result();
      return { firstRunId, secondRunId };
    });
    expect(secondRunId).not.toBe(firstRunId);

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]).toMatchObject({ type: 'program.started', payload: { origin: 'existing-certificate' } });
    const decided = events.filter((e) => e.type === 'certification.decided').map((e) => e.payload.kind);
    expect(decided).toEqual(['extension', 'recertification']);
    expect(events.filter((e) => e.type === 'deadline.missed')).toEqual([]);
    expect(events.filter((e) => e.type === 'stage.changed').map((e) => e.payload.to)).toEqual([
      'RECERTIFICATION',
      'SURVEILLANCE_1',
      'ENDED',
    ]);

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
