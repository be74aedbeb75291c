import { Inject, Injectable } from '@nestjs/common';
import type { ApiTokenRole, Role } from '@certflow/contracts/access';
import type { PrismaClient } from '@certflow/db';

import { newApiTokenSecret } from '../../access/api-token-authenticator.js';
import { actorOf, type Caller } from '../../access/principal.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { ConflictError, InputValidationError } from '../../common/domain-errors.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { hashSecret } from '../../common/secret-token.js';
import { PRISMA } from '../../database/database.module.js';
import type { ApiTokenView } from './api-tokens.schemas.js';

interface ApiTokenRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Integration tokens: created by an admin with a role, shown once, stored as a hash, revocable. */
@Injectable()
export class ApiTokensService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async list(caller: Caller): Promise<ApiTokenView[]> {
    const rows = await this.prisma.apiToken.findMany({
      where: { organizationId: caller.organizationId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map((row) => this.view(row));
  }

  async create(
    caller: Caller,
    input: { name: string; role: ApiTokenRole; expiresAt?: string | undefined },
  ): Promise<{ token: ApiTokenView; secret: string }> {
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= this.clock.now()) {
      throw new InputValidationError([{ path: 'expiresAt', message: 'must be in the future' }]);
    }
    const secret = newApiTokenSecret();
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        const token = await tx.apiToken.create({
          data: {
            organizationId: caller.organizationId,
            name: input.name,
            role: input.role,
            tokenHash: hashSecret(secret),
            prefix: secret.slice(0, 10),
            createdByUserId: caller.principal.kind === 'user' ? caller.principal.userId : null,
            expiresAt,
          },
        });
        await this.audit.record(
          {
            type: 'api-token.created',
            actor: actorOf(caller.principal),
            organizationIds: [caller.organizationId],
            payload: { tokenId: token.id, name: token.name, role: token.role, expiresAt: iso(expiresAt) },
          },
          tx,
        );
        return token;
      });
      return { token: this.view(row), secret };
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`A token named '${input.name}' already exists`);
      throw error;
    }
  }

  async revoke(caller: Caller, id: string): Promise<ApiTokenView> {
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.apiToken.findUniqueOrThrow({ where: { id } });
      if (current.revokedAt) return this.view(current);
      const row = await tx.apiToken.update({ where: { id }, data: { revokedAt: this.clock.now() } });
      await this.audit.record(
        {
          type: 'api-token.revoked',
          actor: actorOf(caller.principal),
          organizationIds: [caller.organizationId],
          payload: { tokenId: id, name: row.name },
        },
        tx,
      );
      return this.view(row);
    });
  }

  private view(row: ApiTokenRow): ApiTokenView {
    const now = this.clock.now();
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      prefix: row.prefix,
      status: row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt <= now ? 'expired' : 'active',
      createdAt: row.createdAt.toISOString(),
      expiresAt: iso(row.expiresAt),
      revokedAt: iso(row.revokedAt),
      lastUsedAt: iso(row.lastUsedAt),
    };
  }
}
