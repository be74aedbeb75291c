import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createOrganization } from '../../../test/fixtures.js';
import { createTestApp, server } from '../../../test/test-app.js';

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

  it('creates, lists and reads organizations', async () => {
    const created = await createOrganization(app, 'Acme Robotics');
    expect(created).toMatchObject({ name: 'Acme Robotics', id: expect.any(String) as string });

    const list = await request(server(app)).get('/organizations').expect(200);
    expect(list.body).toContainEqual(created);

    const one = await request(server(app)).get(`/organizations/${created.id}`).expect(200);
    expect(one.body).toEqual(created);
  });

  it('rejects a taken slug with 409', async () => {
    const { slug } = await createOrganization(app);
    const res = await request(server(app)).post('/organizations').send({ name: 'Other', slug }).expect(409);
    expect(res.body).toEqual({ message: `Organization slug '${slug}' is already taken` });
  });

  it('names the invalid field', async () => {
    const res = await request(server(app))
      .post('/organizations')
      .send({ name: 'Acme', slug: 'Not A Slug' })
      .expect(400);
    expect(res.body).toMatchObject({ message: 'Validation failed', errors: [{ path: 'slug' }] });
  });

  it('echoes a caller correlation id and makes one when none is sent', async () => {
    const echoed = await request(server(app))
      .get('/organizations')
      .set('x-correlation-id', 'trace-42')
      .expect(200);
    expect(echoed.headers['x-correlation-id']).toBe('trace-42');
    const made = await request(server(app)).get('/organizations').expect(200);
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b';
    const missing = await request(server(app)).get(`/organizations/${unknown}`).expect(404);
    expect(missing.body).toEqual({ message: `Organization ${unknown} not found` });

    const malformed = await request(server(app)).get('/organizations/not-a-uuid').expect(400);
    expect(malformed.body).toMatchObject({ errors: [{ path: 'id' }] });
  });
});
