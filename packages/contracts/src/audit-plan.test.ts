import { describe, expect, it } from 'vitest';
import { auditCost, auditorTermsSchema, cycleFees, totalPlan } from './audit-cost.js';
import { isoAuditDays, isoStandardAuditDays, planIsoCycle, planSoc2Period } from './audit-plan.js';
import { isoProgramSettingsSchema } from './iso-model.js';
import { soc2ProgramSettingsSchema } from './soc2-model.js';

const terms = auditorTermsSchema.parse({
  currency: 'EUR',
  dayRate: 1450,
  travelPerAuditDay: 120.5,
  feePerAudit: 300,
  annualFee: 800,
  initialFee: 950,
});

describe('audit cost', () => {
  it('is days × (day rate + travel) + the per-audit fee, exact to the cent', () => {
    expect(auditCost(5, terms)).toBe(5 * 1570.5 + 300);
    expect(auditCost(1.25, terms)).toBe(2263.13); // 1.25 × 1570.50 = 1963.125 → 1963.13 (half cent up)
    expect(auditCost(0.5, auditorTermsSchema.parse({ currency: 'USD', dayRate: 0.01 }))).toBe(0.01);
  });

  it('validates terms: a currency code and amounts with at most two decimals', () => {
    expect(auditorTermsSchema.safeParse({ currency: 'eur', dayRate: 1 }).success).toBe(false);
    expect(auditorTermsSchema.safeParse({ currency: 'EUR', dayRate: 10.005 }).success).toBe(false);
    expect(auditorTermsSchema.safeParse({ currency: 'EUR', dayRate: -1 }).success).toBe(false);
  });

  it('adds fees per cycle and leaves the total unknown when any figure is', () => {
    expect(cycleFees(terms, 3, true)).toEqual([
      { label: 'initial fee', amount: 950 },
      { label: 'annual fee × 3', amount: 2400 },
    ]);
    expect(cycleFees(terms, 3, false)).toEqual([{ label: 'annual fee × 3', amount: 2400 }]);
    const unknown = totalPlan(
      'EUR',
      [{ audit: 'stage1', days: null, cost: null, held: false, notes: [] }],
      [],
    );
    expect(unknown).toMatchObject({ totalDays: null, totalCost: null });
  });
});

describe('ISO cycle plan', () => {
  const settings = isoProgramSettingsSchema.parse({
    personsInScope: 100,
    aiPersonsInScope: 8,
    aiRoles: ['producer'],
    integrationReductionPercent: 15,
    terms,
  });

  it('computes each standard on its own, then the combined audit', () => {
    expect(isoStandardAuditDays('iso27001', settings)).toMatchObject({ initial: 12, surveillance: 4 });
    expect(isoStandardAuditDays('iso42001', settings)).toMatchObject({ initial: 5, surveillance: 2 });
    // Stage 1: 4 + 1.5 = 5.5 less 15 % = 4.675 → 5; surveillance: 6 less 15 % = 5.1 → 5.5.
    expect(isoAuditDays(['iso27001', 'iso42001'], settings, 'stage1')).toMatchObject({ days: 5 });
    expect(isoAuditDays(['iso27001', 'iso42001'], settings, 'surveillance').days).toBe(5.5);
    expect(isoAuditDays(['iso27001'], settings, 'surveillance').days).toBe(4);
  });

  it('plans the initial cycle with every CB audit, its cost and fees', () => {
    const plan = planIsoCycle({
      frameworks: ['iso27001'],
      settings,
      certificateValidityYears: 3,
      initial: true,
      held: {},
    });
    expect(plan.audits.map((a) => [a.audit, a.days])).toEqual([
      ['stage1', 4],
      ['stage2', 8],
      ['surveillance1', 4],
      ['surveillance2', 4],
      ['recertification', 8],
    ]);
    expect(plan.totalDays).toBe(28);
    expect(plan.totalCost).toBe(28 * 1570.5 + 5 * 300 + 950 + 2400);
    expect(plan.currency).toBe('EUR');
  });

  it("keeps the figures of audits already held and plans the rest from today's settings", () => {
    const plan = planIsoCycle({
      frameworks: ['iso27001'],
      settings: { ...settings, personsInScope: 300 },
      certificateValidityYears: 3,
      initial: false,
      held: { surveillance1: { days: 4, cost: 6582 } },
    });
    expect(plan.audits.map((a) => [a.audit, a.days, a.held])).toEqual([
      ['surveillance1', 4, true],
      ['surveillance2', 5, false],
      ['recertification', 10, false],
    ]);
  });

  it("lists what is missing instead of a figure, and plans an added standard's own Stage 1 and Stage 2", () => {
    const bare = isoProgramSettingsSchema.parse({});
    const plan = planIsoCycle({
      frameworks: ['iso42001'],
      settings: bare,
      certificateValidityYears: 3,
      initial: true,
      held: {},
    });
    expect(plan.totalDays).toBeNull();
    expect(plan.totalCost).toBeNull();
    expect(plan.audits[0]?.notes[0]).toMatch(/AI-related persons/);
    const extension = planIsoCycle({
      frameworks: ['iso27001'],
      settings,
      certificateValidityYears: 3,
      initial: false,
      extension: 'iso42001',
      held: {},
    });
    expect(extension.audits.slice(-2).map((a) => [a.audit, a.days])).toEqual([
      ['extension-stage1', 1.5],
      ['extension-stage2', 3.5],
    ]);
    // Once the standard is on the certificate, its audits stay in the cycle's plan with their frozen figures.
    const extended = planIsoCycle({
      frameworks: ['iso27001', 'iso42001'],
      settings,
      certificateValidityYears: 3,
      initial: false,
      held: {
        'extension-stage1': { days: 1.5, cost: 2655.75 },
        'extension-stage2': { days: 3.5, cost: 5796.75 },
      },
    });
    expect(extended.audits.slice(-2).map((a) => [a.audit, a.days, a.held])).toEqual([
      ['extension-stage1', 1.5, true],
      ['extension-stage2', 3.5, true],
    ]);
  });
});

describe('SOC 2 period plan', () => {
  it('prices fieldwork and report, a pending Type I, and the fees for the period', () => {
    const settings = soc2ProgramSettingsSchema.parse({ fieldworkDays: 6, typeIDays: 3, terms });
    const plan = planSoc2Period({
      settings,
      periodNumber: 1,
      periodMonths: 6,
      first: true,
      typeIPending: true,
    });
    expect(plan.audits.map((a) => [a.audit, a.days, a.cost])).toEqual([
      ['type1', 3, 3 * 1570.5 + 300],
      ['fieldwork-1', 6, 6 * 1570.5 + 300],
    ]);
    expect(plan.fees).toEqual([
      { label: 'initial fee', amount: 950 },
      { label: 'annual fee × 6/12', amount: 400 },
    ]);
    expect(plan.totalDays).toBe(9);
    const unknown = planSoc2Period({
      settings: {},
      periodNumber: 2,
      periodMonths: 12,
      first: false,
      typeIPending: false,
    });
    expect(unknown).toMatchObject({ currency: null, totalCost: null, totalDays: null });
  });
});
