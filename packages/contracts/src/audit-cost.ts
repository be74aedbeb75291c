import { z } from 'zod';

/**
 * What a certification body (or, for SOC 2, the CPA firm) charges, and the planned cost of an audit from it.
 * Amounts are in the terms' currency with at most two decimals; sums are computed in cents so they stay exact.
 */

const money = z
  .number()
  .min(0)
  .max(100_000_000)
  // Whole cents, allowing for binary fractions (0.1 + 0.2 is 0.30000000000000004).
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    message: 'amounts have at most two decimals',
  });

export const auditorTermsSchema = z.object({
  /** ISO 4217 code, e.g. EUR, USD, GBP. */
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as EUR' }),
  /** Fee per auditor-day. */
  dayRate: money,
  /** Travel and expenses budgeted per auditor-day (0 for remote audits). */
  travelPerAuditDay: money.default(0),
  /** Fixed fee per audit (report, administration; for SOC 2 the report fee). */
  feePerAudit: money.default(0),
  /** Yearly fee (registration, licence), counted for each year of a certificate or 12 months of periods. */
  annualFee: money.default(0),
  /** One-off fee for an initial certification (application) or a first SOC 2 engagement. */
  initialFee: money.default(0),
});
export type AuditorTerms = z.output<typeof auditorTermsSchema>;
export type AuditorTermsInput = z.input<typeof auditorTermsSchema>;

export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

/** Planned cost of one audit of `days` auditor-days: days × (day rate + travel) + the per-audit fee. */
export function auditCost(days: number, terms: AuditorTerms): number {
  // Days are quarter days and rates have cents, so (days × 4) × cents is an exact integer.
  const dailyCents = toCents(terms.dayRate) + toCents(terms.travelPerAuditDay);
  const cents = (Math.round(days * 4) * dailyCents) / 4 + toCents(terms.feePerAudit);
  return fromCents(Math.round(cents));
}

export interface PlannedAudit {
  /** Audit kind, e.g. `stage1`, `surveillance1`, `fieldwork-2`. */
  audit: string;
  /** null when the days are not known yet (see `notes`). */
  days: number | null;
  cost: number | null;
  /** The audit took place: its figures were frozen then and later settings changes leave them alone. */
  held: boolean;
  notes: string[];
}

export interface PlannedFee {
  label: string;
  amount: number;
}

export interface CostPlan {
  /** null until the certification body's (or CPA firm's) terms are set. */
  currency: string | null;
  audits: PlannedAudit[];
  fees: PlannedFee[];
  /** Sum of every audit's days; null if any is unknown. */
  totalDays: number | null;
  /** Audits plus fees; null if any figure is unknown or no terms are set. */
  totalCost: number | null;
}

/** Adds up planned audits and fees; any unknown figure makes the total unknown rather than too low. */
export function totalPlan(currency: string | null, audits: PlannedAudit[], fees: PlannedFee[]): CostPlan {
  const daysKnown = audits.every((a) => a.days !== null);
  const costKnown = currency !== null && audits.every((a) => a.cost !== null);
  const totalDaysQ = audits.reduce((sum, a) => sum + Math.round((a.days ?? 0) * 4), 0);
  const totalCents =
    audits.reduce((sum, a) => sum + toCents(a.cost ?? 0), 0) +
    fees.reduce((s, f) => s + toCents(f.amount), 0);
  return {
    currency,
    audits,
    fees,
    totalDays: daysKnown ? totalDaysQ / 4 : null,
    totalCost: costKnown ? fromCents(totalCents) : null,
  };
}

/** Fees of a certification cycle or a year of SOC 2 periods under `terms`. */
export function cycleFees(terms: AuditorTerms, years: number, initial: boolean): PlannedFee[] {
  const fees: PlannedFee[] = [];
  if (initial && terms.initialFee > 0) fees.push({ label: 'initial fee', amount: terms.initialFee });
  if (terms.annualFee > 0 && years > 0) {
    fees.push({ label: `annual fee × ${years}`, amount: fromCents(toCents(terms.annualFee) * years) });
  }
  return fees;
}
