import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { type Session } from '../../../test/fixtures.js';
import { buildWorld, sessionOf, type World } from '../../../test/support/world.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import type { RequirementStatusView } from './requirement-status.schemas.js';

interface Page {
  items: RequirementStatusView[];
  nextCursor: string | null;
}

describe('the organisation’s implementation statuses (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let pm: Session;
  let path: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      queryTimeoutMs: 200,
    }));
    world = await buildWorld(app, db.prisma);
    pm = await sessionOf(app, world, 'program_manager');
    path = `/organizations/${world.organization.id}/requirement-statuses`;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('records statuses in bulk, each change an audit event with the caller and what it was before', async () => {
    const res = await pm
      .put(path)
      .send({
        items: [
          {
            requirementId: 'iso27001:A.5.15',
            status: 'implemented',
            ownerEmail: 'CISO@Acme.example',
            evidence: 'Access control policy v3',
          },
          {
            requirementId: 'iso27001:A.7.4',
            status: 'not_applicable',
            justification: 'No physical premises: the company is fully remote',
          },
          { requirementId: 'iso27001:9.2.1', status: 'partial', note: 'Audit programme not yet approved' },
        ],
      })
      .expect(200);
    expect(res.body).toMatchObject({ changed: 3 });
    const items = (res.body as { items: RequirementStatusView[] }).items;
    expect(items.map((i) => [i.requirementId, i.status, i.framework])).toEqual([
      ['iso27001:A.5.15', 'implemented', 'iso27001'],
      ['iso27001:A.7.4', 'not_applicable', 'iso27001'],
      ['iso27001:9.2.1', 'partial', 'iso27001'],
    ]);
    expect(items[0]).toMatchObject({ ownerEmail: 'ciso@acme.example', source: 'api' });
    expect(items[0]?.updatedBy).toBe(world.people.program_manager.email);

    // A second change of one of them: the event says what it was.
    await pm
      .put(path)
      .send({ items: [{ requirementId: 'iso27001:9.2.1', status: 'implemented' }] })
      .expect(200);
    const events = await db.prisma.auditEvent.findMany({
      where: { organizationId: world.organization.id, type: 'requirement-status.changed' },
      orderBy: { recordedAt: 'asc' },
    });
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.actor === world.people.program_manager.email && e.programId === null)).toBe(
      true,
    );
    expect(events[3]?.payload).toMatchObject({
      requirementId: 'iso27001:9.2.1',
      from: { status: 'partial', note: 'Audit programme not yet approved' },
      to: { status: 'implemented', note: null },
      source: 'api',
    });
  });

  it('keeps these events out of the admins’ security events', async () => {
    const admin = await sessionOf(app, world, 'admin');
    const res = await admin.get(`/organizations/${world.organization.id}/security-events`).expect(200);
    const types = (res.body as { type: string }[]).map((e) => e.type);
    expect(types).toContain('auth.signed-in');
    expect(types).not.toContain('requirement-status.changed');
  });

  it('changes nothing and writes no event when the same statuses are sent again', async () => {
    const before = await db.prisma.auditEvent.count({ where: { type: 'requirement-status.changed' } });
    const body = {
      items: [
        {
          requirementId: 'iso27001:A.5.15',
          status: 'implemented',
          ownerEmail: 'ciso@acme.example',
          evidence: 'Access control policy v3',
        },
      ],
    };
    const res = await pm.put(path).send(body).expect(200);
    expect(res.body).toMatchObject({ changed: 0 });
    expect(await db.prisma.auditEvent.count({ where: { type: 'requirement-status.changed' } })).toBe(before);
  });

  it('answers bad input with 400 naming the item and field, and stores nothing of the request', async () => {
    const res = await pm
      .put(path)
      .send({
        items: [
          { requirementId: 'iso27001:A.8.1', status: 'implemented' },
          { requirementId: 'iso27001:A.8', status: 'implemented' },
          { requirementId: 'iso27001:A.8.2', status: 'not_applicable' },
          { requirementId: 'iso27001:A.8.3', status: 'done' },
        ],
      })
      .expect(400);
    const paths = (res.body as ErrorBody).errors?.map((e) => e.path);
    expect(paths).toEqual(['items.1.requirementId', 'items.2.justification', 'items.3.status']);
    expect(await db.prisma.requirementStatus.count({ where: { requirementId: 'iso27001:A.8.1' } })).toBe(0);
  });

  it('pages through the statuses with an opaque cursor, optionally for one framework', async () => {
    await pm
      .put(path)
      .send({
        items: [
          { requirementId: 'soc2:CC6.1', status: 'implemented' },
          { requirementId: 'iso42001:A.2.2', status: 'partial' },
        ],
      })
      .expect(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await pm
        .get(path)
        .query({ limit: 2, ...(cursor && { cursor }) })
        .expect(200);
      const page = res.body as Page;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.requirementId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen)).toEqual(
      new Set(['iso27001:9.2.1', 'iso27001:A.5.15', 'iso27001:A.7.4', 'iso42001:A.2.2', 'soc2:CC6.1']),
    );
    const soc2 = (await pm.get(path).query({ framework: 'soc2' }).expect(200)).body as Page;
    expect(soc2.items.map((i) => i.requirementId)).toEqual(['soc2:CC6.1']);
    const bad = await pm.get(path).query({ cursor: 'not-a-cursor!' }).expect(400);
    expect((bad.body as ErrorBody).errors?.[0]?.path).toBe('cursor');
  });

  it('lets a control owner read the statuses but not change them; auditors read neither', async () => {
    const owner = await sessionOf(app, world, 'control_owner');
    await owner.get(path).expect(200);
    await owner
      .put(path)
      .send({ items: [{ requirementId: 'soc2:CC6.1', status: 'partial' }] })
      .expect(403);
    const auditor = await sessionOf(app, world, 'auditor');
    await auditor.get(path).expect(403);
  });
});
