import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { type Session } from '../../../test/fixtures.js';
import { buildWorld, sessionOf, today, type World } from '../../../test/support/world.js';
import { changesHeard } from '../../../test/support/changes-heard.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import type { ActualCostView, BudgetLineView, CostSummaryView } from './cost.schemas.js';

const shift = (days: number) => {
  const date = new Date(`${today()}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date;
};

describe('budget lines, actual costs, burn and forecast (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let pm: Session;
  let executive: Session;
  let path: string;
  const year = Number(today().slice(0, 4));

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      queryTimeoutMs: 200,
    }));
    world = await buildWorld(app, db.prisma, 'Cost Co');
    pm = await sessionOf(app, world, 'program_manager');
    executive = await sessionOf(app, world, 'executive');
    path = `/organizations/${world.organization.id}/cost`;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const line = (overrides: object) => ({
    programId: world.program.id,
    year,
    label: 'Stage 1 and Stage 2',
    currency: 'EUR',
    kind: 'certification-body',
    auditDays: 10,
    dayRate: 1400,
    ...overrides,
  });

  it('refuses bad lines with 400 naming the field', async () => {
    const days = (
      await pm
        .post(`${path}/budget-lines`)
        .send(line({ auditDays: 2.1 }))
        .expect(400)
    ).body as ErrorBody;
    expect(days.errors?.map((e) => e.path)).toEqual(['auditDays']);
    const program = (
      await pm
        .post(`${path}/budget-lines`)
        .send(line({ programId: '0f6b2c8e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }))
        .expect(400)
    ).body as ErrorBody;
    expect(program.errors?.map((e) => e.path)).toEqual(['programId']);
    const kind = (
      await pm
        .post(`${path}/budget-lines`)
        .send(line({ kind: 'travel' }))
        .expect(400)
    ).body as ErrorBody;
    expect(kind.errors?.map((e) => e.path)).toEqual(['kind']);
    expect(await db.prisma.budgetLine.count()).toBe(0);
  });

  let feesLine: BudgetLineView;
  let toolingLine: BudgetLineView;
  let actual: ActualCostView;

  it('computes certification-body fees from audit days × day rate, each change an audit event', async () => {
    feesLine = (await pm.post(`${path}/budget-lines`).send(line({})).expect(201)).body as BudgetLineView;
    expect(feesLine).toMatchObject({ amount: 14_000, auditDays: 10, dayRate: 1400, actual: 0 });
    toolingLine = (
      await pm
        .post(`${path}/budget-lines`)
        .send(line({ kind: 'tooling', label: 'GRC platform', amount: 4800, auditDays: undefined }))
        .expect(201)
    ).body as BudgetLineView;
    expect(toolingLine).toMatchObject({ amount: 4800, auditDays: null, kind: 'tooling' });
    const events = await db.prisma.auditEvent.findMany({ where: { type: 'cost.budget-line-created' } });
    expect(events).toHaveLength(2);
    // Organisation-level: a granted auditor's program trail never shows cost.
    expect(events.every((e) => e.actor === world.people.program_manager.email && e.programId === null)).toBe(
      true,
    );
    expect(events[0]!.payload).toMatchObject({ programId: world.program.id });
  });

  it('records actual costs against a line in its currency', async () => {
    actual = (
      await pm
        .post(`${path}/actuals`)
        .send({ budgetLineId: toolingLine.id, incurredOn: today(), amount: 1200.5, description: 'Licence' })
        .expect(201)
    ).body as ActualCostView;
    expect(actual).toMatchObject({ source: 'manual', currency: 'EUR', amount: 1200.5 });
    const bad = (
      await pm
        .post(`${path}/actuals`)
        .send({ budgetLineId: toolingLine.id, incurredOn: '2027-02-30', amount: 0, description: 'x' })
        .expect(400)
    ).body as ErrorBody;
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(['amount', 'incurredOn']);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { type: 'cost.actual-recorded' } });
    expect(event.actor).toBe(world.people.program_manager.email);
  });

  it('adds audits held as actuals and forecasts the current cycle’s planned audits', async () => {
    const { id: programId } = world.program;
    const organizationId = world.organization.id;
    await db.prisma.program.update({ where: { id: programId }, data: { cycle: 1 } });
    const milestone = (kind: string, cycle: number, plannedOn: Date, cost: number, actualOn?: Date) => ({
      programId,
      organizationId,
      cycle,
      kind,
      category: 'audit',
      plannedOn,
      actual: actualOn ?? null,
      plannedDays: 1,
      plannedCost: cost,
      currency: 'EUR',
    });
    await db.prisma.programMilestone.createMany({
      data: [
        milestone('stage1', 1, shift(-40), 4200, shift(-40)),
        milestone('stage2', 1, shift(60), 9800),
        // Planned ten days ago and not held: still to be paid, so forecast in the current month.
        milestone('surveillance1', 1, shift(-10), 1000),
        // The next cycle is not part of this cycle's forecast.
        milestone('recertification', 2, shift(400), 7000),
      ],
    });
    await changesHeard(app, db.prisma);
    const summary = (await executive.get(`${path}/summary`).expect(200)).body as CostSummaryView;
    expect(summary.today).toBe(today());
    expect(summary.currencies).toHaveLength(1);
    const eur = summary.currencies[0]!;
    expect(eur.totals).toMatchObject({
      budget: 18_800,
      actual: 5400.5,
      forecast: 10_800,
      projected: 16_200.5,
      variance: 2599.5,
    });
    const thisMonth = eur.months.find((m) => m.month === today().slice(0, 7))!;
    expect(thisMonth).toMatchObject({ forecast: 1000, actual: 1200.5 });
    const stage2Month = eur.months.find((m) => m.month === shift(60).toISOString().slice(0, 7))!;
    expect(stage2Month.forecast).toBe(9800);
    expect(eur.programs).toEqual([
      expect.objectContaining({ programId, actual: 5400.5, forecast: 10_800, budget: 18_800 }),
    ]);
    expect(eur.frameworks.map((f) => f.framework)).toEqual(['iso27001', 'iso42001']);

    const actuals = ((await executive.get(`${path}/actuals`).expect(200)).body as { items: ActualCostView[] })
      .items;
    expect(actuals.map((a) => [a.source, a.amount])).toEqual([
      ['audit-held', 4200],
      ['manual', 1200.5],
    ]);
    const lines = (
      (await executive.get(`${path}/budget-lines`).expect(200)).body as { items: BudgetLineView[] }
    ).items;
    expect(lines.find((l) => l.id === toolingLine.id)?.actual).toBe(1200.5);
  });

  it('exports the burn per program and month as CSV', async () => {
    const res = await executive.get(`${path}/summary/csv`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Currency,Month,Program,Program id,Frameworks,Budget,Actual,Forecast');
    const current = lines.find((l) => l.startsWith(`EUR,${today().slice(0, 7)},`))!;
    expect(current.split(',').slice(2, 5)).toEqual([
      world.program.name,
      world.program.id,
      'iso42001 iso27001',
    ]);
    expect(current.split(',').slice(6)).toEqual(['1200.50', '1000.00']);
    expect(lines.every((l) => l.split(',').length === 8)).toBe(true);
  });

  it('keeps lines with actuals whole: no currency change, no delete; then cleans up with events', async () => {
    const changed = (
      await pm
        .put(`${path}/budget-lines/${toolingLine.id}`)
        .send(line({ kind: 'tooling', label: 'GRC platform', amount: 5000, auditDays: undefined }))
        .expect(200)
    ).body as BudgetLineView;
    expect(changed).toMatchObject({ amount: 5000, actual: 1200.5 });
    await pm
      .put(`${path}/budget-lines/${toolingLine.id}`)
      .send(line({ kind: 'tooling', currency: 'USD', amount: 5000, auditDays: undefined }))
      .expect(409);
    const moved = (
      await pm
        .put(`${path}/budget-lines/${toolingLine.id}`)
        .send(line({ kind: 'tooling', amount: 5000, auditDays: undefined, programId: world.otherProgram.id }))
        .expect(400)
    ).body as ErrorBody;
    expect(moved.errors?.map((e) => e.path)).toEqual(['programId']);
    await pm.delete(`${path}/budget-lines/${toolingLine.id}`).expect(409);
    await pm.delete(`${path}/actuals/${actual.id}`).expect(204);
    await pm.delete(`${path}/budget-lines/${toolingLine.id}`).expect(204);
    await pm.delete(`${path}/budget-lines/${toolingLine.id}`).expect(404);
    const types = (await db.prisma.auditEvent.findMany({ where: { type: { startsWith: 'cost.' } } })).map(
      (e) => e.type,
    );
    expect(types.filter((t) => t === 'cost.budget-line-changed')).toHaveLength(1);
    expect(types).toEqual(expect.arrayContaining(['cost.actual-deleted', 'cost.budget-line-deleted']));
  });
});
