import type { ImplementationEventType } from '@certflow/contracts/implementation';
import type { Prisma } from '@certflow/db';

export interface ImplementationEvent {
  type: ImplementationEventType;
  actor: string;
  organizationId: string;
  /** Set for what belongs to one program (its gap assessment, its SoA); organisation-wide statuses have none. */
  programId?: string | null;
  payload: Prisma.InputJsonObject;
}

/**
 * Writes implementation, gap-assessment and SoA events to the one append-only audit trail, inside the
 * transaction of the change they record. They carry no workflow id or sequence (those number the workflow's own
 * events), so they never collide with them.
 */
export async function recordImplementationEvents(
  tx: Prisma.TransactionClient,
  occurredAt: Date,
  events: readonly ImplementationEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({
    data: events.map((event) => ({
      organizationId: event.organizationId,
      programId: event.programId ?? null,
      type: event.type,
      actor: event.actor,
      payload: event.payload,
      occurredAt,
    })),
  });
}
