import type { AuditEventBatch, ReadModelDelta } from '@certflow/contracts';
import { Prisma } from '@certflow/db';
import {
  bridgeLettersTable,
  certificatesTable,
  coverageGapsTable,
  findingsTable,
  milestonesTable,
  periodsTable,
  reportsTable,
  tasksTable,
} from './tables.js';
import { notNewer, type ProjectionContext, type TableSpec, versionedUpsert } from './versioned-upsert.js';

type Executor = Pick<Prisma.TransactionClient, '$executeRaw' | '$queryRaw'>;

/**
 * Writes one program's read-model delta inside the caller's transaction: the program row, findings before the
 * tasks that point at them, milestones (a complete cycle loses rows it no longer has), certificates, SOC 2
 * periods, reports, bridge letters and coverage gaps. Every write is conditional on the stored version, so an
 * older batch arriving late (a retry of a timed-out attempt) changes nothing.
 */
export async function writeReadModel(
  tx: Executor,
  batch: Pick<AuditEventBatch, 'programId' | 'organizationId'>,
  delta: ReadModelDelta,
): Promise<void> {
  const ctx: ProjectionContext = {
    programId: batch.programId,
    organizationId: batch.organizationId,
    sequence: delta.sequence,
    at: delta.at,
  };
  if (delta.program) {
    const p = delta.program;
    await tx.$executeRaw`
      UPDATE "programs" SET
        "stage" = ${p.stage}, "status" = ${p.status}::"ProgramStatus",
        "started_at" = COALESCE("started_at", now()),
        "cycle" = ${p.cycle}::int, "at_risk" = ${p.atRisk}, "at_risk_reasons" = ${p.atRiskReasons}::text[],
        "next_milestone_kind" = ${p.nextMilestone?.kind ?? null},
        "next_milestone_due" = ${p.nextMilestone?.due ?? null}::date,
        "projected_sequence" = ${ctx.sequence}::int, "projected_at" = ${ctx.at}::timestamptz, "updated_at" = now()
      WHERE "id" = ${ctx.programId}::uuid AND ${notNewer('programs', ctx)}`;
  } else {
    // The program's row did not change, but its projection is now current up to this sequence: the rows a delta
    // leaves out are the same as at the last projection.
    await tx.$executeRaw`
      UPDATE "programs" SET "projected_sequence" = ${ctx.sequence}::int, "projected_at" = ${ctx.at}::timestamptz
      WHERE "id" = ${ctx.programId}::uuid AND ${notNewer('programs', ctx)}`;
  }
  await upsert(tx, findingsTable, delta.findings, ctx);
  if (delta.tasks?.length) {
    // A corrective-action task may outlive its finding's row (findings closed before the read model existed).
    const ids = delta.tasks.flatMap((t) => (t.findingId ? [t.findingId] : []));
    const known = new Set(
      ids.length === 0
        ? []
        : (
            await tx.$queryRaw<{ id: string }[]>`
              SELECT "id"::text FROM "findings" WHERE "id" = ANY(${ids}::uuid[]) AND "program_id" = ${ctx.programId}::uuid`
          ).map((r) => r.id),
    );
    const tasks = delta.tasks.map((t) =>
      t.findingId && !known.has(t.findingId) ? { ...t, findingId: null } : t,
    );
    await upsert(tx, tasksTable, tasks, ctx);
  }
  await upsert(tx, milestonesTable, delta.milestones, ctx);
  for (const cycle of delta.completeCycles ?? []) {
    const kinds = (delta.milestones ?? []).filter((m) => m.cycle === cycle).map((m) => m.kind);
    await tx.$executeRaw`
      DELETE FROM "program_milestones"
      WHERE "program_id" = ${ctx.programId}::uuid AND "cycle" = ${cycle}::int
        AND NOT ("kind" = ANY(${kinds}::text[])) AND ${notNewer('program_milestones', ctx, true)}`;
  }
  await upsert(tx, certificatesTable, delta.certificates, ctx);
  await upsert(tx, periodsTable, delta.periods, ctx);
  await upsert(tx, reportsTable, delta.reports, ctx);
  await upsert(tx, bridgeLettersTable, delta.bridgeLetters, ctx);
  if (delta.coverageGaps) {
    await upsert(tx, coverageGapsTable, delta.coverageGaps, ctx);
    const froms = delta.coverageGaps.map((g) => g.from);
    await tx.$executeRaw`
      DELETE FROM "soc2_coverage_gaps"
      WHERE "program_id" = ${ctx.programId}::uuid AND NOT ("from_date" = ANY(${froms}::date[]))
        AND ${notNewer('soc2_coverage_gaps', ctx, true)}`;
  }
}

async function upsert<R>(
  tx: Executor,
  spec: TableSpec<R>,
  rows: readonly R[] | undefined,
  ctx: ProjectionContext,
): Promise<void> {
  if (rows && rows.length > 0) await tx.$executeRaw(versionedUpsert(spec, rows, ctx));
}

/**
 * Facts the snapshot does not carry, taken from the batch's own audit events: a withdrawn certificate (the
 * program starts a new cycle at once), versioned by its sequence; and settings changed since the start.
 */
export async function applyEventFacts(tx: Executor, batch: AuditEventBatch): Promise<void> {
  if (batch.events.some((e) => e.type === 'settings.changed'))
    await projectSettingsChanges(tx, batch.programId);
  for (const event of batch.events) {
    if (event.type !== 'certification.withdrawn') continue;
    const { cycle, on } = event.payload as { cycle?: number; on?: string };
    if (typeof cycle !== 'number' || typeof on !== 'string') continue;
    const ctx: ProjectionContext = { ...batch, sequence: event.sequence, at: event.occurredAt };
    await tx.$executeRaw`
      UPDATE "certificates" SET "status" = 'WITHDRAWN', "ended_on" = ${on}::date,
        "projected_sequence" = ${ctx.sequence}::int, "projected_at" = ${ctx.at}::timestamptz
      WHERE "program_id" = ${ctx.programId}::uuid AND "cycle" = ${cycle}::int AND ${notNewer('certificates', ctx)}`;
  }
}

/**
 * The newest value of every setting changed since the start, folded from the program's whole trail (this
 * batch's events included), so a retried or repeated batch writes the same answer.
 */
async function projectSettingsChanges(tx: Executor, programId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "programs" SET "settings_changes" = COALESCE((
      SELECT jsonb_object_agg(t.key, t.value ORDER BY e."sequence", t.key)
      FROM "audit_events" AS e
      CROSS JOIN LATERAL jsonb_each(e."payload" -> 'to') AS t
      WHERE e."program_id" = ${programId}::uuid AND e."type" = 'settings.changed'
        AND jsonb_typeof(e."payload" -> 'to') = 'object'
    ), '{}'::jsonb)
    WHERE "id" = ${programId}::uuid`;
}
