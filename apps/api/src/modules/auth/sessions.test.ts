import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  createOrganizationWithAdmin,
  createPerson,
  type Person,
  sessionCookie,
  signIn,
} from '../../../test/fixtures.js';
import { TestClock } from '../../../test/support/test-clock.js';
import { createTestApp, type ErrorBody, server, TRUSTED_ORIGIN } from '../../../test/test-app.js';
import type { AppConfig } from '../../config/config.schema.js';

function cookieOf(res: request.Response): string {
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('certflow_session='));
  if (!cookie) throw new Error('no session cookie in the response');
  return cookie;
}

describe('sessions (real PostgreSQL, a clock the test moves)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let config: AppConfig;
  const clock = new TestClock(new Date('2027-03-01T08:00:00.000Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, config } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      clock,
      env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' },
    }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const signInRaw = (person: Person, cookie?: string) => {
    const req = request(server(app)).post('/auth/sign-in').set('Origin', TRUSTED_ORIGIN);
    if (cookie) void req.set('Cookie', cookie);
    return req.send({ email: person.email, password: person.password });
  };
  const me = (cookie: string) => request(server(app)).get('/me').set('Cookie', cookie);

  it('sets an httpOnly, SameSite=Lax cookie, Secure only over HTTPS, and stores only its hash', async () => {
    const person = await createPerson(app);
    const res = await signInRaw(person).expect(200);
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/Max-Age=28800/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(await db.prisma.session.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.prisma.session.count({ where: { userId: person.userId } })).toBe(1);

    // Behind a trusted proxy (loopback by default) that terminated TLS.
    const secure = await signInRaw(person).set('X-Forwarded-Proto', 'https').expect(200);
    expect(cookieOf(secure)).toMatch(/; Secure/);
  });

  it('answers /me with the person and their memberships', async () => {
    const { organization, admin } = await createOrganizationWithAdmin(app);
    const cookie = cookieOf(await signInRaw(admin).expect(200));
    const body = (await me(cookie).expect(200)).body as Record<string, unknown>;
    expect(body).toMatchObject({
      user: { email: admin.email },
      apiToken: null,
      session: { method: 'password' },
      memberships: [{ organization: { id: organization.id }, role: 'admin', access: 'granted' }],
    });
  });

  it('ends a session left idle, and says the session ended rather than never existed', async () => {
    const person = await createPerson(app);
    const cookie = cookieOf(await signInRaw(person).expect(200)).split(';')[0]!;
    clock.advance(config.auth.idleMs - 60_000);
    await me(cookie).expect(200); // activity keeps it alive…
    clock.advance(config.auth.idleMs - 60_000);
    await me(cookie).expect(200);
    clock.advance(config.auth.idleMs + 1);
    const ended = await me(cookie).expect(401);
    expect((ended.body as ErrorBody).code).toBe('session_expired');
    // …and the cookie is cleared.
    expect(String(ended.headers['set-cookie'])).toMatch(/certflow_session=;/);
    const anonymous = await request(server(app)).get('/me').expect(401);
    expect((anonymous.body as ErrorBody).code).toBe('unauthenticated');
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const person = await createPerson(app);
    const cookie = cookieOf(await signInRaw(person).expect(200)).split(';')[0]!;
    for (let elapsed = 0; elapsed < config.auth.absoluteMs - 20 * 60_000; elapsed += 20 * 60_000) {
      clock.advance(20 * 60_000);
      await me(cookie).expect(200);
    }
    clock.advance(20 * 60_000);
    expect(((await me(cookie).expect(401)).body as ErrorBody).code).toBe('session_expired');
  });

  it('rotates the session on sign-in: a session the browser already had stops working', async () => {
    const person = await createPerson(app);
    const planted = cookieOf(await signInRaw(person).expect(200)).split(';')[0]!;
    const fresh = cookieOf(await signInRaw(person, planted).expect(200)).split(';')[0]!;
    expect(fresh).not.toBe(planted);
    await me(planted).expect(401);
    await me(fresh).expect(200);
  });

  it('signs out for real: the same cookie replayed afterwards is refused', async () => {
    const person = await createPerson(app);
    const cookie = cookieOf(await signInRaw(person).expect(200)).split(';')[0]!;
    const out = await request(server(app))
      .post('/auth/sign-out')
      .set('Cookie', cookie)
      .set('Origin', TRUSTED_ORIGIN)
      .expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/certflow_session=;/);
    await me(cookie).expect(401);
    expect(await db.prisma.session.count({ where: { userId: person.userId } })).toBe(0);
  });

  it('signs out everywhere: every device’s session ends, and it is audited per organisation', async () => {
    const { organization, admin } = await createOrganizationWithAdmin(app);
    const laptop = cookieOf(await signInRaw(admin).expect(200)).split(';')[0]!;
    const phone = await signIn(app, admin);
    await phone.post('/auth/sign-out-everywhere').expect(204);
    await me(laptop).expect(401);
    await phone.get('/me').expect(401);
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { organizationId: organization.id, type: 'auth.signed-out-everywhere' },
    });
    expect(event.actor).toBe(admin.email);
    expect(event.payload).toMatchObject({ sessionsEnded: 3 });
  });
});

describe('cross-site request protection', () => {
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

  it('refuses a change sent with the session cookie from an untrusted origin, or from no stated origin', async () => {
    const { organization, admin } = await createOrganizationWithAdmin(app);
    const cookie = await sessionCookie(app, admin);
    const create = () => request(server(app)).post('/organizations').set('Cookie', cookie);

    const evil = await create().set('Origin', 'https://evil.example').send({ name: 'Evil', slug: 'evil-co' });
    expect(evil.status).toBe(403);
    expect((evil.body as ErrorBody).code).toBe('csrf');
    const spoofedReferer = await create()
      .set('Referer', 'https://evil.example/page')
      .send({ name: 'Evil', slug: 'evil-co' });
    expect(spoofedReferer.status).toBe(403);
    const unstated = await create().send({ name: 'Evil', slug: 'evil-co' });
    expect(unstated.status).toBe(403);
    expect(await db.prisma.organization.count({ where: { slug: 'evil-co' } })).toBe(0);

    // The same change from the web app's origin (Origin, or a Referer when a browser sends no Origin) works.
    await create()
      .set('Referer', `${TRUSTED_ORIGIN}/organizations`)
      .send({ name: 'Ok', slug: `ok-${organization.slug}` })
      .expect(201);
    // Reading needs no origin: a cross-site page cannot read the answer anyway (CORS).
    await request(server(app)).get('/organizations').set('Cookie', cookie).expect(200);
  });

  it('refuses a sign-in posted by another site (login CSRF) but lets scripts sign in', async () => {
    const person = await createPerson(app);
    const body = { email: person.email, password: person.password };
    const forged = await request(server(app))
      .post('/auth/sign-in')
      .set('Origin', 'https://evil.example')
      .send(body);
    expect(forged.status).toBe(403);
    expect(forged.headers['set-cookie']).toBeUndefined();
    await request(server(app)).post('/auth/sign-in').send(body).expect(200);
  });
});
