import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import type { Session } from '../../../test/fixtures.js';
import { buildWorld, sessionOf, type World } from '../../../test/support/world.js';
import { changesHeard } from '../../../test/support/changes-heard.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import type { AuditTrailEventView } from './audit-trail.schemas.js';

type Page = { items: AuditTrailEventView[]; nextCursor: string | null };
const BULK = 30_000;

/** Parsed by an independent CSV reader (RFC 4180, CRLF), not by our writer's own rules. */
const parseCsv = (text: string): string[][] => parse(text);

describe('audit trail: what each reader may see, filters, pages and a streamed CSV', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let manager: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
    world = await buildWorld(app, db.prisma, 'Trail Co');
    const event = (programId: string, type: string, actor: string | null, day: string, payload = {}) => ({
      programId,
      organizationId: world.organization.id,
      type,
      actor,
      payload,
      occurredAt: new Date(`${day}T10:00:00.000Z`),
    });
    await db.prisma.auditEvent.createMany({
      data: [
        event(world.program.id, 'audit.scheduled', 'pm@trail.example', '2026-03-01', {
          audit: 'stage1',
          plannedCost: 4200,
          auditorTerms: { dayRate: 1400, currency: 'EUR' },
        }),
        event(world.program.id, 'task.completed', 'owner@trail.example', '2026-03-05', {
          note: '=HYPERLINK("x")',
        }),
        event(world.program.id, 'deadline.missed', null, '2026-03-09'),
        event(world.otherProgram.id, 'task.created', 'pm@trail.example', '2026-03-07', {
          title: 'Hidden, "quoted"',
        }),
      ],
    });
    // An organisation event: it belongs to the admins' security events, not to the program trail.
    await db.prisma.auditEvent.create({
      data: {
        organizationId: world.organization.id,
        type: 'auth.signed-in',
        actor: 'someone@trail.example',
        occurredAt: new Date('2026-03-06T00:00:00Z'),
      },
    });
    manager = await sessionOf(app, world, 'program_manager');
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const path = (query = '') => `/organizations/${world.organization.id}/audit-events${query}`;
  const list = async (session: Session, query = '') =>
    (await session.get(path(query)).expect(200)).body as Page;
  const seeded = (page: Page) => page.items.filter((e) => e.occurredAt.startsWith('2026-03'));

  it('lists program events newest first for a program manager, never organisation events', async () => {
    const page = await list(manager);
    expect(seeded(page).map((e) => e.type)).toEqual([
      'deadline.missed',
      'task.created',
      'task.completed',
      'audit.scheduled',
    ]);
    expect(page.items.some((e) => e.type === 'auth.signed-in')).toBe(false);
    expect(page.items.find((e) => e.type === 'task.created')?.program).toEqual({
      id: world.otherProgram.id,
      name: world.otherProgram.name,
    });
  });

  it('shows an auditor only the granted program, inside the grant, without cost figures', async () => {
    const auditor = await sessionOf(app, world, 'auditor');
    const page = await list(auditor);
    expect(page.items.every((e) => e.program.id === world.program.id)).toBe(true);
    expect(seeded(page).map((e) => e.type)).toEqual(['deadline.missed', 'task.completed', 'audit.scheduled']);
    expect(page.items.find((e) => e.type === 'audit.scheduled')?.payload).toEqual({ audit: 'stage1' });
    expect((await list(auditor, `?programId=${world.otherProgram.id}`)).items).toEqual([]);
    // The grant ends: nothing any more.
    await db.prisma.programGrant.updateMany({
      where: { userId: world.people.auditor.userId },
      data: { validUntil: new Date('2020-01-01'), validFrom: new Date('2019-01-01') },
    });
    await changesHeard(app, db.prisma);
    expect((await list(auditor)).items).toEqual([]);
    const executive = await sessionOf(app, world, 'executive');
    expect((await list(executive, '?type=audit.scheduled')).items[0]?.payload).toMatchObject({
      plannedCost: 4200,
    });
  });

  it('refuses control owners (no audit-trail.read)', async () => {
    const owner = await sessionOf(app, world, 'control_owner');
    const res = await owner.get(path()).expect(403);
    expect((res.body as ErrorBody).code).toBe('forbidden');
  });

  it('filters by program, actor, type and UTC days, and names a bad filter', async () => {
    expect(seeded(await list(manager, `?programId=${world.otherProgram.id}`)).map((e) => e.type)).toEqual([
      'task.created',
    ]);
    expect((await list(manager, '?actor=owner@trail.example')).items.map((e) => e.type)).toEqual([
      'task.completed',
    ]);
    expect((await list(manager, '?type=deadline.missed')).items).toHaveLength(1);
    expect((await list(manager, '?from=2026-03-05&to=2026-03-07')).items.map((e) => e.type)).toEqual([
      'task.created',
      'task.completed',
    ]);
    for (const [query, field] of [
      ['?type=made.up', 'type'],
      ['?from=2026-13-01', 'from'],
      ['?from=2026-03-09&to=2026-03-01', 'to'],
      ['?programId=nope', 'programId'],
      ['?limit=500', 'limit'],
    ]) {
      const res = await manager.get(path(query)).expect(400);
      expect((res.body as ErrorBody).errors?.map((e) => e.path)).toContain(field);
    }
  });

  it('pages through everything with a cursor, and streams the same events as CSV for a large trail', async () => {
    await db.prisma.$executeRaw`
      INSERT INTO audit_events (program_id, organization_id, type, actor, payload, occurred_at)
      SELECT ${world.program.id}::uuid, ${world.organization.id}::uuid, 'note.added', 'bulk@trail.example',
             jsonb_build_object('n', n), timestamptz '2025-01-01' + n * interval '1 minute'
      FROM generate_series(1, ${BULK}) AS n`;
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(
        manager,
        `?actor=bulk@trail.example&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      page.items.forEach((e) => seen.add(e.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.size).toBe(2000);

    const res = await manager
      .get(path('.csv'))
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-trail.csv"');
    const rows = parseCsv(res.body as string);
    const total = await db.prisma.auditEvent.count({
      where: { organizationId: world.organization.id, programId: { not: null } },
    });
    expect(rows[0]).toEqual([
      'occurred_at',
      'recorded_at',
      'program_id',
      'program',
      'type',
      'actor',
      'payload',
      'event_id',
    ]);
    expect(rows).toHaveLength(total + 1);
    expect(total).toBeGreaterThan(BULK);
    expect(new Set(rows.slice(1).map((r) => r[7])).size).toBe(total);
    const hidden = rows.find((r) => r[4] === 'task.created' && r[2] === world.otherProgram.id);
    expect(JSON.parse(hidden![6]!)).toEqual({ title: 'Hidden, "quoted"' });
    // A payload starting like a formula is defused for spreadsheets.
    const completed = rows.find((r) => r[4] === 'task.completed');
    expect(completed?.[6]).toBe('{"note":"=HYPERLINK(\\"x\\")"}');
    const occurred = rows.slice(1).map((r) => r[0]!);
    expect([...occurred].sort().reverse()).toEqual(occurred);
  });

  it('exports with the same filters and visibility', async () => {
    const auditor = await sessionOf(app, world, 'auditor');
    const res = await manager
      .get(path(`.csv?type=task.created&programId=${world.otherProgram.id}`))
      .expect(200);
    const rows = parseCsv(res.text);
    expect(rows.slice(1).map((r) => r[4])).toEqual(rows.slice(1).map(() => 'task.created'));
    expect(rows.length).toBeGreaterThan(1);
    // The auditor's grant ended above: a header and nothing else.
    expect(parseCsv((await auditor.get(path('.csv')).expect(200)).text)).toHaveLength(1);
  });
});
