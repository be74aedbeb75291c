import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@certflow/testkit';

import { sessionCookie } from '../../../test/fixtures.js';
import {
  type EventStreamClient,
  openEventStream,
  type StreamEvent,
} from '../../../test/support/event-stream.js';
import { buildWorld, type World } from '../../../test/support/world.js';
import { createTestApp, TRUSTED_ORIGIN } from '../../../test/test-app.js';

const apiMain = fileURLToPath(new URL('../../../dist/main.js', import.meta.url));
// Polling is slowed to a minute in both processes, so only LISTEN/NOTIFY can deliver within the deadlines.
const slowPoll = { LIVE_UPDATES_POLL_MS: '60000' };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const data = (e: StreamEvent) =>
  JSON.parse(e.data) as { type: string; programId: string | null; taskId: string | null };
const auditEvents = (stream: EventStreamClient) => stream.received.filter((e) => e.event === 'audit-event');

describe('live updates: server-sent events over LISTEN/NOTIFY, per-subscriber visibility, resume', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let base1: string;
  let base2: string;
  let second: ChildProcess;
  let secondOutput = '';
  const streams: EventStreamClient[] = [];

  const cookieOf = async (role: keyof World['people']) => ({
    cookie: await sessionCookie(app, world.people[role]),
  });
  const open = async (base: string, headers: Record<string, string>, lastEventId?: string) => {
    const stream = await openEventStream(`${base}/organizations/${world.organization.id}/events/stream`, {
      ...headers,
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    });
    streams.push(stream);
    return stream;
  };
  const insertEvent = (programId: string | null, type: string, payload: object = {}) =>
    db.prisma.auditEvent.create({
      data: {
        programId,
        organizationId: world.organization.id,
        type,
        actor: 'test@x.example',
        payload,
        occurredAt: new Date(),
      },
    });

  beforeAll(async () => {
    if (!existsSync(apiMain))
      throw new Error(`${apiMain} is missing: build the API first (pnpm --filter @certflow/api build).`);
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      env: { ...slowPoll, LIVE_UPDATES_HEARTBEAT_MS: '1000', LIVE_UPDATES_RECHECK_MS: '1000' },
    }));
    await app.listen(0, '127.0.0.1');
    base1 = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    world = await buildWorld(app, db.prisma, 'Live Co');

    const port = await freePort();
    base2 = `http://127.0.0.1:${port}`;
    second = spawn(process.execPath, [apiMain], {
      env: {
        ...process.env,
        ...slowPoll,
        DATABASE_URL: db.url,
        PORT: String(port),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    second.stdout?.on('data', (chunk: Buffer) => (secondOutput += chunk.toString()));
    second.stderr?.on('data', (chunk: Buffer) => (secondOutput += chunk.toString()));
    await eventually(
      () => `the second API process to start:\n${secondOutput}`,
      async () => (await fetch(`${base2}/me`)).status > 0,
    );
  });

  afterAll(async () => {
    streams.forEach((s) => s.close());
    second?.kill('SIGTERM');
    await app?.close();
    await db?.drop();
  });

  it('delivers an event caused through process 1 to a subscriber of process 2', async () => {
    const stream = await open(base2, await cookieOf('program_manager'));
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.event === 'ready', 'ready');
    const task = await db.prisma.remediationTask.findFirstOrThrow({ where: { programId: world.program.id } });
    const manager = await cookieOf('program_manager');
    const res = await fetch(`${base1}/tasks/${task.id}/comments`, {
      method: 'POST',
      headers: { ...manager, origin: TRUSTED_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Evidence is on the way' }),
    });
    expect(res.status).toBe(201);
    const event = await stream.waitFor(
      (e) => e.event === 'audit-event' && data(e).type === 'task.comment-added',
      'the comment event on process 2',
    );
    expect(data(event)).toMatchObject({ programId: world.program.id, taskId: task.id });
    expect(event.id).toMatch(/^\d+-\d+$/);
  });

  it('filters per subscriber: auditors see granted programs, only admins see organisation events', async () => {
    const [auditor, manager, admin] = await Promise.all([
      open(base1, await cookieOf('auditor')),
      open(base2, await cookieOf('program_manager')),
      open(base1, await cookieOf('admin')),
    ]);
    await Promise.all([auditor, manager, admin].map((s) => s.waitFor((e) => e.event === 'ready', 'ready')));
    await insertEvent(world.otherProgram.id, 'note.added', { marker: 'hidden' });
    await insertEvent(null, 'member.joined');
    await insertEvent(world.program.id, 'note.added', { marker: 'granted' });
    await auditor.waitFor(
      (e) => e.event === 'audit-event' && data(e).programId === world.program.id,
      'granted',
    );
    await manager.waitFor(
      (e) => e.event === 'audit-event' && data(e).programId === world.program.id,
      'granted',
    );
    await admin.waitFor(
      (e) => e.event === 'audit-event' && data(e).programId === world.program.id,
      'granted',
    );
    expect(auditEvents(auditor).map((e) => data(e).programId)).toEqual([world.program.id]);
    expect(auditEvents(manager).map((e) => data(e).type)).toEqual(['note.added', 'note.added']);
    // Sign-ins are organisation events too: one committed while the streams opened may follow 'ready' (the feed's
    // cursor is commit-safe, not wall-clock), so they are set aside here.
    const adminTypes = auditEvents(admin)
      .map((e) => data(e).type)
      .filter((type) => type !== 'auth.signed-in');
    expect(adminTypes).toEqual(['note.added', 'member.joined', 'note.added']);
  });

  it('resumes from Last-Event-ID out of the database, in order, without repeats', async () => {
    const first = await open(base1, await cookieOf('program_manager'));
    const ready = await first.waitFor((e) => e.event === 'ready', 'ready');
    first.close();
    for (const n of [1, 2, 3]) await insertEvent(world.program.id, 'note.added', { n });
    const resumed = await open(base2, await cookieOf('program_manager'), ready.id);
    await resumed.waitFor((e) => e.event === 'ready', 'ready after the catch-up');
    const missed = auditEvents(resumed);
    expect(missed.map((e) => data(e).type)).toEqual(['note.added', 'note.added', 'note.added']);
    const ids = missed.map((e) => e.id!);
    expect([...new Set(ids)]).toEqual(ids);
    await insertEvent(world.program.id, 'stage.changed');
    await resumed.waitFor(
      (e) => e.event === 'audit-event' && data(e).type === 'stage.changed',
      'the live event',
    );
    expect(auditEvents(resumed)).toHaveLength(4);
  });

  it('never hands out an event before an earlier transaction that commits later', async () => {
    const stream = await open(base1, await cookieOf('program_manager'));
    await stream.waitFor((e) => e.event === 'ready', 'ready');
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO audit_events (program_id, organization_id, type, actor, payload, occurred_at)
         VALUES ($1, $2, 'note.added', 'slow@x.example', '{"order":"first"}', now())`,
        [world.program.id, world.organization.id],
      );
      await insertEvent(world.program.id, 'note.added', { order: 'second' });
      // The second event is committed, but the stream holds it back while the first transaction runs.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(auditEvents(stream)).toHaveLength(0);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    await stream.waitFor((e) => e.event === 'audit-event' && auditEvents(stream).length === 2, 'both events');
    const rows = await db.prisma.auditEvent.findMany({
      where: { actor: { in: ['slow@x.example', 'test@x.example'] }, type: 'note.added' },
      orderBy: [{ txId: 'asc' }, { position: 'asc' }],
      take: 500,
    });
    const positions = rows.map((r) => `${r.txId}-${r.position}`);
    const delivered = auditEvents(stream).map((e) => e.id!);
    // In feed order: the slow transaction's event first, although it was inserted-and-committed last.
    expect(delivered).toEqual(positions.filter((p) => delivered.includes(p)));
    expect(positions.indexOf(delivered[0]!)).toBeLessThan(positions.indexOf(delivered[1]!));
  });

  it('sends heartbeats, tells a client too far behind to reload, and refuses a bad Last-Event-ID', async () => {
    const stream = await open(base1, await cookieOf('executive'));
    const ready = await stream.waitFor((e) => e.event === 'ready', 'ready');
    await stream.waitFor((e) => e.event === 'comment' && e.data === 'heartbeat', 'a heartbeat');
    stream.close();
    await db.prisma.$executeRaw`
      INSERT INTO audit_events (program_id, organization_id, type, actor, payload, occurred_at)
      SELECT ${world.program.id}::uuid, ${world.organization.id}::uuid, 'note.added', 'bulk@x.example', '{}', now()
      FROM generate_series(1, 1001)`;
    const behind = await open(base1, await cookieOf('executive'), ready.id);
    await behind.waitFor((e) => e.event === 'reset', 'reset');
    expect(auditEvents(behind)).toHaveLength(0);
    const bad = await open(base1, await cookieOf('executive'), 'not-an-id');
    expect(bad.status).toBe(400);
  });

  it('ends the stream when the session ends', async () => {
    const headers = await cookieOf('control_owner');
    const stream = await open(base1, headers);
    await stream.waitFor((e) => e.event === 'ready', 'ready');
    const out = await fetch(`${base1}/auth/sign-out`, {
      method: 'POST',
      headers: { ...headers, origin: TRUSTED_ORIGIN },
    });
    expect(out.status).toBe(204);
    await stream.ended;
    const again = await open(base1, headers);
    expect(again.status).toBe(401);
  });
});
