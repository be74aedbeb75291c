import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createTestApp, server } from '../../../test/test-app.js';

describe('GET /health (real PostgreSQL and Temporal)', () => {
  let db: TestDatabase;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await db?.drop();
  });

  async function appWith(databaseUrl: string, temporalAddress: string) {
    const { app } = await createTestApp({ databaseUrl, temporalAddress });
    apps.push(app);
    return app;
  }

  it('is 200 when both dependencies answer', async () => {
    const app = await appWith(db.url, inject('temporalAddress'));
    const res = await request(server(app)).get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, temporal: { status: 'up' } },
    });
  });

  it('is 503 naming Temporal when it is unreachable', async () => {
    const app = await appWith(db.url, '127.0.0.1:1');
    const res = await request(server(app)).get('/health').expect(503);
    expect(res.body).toMatchObject({ status: 'error', error: { temporal: { status: 'down' } } });
    expect(res.body).toMatchObject({ details: { database: { status: 'up' } } });
  });

  it('is 503 naming the database when it is unreachable', async () => {
    const app = await appWith('postgres://certflow:certflow@127.0.0.1:1/none', inject('temporalAddress'));
    const res = await request(server(app)).get('/health').expect(503);
    expect(res.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
  });
});
