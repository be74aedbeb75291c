import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createOrganizationWithAdmin, isoProgramBody, programsPath } from '../../../test/fixtures.js';
import { TestClock } from '../../../test/support/test-clock.js';
import { createTestApp, type ErrorBody, server } from '../../../test/test-app.js';

interface Created {
  token: { id: string; name: string; prefix: string; status: string; lastUsedAt: string | null };
  secret: string;
}

describe('API tokens (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const clock = new TestClock(new Date('2027-06-01T10:00:00.000Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      clock,
      // The admin's session must outlive the days this test moves through.
      env: { SESSION_IDLE_MINUTES: String(7 * 24 * 60), SESSION_ABSOLUTE_HOURS: String(30 * 24) },
    }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

  it('shows the secret once, stores only its hash, acts with its role, and names itself as the actor', async () => {
    const { organization, session } = await createOrganizationWithAdmin(app);
    const created = (
      await session
        .post(`/organizations/${organization.id}/api-tokens`)
        .send({ name: 'ci pipeline', role: 'program_manager' })
        .expect(201)
    ).body as Created;
    expect(created.secret).toMatch(/^cft_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({
      name: 'ci pipeline',
      status: 'active',
      prefix: created.secret.slice(0, 10),
    });
    const listed = JSON.stringify((await session.get(`/organizations/${organization.id}/api-tokens`)).body);
    expect(listed).not.toContain(created.secret);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(row.tokenHash).not.toContain(created.secret.slice(4));

    // No cookie, no Origin: integrations are not browsers, and bearer tokens are not sent by browsers on their own.
    const program = await request(server(app))
      .post(programsPath(organization.id))
      .set(bearer(created.secret))
      .send(isoProgramBody({ name: 'Created by CI' }))
      .expect(201);
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { programId: (program.body as { id: string }).id, type: 'program.created' },
    });
    expect(event.actor).toBe('token:ci pipeline');
    // Its role is program manager: organisation administration stays out of reach.
    await request(server(app))
      .get(`/organizations/${organization.id}/api-tokens`)
      .set(bearer(created.secret))
      .expect(403);
  });

  it('records last use to the minute and one audit event per token per day', async () => {
    const { organization, session } = await createOrganizationWithAdmin(app);
    const { secret, token } = (
      await session
        .post(`/organizations/${organization.id}/api-tokens`)
        .send({ name: 'reporting', role: 'executive' })
    ).body as Created;
    for (let i = 0; i < 5; i++) {
      await request(server(app)).get(programsPath(organization.id)).set(bearer(secret)).expect(200);
    }
    const uses = () =>
      db.prisma.auditEvent.count({ where: { organizationId: organization.id, type: 'api-token.used' } });
    expect(await uses()).toBe(1);
    const firstUse = (await db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(firstUse?.toISOString()).toBe(clock.now().toISOString());

    clock.advance(24 * 3_600_000);
    await request(server(app)).get(programsPath(organization.id)).set(bearer(secret)).expect(200);
    expect(await uses()).toBe(2);
    const listed = (await session.get(`/organizations/${organization.id}/api-tokens`))
      .body as Created['token'][];
    expect(listed[0]?.lastUsedAt).toBe(clock.now().toISOString());
  });

  it('refuses a revoked token at once, an expired one, and one from another organisation', async () => {
    const { organization, session } = await createOrganizationWithAdmin(app);
    const other = await createOrganizationWithAdmin(app, 'Globex');
    const make = async (body: object) =>
      (await session.post(`/organizations/${organization.id}/api-tokens`).send(body).expect(201))
        .body as Created;

    const revoked = await make({ name: 'to revoke', role: 'admin' });
    await request(server(app)).get('/me').set(bearer(revoked.secret)).expect(200);
    await session.post(`/api-tokens/${revoked.token.id}/revoke`).expect(200);
    const refused = await request(server(app)).get('/me').set(bearer(revoked.secret)).expect(401);
    expect((refused.body as ErrorBody).code).toBe('invalid_token');

    const expiring = await make({
      name: 'short lived',
      role: 'executive',
      expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    });
    await request(server(app)).get('/me').set(bearer(expiring.secret)).expect(200);
    clock.advance(3_600_000);
    await request(server(app)).get('/me').set(bearer(expiring.secret)).expect(401);

    const active = await make({ name: 'active', role: 'admin' });
    await request(server(app))
      .get(programsPath(other.organization.id))
      .set(bearer(active.secret))
      .expect(404);
    await request(server(app)).get('/me').set(bearer('cft_not-a-real-token')).expect(401);
  });

  it.each([
    ['an unknown role', { name: 'x', role: 'root' }, 'role'],
    ['a role only people hold', { name: 'x', role: 'auditor' }, 'role'],
    ['an empty name', { name: ' ', role: 'executive' }, 'name'],
    [
      'an expiry in the past',
      { name: 'x', role: 'executive', expiresAt: '2001-01-01T00:00:00Z' },
      'expiresAt',
    ],
  ])('answers %s with 400 naming the field', async (_, body, path) => {
    const { organization, session } = await createOrganizationWithAdmin(app);
    const res = await session.post(`/organizations/${organization.id}/api-tokens`).send(body).expect(400);
    expect((res.body as ErrorBody).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path })]),
    );
  });

  it('keeps names unique per organisation', async () => {
    const { organization, session } = await createOrganizationWithAdmin(app);
    const path = `/organizations/${organization.id}/api-tokens`;
    await session.post(path).send({ name: 'dup', role: 'executive' }).expect(201);
    await session.post(path).send({ name: 'dup', role: 'executive' }).expect(409);
  });
});
