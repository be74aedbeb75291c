// The combined schedule's inputs for the seeded programs, set-based like seed.mjs: each program gets a
// certification body (five bodies, so integrated-audit suggestions form) and its cycle's audits and deadlines
// (surveillance 1 and 2, recertification, certificate expiry), some of them scheduled into shared weeks.

export async function seedScheduleRows(prisma, { organizationId }) {
  const t0 = performance.now();
  await prisma.$executeRawUnsafe(
    `UPDATE programs p SET config = jsonb_build_object(
        'config', jsonb_build_object('certificationBody', 'Bench CB ' || (s.n % 5)),
        'settings', jsonb_build_object('terms', jsonb_build_object('currency', 'EUR', 'dayRate', 1400)))
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM programs
           WHERE organization_id = $1::uuid AND name LIKE 'Seeded program %') s
     WHERE p.id = s.id`,
    organizationId,
  );
  await prisma.$executeRawUnsafe(
    `WITH s AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM programs
                WHERE organization_id = $1::uuid AND name LIKE 'Seeded program %'),
          d AS (SELECT id, n, date '2026-03-01' + (n * 3 % 365)::int AS decided FROM s)
     INSERT INTO program_milestones (program_id, organization_id, cycle, kind, category, earliest, due, deadline,
                                     scheduled, planned_on, planned_days, planned_cost, currency)
     SELECT d.id, $1::uuid, 1, m.kind, m.category, m.earliest, m.due, m.deadline, m.scheduled,
            coalesce(m.scheduled, m.due, m.earliest), m.days, m.days * 1400, 'EUR'
     FROM d CROSS JOIN LATERAL (VALUES
       ('surveillance1', 'audit', d.decided, (d.decided + interval '12 months')::date,
        (d.decided + interval '12 months')::date,
        CASE WHEN d.n % 3 = 0 THEN (d.decided + interval '11 months')::date END, 3.5::numeric),
       ('surveillance2', 'audit', (date_trunc('year', d.decided) + interval '2 years')::date,
        (d.decided + interval '24 months')::date, (d.decided + interval '24 months')::date, NULL::date, 3.5),
       ('recertification', 'audit', (d.decided + interval '24 months')::date, NULL::date,
        (d.decided + interval '36 months' - interval '1 day')::date, NULL::date, 5.5),
       ('certificate-expiry', 'deadline', NULL::date, (d.decided + interval '36 months' - interval '1 day')::date,
        (d.decided + interval '36 months' - interval '1 day')::date, NULL::date, NULL::numeric)
     ) AS m(kind, category, earliest, due, deadline, scheduled, days)`,
    organizationId,
  );
  return performance.now() - t0;
}
