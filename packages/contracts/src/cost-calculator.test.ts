import { describe, expect, it } from 'vitest';

import { calculateCertificationCost, costCalculatorInputSchema } from './cost-calculator.js';

const both = (extra: object = {}) =>
  costCalculatorInputSchema.parse({
    frameworks: ['iso27001', 'iso42001'],
    personsInScope: 50,
    aiPersonsInScope: 8,
    aiRoles: ['producer'],
    currency: 'EUR',
    dayRate: 1000,
    ...extra,
  });

describe('the cost calculator', () => {
  // 27006-1 Table C.1, 46–65 persons: 10 initial days → Stage 1 3, Stage 2 7, surveillance 3.5 (⅓ up to the half
  // day), recertification 7 (⅔): 24 days in the cycle. 42006, 1–10 AI persons, producer: 5 → 1.5, 3.5, 2, 3.5.
  it('gives each standard’s audit days and cost over the three-year cycle', () => {
    const result = calculateCertificationCost(both());
    expect(result.cycleYears).toBe(3);
    const [iso27001, iso42001] = result.separate;
    expect(iso27001!.plan.audits.map((a) => [a.audit, a.days])).toEqual([
      ['stage1', 3],
      ['stage2', 7],
      ['surveillance1', 3.5],
      ['surveillance2', 3.5],
      ['recertification', 7],
    ]);
    expect(iso27001!.plan).toMatchObject({ totalDays: 24, totalCost: 24_000, currency: 'EUR' });
    expect(iso42001!.plan).toMatchObject({ totalDays: 12.5, totalCost: 12_500 });
  });

  // Per audit: (3 + 1.5) × 0.8 = 3.6 → 4; (7 + 3.5) × 0.8 = 8.4 → 8.5; (3.5 + 2) × 0.8 = 4.4 → 4.5 twice;
  // recertification 8.5: 30 days against 36.5 separately.
  it('integrates both ISO standards with the IAF MD 11 reduction, never more than 20 %', () => {
    const result = calculateCertificationCost(both());
    expect(result.integrated).toMatchObject({ appliedReductionPercent: 20, capped: false });
    expect(result.integrated!.plan).toMatchObject({ totalDays: 30, totalCost: 30_000 });
    expect(result.saving).toEqual({ days: 6.5, cost: 6500 });
    const greedy = calculateCertificationCost(both({ integrationReductionPercent: 35 }));
    expect(greedy.integrated).toMatchObject({ appliedReductionPercent: 20, capped: true });
    expect(greedy.integrated!.plan.totalDays).toBe(30);
    const none = calculateCertificationCost(both({ integrationReductionPercent: 0 }));
    expect(none.integrated!.plan.totalDays).toBe(36.5);
    expect(none.saving).toEqual({ days: 0, cost: 0 });
  });

  it('says the figure is unknown rather than guessing beyond the ISO/IEC 42006 row it holds', () => {
    const result = calculateCertificationCost(both({ aiPersonsInScope: 11 }));
    expect(result.separate[1]!.plan.totalDays).toBeNull();
    expect(result.separate[1]!.plan.audits[0]!.notes.join(' ')).toMatch(/42006/);
    expect(result.integrated!.plan.totalCost).toBeNull();
    expect(result.saving).toBeNull();
  });

  it('prices SOC 2 Type II as one period a year from the CPA firm’s fieldwork days', () => {
    const soc2 = (days?: number) =>
      calculateCertificationCost(
        costCalculatorInputSchema.parse({
          frameworks: ['soc2'],
          personsInScope: 40,
          currency: 'USD',
          dayRate: 1800,
          ...(days === undefined ? {} : { soc2FieldworkDays: days }),
        }),
      );
    expect(soc2(6).soc2!.plan).toMatchObject({ totalDays: 18, totalCost: 32_400 });
    expect(soc2(6).separate).toEqual([]);
    expect(soc2(6).integrated).toBeNull();
    expect(soc2().soc2!.plan).toMatchObject({ totalDays: null, totalCost: null });
  });

  it('shows the typical first-year ranges that concern the frameworks wanted, each with its source', () => {
    const ids = (frameworks: string[], extra: object = {}) =>
      calculateCertificationCost(
        costCalculatorInputSchema.parse({
          frameworks,
          personsInScope: 20,
          aiPersonsInScope: 5,
          aiRoles: ['user'],
          currency: 'USD',
          dayRate: 1000,
          ...extra,
        }),
      ).typicalRanges.map((r) => r.id);
    expect(ids(['iso27001', 'iso42001'])).toEqual(['iso27001-smb', 'iso42001-on-27001']);
    expect(ids(['iso42001'])).toEqual(['iso42001-standalone']);
    expect(ids(['soc2'])).toEqual(['soc2-type2-first-year']);
    const ranges = calculateCertificationCost(both()).typicalRanges;
    expect(ranges.every((r) => r.source.length > 0)).toBe(true);
    expect(ranges[0]).toMatchObject({ costUsd: { min: 15_000, max: 60_000 }, months: { min: 3, max: 12 } });
  });

  it('asks for the AI persons and roles when ISO/IEC 42001 is wanted, naming the field', () => {
    const result = costCalculatorInputSchema.safeParse({
      frameworks: ['iso42001'],
      personsInScope: 20,
      currency: 'EUR',
      dayRate: 1000,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['aiPersonsInScope', 'aiRoles']);
    expect(
      costCalculatorInputSchema.safeParse({
        frameworks: ['iso27001'],
        personsInScope: 0,
        currency: 'EUR',
        dayRate: 1,
      }).error!.issues[0]!.path,
    ).toEqual(['personsInScope']);
  });
});
