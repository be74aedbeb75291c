import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@certflow/contracts/access';
import type { Prisma, PrismaClient } from '@certflow/db';

import { actorOf, type Caller } from '../../access/principal.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { ConflictError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import type { MemberView } from './members.schemas.js';

export const LAST_ADMIN_MESSAGE =
  'An organisation needs at least one admin: make someone else admin before removing or demoting this one';

interface MembershipRow {
  id: string;
  userId: string;
  role: Role;
  createdAt: Date;
  user: { email: string; name: string | null };
}

function toMember(row: MembershipRow): MemberView {
  return {
    membershipId: row.id,
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    joinedAt: row.createdAt.toISOString(),
  };
}

@Injectable()
export class MembersService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async list(caller: Caller): Promise<MemberView[]> {
    const rows = await this.prisma.membership.findMany({
      where: { organizationId: caller.organizationId },
      include: { user: { select: { email: true, name: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toMember);
  }

  async changeRole(caller: Caller, membershipId: string, role: Role): Promise<MemberView> {
    return this.prisma.$transaction(async (tx) => {
      const current = await this.lockedMembership(tx, caller.organizationId, membershipId);
      if (current.role === role) return toMember(current);
      if (current.role === 'admin') await this.assertAnotherAdmin(tx, caller.organizationId, membershipId);
      const updated = await tx.membership.update({
        where: { id: membershipId },
        data: { role },
        include: { user: { select: { email: true, name: true } } },
      });
      if (role !== 'auditor' && current.role === 'auditor')
        await this.revokeGrants(tx, caller, current.userId);
      await this.audit.record(
        {
          type: 'member.role-changed',
          actor: actorOf(caller.principal),
          organizationIds: [caller.organizationId],
          payload: { userId: current.userId, email: current.user.email, from: current.role, to: role },
        },
        tx,
      );
      return toMember(updated);
    });
  }

  async remove(caller: Caller, membershipId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const current = await this.lockedMembership(tx, caller.organizationId, membershipId);
      if (current.role === 'admin') await this.assertAnotherAdmin(tx, caller.organizationId, membershipId);
      await tx.membership.delete({ where: { id: membershipId } });
      await this.revokeGrants(tx, caller, current.userId);
      await this.audit.record(
        {
          type: 'member.removed',
          actor: actorOf(caller.principal),
          organizationIds: [caller.organizationId],
          payload: { userId: current.userId, email: current.user.email, role: current.role },
        },
        tx,
      );
    });
  }

  /**
   * Locks the organisation's admin rows (and the target) so two admins demoting each other at the same moment
   * cannot both succeed: the second waits, then sees one admin left.
   */
  private async lockedMembership(tx: Prisma.TransactionClient, organizationId: string, membershipId: string) {
    await tx.$queryRaw`
      SELECT id FROM memberships
      WHERE organization_id = ${organizationId}::uuid AND (role = 'admin' OR id = ${membershipId}::uuid)
      FOR UPDATE`;
    return tx.membership.findUniqueOrThrow({
      where: { id: membershipId },
      include: { user: { select: { email: true, name: true } } },
    });
  }

  private async assertAnotherAdmin(tx: Prisma.TransactionClient, organizationId: string, except: string) {
    const others = await tx.membership.count({
      where: { organizationId, role: 'admin', id: { not: except } },
    });
    if (others === 0) throw new ConflictError(LAST_ADMIN_MESSAGE);
  }

  /** Leaving the organisation (or the auditor role) ends the person's program grants in it. */
  private async revokeGrants(tx: Prisma.TransactionClient, caller: Caller, userId: string) {
    await tx.programGrant.updateMany({
      where: { organizationId: caller.organizationId, userId, revokedAt: null },
      data: { revokedAt: this.clock.now() },
    });
  }
}
