import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { addMember, createOrganizationWithAdmin, createPerson, uniqueEmail } from '../../../test/fixtures.js';
import { TestClock } from '../../../test/support/test-clock.js';
import { createTestApp, type ErrorBody, server } from '../../../test/test-app.js';

describe('password sign-in (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const clock = new TestClock(new Date('2027-05-10T09:00:00.000Z'));
  const WINDOW_MS = 10 * 60_000;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      clock,
      env: {
        SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: '3',
        SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: '6',
        SIGN_IN_WINDOW_MINUTES: '10',
      },
    }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** Each test signs in from its own client address (trusted loopback proxy → X-Forwarded-For). */
  const attempt = (email: string, password: string, address: string) =>
    request(server(app)).post('/auth/sign-in').set('X-Forwarded-For', address).send({ email, password });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const person = await createPerson(app);
    const wrong = await attempt(person.email, 'not the password', '198.51.100.1').expect(401);
    const unknown = await attempt(uniqueEmail('nobody'), 'whatever', '198.51.100.1').expect(401);
    expect(wrong.body).toEqual({ message: 'Email or password is incorrect', code: 'invalid_credentials' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: 'x' }, 'email'],
    ['an empty password', { email: 'a@acme.example', password: '' }, 'password'],
    ['no email at all', { password: 'x' }, 'email'],
  ])('answers %s with 400 naming the field', async (_, body, path) => {
    const res = await request(server(app)).post('/auth/sign-in').send(body).expect(400);
    expect((res.body as ErrorBody).errors).toEqual([expect.objectContaining({ path })]);
  });

  it('accepts the email in any case', async () => {
    const person = await createPerson(app);
    await attempt(person.email.toUpperCase(), person.password, '198.51.100.2').expect(200);
  });

  it('refuses the attempt after the limit per account, with Retry-After, then resets after the window', async () => {
    const person = await createPerson(app);
    for (let i = 1; i <= 3; i++)
      await attempt(person.email, `guess-${i}`, `198.51.100.${10 + i}`).expect(401);
    // The 4th attempt is refused before the password is looked at, even the right password, from anywhere.
    const refused = await attempt(person.email, person.password, '198.51.100.20').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect((refused.body as ErrorBody).message).toMatch(/Too many sign-in attempts/);

    clock.advance(WINDOW_MS);
    await attempt(person.email, person.password, '198.51.100.20').expect(200);
  });

  it('clears the account’s count on success, so a typo or two never adds up to a lock-out', async () => {
    const person = await createPerson(app);
    await attempt(person.email, 'typo', '198.51.100.30').expect(401);
    await attempt(person.email, 'typo', '198.51.100.30').expect(401);
    await attempt(person.email, person.password, '198.51.100.30').expect(200);
    for (let i = 0; i < 2; i++) await attempt(person.email, 'typo', '198.51.100.30').expect(401);
    await attempt(person.email, person.password, '198.51.100.30').expect(200);
  });

  it('limits failures per client address across accounts, and not successes', async () => {
    const address = '203.0.113.7';
    const people = await Promise.all([1, 2, 3].map(() => createPerson(app)));
    // Successes from one address (an office) never count.
    for (const person of people) await attempt(person.email, person.password, address).expect(200);
    for (let i = 0; i < 6; i++) await attempt(uniqueEmail('spray'), 'password1', address).expect(401);
    const refused = await attempt(people[0]!.email, people[0]!.password, address).expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
    await attempt(people[0]!.email, people[0]!.password, '203.0.113.8').expect(200);
    clock.advance(WINDOW_MS);
    await attempt(people[0]!.email, people[0]!.password, address).expect(200);
  });

  it('records sign-ins and failures for the account’s organisations, unknown emails for none', async () => {
    const { organization } = await createOrganizationWithAdmin(app);
    const member = await createPerson(app);
    await addMember(app, organization.id, member, 'executive');
    await attempt(member.email, 'wrong', '198.51.100.40').expect(401);
    await attempt(member.email, member.password, '198.51.100.40')
      .set('User-Agent', 'test-browser')
      .expect(200);
    const stranger = uniqueEmail('stranger');
    await attempt(stranger, 'whatever', '198.51.100.40').expect(401);

    const events = await db.prisma.auditEvent.findMany({
      where: { organizationId: organization.id, actor: member.email },
      orderBy: { recordedAt: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['auth.sign-in-failed', 'auth.signed-in']);
    expect(events[1]?.payload).toMatchObject({
      method: 'password',
      ip: '198.51.100.40',
      userAgent: 'test-browser',
    });
    const anonymous = await db.prisma.auditEvent.findMany({
      where: { type: 'auth.sign-in-failed', organizationId: null },
    });
    expect(anonymous.map((e) => e.payload)).toContainEqual(expect.objectContaining({ email: stranger }));
    // Passwords are never written anywhere in the trail.
    const all = JSON.stringify(
      await db.prisma.auditEvent.findMany({ select: { actor: true, payload: true } }),
    );
    expect(all).not.toContain(member.password);
    expect(all).not.toContain('whatever');
  });
});
