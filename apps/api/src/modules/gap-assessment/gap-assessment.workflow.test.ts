import type { INestApplication } from '@nestjs/common';
import { requirementsOf } from '@certflow/catalog';
import { addDays, addMonths, calendarDateOf, expiryFor, isoUpdates } from '@certflow/contracts';
import { eventually } from '@certflow/testkit';
import type { TestDatabase } from '@certflow/db/testing';
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
import type { ErrorBody } from '../../../test/test-app.js';
import type { ProgramDetail } from '../programs/programs.schemas.js';
import type { SoaView } from '../statement-of-applicability/soa.schemas.js';
import type { GapAssessmentView, GapFinalised } from './gap-assessment.schemas.js';

// HTTP → API → Temporal → the real worker process. The dev server runs on the real clock, so dates are relative
// to today. This file has its own dev server so its worker never picks up other files' workflows.
describe('finalising a gap assessment hands it to the real workflow', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let app: INestApplication;
  let stack: RunningStack;
  let session: Session;
  let organizationId: string;
  const today = calendarDateOf(Date.now());

  beforeAll(async () => {
    stack = await startRunningStack();
    ({ env, db, app } = stack);
    const created = await createOrganizationWithAdmin(app);
    session = created.session;
    organizationId = created.organization.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function live(programId: string, stage: string): Promise<ProgramDetail> {
    return eventually(
      () => `program ${programId} to be live in ${stage} (worker output:\n${stack.workerOutput()})`,
      async () => {
        const view = (await session.get(`/programs/${programId}`).expect(200)).body as ProgramDetail;
        return view.state.source === 'workflow' && view.state.stage === stage ? view : undefined;
      },
    );
  }

  async function newProgram(body: object): Promise<string> {
    const res = await session.post(programsPath(organizationId)).send(body).expect(201);
    return (res.body as { id: string }).id;
  }

  /** Starts the assessment and accepts every suggestion, with `changes` applied on top. */
  async function answerAll(programId: string, changes: Record<string, object> = {}, start: object = {}) {
    await session.post(`/programs/${programId}/gap-assessment`).send(start).expect(201);
    const view = (await session.get(`/programs/${programId}/gap-assessment`).expect(200))
      .body as GapAssessmentView;
    const items = view.items.map((item) => ({
      requirementId: item.requirementId,
      status: item.suggestion.status,
      ...changes[item.requirementId],
    }));
    const res = await session
      .patch(`/programs/${programId}/gap-assessment/items`)
      .send({ items })
      .expect(200);
    return res.body as GapAssessmentView;
  }

  it('runs an ISO/IEC 42001 gap assessment on top of a 27001 certificate and creates the tasks, once', async () => {
    // The ISMS: imported from its certificate, its implementation recorded through the statuses API.
    const decisionDate = addMonths(today, -3);
    const ismsId = await newProgram(
      isoProgramBody({
        name: 'ISMS',
        frameworks: ['iso27001'],
        startDate: today,
        config: { certificationBody: 'Example CB' },
        existingCertificate: {
          certificateNumber: 'ISMS-0042',
          decisionDate,
          expiryDate: expiryFor(decisionDate, 3),
        },
      }),
    );
    await live(ismsId, 'SURVEILLANCE_1');
    const isms = requirementsOf('iso27001', { assessableOnly: true }).map((r) => ({
      requirementId: r.id,
      status: r.id === 'iso27001:A.8.15' ? 'not_implemented' : 'implemented',
    }));
    await session
      .put(`/organizations/${organizationId}/requirement-statuses`)
      .send({ items: isms })
      .expect(200);

    const aimsId = await newProgram(
      isoProgramBody({ name: 'AIMS', frameworks: ['iso42001'], startDate: addDays(today, -14) }),
    );
    await live(aimsId, 'GAP_ASSESSMENT');
    const view = await answerAll(aimsId, {
      'iso42001:A.2.2': { status: 'implemented', note: 'The AI policy was approved last month' },
    });
    expect(view.summary.iso42001).toMatchObject({ total: 70, answered: 70, carriedOver: 2 });
    const gaps = view.summary.iso42001!.gaps;
    expect(gaps).toBe(70 - 2 - 1);

    const dueDate = addDays(today, 60);
    const finalise = () =>
      session
        .post(`/programs/${aimsId}/gap-assessment/finalise`)
        .send({ defaultOwnerEmail: 'owner@acme.example', defaultDueDate: dueDate });
    // Two clicks at once: one update reaches the workflow; both answer with the same tasks.
    const [first, second] = await Promise.all([finalise(), finalise()]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const result = first.body as GapFinalised;
    expect(result.tasks).toHaveLength(gaps);
    expect(result.tasks.every((t) => t.id !== null && t.ownerEmail === 'owner@acme.example')).toBe(true);
    expect((second.body as GapFinalised).tasks.map((t) => t.id)).toEqual(result.tasks.map((t) => t.id));
    const audit = result.tasks.find((t) => t.requirementIds[0] === 'iso42001:9.2.1');
    expect(audit).toMatchObject({
      title: 'Close the gap on ISO/IEC 42001 9.2.1 Internal audit: general',
      dueDate,
    });
    expect(audit?.links).toContainEqual(
      expect.objectContaining({ to: 'iso27001:9.2.1', relation: 'intersect' }),
    );
    expect(result.assessment).toMatchObject({ status: 'FINALISED', completedOn: today });

    const detail = await live(aimsId, 'REMEDIATION');
    const state = detail.state.workflow as { tasks: { id: string; source: { kind: string } }[] };
    expect(state.tasks.filter((t) => t.source.kind === 'gap-assessment')).toHaveLength(gaps);

    // It went through the program-actions path: one action request, keyed by the frozen attempt, answered 200.
    const requests = await db.prisma.programActionRequest.findMany({ where: { programId: aimsId } });
    expect(requests).toMatchObject([
      {
        action: 'completeGapAssessment',
        idempotencyKey: expect.stringMatching(`^gap-assessment:${result.assessment.id}:`) as string,
        responseStatus: 200,
      },
    ]);

    // Finalising again sends nothing and answers the first result.
    const again = (await finalise().expect(200)).body as GapFinalised;
    expect(again.replayed).toBe(true);
    expect(again.tasks.map((t) => t.id)).toEqual(result.tasks.map((t) => t.id));

    // The answers are now the organisation's ISO/IEC 42001 statuses, each change audited on this program.
    const statuses = await db.prisma.requirementStatus.findMany({
      where: { organizationId, framework: 'iso42001' },
    });
    expect(statuses).toHaveLength(70);
    expect(statuses.every((s) => s.source === `gap-assessment:${result.assessment.id}`)).toBe(true);
    const events = await db.prisma.auditEvent.groupBy({
      by: ['type'],
      where: { programId: aimsId, workflowId: null },
      _count: true,
    });
    expect(Object.fromEntries(events.map((e) => [e.type, e._count]))).toMatchObject({
      'gap-assessment.started': 1,
      'gap-assessment.answered': 70,
      'gap-assessment.finalised': 1,
      'requirement-status.changed': 70,
    });
    await eventually(
      () => `the worker to write ${gaps} task.created events`,
      async () => {
        const created = await db.prisma.auditEvent.count({
          where: { programId: aimsId, type: 'task.created' },
        });
        return created === gaps ? created : undefined;
      },
    );

    // The SoA shows each open control's task, read live from the workflow.
    const soa = (await session.get(`/programs/${aimsId}/statement-of-applicability`).expect(200))
      .body as SoaView;
    expect(soa.tasksFrom).toBe('workflow');
    const logging = soa.lines.find((l) => l.requirementId === 'iso42001:A.6.2.8');
    expect(logging).toMatchObject({
      implementation: { status: 'not_implemented' },
      task: { status: 'OPEN', dueDate },
    });
    expect(soa.lines.find((l) => l.requirementId === 'iso42001:A.2.2')).toMatchObject({
      implementation: { status: 'implemented', note: 'The AI policy was approved last month' },
      task: null,
    });
  });

  it('returns the workflow’s own message as 422 when its rules refuse, and keeps the draft editable', async () => {
    const programId = await newProgram(
      isoProgramBody({ name: 'AIMS early task', frameworks: ['iso42001'], startDate: addDays(today, -7) }),
    );
    await live(programId, 'GAP_ASSESSMENT');
    const yesterday = addDays(today, -1);
    await answerAll(programId, {
      'iso42001:A.6.2.8': { status: 'not_implemented', task: { title: 'Log AI events', dueDate: yesterday } },
    });
    const res = await session.post(`/programs/${programId}/gap-assessment/finalise`).send({}).expect(422);
    expect((res.body as ErrorBody).message).toBe(
      `Task "Log AI events" is due ${yesterday}, before the gap assessment finished.`,
    );
    const row = await db.prisma.gapAssessment.findUniqueOrThrow({ where: { programId } });
    expect(row).toMatchObject({ status: 'DRAFT', submission: null });
    await session
      .patch(`/programs/${programId}/gap-assessment/items`)
      .send({ items: [{ requirementId: 'iso42001:A.6.2.8', status: 'not_implemented' }] })
      .expect(200);
  });

  it('answers 409 with the workflow’s message when the program is already past its gap assessment', async () => {
    const programId = await newProgram(
      isoProgramBody({
        name: 'AIMS done elsewhere',
        frameworks: ['iso42001'],
        startDate: addDays(today, -7),
      }),
    );
    const detail = await live(programId, 'GAP_ASSESSMENT');
    await answerAll(programId);
    await env.client.workflow.getHandle(detail.workflowId).executeUpdate(isoUpdates.completeGapAssessment, {
      args: [{ actor: 'someone@acme.example', completedOn: today, gaps: [] }],
    });
    const res = await session.post(`/programs/${programId}/gap-assessment/finalise`).send({}).expect(409);
    expect((res.body as ErrorBody).message).toBe(
      'The gap assessment is already complete; the program is in REMEDIATION.',
    );
    expect(await db.prisma.gapAssessment.findUniqueOrThrow({ where: { programId } })).toMatchObject({
      status: 'DRAFT',
    });
  });

  it('finalises a SOC 2 readiness assessment, which needs its first observation period', async () => {
    const programId = await newProgram(soc2ProgramBody({ name: 'SOC 2', startDate: addDays(today, -7) }));
    await live(programId, 'READINESS');
    await answerAll(programId, {}, { soc2Categories: ['availability'] });
    const missing = await session.post(`/programs/${programId}/gap-assessment/finalise`).send({}).expect(422);
    expect((missing.body as ErrorBody).message).toBe(
      'Give the start date of the first observation period (firstPeriodStart).',
    );
    const res = await session
      .post(`/programs/${programId}/gap-assessment/finalise`)
      .send({ firstPeriodStart: addDays(today, 14) })
      .expect(200);
    const result = res.body as GapFinalised;
    expect(result.assessment.update).toBe('completeReadinessAssessment');
    expect(result.tasks.length).toBe(result.assessment.summary.soc2!.gaps);
    expect(result.tasks.every((t) => t.requirementIds[0]?.startsWith('soc2:'))).toBe(true);
    await live(programId, 'REMEDIATION');
  });
});
