import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { isoProgramBody, programsPath, type Session, soc2ProgramBody } from '../../../test/fixtures.js';
import { buildWorld, sessionOf, today, type World } from '../../../test/support/world.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import type { GapAssessmentView } from './gap-assessment.schemas.js';

// Without a worker: everything up to the workflow update (the pre-fill, the draft, the answers and their audit
// events, the refusals). gap-assessment.workflow.test.ts finalises against the real worker.
describe('the gap assessment draft (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let pm: Session;
  let programId: string;

  const item = (view: GapAssessmentView, id: string) => {
    const found = view.items.find((i) => i.requirementId === id);
    if (!found) throw new Error(`${id} is not in the assessment`);
    return found;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      queryTimeoutMs: 200,
    }));
    world = await buildWorld(app, db.prisma);
    pm = await sessionOf(app, world, 'program_manager');
    const created = await pm
      .post(programsPath(world.organization.id))
      .send(isoProgramBody({ name: 'AIMS', frameworks: ['iso42001'] }))
      .expect(201);
    programId = (created.body as { id: string }).id;
    // What the organisation recorded for its ISMS.
    await pm
      .put(`/organizations/${world.organization.id}/requirement-statuses`)
      .send({
        items: [
          { requirementId: 'iso27001:7.5.3', status: 'implemented' },
          { requirementId: 'iso27001:9.2.1', status: 'implemented' },
          { requirementId: 'iso27001:A.8.15', status: 'not_implemented' },
          { requirementId: 'iso42001:A.10.4', status: 'implemented', note: 'Customer AI charter' },
        ],
      })
      .expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('previews the pre-fill before it is started: carried over, partly with its chain, open, recorded', async () => {
    const view = (await pm.get(`/programs/${programId}/gap-assessment`).expect(200))
      .body as GapAssessmentView;
    expect(view).toMatchObject({ id: null, status: 'NOT_STARTED', update: 'completeGapAssessment' });
    expect(view.items).toHaveLength(70);
    expect(item(view, 'iso42001:7.5.3').suggestion).toMatchObject({
      basis: 'carried-over',
      status: 'implemented',
    });
    const audit = item(view, 'iso42001:9.2.1').suggestion;
    expect(audit).toMatchObject({ basis: 'partly', status: 'partial' });
    expect(audit.chains[0]?.hops[0]).toMatchObject({
      from: 'iso27001:9.2.1',
      to: 'iso42001:9.2.1',
      relation: 'intersect',
      crosswalk: 'iso42001-iso27001',
    });
    expect(audit.chains[0]?.hops[0]?.rationale).toMatch(/widened to AI/);
    expect(item(view, 'iso42001:A.6.2.8').suggestion).toMatchObject({
      basis: 'open',
      candidates: ['iso27001:A.8.15'],
    });
    expect(item(view, 'iso42001:A.10.4').suggestion).toMatchObject({
      basis: 'recorded',
      status: 'implemented',
    });
    expect(view.summary.iso42001).toMatchObject({ total: 70, answered: 0, recorded: 1 });
    expect(view.summary.iso42001!.carriedOver + view.summary.iso42001!.partly).toBeGreaterThanOrEqual(2);
  });

  it('starts once (201), answers a repeat with the same draft (200), and audits the start', async () => {
    // No body at all is the same as an empty one.
    const first = await pm.post(`/programs/${programId}/gap-assessment`).expect(201);
    const again = await pm.post(`/programs/${programId}/gap-assessment`).send({}).expect(200);
    expect((again.body as GapAssessmentView).id).toBe((first.body as GapAssessmentView).id);
    expect(first.body).toMatchObject({ status: 'DRAFT', startedBy: world.people.program_manager.email });
    const events = await db.prisma.auditEvent.findMany({
      where: { programId, type: 'gap-assessment.started' },
    });
    expect(events).toHaveLength(1);
  });

  it('records answers with what was suggested, one audit event per real change', async () => {
    const res = await pm
      .patch(`/programs/${programId}/gap-assessment/items`)
      .send({
        items: [
          { requirementId: 'iso42001:7.5.3', status: 'implemented' },
          {
            requirementId: 'iso42001:9.2.1',
            status: 'partial',
            ownerEmail: 'audit@acme.example',
            task: { title: 'Extend the audit programme to the AIMS', dueDate: '2027-03-31' },
          },
          {
            requirementId: 'iso42001:A.10.4',
            status: 'not_applicable',
            justification: 'We sell no AI product to customers; AI is used internally only',
          },
        ],
      })
      .expect(200);
    const view = res.body as GapAssessmentView;
    expect(item(view, 'iso42001:9.2.1').answer).toMatchObject({
      status: 'partial',
      ownerEmail: 'audit@acme.example',
      suggestedStatus: 'partial',
      suggestedBasis: 'partly',
      answeredBy: world.people.program_manager.email,
      task: { title: 'Extend the audit programme to the AIMS', dueDate: '2027-03-31', ownerEmail: null },
    });
    expect(item(view, 'iso42001:A.10.4').answer).toMatchObject({ suggestedStatus: 'implemented' });
    expect(view.summary.iso42001).toMatchObject({ answered: 3, gaps: 1 });

    // Sending the same again changes nothing.
    await pm
      .patch(`/programs/${programId}/gap-assessment/items`)
      .send({ items: [{ requirementId: 'iso42001:7.5.3', status: 'implemented' }] })
      .expect(200);
    const events = await db.prisma.auditEvent.findMany({
      where: { programId, type: 'gap-assessment.answered' },
      orderBy: { recordedAt: 'asc' },
    });
    expect(events.map((e) => (e.payload as { requirementId: string }).requirementId)).toEqual([
      'iso42001:7.5.3',
      'iso42001:9.2.1',
      'iso42001:A.10.4',
    ]);
    expect(events[2]?.payload).toMatchObject({
      status: 'not_applicable',
      suggested: 'implemented',
      basis: 'recorded',
      justification: 'We sell no AI product to customers; AI is used internally only',
    });
  });

  it('refuses answers outside the assessment and a not applicable without justification, naming the field', async () => {
    const res = await pm
      .patch(`/programs/${programId}/gap-assessment/items`)
      .send({ items: [{ requirementId: 'iso42001:A.9.2', status: 'not_applicable' }] })
      .expect(400);
    expect((res.body as ErrorBody).errors).toEqual([
      { path: 'items.0.justification', message: expect.stringMatching(/needs a justification/) as string },
    ]);
    const outside = await pm
      .patch(`/programs/${programId}/gap-assessment/items`)
      .send({ items: [{ requirementId: 'iso27001:A.5.1', status: 'implemented' }] })
      .expect(400);
    expect((outside.body as ErrorBody).errors?.[0]).toMatchObject({
      path: 'items.0.requirementId',
      message: expect.stringMatching(/not part of this assessment \(iso42001\)/) as string,
    });
  });

  it('refuses to finalise while items are unanswered (422), and leaves the draft as it was', async () => {
    const res = await pm.post(`/programs/${programId}/gap-assessment/finalise`).send({}).expect(422);
    expect((res.body as ErrorBody).message).toMatch(
      /^67 requirements are not answered yet \(iso42001:4\.1, /,
    );
    const row = await db.prisma.gapAssessment.findUniqueOrThrow({ where: { programId } });
    expect(row).toMatchObject({ status: 'DRAFT', submission: null });
  });

  it('lets readers see the assessment, but only managers change it', async () => {
    for (const role of ['executive', 'auditor', 'control_owner'] as const) {
      const session = await sessionOf(app, world, role);
      const visible = role === 'executive';
      await session.get(`/programs/${programId}/gap-assessment`).expect(visible ? 200 : 404);
    }
    const executive = await sessionOf(app, world, 'executive');
    await executive
      .patch(`/programs/${programId}/gap-assessment/items`)
      .send({ items: [{ requirementId: 'iso42001:7.5.3', status: 'implemented' }] })
      .expect(403);
    // The auditor is granted the world's program: reading its preview is allowed.
    const auditor = await sessionOf(app, world, 'auditor');
    await auditor.get(`/programs/${world.program.id}/gap-assessment`).expect(200);
  });

  it('has no gap assessment for a program started from a certificate, and checks SOC 2 categories', async () => {
    const day = today();
    const [year] = day.split('-');
    const certified = await pm
      .post(programsPath(world.organization.id))
      .send(
        isoProgramBody({
          name: 'ISMS from its certificate',
          frameworks: ['iso27001'],
          startDate: day,
          config: { certificationBody: 'Example CB' },
          existingCertificate: {
            certificateNumber: 'ISMS-7',
            decisionDate: `${Number(year) - 1}-06-01`,
            expiryDate: `${Number(year) + 2}-05-31`,
          },
        }),
      )
      .expect(201);
    const refused = await pm
      .post(`/programs/${(certified.body as { id: string }).id}/gap-assessment`)
      .send({})
      .expect(409);
    expect((refused.body as ErrorBody).message).toMatch(/started from an existing certificate/);

    const soc2 = await pm.post(programsPath(world.organization.id)).send(soc2ProgramBody()).expect(201);
    const soc2Id = (soc2.body as { id: string }).id;
    const bad = await pm
      .post(`/programs/${soc2Id}/gap-assessment`)
      .send({ soc2Categories: ['availability', 'security'] })
      .expect(400);
    expect((bad.body as ErrorBody).errors?.[0]?.path).toBe('soc2Categories.1');
    const started = await pm
      .post(`/programs/${soc2Id}/gap-assessment`)
      .send({ soc2Categories: ['availability'] })
      .expect(201);
    const view = started.body as GapAssessmentView;
    expect(view).toMatchObject({ update: 'completeReadinessAssessment', soc2Categories: ['availability'] });
    expect(view.items).toHaveLength(36);
    // The ISMS statuses carry over to SOC 2 criteria through the published crosswalk.
    expect(view.items.some((i) => i.suggestion.basis === 'partly')).toBe(true);
  });
});
