import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import type { Session } from '../../../test/fixtures.js';
import { buildWorld, sessionOf, type World } from '../../../test/support/world.js';
import { TestClock } from '../../../test/support/test-clock.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import type { MyTaskView } from './my-tasks.schemas.js';

type Page = { items: MyTaskView[]; nextCursor: string | null };

// "My tasks" from the read model: the rows the worker projects, written here directly.
describe('my tasks: filters, due-date order and cursor pagination', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let owner: Session;
  const clock = new TestClock(new Date('2027-03-10T12:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      clock,
    }));
    world = await buildWorld(app, db.prisma, 'Tasks Co');
    const email = world.people.control_owner.email;
    const task = (programId: string, title: string, dueDate: string, status = 'OPEN' as const) => ({
      programId,
      organizationId: world.organization.id,
      ownerEmail: email,
      title,
      dueDate: new Date(dueDate),
      status,
    });
    await db.prisma.remediationTask.createMany({
      data: [
        task(world.program.id, 'Overdue policy', '2027-02-01'),
        task(world.program.id, 'Due soon', '2027-03-20'),
        task(world.program.id, 'Far away', '2027-09-01'),
        task(world.program.id, 'Finished', '2027-01-10', 'DONE' as 'OPEN'),
        task(world.otherProgram.id, 'Other program', '2027-04-01'),
        { ...task(world.program.id, 'Not mine', '2027-03-01'), ownerEmail: 'someone@else.example' },
      ],
    });
    owner = await sessionOf(app, world, 'control_owner');
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const list = async (query = '') =>
    (await owner.get(`/organizations/${world.organization.id}/my-tasks${query}`).expect(200)).body as Page;

  it('returns only the caller’s tasks, soonest due first, with overdue marked by the clock', async () => {
    const page = await list();
    expect(page.items.map((t) => t.title)).toEqual([
      'Finished',
      'Approve the risk treatment plan',
      'Overdue policy',
      'Due soon',
      'Other program',
      'Far away',
    ]);
    expect(page.items.find((t) => t.title === 'Overdue policy')).toMatchObject({
      overdue: true,
      status: 'OPEN',
    });
    expect(page.items.find((t) => t.title === 'Finished')).toMatchObject({ overdue: false, status: 'DONE' });
    expect(page.nextCursor).toBeNull();
  });

  it('filters by status, program, due range and overdue, and sorts latest first on request', async () => {
    expect((await list('?status=DONE')).items.map((t) => t.title)).toEqual(['Finished']);
    expect((await list(`?programId=${world.otherProgram.id}`)).items.map((t) => t.title)).toEqual([
      'Other program',
    ]);
    expect((await list('?dueAfter=2027-03-01&dueBefore=2027-04-01')).items.map((t) => t.title)).toEqual([
      'Due soon',
      'Other program',
    ]);
    expect((await list('?overdue=true')).items.map((t) => t.title)).toEqual([
      'Approve the risk treatment plan',
      'Overdue policy',
    ]);
    expect((await list('?status=OPEN&sort=-dueDate&limit=2')).items.map((t) => t.title)).toEqual([
      'Far away',
      'Other program',
    ]);
  });

  it('pages with an opaque cursor without repeating or skipping a task, in both directions', async () => {
    for (const sort of ['dueDate', '-dueDate']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((t) => t.title));
        cursor = page.nextCursor;
      } while (cursor);
      const all = (await list(`?sort=${sort}`)).items.map((t) => t.title);
      expect(seen).toEqual(all);
      expect(all).toHaveLength(6);
    }
  });

  it('names the field of a bad filter', async () => {
    for (const [query, path] of [
      ['?status=LATE', 'status.0'],
      ['?dueAfter=2027-02-30', 'dueAfter'],
      ['?dueAfter=2027-05-01&dueBefore=2027-04-01', 'dueBefore'],
      ['?limit=0', 'limit'],
      ['?cursor=abc', 'cursor'],
      ['?sort=title', 'sort'],
    ]) {
      const res = await owner.get(`/organizations/${world.organization.id}/my-tasks${query}`).expect(400);
      expect((res.body as ErrorBody).errors?.map((e) => e.path)).toContain(path);
    }
  });
});
