import { describe, expect, it } from 'vitest';

import { budgetLineAmount, budgetLineInputSchema } from './cost-budget.js';
import { costSummary, phaseYear } from './cost-burn.js';

describe('budget lines', () => {
  it('computes certification-body fees from audit days × day rate and internal hours × rate, to the cent', () => {
    const cb = budgetLineInputSchema.parse({
      kind: 'certification-body',
      programId: '6f1c1b9e-54a3-4b8e-9a55-3f1e8f3a2b10',
      year: 2027,
      label: 'Stage 1 and 2',
      currency: 'EUR',
      auditDays: 7.5,
      dayRate: 1450.5,
    });
    expect(budgetLineAmount(cb)).toBe(10878.75);
    const hours = budgetLineInputSchema.parse({
      kind: 'internal-hours',
      programId: '6f1c1b9e-54a3-4b8e-9a55-3f1e8f3a2b10',
      year: 2027,
      label: 'ISMS team',
      currency: 'EUR',
      hours: 7.5,
      hourlyRate: 80.33,
    });
    expect(budgetLineAmount(hours)).toBe(602.48); // 602.475 → half a cent up
    const tooling = budgetLineInputSchema.parse({
      kind: 'tooling',
      programId: '6f1c1b9e-54a3-4b8e-9a55-3f1e8f3a2b10',
      year: 2027,
      label: 'GRC tool',
      currency: 'EUR',
      amount: 4800,
    });
    expect(budgetLineAmount(tooling)).toBe(4800);
  });

  it('names the field that is wrong', () => {
    const bad = budgetLineInputSchema.safeParse({
      kind: 'certification-body',
      programId: '6f1c1b9e-54a3-4b8e-9a55-3f1e8f3a2b10',
      year: 2027,
      label: 'x',
      currency: 'EUR',
      auditDays: 2.1,
      dayRate: 1000,
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['auditDays']);
    const kind = budgetLineInputSchema.safeParse({ kind: 'travel', year: 2027, label: 'x', currency: 'EUR' });
    expect(kind.error!.issues[0]!.path).toEqual(['kind']);
  });
});

describe('monthly burn and forecast', () => {
  it('phases a year evenly with the cents that do not divide spread from January', () => {
    const months = phaseYear(2027, 1_200_005);
    expect(months[0]).toEqual(['2027-01', 100_001]);
    expect(months[4]).toEqual(['2027-05', 100_001]);
    expect(months[5]).toEqual(['2027-06', 100_000]);
    expect(months.reduce((s, [, c]) => s + c, 0)).toBe(1_200_005);
  });

  const programs = [
    { id: 'a', name: 'AIMS and ISMS', frameworks: ['iso27001', 'iso42001'] },
    { id: 'b', name: 'SOC 2', frameworks: ['soc2'] },
  ];
  const summary = costSummary({
    today: '2027-03-10',
    programs,
    budget: [
      { programId: 'a', currency: 'EUR', year: 2027, amount: 12000.05 },
      { programId: 'b', currency: 'USD', year: 2027, amount: 6000 },
    ],
    actuals: [
      { programId: 'a', currency: 'EUR', on: '2027-01-15', amount: 500 },
      { programId: 'a', currency: 'EUR', on: '2027-02-20', amount: 1500.5 },
      { programId: 'b', currency: 'USD', on: '2027-03-01', amount: 100 },
    ],
    planned: [
      // Planned in February and not held: still to be paid, so forecast in the current month.
      { programId: 'a', currency: 'EUR', on: '2027-02-01', amount: 2000 },
      { programId: 'a', currency: 'EUR', on: '2027-06-10', amount: 3000 },
      // Not dated by the workflow yet: in the totals, in no month.
      { programId: 'a', currency: 'EUR', on: null, amount: 700 },
    ],
  });

  it('keeps each currency apart', () => {
    expect(summary.map((s) => s.currency)).toEqual(['EUR', 'USD']);
    expect(summary[1]!.totals).toMatchObject({ budget: 6000, actual: 100, forecast: 0 });
  });

  it('totals budget, budget to date, actual, forecast, projected and variance', () => {
    expect(summary[0]!.totals).toEqual({
      budget: 12000.05,
      budgetToDate: 3000.03,
      actual: 2000.5,
      forecast: 5700,
      forecastUndated: 700,
      projected: 7700.5,
      variance: 4299.55,
    });
  });

  it('gives every month of the range with cumulative budget and actual-then-forecast', () => {
    const months = summary[0]!.months;
    expect(months.map((m) => m.month)).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
      '2027-12',
    ]);
    expect(months[1]).toMatchObject({ actual: 1500.5, forecast: 0, cumulativeProjected: 2000.5 });
    expect(months[2]).toMatchObject({
      forecast: 2000,
      cumulativeProjected: 4000.5,
      cumulativeBudget: 3000.03,
    });
    expect(months[5]).toMatchObject({ forecast: 3000, cumulativeProjected: 7000.5 });
    expect(months[11]).toMatchObject({ cumulativeBudget: 12000.05, cumulativeProjected: 7000.5 });
  });

  it('counts a program under each of its frameworks and once in the totals', () => {
    expect(summary[0]!.frameworks.map((f) => [f.framework, f.projected])).toEqual([
      ['iso27001', 7700.5],
      ['iso42001', 7700.5],
    ]);
    expect(summary[0]!.programs).toHaveLength(1);
    expect(summary[0]!.programs[0]).toMatchObject({ programId: 'a', name: 'AIMS and ISMS', actual: 2000.5 });
  });

  it('reaches back to the first actual and forward to the last forecast beyond the budget years', () => {
    const [only] = costSummary({
      today: '2027-11-02',
      programs,
      budget: [],
      actuals: [{ programId: 'a', currency: 'EUR', on: '2026-12-31', amount: 1 }],
      planned: [{ programId: 'a', currency: 'EUR', on: '2028-02-29', amount: 2 }],
    });
    expect(only!.months[0]!.month).toBe('2026-12');
    expect(only!.months.at(-1)!.month).toBe('2028-02');
    expect(only!.months).toHaveLength(15);
    expect(only!.totals).toMatchObject({ budget: 0, projected: 3, variance: -3 });
  });
});
