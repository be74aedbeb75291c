import { Inject, Injectable } from '@nestjs/common';
import { frameworkOf, type RequirementId } from '@certflow/catalog';
import type { ImplementationStatus } from '@certflow/contracts/implementation';
import type { Prisma, RequirementStatus } from '@certflow/db';

import { CLOCK, type Clock } from '../../common/clock.js';
import { recordImplementationEvents } from './implementation-events.js';

/** One requirement's status as a person sets it (every field replaces the stored one). */
export interface StatusRecord {
  requirementId: string;
  status: ImplementationStatus;
  ownerEmail?: string | null;
  evidence?: string | null;
  note?: string | null;
  justification?: string | null;
}

export interface StatusWriteContext {
  organizationId: string;
  actor: string;
  /** `api`, or `gap-assessment:<id>` when a finalised gap assessment writes its answers through. */
  source: string;
  /** The program whose gap assessment caused the change, so the event appears in that program's trail. */
  programId?: string;
}

const fields = ['status', 'ownerEmail', 'evidence', 'note', 'justification'] as const;
type Fields = Pick<RequirementStatus, (typeof fields)[number]>;

function normalised(record: StatusRecord): Fields {
  const text = (value: string | null | undefined) => (value === undefined || value === '' ? null : value);
  return {
    status: record.status,
    ownerEmail: text(record.ownerEmail?.toLowerCase()),
    evidence: text(record.evidence),
    note: text(record.note),
    justification: text(record.justification),
  };
}

const pick = (row: Fields): Fields => ({
  status: row.status,
  ownerEmail: row.ownerEmail,
  evidence: row.evidence,
  note: row.note,
  justification: row.justification,
});

/**
 * The one place an organisation's implementation statuses change: upserts each record and writes a
 * `requirement-status.changed` event (with what it was and what it became) for each one that really changed.
 * Writers of one organisation are serialised with a transaction-scoped advisory lock, so "from" is exact.
 */
@Injectable()
export class RequirementStatusWriter {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async write(
    tx: Prisma.TransactionClient,
    context: StatusWriteContext,
    records: readonly StatusRecord[],
  ): Promise<{ changed: RequirementStatus[]; unchanged: RequirementStatus[] }> {
    const { organizationId, actor, source } = context;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(2026120102, hashtext(${organizationId}))`;
    const existing = new Map(
      (
        await tx.requirementStatus.findMany({
          where: { organizationId, requirementId: { in: records.map((r) => r.requirementId) } },
        })
      ).map((row) => [row.requirementId, row]),
    );
    const changed: RequirementStatus[] = [];
    const unchanged: RequirementStatus[] = [];
    const events = [];
    for (const record of records) {
      const next = normalised(record);
      const before = existing.get(record.requirementId);
      if (before && fields.every((f) => before[f] === next[f])) {
        unchanged.push(before);
        continue;
      }
      const row = await tx.requirementStatus.upsert({
        where: { organizationId_requirementId: { organizationId, requirementId: record.requirementId } },
        create: {
          organizationId,
          requirementId: record.requirementId,
          framework: frameworkOf(record.requirementId as RequirementId),
          ...next,
          source,
          updatedBy: actor,
        },
        update: { ...next, source, updatedBy: actor },
      });
      changed.push(row);
      events.push({
        type: 'requirement-status.changed' as const,
        actor,
        organizationId,
        programId: context.programId ?? null,
        payload: {
          requirementId: record.requirementId,
          from: before ? pick(before) : null,
          to: next,
          source,
        } as Prisma.InputJsonObject,
      });
    }
    await recordImplementationEvents(tx, this.clock.now(), events);
    return { changed, unchanged };
  }
}
