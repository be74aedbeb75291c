import type { INestApplication } from '@nestjs/common';
import {
  addMonths,
  expiryFor,
  monthsAfter,
  CertflowFrameworks,
  CertflowOrganizationId,
  CertflowProgramKind,
  isoStages,
  PROGRAM_TASK_QUEUE,
} from '@certflow/contracts';
import type { TestDatabase } from '@certflow/db/testing';
import { eventually, utcToday } from '@certflow/testkit';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createOrganizationWithAdmin,
  isoProgramBody,
  programsPath,
  type Session,
  soc2ProgramBody,
} from '../../../test/fixtures.js';
import { type RunningStack, startRunningStack } from '../../../test/support/running-stack.js';
import type { Program, ProgramDetail } from './programs.schemas.js';

// The must-show path: HTTP → API → Temporal → the real worker process → workflow state back through the API.
// This file has its own dev server so the worker it starts never picks up other files' workflows.
describe('POST /programs runs the workflow on a real worker', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let app: INestApplication;
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startRunningStack();
    ({ env, db, app } = stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function liveDetail(session: Session, programId: string): Promise<ProgramDetail> {
    return eventually(
      () => `the worker to answer getProgramState (worker output:\n${stack.workerOutput()})`,
      async () => {
        const res = await session.get(`/programs/${programId}`).expect(200);
        const view = res.body as ProgramDetail;
        return view.state.source === 'workflow' ? view : undefined;
      },
      { timeoutMs: 45_000 },
    );
  }

  it('starts the workflow once, shows its live stage, and replays a retried POST without starting anything', async () => {
    const { organization, session } = await createOrganizationWithAdmin(app);
    const body = isoProgramBody();
    const key = `create-${Date.now()}`;
    const post = () => session.post(programsPath(organization.id)).set('Idempotency-Key', key).send(body);

    const created = await post().expect(201);
    const program = created.body as Program;
    expect(program).toMatchObject({ status: 'RUNNING', kind: 'ISO_CERTIFICATION' });

    // Live state comes from the workflow query once the worker process has picked the workflow up.
    const detail = await liveDetail(session, program.id);
    expect(isoStages).toContain(detail.state.stage);
    expect(detail.state.workflow).toMatchObject({
      programId: program.id,
      organizationId: organization.id,
      stage: detail.state.stage,
    });

    const handle = env.client.workflow.getHandle(program.workflowId);
    const first = await handle.describe();
    expect(first.type).toBe('isoCertificationWorkflow');
    expect(first.taskQueue).toBe(PROGRAM_TASK_QUEUE);
    expect(first.status.name).toBe('RUNNING');
    expect(first.typedSearchAttributes.get(CertflowOrganizationId)).toBe(organization.id);
    expect(first.typedSearchAttributes.get(CertflowProgramKind)).toBe('ISO_CERTIFICATION');
    expect([...(first.typedSearchAttributes.get(CertflowFrameworks) ?? [])].sort()).toEqual([
      'iso27001',
      'iso42001',
    ]);

    // The search attributes are queryable, as list views will use them.
    const visible = await eventually(
      () => 'the workflow to appear in visibility',
      async () => {
        const found: string[] = [];
        for await (const execution of env.client.workflow.list({
          query: `CertflowOrganizationId = '${organization.id}'`,
        })) {
          found.push(execution.workflowId);
        }
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 45_000 },
    );
    expect(visible).toEqual([program.workflowId]);

    // A client retry with the same key and body: same program, 200, and nothing new anywhere.
    const retried = await post().expect(200);
    expect((retried.body as Program).id).toBe(program.id);

    const second = await handle.describe();
    expect(second.runId).toBe(first.runId);
    const runs: string[] = [];
    for await (const execution of env.client.workflow.list({
      query: `WorkflowId = '${program.workflowId}'`,
    })) {
      runs.push(execution.runId);
    }
    expect(runs).toEqual([first.runId]);
    expect(await db.prisma.program.count({ where: { organizationId: organization.id } })).toBe(1);
    expect(
      await db.prisma.auditEvent.count({ where: { programId: program.id, type: 'program.created' } }),
    ).toBe(1);
  });

  it('runs a SOC 2 attestation on the SOC 2 workflow and shows its live readiness stage', async () => {
    const { organization, session } = await createOrganizationWithAdmin(app);

    const created = await session
      .post(programsPath(organization.id))
      .set('Idempotency-Key', `soc2-${Date.now()}`)
      .send(soc2ProgramBody())
      .expect(201);
    const program = created.body as Program;
    expect(program).toMatchObject({ status: 'RUNNING', kind: 'SOC2_ATTESTATION', frameworks: ['soc2'] });

    const detail = await liveDetail(session, program.id);
    expect(detail.state.stage).toBe('READINESS');
    expect(detail.state.workflow).toMatchObject({
      programId: program.id,
      organizationId: organization.id,
      programManagerEmail: 'pm@acme.example',
      stage: 'READINESS',
      startDate: '2026-02-02',
      config: { cpaFirm: 'Example CPA LLP', periodMonths: 6 },
    });

    const description = await env.client.workflow.getHandle(program.workflowId).describe();
    expect(description.type).toBe('soc2AttestationWorkflow');
    expect(description.taskQueue).toBe(PROGRAM_TASK_QUEUE);
    expect(description.typedSearchAttributes.get(CertflowProgramKind)).toBe('SOC2_ATTESTATION');
    expect([...(description.typedSearchAttributes.get(CertflowFrameworks) ?? [])]).toEqual(['soc2']);
  });

  it('starts from an existing certificate and changes its audit settings through the workflow', async () => {
    const { organization, session, admin } = await createOrganizationWithAdmin(app);
    // The dev server runs on the real clock: a certificate decided two months ago.
    const today = await utcToday({ marginMs: 30_000 });
    const decisionDate = addMonths(today, -2);
    const expiryDate = expiryFor(decisionDate, 3);
    const body = isoProgramBody({
      frameworks: ['iso27001'],
      startDate: today,
      config: { certificationBody: 'Example CB' },
      settings: { personsInScope: 100, terms: { currency: 'EUR', dayRate: 1400 } },
      existingCertificate: { certificateNumber: 'ISMS-0042', decisionDate, expiryDate },
    });
    const program = (await session.post(programsPath(organization.id)).send(body).expect(201))
      .body as Program;
    const detail = await liveDetail(session, program.id);
    expect(detail.state.workflow).toMatchObject({
      stage: 'SURVEILLANCE_1',
      certificate: { number: 'ISMS-0042', frameworks: ['iso27001'], origin: 'existing-certificate' },
      dates: { surveillance1Due: monthsAfter(decisionDate, 12), expiryDate },
      auditPlan: { currency: 'EUR', totalDays: 16 },
    });

    const changed = await session
      .post(`/programs/${program.id}/actions/change-settings`)
      .send({ settings: { personsInScope: 300 }, reason: 'Acquisition of a subsidiary' })
      .expect(200);
    expect((changed.body as ProgramDetail).state.workflow).toMatchObject({
      settings: { personsInScope: 300 },
      auditPlan: { totalDays: 20, totalCost: 20 * 1400 },
    });
    // The same settings again: nothing to change, a state conflict with the rule's name.
    const refused = await session
      .post(`/programs/${program.id}/actions/change-settings`)
      .send({ settings: { personsInScope: 300 }, reason: 'again' })
      .expect(409);
    expect(refused.body).toEqual({
      message: 'These settings are already in place.',
      code: 'action_conflict',
      rule: 'no-change',
    });
    // The actor is the signed-in caller; a body cannot claim to be someone else.
    const event = await eventually(
      () => 'the settings.changed audit event',
      async () =>
        (await db.prisma.auditEvent.findFirst({
          where: { programId: program.id, type: 'settings.changed' },
        })) ?? undefined,
      { timeoutMs: 45_000 },
    );
    expect(event).toMatchObject({ actor: admin.email, payload: { changed: ['personsInScope'] } });
  });
});
