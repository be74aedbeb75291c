import { describe, expect, it } from 'vitest';
import { auditCost, auditorTermsSchema, cycleFees, type PlannedAudit, totalPlan } from './audit-cost.js';
import {
  isoAuditDays,
  isoPlannedAudit,
  isoStandardAuditDays,
  planIsoCycle,
  planSoc2Period,
} from './audit-plan.js';
import { auditDaysFrom, iso27001TableDays, iso42001TableDays } from './audit-time.js';
import { isoProgramSettingsSchema } from './iso-model.js';
import { soc2ProgramSettingsSchema } from './soc2-model.js';

// The edges of the cost and plan rules that the examples in audit-plan.test.ts leave open: unknown figures,
// zero fees, what is planned for which audit, and that settings reach the table lookups.

const terms = auditorTermsSchema.parse({ currency: 'EUR', dayRate: 1000, feePerAudit: 200 });
const feeTerms = auditorTermsSchema.parse({ ...terms, annualFee: 600, initialFee: 900 });
const audit = (days: number | null, cost: number | null): PlannedAudit => ({
  audit: 'stage1',
  days,
  cost,
  held: false,
  notes: [],
});

describe('plan totals and fees', () => {
  it('adds days in quarter days and money in cents, fees included', () => {
    expect(
      totalPlan('EUR', [audit(1.25, 1450.1), audit(2.5, 10.2)], [{ label: 'fee', amount: 0.7 }]),
    ).toEqual({
      currency: 'EUR',
      audits: [audit(1.25, 1450.1), audit(2.5, 10.2)],
      fees: [{ label: 'fee', amount: 0.7 }],
      totalDays: 3.75,
      totalCost: 1461,
    });
  });

  it('leaves a total unknown when any one figure is, or when no terms give a currency', () => {
    expect(totalPlan('EUR', [audit(2, 2200), audit(null, null)], [])).toMatchObject({
      totalDays: null,
      totalCost: null,
    });
    expect(totalPlan('EUR', [audit(2, 2200), audit(3, null)], [])).toMatchObject({
      totalDays: 5,
      totalCost: null,
    });
    expect(totalPlan(null, [audit(2, 2200)], [])).toMatchObject({ totalDays: 2, totalCost: null });
  });

  it('charges no zero fee, and an annual fee only for whole years of validity', () => {
    expect(cycleFees(terms, 3, true)).toEqual([]);
    expect(cycleFees(feeTerms, 0, true)).toEqual([{ label: 'initial fee', amount: 900 }]);
    expect(cycleFees(feeTerms, 1, false)).toEqual([{ label: 'annual fee × 1', amount: 600 }]);
  });

  it('accepts amounts with at most two decimals', () => {
    expect(auditorTermsSchema.safeParse({ currency: 'EUR', dayRate: 1450.25 }).success).toBe(true);
    expect(auditorTermsSchema.safeParse({ currency: 'EUR', dayRate: 0.1 + 0.2 }).success).toBe(true);
    expect(auditorTermsSchema.safeParse({ currency: 'EUR', dayRate: 1450.251 }).success).toBe(false);
  });
});

