import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { addMember, createPerson, signIn } from '../../test/fixtures.js';
import { TestClock } from '../../test/support/test-clock.js';
import { buildWorld, createProgram, insertTask, type World } from '../../test/support/world.js';
import { createTestApp, type ErrorBody } from '../../test/test-app.js';

const ids = (body: unknown) => (body as { id: string }[]).map((p) => p.id).sort();

describe('which programs each role sees (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  const clock = new TestClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      queryTimeoutMs: 200,
      clock,
      env: { SESSION_IDLE_MINUTES: String(7 * 24 * 60), SESSION_ABSOLUTE_HOURS: String(30 * 24) },
    }));
    world = await buildWorld(app, db.prisma);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const programs = `/organizations/${'{org}'}/programs`;
  const list = async (role: keyof World['people']) =>
    (await signIn(app, world.people[role])).get(programs.replace('{org}', world.organization.id)).expect(200);

  it('shows admins, program managers and executives every program of the organisation', async () => {
    const all = [world.program.id, world.otherProgram.id].sort();
    for (const role of ['admin', 'program_manager', 'executive'] as const) {
      expect(ids((await list(role)).body), role).toEqual(all);
    }
  });

  it('shows a control owner only the programs holding a task of theirs (any case of the email)', async () => {
    expect(ids((await list('control_owner')).body)).toEqual([world.program.id]);
    const session = await signIn(app, world.people.control_owner);
    const hidden = await session.get(`/programs/${world.otherProgram.id}`).expect(404);
    expect(hidden.body).toEqual({ message: `Program ${world.otherProgram.id} not found` });

    await insertTask(
      db.prisma,
      world.otherProgram.id,
      world.people.control_owner.email.toUpperCase(),
      'Train staff',
    );
    expect(ids((await list('control_owner')).body)).toEqual([world.program.id, world.otherProgram.id].sort());
    await session.get(`/programs/${world.otherProgram.id}`).expect(200);
  });

  it('shows an auditor a granted program only inside the grant’s dates, and never once revoked', async () => {
    const { admin } = world.people;
    clock.set(new Date('2027-09-30T23:59:00.000Z'));
    const adminSession = await signIn(app, admin);
    const auditor = await createPerson(app, 'cb-auditor');
    await addMember(app, world.organization.id, auditor, 'auditor');
    const program = await createProgram(adminSession, world.organization.id, 'Stage 2 audit scope');
    const grant = await adminSession
      .post(`/organizations/${world.organization.id}/program-grants`)
      .send({
        programId: program.id,
        userId: auditor.userId,
        validFrom: '2027-10-01',
        validUntil: '2027-10-15',
      })
      .expect(201);
    expect(grant.body).toMatchObject({ status: 'scheduled' });
    // A fresh session each time: the test leaps weeks, far past any idle lifetime.
    const auditorSession = () => signIn(app, auditor);
    const read = async (status: number) => {
      await (await auditorSession()).get(`/programs/${program.id}`).expect(status);
    };
    const listed = async () =>
      ids((await (await auditorSession()).get(`/organizations/${world.organization.id}/programs`)).body);

    await read(404); // the day before the window
    clock.set(new Date('2027-10-01T00:00:00.000Z'));
    await read(200); // first day
    clock.set(new Date('2027-10-15T23:59:59.000Z'));
    await read(200); // last day, inclusive
    expect(await listed()).toEqual([program.id]);
    clock.set(new Date('2027-10-16T00:00:00.000Z'));
    await read(404); // the day after
    expect(await listed()).toEqual([]);

    clock.set(new Date('2027-10-10T12:00:00.000Z'));
    await read(200);
    await (
      await signIn(app, admin)
    )
      .post(`/program-grants/${(grant.body as { id: string }).id}/revoke`)
      .expect(200);
    await read(404);
    const events = await db.prisma.auditEvent.findMany({
      where: { organizationId: world.organization.id, type: { in: ['grant.created', 'grant.revoked'] } },
      orderBy: { recordedAt: 'asc' },
    });
    expect(events.map((e) => [e.type, e.actor])).toEqual(
      expect.arrayContaining([
        ['grant.created', admin.email],
        ['grant.revoked', admin.email],
      ]),
    );
  });

  it.each([
    [
      'a window that ends before it starts',
      { validFrom: '2027-10-15', validUntil: '2027-10-01' },
      'validUntil',
    ],
    ['an impossible date', { validFrom: '2027-02-30', validUntil: '2027-03-01' }, 'validFrom'],
    ['someone who is not an auditor', { userId: 'executive' }, 'userId'],
    ['a program of another organisation', { programId: 'foreign' }, 'programId'],
  ])('refuses a grant with %s, naming the field', async (_, override, path) => {
    clock.set(new Date());
    const adminSession = await signIn(app, world.people.admin);
    const foreign = await buildWorld(app, db.prisma, 'Globex');
    const body = {
      programId: world.program.id,
      userId: world.people.auditor.userId,
      validFrom: '2027-10-01',
      validUntil: '2027-10-15',
      ...override,
    };
    if (body.userId === 'executive') body.userId = world.people.executive.userId;
    if (body.programId === 'foreign') body.programId = foreign.program.id;
    const res = await adminSession
      .post(`/organizations/${world.organization.id}/program-grants`)
      .send(body)
      .expect(400);
    expect((res.body as ErrorBody).errors).toEqual([expect.objectContaining({ path })]);
  });
});
