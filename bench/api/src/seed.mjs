// Bulk seed straight into PostgreSQL with set-based INSERT … SELECT generate_series (one statement per table,
// no round trip per row): programs, remediation tasks and audit events around the real workflows.

export async function seedBulk(prisma, { organizationId, ownerEmail, programs, tasks, auditEvents }) {
  const t0 = performance.now();
  await prisma.$executeRawUnsafe(
    `INSERT INTO programs (organization_id, name, kind, frameworks, workflow_id, status, stage, updated_at, created_at)
     SELECT $1::uuid, 'Seeded program ' || n, 'ISO_CERTIFICATION', ARRAY['iso27001'],
            'program:' || $1 || ':seeded-' || n, 'RUNNING', 'remediation', now(), now() - n * interval '1 minute'
     FROM generate_series(1, $2::int) AS n`,
    organizationId,
    programs,
  );
  // Tasks spread over every program; one in 50 belongs to the benchmark's control owner.
  await prisma.$executeRawUnsafe(
    `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS c
                FROM programs WHERE organization_id = $1::uuid)
     INSERT INTO remediation_tasks (program_id, organization_id, title, owner_email, due_date, status,
                                    requirement_ids, updated_at)
     SELECT p.id, $1::uuid, 'Seeded task ' || n,
            CASE WHEN n % 50 = 0 THEN $2 ELSE 'owner' || (n % 400) || '@bench.example' END,
            date '2026-06-01' + (n % 500), (CASE WHEN n % 5 = 0 THEN 'DONE' ELSE 'OPEN' END)::"RemediationTaskStatus",
            ARRAY['iso27001:A.5.15'], now()
     FROM generate_series(1, $3::int) AS n JOIN p ON p.i = n % p.c`,
    organizationId,
    ownerEmail,
    tasks,
  );
  await prisma.$executeRawUnsafe(
    `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS c
                FROM programs WHERE organization_id = $1::uuid)
     INSERT INTO audit_events (program_id, organization_id, type, actor, payload, occurred_at)
     SELECT p.id, $1::uuid, (ARRAY['note.added','task.created','reminder.sent','stage.changed'])[1 + n % 4],
            'pm' || (n % 7) || '@bench.example', jsonb_build_object('n', n),
            timestamptz '2025-01-01' + n * interval '3 minutes'
     FROM generate_series(1, $2::int) AS n JOIN p ON p.i = n % p.c`,
    organizationId,
    auditEvents,
  );
  return performance.now() - t0;
}
