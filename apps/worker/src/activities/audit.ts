import type {
  AuditActivities,
  AuditEventBatch,
  AuditEventRecord,
  ProgramChangeBatch,
} from '@certflow/contracts';
import { Prisma, type PrismaClient } from '@certflow/db';
import { applyEventFacts, writeReadModel } from './read-model/write-read-model.js';

type Executor = Pick<Prisma.TransactionClient, '$executeRaw'>;

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

    // One statement, so a batch is written completely or not at all, and a retry fills in only what is missing.
    async recordAuditEvents(batch: AuditEventBatch) {
      return { inserted: await insertEvents(prisma, batch) };
    },

    // Events and read model in one transaction: the trail and the tables never disagree about what happened.
    async recordProgramChanges(batch: ProgramChangeBatch) {
      return prisma.$transaction(async (tx) => {
        const inserted = await insertEvents(tx, batch);
        if (batch.readModel) await writeReadModel(tx, batch, batch.readModel);
        await applyEventFacts(tx, batch);
        return { inserted };
      });
    },
  };
}

async function insertEvents(db: Executor, batch: AuditEventBatch): Promise<number> {
  if (batch.events.length === 0) return 0;
  const rows = batch.events.map(
    (e) => Prisma.sql`(
      ${batch.programId}::uuid, ${batch.organizationId}::uuid, ${batch.workflowId}, ${batch.runId},
      ${e.sequence}, ${e.type}, ${e.actor}, ${JSON.stringify(e.payload)}::jsonb, ${e.occurredAt}::timestamptz)`,
  );
  return db.$executeRaw`
    INSERT INTO audit_events
      (program_id, organization_id, workflow_id, run_id, sequence, type, actor, payload, occurred_at)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (workflow_id, sequence) DO NOTHING`;
}
