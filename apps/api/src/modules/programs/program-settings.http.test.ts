import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createOrganization, isoProgramBody, soc2ProgramBody } from '../../../test/fixtures.js';
import { createTestApp, type ErrorBody, server } from '../../../test/test-app.js';
import type { Program } from './programs.schemas.js';

// PATCH /programs/:id/settings before anything reaches a workflow: the body is checked against the program
// kind's own `changeSettings` schema (the workflow's path is in programs.workflow.test.ts).
describe('PATCH /programs/:id/settings: validation', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let iso: Program;
  let soc2: Program;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
    const organizationId = (await createOrganization(app)).id;
    iso = (await request(server(app)).post('/programs').send(isoProgramBody(organizationId)).expect(201))
      .body as Program;
    soc2 = (await request(server(app)).post('/programs').send(soc2ProgramBody(organizationId)).expect(201))
      .body as Program;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const patch = (id: string, body: object) =>
    request(server(app)).patch(`/programs/${id}/settings`).send(body);

  it.each([
    ['no actor', { settings: { personsInScope: 40 }, reason: 'recount' }, 'actor'],
    ['no setting', { actor: 'pm@acme.example', settings: {}, reason: 'recount' }, 'settings'],
    [
      'a complexity beyond +100 %',
      {
        actor: 'pm',
        settings: { complexityAdjustment: { percent: 120, reason: 'x' + 'yz' } },
        reason: 'recount',
      },
      'settings.complexityAdjustment.percent',
    ],
    [
      'a quote in tenths of a day',
      { actor: 'pm', settings: { quotedDays: { iso27001: { initial: 4.3 } } }, reason: 'quote' },
      'settings.quotedDays.iso27001.initial',
    ],
    [
      'a currency that is not ISO 4217',
      { actor: 'pm', settings: { terms: { currency: 'euro', dayRate: 1200 } }, reason: 'terms' },
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
      actor: 'pm',
      settings: { fieldworkDays: -2 },
      reason: 'quote',
    }).expect(400);
    expect((res.body as ErrorBody).errors).toEqual([
      expect.objectContaining({ path: 'settings.fieldworkDays' }),
    ]);
  });

  it('answers 404 for an unknown program and 400 for a malformed id', async () => {
    const unknown = '9a1f0c2e-3b4d-4c5e-8f60-718293a4b5c6';
    await patch(unknown, { actor: 'pm', settings: { personsInScope: 5 }, reason: 'recount' }).expect(404);
    await patch('42', { actor: 'pm', settings: { personsInScope: 5 }, reason: 'recount' }).expect(400);
  });
});
