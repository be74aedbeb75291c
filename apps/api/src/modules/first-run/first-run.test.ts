import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createTestApp, server, TRUSTED_ORIGIN } from '../../../test/test-app.js';
import { FirstRunCliModule } from '../../cli/first-run.module.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { loadConfig } from '../../config/config.schema.js';
import { demoAccounts } from './demo-accounts.js';
import { FirstRunService } from './first-run.service.js';

describe('first run on an empty database (real PostgreSQL, real Temporal)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let firstRun: FirstRunService;
  let close: () => Promise<void>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({ imports: [FirstRunCliModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(loadConfig({ DATABASE_URL: db.url, TEMPORAL_ADDRESS: inject('temporalAddress') }))
      .compile();
    const context = await moduleRef.init();
    firstRun = context.get(FirstRunService);
    close = () => context.close();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
  });

  afterAll(async () => {
    await app?.close();
    await close?.();
    await db?.drop();
  });

  it('creates the demo organisation with one person per role whose generated passwords work, once', async () => {
    const result = await firstRun.seedDemo();
    if (!result.created) throw new Error('expected the demo to be created');
    expect(result.accounts.map((a) => a.role)).toEqual(demoAccounts.map((a) => a.role));
    expect(new Set(result.accounts.map((a) => a.password)).size).toBe(5);
    expect(result.programStarted).toBe(true);

    for (const account of result.accounts) {
      const res = await request(server(app))
        .post('/auth/sign-in')
        .set('Origin', TRUSTED_ORIGIN)
        .send({ email: account.email, password: account.password })
        .expect(200);
      expect(res.body).toMatchObject({
        memberships: [{ organization: { slug: 'demo' }, role: account.role }],
      });
    }
    // Only hashes are stored.
    const stored = JSON.stringify(await db.prisma.user.findMany());
    for (const account of result.accounts) expect(stored).not.toContain(account.password);

    // The auditor sees the demo program through the grant; the creation names the program manager.
    const auditor = result.accounts.find((a) => a.role === 'auditor')!;
    const agent = request.agent(server(app)).set('Origin', TRUSTED_ORIGIN);
    await agent.post('/auth/sign-in').send({ email: auditor.email, password: auditor.password }).expect(200);
    const programs = await agent.get(`/organizations/${result.organization.id}/programs`).expect(200);
    expect(programs.body).toHaveLength(1);
    const created = await db.prisma.auditEvent.findFirstOrThrow({ where: { type: 'program.created' } });
    expect(created.actor).toBe('pm@demo.certflow.example');

    expect(await firstRun.seedDemo()).toEqual({ created: false, existingUsers: 5 });
    expect(await db.prisma.organization.count()).toBe(1);
  });

  it('sets up a real deployment’s first admin with a generated password', async () => {
    const admin = await firstRun.createFirstAdmin({
      email: 'it@acme.example',
      organization: { name: 'Acme', slug: 'acme' },
    });
    await request(server(app))
      .post('/auth/sign-in')
      .set('Origin', TRUSTED_ORIGIN)
      .send({ email: admin.email, password: admin.password })
      .expect(200);
  });
});
