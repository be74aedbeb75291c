import { Inject, Injectable } from '@nestjs/common';
import { can } from '@certflow/contracts/access';
import type { Prisma, PrismaClient } from '@certflow/db';

import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { cursorPatterns, decodeCursor, encodeCursor } from '../../common/cursor.js';
import { PRISMA } from '../../database/database.module.js';
import type { AuditTrailEventView, AuditTrailQuery } from './audit-trail.schemas.js';

const EXPORT_BATCH = 1000;

type Filters = Omit<AuditTrailQuery, 'limit' | 'cursor'>;

const select = {
  id: true,
  type: true,
  actor: true,
  occurredAt: true,
  recordedAt: true,
  payload: true,
  program: { select: { id: true, name: true } },
} as const;
type Row = Prisma.AuditEventGetPayload<{ select: typeof select }>;

/**
 * The program audit trail an organisation's readers may see: events of the programs visible to the caller
 * (auditors: granted programs while the grant runs), newest first, filtered by program, actor, type and UTC
 * days, in pages (keyset on occurred_at, id) or as one streamed export read in keyset batches. Organisation
 * events (sign-ins, members, tokens) stay in the admins' security events.
 */
@Injectable()
export class AuditTrailService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly visibility: ProgramVisibility,
  ) {}

  async page(caller: Caller, query: AuditTrailQuery) {
    const after = decodeCursor(query.cursor, [cursorPatterns.instant, cursorPatterns.uuid]);
    const rows = await this.read(caller, query, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => this.view(caller, row)),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
    };
  }

  /** Every matching event, newest first, in batches, so memory stays flat whatever the size of the trail. */
  async *export(caller: Caller, filters: Filters): AsyncGenerator<AuditTrailEventView[]> {
    let after: string[] | undefined;
    for (;;) {
      const rows = await this.read(caller, filters, after, EXPORT_BATCH);
      if (rows.length === 0) return;
      yield rows.map((row) => this.view(caller, row));
      if (rows.length < EXPORT_BATCH) return;
      const last = rows.at(-1)!;
      after = [last.occurredAt.toISOString(), last.id];
    }
  }

  private read(caller: Caller, filters: Filters, after: string[] | undefined, take: number): Promise<Row[]> {
    const where: Prisma.AuditEventWhereInput[] = [
      { organizationId: caller.organizationId, programId: filters.programId ?? { not: null } },
    ];
    if (!this.visibility.seesWholeOrganization(caller)) {
      where.push({ program: { is: this.visibility.where(caller) } });
    }
    if (filters.type) where.push({ type: filters.type });
    if (filters.actor) where.push({ actor: filters.actor });
    if (filters.from) where.push({ occurredAt: { gte: new Date(`${filters.from}T00:00:00.000Z`) } });
    if (filters.to) where.push({ occurredAt: { lt: nextDay(filters.to) } });
    if (after) {
      const at = new Date(after[0]!);
      where.push({ OR: [{ occurredAt: { lt: at } }, { occurredAt: at, id: { lt: after[1]! } }] });
    }
    return this.prisma.auditEvent.findMany({
      where: { AND: where },
      select,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  private view(caller: Caller, row: Row): AuditTrailEventView {
    const payload = (row.payload ?? {}) as Record<string, unknown>;
    return {
      id: row.id,
      type: row.type,
      actor: row.actor,
      occurredAt: row.occurredAt.toISOString(),
      recordedAt: row.recordedAt.toISOString(),
      // Program events always carry their program (the query excludes organisation events).
      program: row.program!,
      payload: can(caller.role, 'cost.read') ? payload : withoutCost(payload),
    };
  }
}

function nextDay(day: string): Date {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

// Keys of cost figures and the auditor's terms (contracts' audit-cost: cost, totalCost, dayRate, fees, amount …).
const costKey = /cost|dayrate|travelperauditday|fee|currency|amount|auditorterms|budget/i;

/** Auditors never see cost figures (ADR 0010): drop every cost-like key, at any depth. */
export function withoutCost(value: Record<string, unknown>): Record<string, unknown> {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>)
        .filter(([key]) => !costKey.test(key))
        .map(([key, child]) => [key, strip(child)]),
    );
  };
  return strip(value) as Record<string, unknown>;
}
