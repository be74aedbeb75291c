import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  createOrganizationWithAdmin,
  isoProgramBody,
  programsPath,
  type Person,
  sessionCookie,
  type Session,
  soc2ProgramBody,
} from '../../../test/fixtures.js';
import { createTestApp, type ErrorBody, server, TRUSTED_ORIGIN } from '../../../test/test-app.js';
import type { Program, ProgramDetail } from './programs.schemas.js';

// Requests against the real app, real PostgreSQL and a real Temporal dev server on which no worker polls:
// workflows start but never run, which is exactly the "worker unavailable" case for reads.
describe('programs API: validation, errors and idempotency', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let temporal: Client;
  let organizationId: string;
  let session: Session;
  let admin: Person;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
    temporal = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
    const world = await createOrganizationWithAdmin(app);
    organizationId = world.organization.id;
    session = world.session;
    admin = world.admin;
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await app?.close();
    await db?.drop();
  });

  const post = (body: object, idempotencyKey?: string) => {
    const req = session.post(programsPath(organizationId));
    if (idempotencyKey) void req.set('Idempotency-Key', idempotencyKey);
    return req.send(body);
  };

  it.each([
    ['a framework the kind does not allow', { frameworks: ['soc2'] }, 'frameworks.0'],
    ['an unknown framework in second place', { frameworks: ['iso27001', 'pci-dss'] }, 'frameworks.1'],
    ['no framework', { frameworks: [] }, 'frameworks'],
    ['an impossible start date', { startDate: '2026-02-30' }, 'startDate'],
    ['a malformed e-mail', { programManagerEmail: 'not-an-email' }, 'programManagerEmail'],
    ['an empty name', { name: '   ' }, 'name'],
    [
      'a policy value out of range',
      { config: { policy: { certificateValidityYears: 5 } } },
      'config.policy.certificateValidityYears',
    ],
    [
      'an imported finding on a requirement the catalog does not have',
      {
        config: { certificationBody: 'Example CB' },
        existingCertificate: {
          certificateNumber: 'C-1',
          decisionDate: '2025-03-10',
          expiryDate: '2028-03-09',
          openFindings: [
            {
              severity: 'MINOR',
              description: 'x',
              requirementIds: ['iso27001:A.5.99'],
              raisedOn: '2025-03-01',
            },
          ],
        },
      },
      'existingCertificate.openFindings.0.requirementIds.0',
    ],
    [
      'an imported certificate without its certification body',
      {
        existingCertificate: {
          certificateNumber: 'C-1',
          decisionDate: '2025-03-10',
          expiryDate: '2028-03-09',
        },
      },
      'config.certificationBody',
    ],
    [
      'an imported certificate longer than the policy allows',
      {
        config: { certificationBody: 'Example CB' },
        existingCertificate: {
          certificateNumber: 'C-1',
          decisionDate: '2025-03-10',
          expiryDate: '2028-03-10',
        },
      },
      'existingCertificate.expiryDate',
    ],
    ['a person count of zero', { settings: { personsInScope: 0 } }, 'settings.personsInScope'],
  ])('rejects %s with 400 naming %s', async (_, override, path) => {
    const res = await post(isoProgramBody(override)).expect(400);
    expect((res.body as ErrorBody).message).toBe('Validation failed');
    expect((res.body as ErrorBody).errors).toEqual(
      expect.arrayContaining([{ path, message: expect.any(String) as string }]),
    );
  });

  it.each([
    [
      'an observation period the standard does not use',
      { config: { periodMonths: 5 } },
      'config.periodMonths',
    ],
    ['an ISO framework', { frameworks: ['iso27001'] }, 'frameworks.0'],
    ['SOC 2 twice', { frameworks: ['soc2', 'soc2'] }, 'frameworks'],
    ['no framework', { frameworks: [] }, 'frameworks'],
    ['an impossible first period start', { firstPeriodStart: '2026-13-01' }, 'firstPeriodStart'],
    ['a readiness window of zero days', { config: { readinessDays: 0 } }, 'config.readinessDays'],
    ['an empty CPA firm', { config: { cpaFirm: '  ' } }, 'config.cpaFirm'],
    [
      'a running period that has not started',
      { currentPeriod: { start: '2026-03-01', end: '2027-02-28' } },
      'currentPeriod.start',
    ],
    [
      'a running period longer than 12 months',
      { currentPeriod: { start: '2025-06-01', end: '2026-06-01' } },
      'currentPeriod.end',
    ],
    [
      'a last report issued before its period ended',
      {
        lastReport: {
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          issuedOn: '2025-12-01',
          opinion: 'UNMODIFIED',
        },
      },
      'lastReport.issuedOn',
    ],
  ])('rejects a SOC 2 program with %s with 400 naming %s', async (_, override, path) => {
    const res = await post(soc2ProgramBody(override)).expect(400);
    expect((res.body as ErrorBody).message).toBe('Validation failed');
    expect((res.body as ErrorBody).errors).toEqual(
      expect.arrayContaining([{ path, message: expect.any(String) as string }]),
    );
  });

  it('saves a SOC 2 program with its parameters after defaults and starts the SOC 2 workflow', async () => {
    const created = (await post(soc2ProgramBody()).expect(201)).body as Program;
    expect(created).toMatchObject({
      kind: 'SOC2_ATTESTATION',
      frameworks: ['soc2'],
      status: 'RUNNING',
      parameters: {
        startDate: '2026-02-02',
        programManagerEmail: 'pm@acme.example',
        config: { cpaFirm: 'Example CPA LLP', periodMonths: 6, readinessDays: 60 },
      },
    });
    const description = await temporal.workflow.getHandle(created.workflowId).describe();
    expect(description.type).toBe('soc2AttestationWorkflow');
    // The person who asked is the creation's actor in the audit trail.
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { programId: created.id, type: 'program.created' },
    });
    expect(event.actor).toBe(admin.email);
  });

  it('rejects an unknown kind naming kind', async () => {
    const res = await post(isoProgramBody({ kind: 'PCI_ASSESSMENT' })).expect(400);
    expect((res.body as ErrorBody).errors).toEqual([expect.objectContaining({ path: 'kind' })]);
  });

  it('rejects a malformed Idempotency-Key naming the header', async () => {
    const res = await post(isoProgramBody(), 'has spaces in it').expect(400);
    expect(res.body).toEqual({
      message: 'Validation failed',
      errors: [{ path: 'Idempotency-Key', message: expect.any(String) as string }],
    });
  });

  it('answers 404 for an unknown organization, an unknown program, and 400 for a malformed id', async () => {
    const unknown = '9a1f0c2e-3b4d-4c5e-8f60-718293a4b5c6';
    const noOrg = await session.post(programsPath(unknown)).send(isoProgramBody()).expect(404);
    expect(noOrg.body).toEqual({ message: `Organization ${unknown} not found` });
    const missing = await session.get(`/programs/${unknown}`).expect(404);
    expect(missing.body).toEqual({ message: `Program ${unknown} not found` });
    const malformed = await session.get('/programs/42').expect(400);
    expect((malformed.body as ErrorBody).errors).toEqual([expect.objectContaining({ path: 'id' })]);
    const malformedOrg = await session.get(programsPath('acme')).expect(400);
    expect((malformedOrg.body as ErrorBody).errors).toEqual([
      expect.objectContaining({ path: 'organizationId' }),
    ]);
  });

  it('answers 409 when an Idempotency-Key is reused with a different body', async () => {
    const key = `conflict-${Date.now()}`;
    await post(isoProgramBody(), key).expect(201);
    const res = await post(isoProgramBody({ name: 'Something else' }), key).expect(409);
    expect((res.body as ErrorBody).message).toMatch(/Idempotency-Key 'conflict-\d+' was already used/);
    expect(await db.prisma.program.count({ where: { organizationId, idempotencyKey: key } })).toBe(1);
  });

  it('falls back to the database projection when no worker answers the query', async () => {
    const created = (await post(isoProgramBody()).expect(201)).body as Program;
    expect(created).toMatchObject({
      status: 'RUNNING',
      workflowId: `program:${organizationId}:${created.id}`,
    });

    const res = await session.get(`/programs/${created.id}`).expect(200);
    const detail = res.body as ProgramDetail;
    expect(detail.state).toMatchObject({ source: 'database', stage: null, workflow: null });
    expect(detail.state.unavailableReason).toEqual(expect.any(String));

    const list = await session.get(programsPath(organizationId)).expect(200);
    expect((list.body as Program[]).map((p) => p.id)).toContain(created.id);
  });

  it('finishes a start that an earlier attempt could not make, when retried with the same key', async () => {
    // The first attempt reaches the database but not Temporal (as if the process died between the two). It is
    // another API instance: the session lives in PostgreSQL, so any replica serves it.
    const unreachable = await createTestApp({ databaseUrl: db.url, temporalAddress: '127.0.0.1:1' });
    const key = `retry-${Date.now()}`;
    const body = isoProgramBody({ name: 'Retried program' });
    try {
      const first = await request(server(unreachable.app))
        .post(programsPath(organizationId))
        .set('Cookie', await sessionCookie(app, admin))
        .set('Origin', TRUSTED_ORIGIN)
        .set('Idempotency-Key', key)
        .send(body)
        .expect(503);
      expect((first.body as ErrorBody).message).toMatch(/retry with the same Idempotency-Key/);
    } finally {
      await unreachable.app.close();
    }
    const saved = await db.prisma.program.findFirstOrThrow({
      where: { organizationId, idempotencyKey: key },
    });
    expect(saved.status).toBe('PENDING');

    const retry = await post(body, key).expect(200);
    expect(retry.body).toMatchObject({ id: saved.id, status: 'RUNNING' });
    const description = await temporal.workflow.getHandle(saved.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(
      await db.prisma.auditEvent.count({ where: { programId: saved.id, type: 'program.created' } }),
    ).toBe(1);
  });
});
