import type { AuditActivities, AuditEventRecord } from '@certflow/contracts';
import type { PrismaClient } from '@certflow/db';

/**
 * The audit trail is append-only (a trigger rejects UPDATE/DELETE), so idempotency comes from the unique
 * (workflow_id, sequence) key: a retried or replayed activity inserts nothing the second time.
 */
export function createAuditActivities({ prisma }: { prisma: PrismaClient }): AuditActivities {
  return {
    async recordAuditEvent(event: AuditEventRecord) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO audit_events
          (program_id, organization_id, workflow_id, run_id, sequence, type, actor, payload, occurred_at)
        VALUES
          (${event.programId}::uuid, ${event.organizationId}::uuid, ${event.workflowId}, ${event.runId},
           ${event.sequence}, ${event.type}, ${event.actor}, ${JSON.stringify(event.payload)}::jsonb,
           ${event.occurredAt}::timestamptz)
        ON CONFLICT (workflow_id, sequence) DO NOTHING`;
      return { inserted: inserted === 1 };
    },
  };
}
