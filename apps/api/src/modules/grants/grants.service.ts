import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { actorOf, type Caller } from '../../access/principal.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock, dateOnly, utcDay } from '../../common/clock.js';
import { InputValidationError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import type { CreateGrantInput, GrantView } from './grants.schemas.js';

const include = {
  program: { select: { id: true, name: true } },
  user: { select: { id: true, email: true } },
} as const;

interface GrantRow {
  id: string;
  validFrom: Date;
  validUntil: Date;
  createdAt: Date;
  revokedAt: Date | null;
  program: { id: string; name: string };
  user: { id: string; email: string };
}

/**
 * Auditors read only the programs granted to them, within the grant's calendar days (UTC, inclusive). Admins
 * and program managers (who deal with the certification body) grant and revoke.
 */
@Injectable()
export class GrantsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async list(caller: Caller): Promise<GrantView[]> {
    const rows = await this.prisma.programGrant.findMany({
      where: { organizationId: caller.organizationId },
      include,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map((row) => this.view(row));
  }

  async create(caller: Caller, input: CreateGrantInput): Promise<GrantView> {
    const { organizationId } = caller;
    // Ids from another organisation get the same answer as ids that do not exist.
    const program = await this.prisma.program.count({ where: { id: input.programId, organizationId } });
    if (program === 0) {
      throw new InputValidationError([
        { path: 'programId', message: 'no such program in this organisation' },
      ]);
    }
    const membership = await this.prisma.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId: input.userId } },
    });
    if (membership?.role !== 'auditor') {
      throw new InputValidationError([
        { path: 'userId', message: 'must be an auditor of this organisation' },
      ]);
    }
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.programGrant.create({
        data: {
          organizationId,
          programId: input.programId,
          userId: input.userId,
          validFrom: dateOnly(input.validFrom),
          validUntil: dateOnly(input.validUntil),
          createdByUserId: caller.principal.kind === 'user' ? caller.principal.userId : null,
        },
        include,
      });
      await this.audit.record(
        {
          type: 'grant.created',
          actor: actorOf(caller.principal),
          organizationIds: [organizationId],
          payload: {
            grantId: row.id,
            programId: input.programId,
            userId: input.userId,
            email: row.user.email,
            validFrom: input.validFrom,
            validUntil: input.validUntil,
          },
        },
        tx,
      );
      return this.view(row);
    });
  }

  async revoke(caller: Caller, id: string): Promise<GrantView> {
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.programGrant.findUniqueOrThrow({ where: { id }, include });
      if (current.revokedAt) return this.view(current);
      const row = await tx.programGrant.update({
        where: { id },
        data: { revokedAt: this.clock.now() },
        include,
      });
      await this.audit.record(
        {
          type: 'grant.revoked',
          actor: actorOf(caller.principal),
          organizationIds: [caller.organizationId],
          payload: { grantId: id, programId: row.program.id, userId: row.user.id, email: row.user.email },
        },
        tx,
      );
      return this.view(row);
    });
  }

  private view(row: GrantRow): GrantView {
    const today = utcDay(this.clock.now());
    const from = utcDay(row.validFrom);
    const until = utcDay(row.validUntil);
    return {
      id: row.id,
      program: row.program,
      user: row.user,
      validFrom: from,
      validUntil: until,
      status: row.revokedAt ? 'revoked' : today < from ? 'scheduled' : today > until ? 'ended' : 'active',
      createdAt: row.createdAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
    };
  }
}
