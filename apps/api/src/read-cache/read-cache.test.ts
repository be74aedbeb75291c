import { brotliDecompressSync } from 'node:zlib';

import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { eventually } from '@certflow/testkit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { openEventStream } from '../../test/support/event-stream.js';
import { sessionCookie, signIn } from '../../test/support/people.js';
import { buildWorld, createProgram, insertTask, sessionOf, type World } from '../../test/support/world.js';
import type { Session } from '../../test/fixtures.js';
import { createTestApp } from '../../test/test-app.js';
import { CACHE_STATUS_HEADER } from './read-cache.interceptor.js';

type Titled = { items: { title: string }[] };
const cacheStatus = (res: { headers: Record<string, string> }) =>
  res.headers[CACHE_STATUS_HEADER.toLowerCase()];

// Real PostgreSQL with its change triggers and a real API: rows written behind the API's back stand for the
// worker's projection or another API process.
describe('read cache: answers kept until the organisation changes (ADR 0020)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let manager: Session;
  let owner: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
    world = await buildWorld(app, db.prisma, 'Cache Co');
    manager = await sessionOf(app, world, 'program_manager');
    owner = await sessionOf(app, world, 'control_owner');
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const myTasks = () => `/organizations/${world.organization.id}/my-tasks`;
  const programs = () => `/organizations/${world.organization.id}/programs`;

  it('answers a repeated read from the cache, and a row another writer adds once the database says so', async () => {
    // The first read may still meet notifications of the world's set-up; the cache settles after them.
    const settled = await eventually('a cached answer', async () => {
      const res = await owner.get(myTasks()).expect(200);
      return cacheStatus(res) === 'hit' ? res : undefined;
    });
    expect((settled.body as Titled).items.map((t) => t.title)).toEqual(['Approve the risk treatment plan']);

    await insertTask(db.prisma, world.program.id, world.people.control_owner.email, 'Projected meanwhile');
    const fresh = await eventually('the projected task', async () => {
      const res = await owner.get(myTasks()).expect(200);
      return (res.body as Titled).items.some((t) => t.title === 'Projected meanwhile') ? res : undefined;
    });
    expect(cacheStatus(fresh)).toBe('miss');
  });

  it('shows a change made through this process on the very next read, without waiting', async () => {
    await eventually(
      'a cached program list',
      async () => cacheStatus(await manager.get(programs())) === 'hit',
    );
    const created = await createProgram(manager, world.organization.id, 'Cache Co AIMS');
    const next = await manager.get(programs()).expect(200);
    expect(cacheStatus(next)).toBe('miss');
    expect((next.body as { id: string }[]).map((p) => p.id)).toContain(created.id);
  });

  it('sends a large answer compressed as the client accepts (gzip, Brotli), and 304 when the client has it', async () => {
    const path = `/organizations/${world.organization.id}/audit-events?limit=200`;
    await db.prisma.auditEvent.createMany({
      data: Array.from({ length: 100 }, (_, n) => ({
        organizationId: world.organization.id,
        programId: world.program.id,
        type: 'note.added',
        actor: world.people.program_manager.email,
        payload: { note: `Imported note ${n} about the scope of the management system` },
        occurredAt: new Date(Date.UTC(2026, 10, 1, 9, n)),
      })),
    });
    const plain = await eventually('a cached trail', async () => {
      const res = await manager.get(path).set('Accept-Encoding', 'identity').expect(200);
      return cacheStatus(res) === 'hit' ? res : undefined;
    });
    expect(plain.text.length).toBeGreaterThan(8 * 1024);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const zipped = await manager.get(path).set('Accept-Encoding', 'gzip, deflate').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBeLessThan(plain.text.length / 3);
    expect(zipped.body).toEqual(plain.body);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(zipped.headers['cache-control']).toBe('private, no-cache');

    const brotli = await manager
      .get(path)
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    const raw = brotli.body as Buffer;
    // Whether or not the client library already decoded it, the bytes are the same JSON.
    const text = raw.toString('utf8').startsWith('{')
      ? raw.toString('utf8')
      : brotliDecompressSync(raw).toString('utf8');
    expect(JSON.parse(text)).toEqual(plain.body);

    await manager.get(path).set('If-None-Match', plain.headers.etag!).expect(304);
  });

  it('ends a remembered session at once when its person signs out', async () => {
    const person = world.people.executive;
    const session = await signIn(app, person);
    const overview = `/organizations/${world.organization.id}/overview`;
    await session.get(overview).expect(200);
    await session.get(overview).expect(200);
    await session.post('/auth/sign-out').expect(204);
    await session.get(overview).expect(401);
  });

  it('never answers a page reloading on a live event with a read from before that event', async () => {
    // The live feed and the change feed hear a commit on two connections, in either order. With the audit
    // trail's change trigger off, the live feed is the only one to hear this event at all.
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const trail = `/organizations/${world.organization.id}/audit-events?type=note.added`;
    const stream = await openEventStream(`${base}/organizations/${world.organization.id}/events/stream`, {
      cookie: await sessionCookie(app, world.people.program_manager),
    });
    try {
      await stream.waitFor((e) => e.event === 'ready', 'ready');
      await eventually(
        'a cached trail',
        async () => cacheStatus(await manager.get(trail).expect(200)) === 'hit',
      );
      await db.prisma.$executeRaw`ALTER TABLE audit_events DISABLE TRIGGER audit_events_notify_change`;
      await db.prisma.auditEvent.create({
        data: {
          programId: world.program.id,
          organizationId: world.organization.id,
          type: 'note.added',
          actor: 'pm@cache.example',
          payload: { note: 'Heard through the live feed' },
          occurredAt: new Date(),
        },
      });
      await stream.waitFor((e) => e.event === 'audit-event' && e.data.includes('note.added'), 'the note');
      const reloaded = await manager.get(trail).expect(200);
      expect(cacheStatus(reloaded)).toBe('miss');
      expect((reloaded.body as { items: { actor: string }[] }).items.map((e) => e.actor)).toContain(
        'pm@cache.example',
      );
    } finally {
      stream.close();
      await db.prisma.$executeRaw`ALTER TABLE audit_events ENABLE TRIGGER audit_events_notify_change`;
    }
  });

  it('takes a role changed by another writer away as soon as the database says so', async () => {
    const executive = await sessionOf(app, world, 'executive');
    const cost = `/organizations/${world.organization.id}/cost/summary`;
    await executive.get(cost).expect(200);
    await executive.get(cost).expect(200);
    await db.prisma.membership.update({
      where: {
        organizationId_userId: {
          organizationId: world.organization.id,
          userId: world.people.executive.userId,
        },
      },
      data: { role: 'control_owner' },
    });
    await eventually('the new role to apply', async () => (await executive.get(cost)).status === 403);
  });
});
