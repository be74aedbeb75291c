import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@certflow/contracts/access';
import type { Prisma, PrismaClient } from '@certflow/db';

import type { Caller } from '../../access/principal.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock, dateOnly, utcDay } from '../../common/clock.js';
import { DomainError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { generatePassword } from '../auth/passwords.js';
import { createProgramSchema } from '../programs/programs.schemas.js';
import { ProgramsService } from '../programs/programs.service.js';
import { DEMO_ORGANIZATION, demoAccounts, FIRST_RUN_ACTOR } from './demo-accounts.js';

export interface Credentials {
  role: Role;
  email: string;
  password: string;
}

export type DemoSeedResult =
  | {
      created: true;
      organization: { id: string; name: string; slug: string };
      accounts: Credentials[];
      programStarted: boolean;
    }
  | { created: false; existingUsers: number };

// Any fixed number works; it only has to be the same for every process running the first run.
const FIRST_RUN_LOCK = 0x43_46_52_31;

/**
 * The first run of an empty database: a demo organisation with one person per role (passwords generated here,
 * printed once by the CLI, stored only as hashes), a demo program and an auditor grant; or, for a real
 * deployment, just the first admin. Nothing happens once anyone has an account.
 */
@Injectable()
export class FirstRunService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly audit: AuditTrail,
    private readonly programs: ProgramsService,
  ) {}

  async seedDemo(): Promise<DemoSeedResult> {
    const prepared = await Promise.all(
      demoAccounts.map(async (account) => {
        const password = generatePassword();
        return { ...account, password, data: await this.accounts.prepare({ ...account, password }) };
      }),
    );
    const seeded = await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK}::bigint)::text`;
      const existingUsers = await tx.user.count();
      if (existingUsers > 0) return { kind: 'exists' as const, existingUsers };
      const organization = await tx.organization.create({ data: DEMO_ORGANIZATION });
      const users: Record<string, string> = {};
      for (const account of prepared) {
        const user = await this.accounts.createUser(account.data, tx);
        users[account.role] = user.id;
        await this.accounts.addMembership(organization.id, user.id, account.role, tx);
      }
      await this.record(tx, organization.id, 'organization.created', {
        name: organization.name,
        slug: organization.slug,
      });
      for (const account of prepared) {
        await this.record(tx, organization.id, 'member.joined', {
          email: account.email,
          role: account.role,
          via: 'first-run',
        });
      }
      return { kind: 'created' as const, organization, users };
    });
    if (seeded.kind === 'exists') return { created: false, existingUsers: seeded.existingUsers };

    const programStarted = await this.demoProgram(seeded.organization.id, seeded.users);
    return {
      created: true,
      organization: seeded.organization,
      accounts: prepared.map(({ role, email, password }) => ({ role, email, password })),
      programStarted,
    };
  }

  /** For a real deployment: one organisation and its first admin, with a generated password. */
  async createFirstAdmin(input: {
    email: string;
    organization: { name: string; slug: string };
  }): Promise<Credentials> {
    const password = generatePassword();
    const data = await this.accounts.prepare({ email: input.email, password });
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK}::bigint)::text`;
      const organization = await tx.organization.create({ data: input.organization });
      const user = await this.accounts.createUser(data, tx);
      await this.accounts.addMembership(organization.id, user.id, 'admin', tx);
      await this.record(tx, organization.id, 'organization.created', { ...input.organization });
      await this.record(tx, organization.id, 'member.joined', {
        email: data.email,
        role: 'admin',
        via: 'first-run',
      });
    });
    return { role: 'admin', email: data.email, password };
  }

  /**
   * The demo's ISO/IEC 27001 + 42001 program, created by the program manager through the same service as
   * the API (so its workflow starts), and granted to the auditor for a quarter.
   */
  private async demoProgram(organizationId: string, users: Record<string, string>): Promise<boolean> {
    const pm = demoAccounts.find((a) => a.role === 'program_manager')!;
    const caller: Caller = {
      organizationId,
      role: 'program_manager',
      principal: {
        kind: 'user',
        userId: users.program_manager!,
        email: pm.email,
        name: pm.name,
        sessionId: 'first-run',
        method: 'password',
        ssoOrganizationId: null,
        expiresAt: this.clock.now(),
      },
    };
    const today = utcDay(this.clock.now());
    let programStarted = true;
    let programId: string;
    try {
      const input = createProgramSchema.parse({
        kind: 'ISO_CERTIFICATION',
        name: 'AI management system and ISMS certification',
        frameworks: ['iso42001', 'iso27001'],
        startDate: today,
        programManagerEmail: pm.email,
      });
      const { program } = await this.programs.create(caller, input, 'first-run-demo-program');
      programId = program.id;
    } catch (error) {
      // Saved but Temporal was unreachable: the API's start-up pass starts it later.
      if (!(error instanceof DomainError) || error.status !== 503) throw error;
      programStarted = false;
      programId = (await this.prisma.program.findFirstOrThrow({ where: { organizationId } })).id;
    }
    const until = new Date(`${today}T00:00:00.000Z`);
    until.setUTCDate(until.getUTCDate() + 90);
    await this.prisma.programGrant.create({
      data: {
        organizationId,
        programId,
        userId: users.auditor!,
        validFrom: dateOnly(today),
        validUntil: until,
        createdByUserId: users.admin!,
      },
    });
    await this.record(this.prisma, organizationId, 'grant.created', {
      programId,
      email: demoAccounts.find((a) => a.role === 'auditor')!.email,
      validFrom: today,
      validUntil: utcDay(until),
    });
    return programStarted;
  }

  private record(
    tx: Prisma.TransactionClient | PrismaClient,
    organizationId: string,
    type: 'organization.created' | 'member.joined' | 'grant.created',
    payload: Prisma.InputJsonObject,
  ) {
    return this.audit.record(
      { type, actor: FIRST_RUN_ACTOR, organizationIds: [organizationId], payload },
      tx,
    );
  }
}
