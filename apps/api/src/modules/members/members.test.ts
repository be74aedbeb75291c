import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  addMember,
  createOrganizationWithAdmin,
  createPerson,
  type Person,
  signIn,
} from '../../../test/fixtures.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import { LAST_ADMIN_MESSAGE } from './members.service.js';
import type { MemberView } from './members.schemas.js';

describe('members and roles (real PostgreSQL)', () => {
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

  async function membershipOf(organizationId: string, person: Person): Promise<string> {
    const row = await db.prisma.membership.findFirstOrThrow({
      where: { organizationId, userId: person.userId },
    });
    return row.id;
  }

  it('never removes or demotes the last admin, and lets a second admin step down', async () => {
    const { organization, admin, session } = await createOrganizationWithAdmin(app);
    const own = await membershipOf(organization.id, admin);

    const demoted = await session.patch(`/memberships/${own}`).send({ role: 'executive' }).expect(409);
    expect((demoted.body as ErrorBody).message).toBe(LAST_ADMIN_MESSAGE);
    await session.delete(`/memberships/${own}`).expect(409);

    const deputy = await createPerson(app, 'deputy');
    await addMember(app, organization.id, deputy, 'program_manager');
    await session
      .patch(`/memberships/${await membershipOf(organization.id, deputy)}`)
      .send({ role: 'admin' })
      .expect(200);
    await session.patch(`/memberships/${own}`).send({ role: 'executive' }).expect(200);

    // Now the deputy is the last admin.
    const deputySession = await signIn(app, deputy);
    const deputyMembership = await membershipOf(organization.id, deputy);
    await deputySession.delete(`/memberships/${deputyMembership}`).expect(409);
    const roles = (await deputySession.get(`/organizations/${organization.id}/members`).expect(200))
      .body as MemberView[];
    expect(roles.map((m) => [m.email, m.role])).toEqual([
      [admin.email, 'executive'],
      [deputy.email, 'admin'],
    ]);
    const events = await db.prisma.auditEvent.findMany({
      where: { organizationId: organization.id, type: 'member.role-changed' },
      orderBy: { recordedAt: 'asc' },
    });
    expect(events.map((e) => [e.actor, e.payload])).toEqual([
      [admin.email, expect.objectContaining({ email: deputy.email, from: 'program_manager', to: 'admin' })],
      [admin.email, expect.objectContaining({ email: admin.email, from: 'admin', to: 'executive' })],
    ]);
  });

  it('lets only one of two admins demoting each other at the same moment succeed', async () => {
    const { organization, admin, session } = await createOrganizationWithAdmin(app);
    const other = await createPerson(app, 'co-admin');
    await addMember(app, organization.id, other, 'admin');
    const otherSession = await signIn(app, other);
    const [a, b] = await Promise.all([
      session.patch(`/memberships/${await membershipOf(organization.id, other)}`).send({ role: 'auditor' }),
      otherSession
        .patch(`/memberships/${await membershipOf(organization.id, admin)}`)
        .send({ role: 'auditor' }),
    ]);
    // Whichever ran second saw no other admin (409), or was no longer an admin itself (403).
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(
      await db.prisma.membership.count({ where: { organizationId: organization.id, role: 'admin' } }),
    ).toBe(1);
  });

  it('removes a member: their access ends at once and their grants end', async () => {
    const { organization, session } = await createOrganizationWithAdmin(app);
    const leaver = await createPerson(app, 'leaver');
    await addMember(app, organization.id, leaver, 'executive');
    const leaverSession = await signIn(app, leaver);
    await leaverSession.get(`/organizations/${organization.id}`).expect(200);

    await session.delete(`/memberships/${await membershipOf(organization.id, leaver)}`).expect(204);
    await leaverSession.get(`/organizations/${organization.id}`).expect(404);
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { organizationId: organization.id, type: 'member.removed' },
    });
    expect(event.payload).toMatchObject({ email: leaver.email, role: 'executive' });
  });

  it('answers an unknown role with 400 naming the field', async () => {
    const { organization, admin, session } = await createOrganizationWithAdmin(app);
    const res = await session
      .patch(`/memberships/${await membershipOf(organization.id, admin)}`)
      .send({ role: 'owner' })
      .expect(400);
    expect((res.body as ErrorBody).errors).toEqual([expect.objectContaining({ path: 'role' })]);
  });
});
