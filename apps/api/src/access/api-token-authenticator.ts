import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { AuditTrail } from '../audit/audit-trail.js';
import { CLOCK, type Clock, dateOnly, utcDay } from '../common/clock.js';
import { hashSecret, newSecret } from '../common/secret-token.js';
import { PRISMA } from '../database/database.module.js';
import { actorOf, type TokenPrincipal } from './principal.js';

export const API_TOKEN_PREFIX = 'cft_';
const tokenPattern = /^cft_[A-Za-z0-9_-]{43}$/;

/** A new API token secret: recognisable (`cft_`), 256 random bits. */
export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${newSecret()}`;
}

// last_used_at is kept to the minute; writing it on every request would turn reads into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves `Authorization: Bearer` tokens. Use is recorded without a write per request: `last_used_at` to the
 * minute, and one `api-token.used` audit event per token per UTC day (the first use that day), claimed with a
 * conditional update so several replicas never write two.
 */
@Injectable()
export class ApiTokenAuthenticator {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async authenticate(secret: string): Promise<TokenPrincipal | null> {
    if (!tokenPattern.test(secret)) return null;
    const row = await this.prisma.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
    const now = this.clock.now();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
    const principal: TokenPrincipal = {
      kind: 'token',
      tokenId: row.id,
      tokenName: row.name,
      organizationId: row.organizationId,
      role: row.role,
    };

    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.prisma.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
    }
    const today = utcDay(now);
    if (!row.lastUseAuditedOn || utcDay(row.lastUseAuditedOn) < today) {
      await this.prisma.$transaction(async (tx) => {
        const claimed = await tx.apiToken.updateMany({
          where: {
            id: row.id,
            OR: [{ lastUseAuditedOn: null }, { lastUseAuditedOn: { lt: dateOnly(today) } }],
          },
          data: { lastUseAuditedOn: dateOnly(today) },
        });
        if (claimed.count === 1) {
          await this.audit.record(
            {
              type: 'api-token.used',
              actor: actorOf(principal),
              organizationIds: [row.organizationId],
              payload: { tokenId: row.id, day: today },
            },
            tx,
          );
        }
      });
    }
    return principal;
  }
}
