import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@certflow/db';

import { CLOCK, type Clock, dateOnly, utcDay } from '../common/clock.js';
import { NotFoundError } from '../common/domain-errors.js';
import { PRISMA } from '../database/database.module.js';
import type { Caller } from './principal.js';

/**
 * Which of an organisation's programs a caller may see, in one place for every query that reads programs or
 * what belongs to them (tasks, evidence, the audit trail):
 * - admin, program manager, executive: every program of the organisation;
 * - auditor: programs with an unrevoked grant whose window (UTC calendar days, inclusive) contains today;
 * - control owner: programs holding a remediation task whose owner email is theirs.
 * A program the caller may not see answers 404, exactly like one that does not exist.
 */
@Injectable()
export class ProgramVisibility {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether the caller sees every program of the organisation (no per-program filter needed). */
  seesWholeOrganization(caller: Caller): boolean {
    return caller.role === 'admin' || caller.role === 'program_manager' || caller.role === 'executive';
  }

  /** A Prisma filter for `program` selecting exactly the programs the caller may see. */
  where(caller: Caller): Prisma.ProgramWhereInput {
    const inOrganization = { organizationId: caller.organizationId };
    const { principal } = caller;
    switch (caller.role) {
      case 'admin':
      case 'program_manager':
      case 'executive':
        return inOrganization;
      case 'auditor': {
        if (principal.kind !== 'user') return { id: { in: [] } };
        const today = dateOnly(utcDay(this.clock.now()));
        return {
          ...inOrganization,
          grants: {
            some: {
              userId: principal.userId,
              revokedAt: null,
              validFrom: { lte: today },
              validUntil: { gte: today },
            },
          },
        };
      }
      case 'control_owner':
        if (principal.kind !== 'user') return { id: { in: [] } };
        return {
          ...inOrganization,
          remediationTasks: { some: { ownerEmail: { equals: principal.email, mode: 'insensitive' } } },
        };
    }
  }

  /** Throws the same 404 as for a program that does not exist unless the caller may see it. */
  async assertVisible(caller: Caller, programId: string): Promise<void> {
    const visible = await this.prisma.program.count({
      where: { AND: [{ id: programId }, this.where(caller)] },
    });
    if (visible === 0) throw new NotFoundError('Program', programId);
  }
}
