import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  createOrganizationWithAdmin,
  isoProgramBody,
  programsPath,
  type Session,
  soc2ProgramBody,
} from '../../../test/fixtures.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import type { Program } from '../programs/programs.schemas.js';

// Workflow actions before anything reaches a workflow: the body is checked against the program kind's own message
// schema (the workflow's path is in program-actions.workflow.test.ts).
describe('POST /programs/:id/actions/*: validation', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let iso: Program;
  let soc2: Program;
  let session: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
    const world = await createOrganizationWithAdmin(app);
    session = world.session;
    const programs = programsPath(world.organization.id);
    iso = (await session.post(programs).send(isoProgramBody()).expect(201)).body as Program;
    soc2 = (await session.post(programs).send(soc2ProgramBody()).expect(201)).body as Program;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const patch = (id: string, body: object) =>
    session.post(`/programs/${id}/actions/change-settings`).send(body);

  it.each([
    ['no reason', { settings: { personsInScope: 40 } }, 'reason'],
    ['no setting', { settings: {}, reason: 'recount' }, 'settings'],
    [
      'a complexity beyond +100 %',
      {
        settings: { complexityAdjustment: { percent: 120, reason: 'x' + 'yz' } },
        reason: 'recount',
      },
      'settings.complexityAdjustment.percent',
    ],
    [
      'a quote in tenths of a day',
      { settings: { quotedDays: { iso27001: { initial: 4.3 } } }, reason: 'quote' },
      'settings.quotedDays.iso27001.initial',
    ],
    [
      'a currency that is not ISO 4217',
      { settings: { terms: { currency: 'euro', dayRate: 1200 } }, reason: 'terms' },
      'settings.terms.currency',
    ],
  ])('rejects an ISO change with %s, naming %s', async (_, body, path) => {
    const res = await patch(iso.id, body).expect(400);
    expect((res.body as ErrorBody).errors).toEqual(
      expect.arrayContaining([{ path, message: expect.any(String) as string }]),
    );
  });

  it('checks a SOC 2 program against the SOC 2 settings', async () => {
    const res = await patch(soc2.id, {
      settings: { fieldworkDays: -2 },
      reason: 'quote',
    }).expect(400);
    expect((res.body as ErrorBody).errors).toEqual([
      expect.objectContaining({ path: 'settings.fieldworkDays' }),
    ]);
  });

  it('answers 404 for an unknown program and 400 for a malformed id', async () => {
    const unknown = '9a1f0c2e-3b4d-4c5e-8f60-718293a4b5c6';
    await patch(unknown, { settings: { personsInScope: 5 }, reason: 'recount' }).expect(404);
    await patch('42', { settings: { personsInScope: 5 }, reason: 'recount' }).expect(400);
  });

  it('names the header of a malformed Idempotency-Key and the action a program kind does not have', async () => {
    const res = await session
      .post(`/programs/${iso.id}/actions/end-program`)
      .set('Idempotency-Key', 'has spaces')
      .send({ reason: 'not pursued' })
      .expect(400);
    expect((res.body as ErrorBody).errors).toEqual([
      { path: 'Idempotency-Key', message: expect.any(String) as string },
    ]);
    const wrongKind = await session
      .post(`/programs/${soc2.id}/actions/schedule-audit`)
      .send({ audit: 'stage1', date: '2030-01-01' })
      .expect(409);
    expect(wrongKind.body).toEqual({
      message: 'A SOC 2 attestation program has no scheduleAudit action.',
      code: 'action_conflict',
      rule: 'action-not-for-kind',
    });
  });

  it('applies the refusal-needs-a-reason rule of the decision to the body', async () => {
    const res = await session
      .post(`/programs/${iso.id}/actions/record-certification-decision`)
      .send({ decidedOn: '2026-03-01', outcome: 'REFUSED' })
      .expect(400);
    expect((res.body as ErrorBody).errors).toEqual([
      { path: 'reason', message: 'a refused certification needs a reason' },
    ]);
  });
});
