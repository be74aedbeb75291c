import type { PrismaClient } from '@certflow/db';

import type { FeedCursor } from './feed-cursor.js';

/** One audit event as the live feed carries it: enough to know what changed, never its payload. */
export interface FeedEvent {
  cursor: FeedCursor;
  id: string;
  organizationId: string | null;
  programId: string | null;
  type: string;
  actor: string | null;
  occurredAt: string;
  /** The workflow task (or remediation task) the event is about, when it is about one. */
  taskId: string | null;
}

interface FeedRow {
  id: string;
  organization_id: string | null;
  program_id: string | null;
  type: string;
  actor: string | null;
  occurred_at: Date;
  task_id: string | null;
  tx_id: bigint;
  position: bigint;
  stable: boolean;
}

function toEvent(row: FeedRow): FeedEvent {
  return {
    cursor: { txId: BigInt(row.tx_id), position: BigInt(row.position) },
    id: row.id,
    organizationId: row.organization_id,
    programId: row.program_id,
    type: row.type,
    actor: row.actor,
    occurredAt: row.occurred_at.toISOString(),
    taskId: row.task_id,
  };
}

/**
 * Reads the feed from PostgreSQL. `certflow_stable_tx_horizon()` is the oldest transaction still running; rows
 * of older transactions are final, so reading only those, in (tx_id, position) order, never hands out a row
 * before one that commits later with a smaller key.
 */
export class FeedReader {
  constructor(private readonly prisma: PrismaClient) {}

  /** The last stable position: where a process that just started begins. */
  async head(): Promise<FeedCursor | null> {
    const rows = await this.prisma.$queryRaw<{ tx_id: bigint; position: bigint }[]>`
      SELECT tx_id, position FROM audit_events
      WHERE tx_id < certflow_stable_tx_horizon()
      ORDER BY tx_id DESC, position DESC LIMIT 1`;
    const row = rows[0];
    return row ? { txId: BigInt(row.tx_id), position: BigInt(row.position) } : null;
  }

  /**
   * Up to `limit` events after `after`: the stable ones, and whether rows of still-running transactions wait
   * behind them (then read again shortly).
   */
  async after(after: FeedCursor, limit: number): Promise<{ events: FeedEvent[]; heldBack: boolean }> {
    const rows = await this.prisma.$queryRaw<FeedRow[]>`
      SELECT id, organization_id, program_id, type, actor, occurred_at, payload->>'taskId' AS task_id,
             tx_id, position, tx_id < certflow_stable_tx_horizon() AS stable
      FROM audit_events
      WHERE (tx_id, position) > (${after.txId}::bigint, ${after.position}::bigint)
      ORDER BY tx_id, position LIMIT ${limit}`;
    const stable = rows.filter((row) => row.stable);
    return { events: stable.map(toEvent), heldBack: stable.length < rows.length };
  }

  /** One organisation's events in (after, upTo], at most `limit` (a client catching up after a reconnect). */
  async between(
    organizationId: string,
    after: FeedCursor,
    upTo: FeedCursor,
    limit: number,
  ): Promise<FeedEvent[]> {
    const rows = await this.prisma.$queryRaw<FeedRow[]>`
      SELECT id, organization_id, program_id, type, actor, occurred_at, payload->>'taskId' AS task_id,
             tx_id, position, true AS stable
      FROM audit_events
      WHERE (tx_id, position) > (${after.txId}::bigint, ${after.position}::bigint)
        AND (tx_id, position) <= (${upTo.txId}::bigint, ${upTo.position}::bigint)
        AND organization_id = ${organizationId}::uuid
      ORDER BY tx_id, position LIMIT ${limit}`;
    return rows.map(toEvent);
  }
}
