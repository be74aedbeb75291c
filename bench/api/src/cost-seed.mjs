// Cost figures for every program of the benchmark organisation (issue 12, part B), set-based like seed.mjs:
// three budget lines per program this year, ten recorded costs each, and an audit plan of five audits (two held,
// two dated, one not dated yet) for the programs whose workflows were not run, so the cost summary reads the same
// shape of read model the workflows project.

export async function seedCost(prisma, { organizationId, today }) {
  const t0 = performance.now();
  const year = Number(today.slice(0, 4));
  // Bulk-seeded programs have no projection yet: they are in their first cycle.
  await prisma.$executeRawUnsafe(
    `UPDATE programs SET cycle = 1 WHERE organization_id = $1::uuid AND cycle IS NULL`,
    organizationId,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO budget_lines (organization_id, program_id, year, kind, label, currency, amount, figures,
                               created_by, updated_by, updated_at)
     SELECT $1::uuid, p.id, $2::int, k.kind, k.label, 'EUR', k.amount, k.figures, 'bench', 'bench', now()
     FROM programs p CROSS JOIN (VALUES
       ('certification-body', 'Audits this year', 14000.00, '{"auditDays": 10, "dayRate": 1400}'::jsonb),
       ('consultants', 'Readiness support', 9000.00, '{}'::jsonb),
       ('tooling', 'GRC platform', 4800.00, '{}'::jsonb)) AS k(kind, label, amount, figures)
     WHERE p.organization_id = $1::uuid`,
    organizationId,
    year,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO cost_actuals (organization_id, program_id, budget_line_id, incurred_on, amount, currency,
                               description, recorded_by)
     SELECT $1::uuid, b.program_id, b.id, $2::date - (n * 30), 120.50 + n, 'EUR', 'Invoice ' || n, 'bench'
     FROM budget_lines b CROSS JOIN generate_series(1, 10) AS n
     WHERE b.organization_id = $1::uuid AND b.kind = 'tooling'`,
    organizationId,
    today,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO program_milestones (program_id, organization_id, cycle, kind, category, deadline, planned_on,
                                     actual, planned_days, planned_cost, currency)
     SELECT p.id, $1::uuid, 1, a.kind, 'audit', $2::date + a.due, $2::date + a.planned, $2::date + a.held,
            a.days, a.days * 1400, 'EUR'
     FROM programs p CROSS JOIN (VALUES
       ('stage1', -200, -210, -210, 3.0), ('stage2', -150, -160, -160, 7.0),
       ('surveillance1', 200, 100, NULL, 3.5), ('surveillance2', NULL, NULL, NULL, 3.5),
       ('recertification', 900, 800, NULL, 7.0)) AS a(kind, due, planned, held, days)
     WHERE p.organization_id = $1::uuid
       AND NOT EXISTS (SELECT 1 FROM program_milestones m WHERE m.program_id = p.id)
     ON CONFLICT DO NOTHING`,
    organizationId,
    today,
  );
  return performance.now() - t0;
}
