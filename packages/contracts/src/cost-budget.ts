import { z } from 'zod';

import { auditCost, auditorTermsSchema, fromCents, toCents } from './audit-cost.js';
import { auditDaysSchema } from './audit-time.js';
import { calendarDateSchema } from './calendar-date.js';

/**
 * Budget lines and actual costs of a program (docs/adr/0019-cost-burn-and-calculator.md). Lines are planned per
 * program and calendar year; actuals are recorded against a line by people, or come from audits the workflows
 * held (their frozen planned cost). Money is in the line's currency with at most two decimals, summed in cents.
 */

export const budgetLineKinds = [
  'certification-body',
  'cpa-firm',
  'consultants',
  'tooling',
  'internal-hours',
] as const;
export type BudgetLineKind = (typeof budgetLineKinds)[number];

export const budgetLineKindLabels: Record<BudgetLineKind, string> = {
  'certification-body': 'Certification body fees (audit days × day rate)',
  'cpa-firm': 'CPA firm fees',
  consultants: 'Consultants',
  tooling: 'Tooling',
  'internal-hours': 'Internal hours × rate',
};

const money = auditorTermsSchema.shape.dayRate;
const currency = auditorTermsSchema.shape.currency;
const year = z.number().int().min(2000).max(2100);
const label = z.string().trim().min(1).max(200);

const common = { programId: z.uuid(), year, label, currency };

/** A budget line as a person enters it; certification-body and internal-hours lines compute their amount. */
export const budgetLineInputSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('certification-body'), auditDays: auditDaysSchema, dayRate: money }),
  z.object({
    ...common,
    kind: z.literal('internal-hours'),
    hours: z.number().positive().max(1_000_000),
    hourlyRate: money,
  }),
  z.object({ ...common, kind: z.literal('cpa-firm'), amount: money }),
  z.object({ ...common, kind: z.literal('consultants'), amount: money }),
  z.object({ ...common, kind: z.literal('tooling'), amount: money }),
]);
export type BudgetLineInput = z.output<typeof budgetLineInputSchema>;
export type BudgetLineFigures = BudgetLineInput;

/** A line's budgeted amount: audit days × day rate, hours × hourly rate, or the amount given. */
export function budgetLineAmount(figures: BudgetLineFigures): number {
  switch (figures.kind) {
    case 'certification-body':
      return auditCost(figures.auditDays, {
        currency: 'XXX',
        dayRate: figures.dayRate,
        travelPerAuditDay: 0,
        feePerAudit: 0,
        annualFee: 0,
        initialFee: 0,
      });
    case 'internal-hours':
      // Hours may have decimals (7.5 h); cents × hours rounded once to the cent.
      return fromCents(Math.round(toCents(figures.hourlyRate) * figures.hours));
    default:
      return figures.amount;
  }
}

/** Organisation-level audit-trail events of the cost ledger (the program is in the payload, so auditors, who
 * read granted programs' trails, never see cost). */
export const costEventTypes = [
  'cost.budget-line-created',
  'cost.budget-line-changed',
  'cost.budget-line-deleted',
  'cost.actual-recorded',
  'cost.actual-deleted',
] as const;
export type CostEventType = (typeof costEventTypes)[number];

export const actualCostSources = ['manual', 'audit-held'] as const;
export type ActualCostSource = (typeof actualCostSources)[number];

/** An amount spent, recorded by a person against one of the program's budget lines. */
export const actualCostInputSchema = z.object({
  budgetLineId: z.uuid(),
  incurredOn: calendarDateSchema,
  amount: money.refine((v) => v > 0, { message: 'must be more than 0' }),
  description: z.string().trim().min(1).max(500),
});
export type ActualCostInput = z.output<typeof actualCostInputSchema>;