describe('ISO audit days from the settings', () => {
  it('passes the quoted days, the Stage 1 share and the complexity adjustment to the table lookup', () => {
    const adjustment = { percent: 20, reason: 'Many sites and outsourced IT' };
    const quoted = { surveillance: 5 };
    const settings = isoProgramSettingsSchema.parse({
      personsInScope: 100,
      complexityAdjustment: adjustment,
      stage1SharePercent: 50,
      quotedDays: { iso27001: quoted },
      aiPersonsInScope: 8,
      aiRoles: ['producer'],
    });
    expect(isoStandardAuditDays('iso27001', settings)).toEqual(
      auditDaysFrom(iso27001TableDays(100), { adjustment, quoted, stage1SharePercent: 50 }),
    );
    expect(isoStandardAuditDays('iso27001', settings)).toMatchObject({ surveillance: 5 });
    expect(isoStandardAuditDays('iso42001', settings)).toEqual(
      auditDaysFrom(iso42001TableDays(8, ['producer']), { stage1SharePercent: 50 }),
    );
  });

  it('names what is missing: the persons in scope, or either of the AI persons and roles', () => {
    const bare = isoProgramSettingsSchema.parse({});
    expect(isoStandardAuditDays('iso27001', bare)).toEqual({
      known: false,
      reason: 'Set the persons in scope (or the days the certification body quoted) for ISO/IEC 27001.',
    });
    const aiReason =
      'Set the AI-related persons and the AI roles (or the days the certification body quoted) for ISO/IEC 42001.';
    for (const partial of [{ aiPersonsInScope: 8 }, { aiRoles: ['producer'] }]) {
      expect(isoStandardAuditDays('iso42001', isoProgramSettingsSchema.parse(partial))).toEqual({
        known: false,
        reason: aiReason,
      });
    }
  });

  it("keeps each standard's notes and notes a combined audit, with the cap when more was asked", () => {
    const settings = isoProgramSettingsSchema.parse({
      personsInScope: 3000,
      aiPersonsInScope: 8,
      aiRoles: ['producer'],
      integrationReductionPercent: 30,
      integrationReason: 'One management system, one internal audit programme',
    });
    const single = isoAuditDays(['iso27001'], settings, 'surveillance');
    expect(single.notes).toEqual([
      expect.stringMatching(/^table row 2676–\d+ not checked against the standard's text$/),
    ]);
    const both = isoAuditDays(['iso27001', 'iso42001'], settings, 'surveillance');
    expect(both.notes.at(-1)).toMatch(
      /^combined audit: [\d.]+ days less 20% for integration \(30% asked; IAF MD 11 allows at most 20%\)$/,
    );
    const modest = isoAuditDays(
      ['iso27001', 'iso42001'],
      { ...settings, integrationReductionPercent: 10 },
      'surveillance',
    );
    expect(modest.notes.at(-1)).toMatch(/^combined audit: [\d.]+ days less 10% for integration$/);
  });

  it('prices an audit only when both its days and the terms are known', () => {
    const known = isoProgramSettingsSchema.parse({ personsInScope: 100 });
    expect(isoPlannedAudit('stage1', { frameworks: ['iso27001'], settings: known })).toMatchObject({
      audit: 'stage1',
      days: 4,
      cost: null,
    });
    expect(
      isoPlannedAudit('surveillance2', { frameworks: ['iso27001'], settings: { ...known, terms } }),
    ).toEqual({ audit: 'surveillance2', days: 4, cost: auditCost(4, terms), held: false, notes: [] });
    expect(
      isoPlannedAudit('stage2', { frameworks: ['iso42001'], settings: { ...known, terms } }),
    ).toMatchObject({ days: null, cost: null });
  });

  it('plans nothing for the internal audit and management review, nor for an extension that is not under way', () => {
    const settings = isoProgramSettingsSchema.parse({ personsInScope: 100, terms });
    expect(isoPlannedAudit('internal-audit', { frameworks: ['iso27001'], settings })).toBeNull();
    expect(isoPlannedAudit('management-review', { frameworks: ['iso27001'], settings })).toBeNull();
    expect(isoPlannedAudit('extension-stage1', { frameworks: ['iso27001'], settings })).toBeNull();
  });

  it("keeps an added standard's held audit in the plan even when only one of its audits was held", () => {
    const settings = isoProgramSettingsSchema.parse({ personsInScope: 100, terms });
    const base = { frameworks: ['iso27001'] as const, settings, certificateValidityYears: 3, initial: false };
    const stage1Only = planIsoCycle({ ...base, held: { 'extension-stage1': { days: 1.5, cost: 1700 } } });
    expect(stage1Only.audits.map((a) => a.audit)).toEqual([
      'surveillance1',
      'surveillance2',
      'recertification',
      'extension-stage1',
    ]);
    expect(stage1Only.audits.at(-1)).toEqual({
      audit: 'extension-stage1',
      days: 1.5,
      cost: 1700,
      held: true,
      notes: [],
    });
    const stage2Only = planIsoCycle({ ...base, held: { 'extension-stage2': { days: 3, cost: 3200 } } });
    expect(stage2Only.audits.map((a) => a.audit).at(-1)).toBe('extension-stage2');
    const none = planIsoCycle({ ...base, held: {} });
    expect(none.audits.map((a) => a.audit)).toEqual(['surveillance1', 'surveillance2', 'recertification']);
    expect(none.fees).toEqual([]);
    expect(
      planIsoCycle({ ...base, settings: isoProgramSettingsSchema.parse({ personsInScope: 100 }), held: {} })
        .fees,
    ).toEqual([]);
  });
});

describe('SOC 2 period plan edges', () => {
  it('charges the initial fee only for the first engagement and no zero fee', () => {
    const settings = soc2ProgramSettingsSchema.parse({ fieldworkDays: 4, terms: feeTerms });
    const later = planSoc2Period({
      settings,
      periodNumber: 2,
      periodMonths: 12,
      first: false,
      typeIPending: false,
    });
    expect(later.fees).toEqual([{ label: 'annual fee × 12/12', amount: 600 }]);
    expect(later.audits).toEqual([
      { audit: 'fieldwork-2', days: 4, cost: auditCost(4, feeTerms), held: false, notes: [] },
    ]);
    const free = planSoc2Period({
      settings: soc2ProgramSettingsSchema.parse({ fieldworkDays: 4, terms }),
      periodNumber: 1,
      periodMonths: 12,
      first: true,
      typeIPending: false,
    });
    expect(free.fees).toEqual([]);
  });

  it('asks for the days the CPA firm quoted, and prices nothing without terms', () => {
    const noDays = planSoc2Period({
      settings: soc2ProgramSettingsSchema.parse({ terms }),
      periodNumber: 1,
      periodMonths: 12,
      first: false,
      typeIPending: true,
    });
    expect(noDays.audits).toEqual([
      {
        audit: 'type1',
        days: null,
        cost: null,
        held: false,
        notes: ['Set the Type I examination days the CPA firm quoted.'],
      },
      {
        audit: 'fieldwork-1',
        days: null,
        cost: null,
        held: false,
        notes: ['Set the fieldwork days the CPA firm quoted.'],
      },
    ]);
    const noTerms = planSoc2Period({
      settings: soc2ProgramSettingsSchema.parse({ fieldworkDays: 5 }),
      periodNumber: 1,
      periodMonths: 12,
      first: true,
      typeIPending: false,
    });
    expect(noTerms).toEqual({
      currency: null,
      audits: [{ audit: 'fieldwork-1', days: 5, cost: null, held: false, notes: [] }],
      fees: [],
      totalDays: 5,
      totalCost: null,
    });
  });

  it('reports fieldwork already done with its frozen figures', () => {
    const plan = planSoc2Period({
      settings: soc2ProgramSettingsSchema.parse({ fieldworkDays: 9, terms }),
      periodNumber: 3,
      periodMonths: 12,
      first: false,
      typeIPending: false,
      held: { days: 6, cost: 6200 },
    });
    expect(plan.audits).toEqual([{ audit: 'fieldwork-3', days: 6, cost: 6200, held: true, notes: [] }]);
  });
});
