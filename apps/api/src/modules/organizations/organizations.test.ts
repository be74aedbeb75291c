import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createOrganizationWithAdmin, createPerson, signIn } from '../../../test/fixtures.js';
import { createTestApp, type ErrorBody, server } from '../../../test/test-app.js';
import type { Organization } from './organizations.schemas.js';

describe('organizations API (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('makes the creator the first admin and lists only the caller’s organisations', async () => {
    const { organization, admin, session } = await createOrganizationWithAdmin(app, 'Acme Robotics');
    expect(organization).toMatchObject({ name: 'Acme Robotics', id: expect.any(String) as string });
    const other = await createOrganizationWithAdmin(app, 'Globex');

    const list = await session.get('/organizations').expect(200);
    expect(list.body).toEqual([organization]);
    expect((await session.get(`/organizations/${organization.id}`).expect(200)).body).toEqual(organization);

    const membership = await db.prisma.membership.findFirstOrThrow({
      where: { organizationId: organization.id, userId: admin.userId },
    });
    expect(membership.role).toBe('admin');
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { organizationId: organization.id, type: 'organization.created' },
    });
    expect(event).toMatchObject({ actor: admin.email, programId: null, workflowId: null });

    // Someone else's organisation is a 404 with the same words as one that does not exist.
    const foreign = await session.get(`/organizations/${other.organization.id}`).expect(404);
    expect(foreign.body).toEqual({ message: `Organization ${other.organization.id} not found` });
  });

  it('rejects a taken slug with 409', async () => {
    const { organization, session } = await createOrganizationWithAdmin(app);
    const res = await session
      .post('/organizations')
      .send({ name: 'Other', slug: organization.slug })
      .expect(409);
    expect(res.body).toEqual({ message: `Organization slug '${organization.slug}' is already taken` });
  });

  it('names the invalid field', async () => {
    const session = await signIn(app, await createPerson(app));
    const res = await session.post('/organizations').send({ name: 'Acme', slug: 'Not A Slug' }).expect(400);
    expect(res.body).toMatchObject({ message: 'Validation failed', errors: [{ path: 'slug' }] });
  });

  it('needs a signed-in person', async () => {
    const res = await request(server(app)).get('/organizations').expect(401);
    expect((res.body as ErrorBody).code).toBe('unauthenticated');
    await request(server(app)).post('/organizations').send({ name: 'X', slug: 'xx' }).expect(401);
  });

  it('echoes a caller correlation id and makes one when none is sent', async () => {
    const echoed = await request(server(app)).get('/health').set('x-correlation-id', 'trace-42');
    expect(echoed.headers['x-correlation-id']).toBe('trace-42');
    const made = await request(server(app)).get('/organizations').expect(401);
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const session = await signIn(app, await createPerson(app));
    const unknown = '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b';
    const missing = await session.get(`/organizations/${unknown}`).expect(404);
    expect(missing.body).toEqual({ message: `Organization ${unknown} not found` });

    const malformed = await session.get('/organizations/not-a-uuid').expect(400);
    expect(malformed.body).toMatchObject({ errors: [{ path: 'organizationId' }] });
    expect((await session.get('/organizations').expect(200)).body as Organization[]).toEqual([]);
  });
});
