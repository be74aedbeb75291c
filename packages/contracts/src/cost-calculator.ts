import { z } from 'zod';

import { type AuditorTerms, auditorTermsSchema, type CostPlan, fromCents, toCents } from './audit-cost.js';
import { planIsoCycle, planSoc2Period } from './audit-plan.js';
import { aiRoles, auditDaysSchema, MAX_INTEGRATION_REDUCTION_PERCENT } from './audit-time.js';
import type { IsoFrameworkId, IsoProgramSettings } from './iso-model.js';
import { type CostFramework, type TypicalRange, typicalRangesFor } from './typical-costs.js';

/**
 * The cost calculator (docs/adr/0019): from the persons in scope, the frameworks wanted, the AI roles and a day
 * rate, the audit days and certification-body cost of one full three-year cycle, with each ISO standard audited
 * separately and, when both are wanted, in one integrated audit (IAF MD 11). It runs the programs' own audit-plan
 * functions on draft settings, so its answer is the one a program created from it would plan.
 */

export const costFrameworks = ['iso27001', 'iso42001', 'soc2'] as const satisfies readonly CostFramework[];
export const CYCLE_YEARS = 3;

export const costCalculatorInputSchema = z
  .object({
    frameworks: z
      .array(z.enum(costFrameworks))
      .min(1)
      .max(3)
      .refine((f) => new Set(f).size === f.length, { message: 'frameworks must be distinct' }),
    /** Persons doing work under the organisation's control in scope (ISO/IEC 27006-1 Table C.1). */
    personsInScope: z.number().int().min(1).max(1_000_000),
    /** Persons involved in AI-governed processes (ISO/IEC 42006); needed for ISO/IEC 42001. */
    aiPersonsInScope: z.number().int().min(1).max(1_000_000).optional(),
    aiRoles: z
      .array(z.enum(aiRoles))
      .min(1)
      .max(aiRoles.length)
      .refine((r) => new Set(r).size === r.length, { message: 'AI roles must be distinct' })
      .optional(),
    currency: auditorTermsSchema.shape.currency,
    dayRate: auditorTermsSchema.shape.dayRate,
    /** IAF MD 11 reduction claimed for an integrated system; at most 20 % is applied. */
    integrationReductionPercent: z.number().int().min(0).max(100).default(MAX_INTEGRATION_REDUCTION_PERCENT),
    /** SOC 2 fieldwork days per Type II period, as a CPA firm quoted (no published table exists). */
    soc2FieldworkDays: auditDaysSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.frameworks.includes('iso42001')) return;
    if (input.aiPersonsInScope === undefined) {
      ctx.addIssue({ code: 'custom', path: ['aiPersonsInScope'], message: 'needed for ISO/IEC 42001' });
    }
    if (input.aiRoles === undefined) {
      ctx.addIssue({ code: 'custom', path: ['aiRoles'], message: 'needed for ISO/IEC 42001' });
    }
  });
export type CostCalculatorInput = z.output<typeof costCalculatorInputSchema>;
export type CostCalculatorInputDraft = z.input<typeof costCalculatorInputSchema>;

export interface CalculatedPlan {
  frameworks: string[];
  plan: CostPlan;
}
export interface CostCalculation {
  currency: string;
  cycleYears: number;
  /** Each ISO standard audited on its own. */
  separate: CalculatedPlan[];
  /** Both ISO standards in one integrated audit; null unless both are wanted. */
  integrated: (CalculatedPlan & { appliedReductionPercent: number; capped: boolean }) | null;
  /** What integration saves over the separate audits; null when not applicable or a figure is unknown. */
  saving: { days: number; cost: number } | null;
  /** SOC 2 Type II: one 12-month period per year of the cycle, fieldwork as quoted. */
  soc2: CalculatedPlan | null;
  typicalRanges: TypicalRange[];
}

const termsOf = (input: CostCalculatorInput): AuditorTerms => ({
  currency: input.currency,
  dayRate: input.dayRate,
  travelPerAuditDay: 0,
  feePerAudit: 0,
  annualFee: 0,
  initialFee: 0,
});

/** The draft settings a program created from the calculator would start with. */
export function calculatorIsoSettings(input: CostCalculatorInput): IsoProgramSettings {
  return {
    personsInScope: input.personsInScope,
    aiPersonsInScope: input.aiPersonsInScope,
    aiRoles: input.aiRoles,
    stage1SharePercent: 30,
    integrationReductionPercent: input.integrationReductionPercent,
    quotedDays: {},
    terms: termsOf(input),
  };
}

function isoPlan(frameworks: IsoFrameworkId[], settings: IsoProgramSettings): CostPlan {
  return planIsoCycle({
    frameworks,
    settings,
    certificateValidityYears: CYCLE_YEARS,
    initial: true,
    held: {},
  });
}

/** Adds up SOC 2 periods (one per year of the cycle); any unknown figure makes the total unknown. */
function soc2Plan(input: CostCalculatorInput): CostPlan {
  const periods = Array.from({ length: CYCLE_YEARS }, (_, i) =>
    planSoc2Period({
      settings: { fieldworkDays: input.soc2FieldworkDays, terms: termsOf(input) },
      periodNumber: i + 1,
      periodMonths: 12,
      first: i === 0,
      typeIPending: false,
    }),
  );
  const audits = periods.flatMap((p) => p.audits);
  const known = periods.every((p) => p.totalDays !== null);
  return {
    currency: input.currency,
    audits,
    fees: periods.flatMap((p) => p.fees),
    totalDays: known ? periods.reduce((s, p) => s + p.totalDays!, 0) : null,
    totalCost: known ? fromCents(periods.reduce((s, p) => s + toCents(p.totalCost!), 0)) : null,
  };
}

export function calculateCertificationCost(input: CostCalculatorInput): CostCalculation {
  const settings = calculatorIsoSettings(input);
  const iso = (['iso27001', 'iso42001'] as const).filter((f) => input.frameworks.includes(f));
  const separate = iso.map((f) => ({ frameworks: [f], plan: isoPlan([f], settings) }));
  let integrated: CostCalculation['integrated'] = null;
  let saving: CostCalculation['saving'] = null;
  if (iso.length === 2) {
    const applied = Math.min(input.integrationReductionPercent, MAX_INTEGRATION_REDUCTION_PERCENT);
    integrated = {
      frameworks: [...iso],
      plan: isoPlan([...iso], settings),
      appliedReductionPercent: applied,
      capped: input.integrationReductionPercent > MAX_INTEGRATION_REDUCTION_PERCENT,
    };
    const days = separate.map((s) => s.plan.totalDays);
    const costs = separate.map((s) => s.plan.totalCost);
    const { totalDays, totalCost } = integrated.plan;
    if (days.every((d) => d !== null) && costs.every((c) => c !== null) && totalDays !== null) {
      saving = {
        days: (days.reduce((s, d) => s + Math.round(d * 4), 0) - Math.round(totalDays * 4)) / 4,
        cost: fromCents(costs.reduce((s, c) => s + toCents(c), 0) - toCents(totalCost!)),
      };
    }
  }
  return {
    currency: input.currency,
    cycleYears: CYCLE_YEARS,
    separate,
    integrated,
    saving,
    soc2: input.frameworks.includes('soc2') ? { frameworks: ['soc2'], plan: soc2Plan(input) } : null,
    typicalRanges: typicalRangesFor(input.frameworks),
  };
}
