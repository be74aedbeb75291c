import { fromCents, toCents } from './audit-cost.js';
import type { CalendarDate } from './calendar-date.js';

/**
 * Monthly burn, forecast and totals of certification cost (docs/adr/0019-cost-burn-and-calculator.md), computed
 * the same way by the API, the bench and the web app. Amounts in different currencies are never added: every
 * figure belongs to one currency's summary.
 *
 * - **Budget** is planned per calendar year and phased evenly over its twelve months (cents spread so the months
 *   add up to the line exactly).
 * - **Actual** is what was spent: amounts people recorded and the frozen cost of every audit the workflows held.
 * - **Forecast** is the planned cost of the audits of each program's current cycle not held yet (the workflows'
 *   audit plan, `audit-plan.ts`), in the month each is planned; an audit whose planned day has passed without
 *   being held is still to be paid, so it is forecast in the current month.
 */

/** `YYYY-MM`. */
export type Month = string;
export const monthOf = (date: CalendarDate): Month => date.slice(0, 7);

export interface CostProgram {
  id: string;
  name: string;
  frameworks: readonly string[];
}
export interface BudgetEntry {
  programId: string;
  currency: string;
  year: number;
  amount: number;
}
export interface ActualEntry {
  programId: string;
  currency: string;
  on: CalendarDate;
  amount: number;
}
/** A planned audit of a program's current cycle that has not been held. */
export interface PlannedEntry {
  programId: string;
  currency: string;
  /**
   * The day it is planned on (scheduled, else due, else its deadline); null while the workflow cannot date it yet
   * (a second surveillance before the first is held): it counts in the totals, not in any month.
   */
  on: CalendarDate | null;
  amount: number;
}

export interface CostFigures {
  budget: number;
  /** Budget of the months up to and including the current one. */
  budgetToDate: number;
  actual: number;
  forecast: number;
  /** The part of `forecast` whose audits have no date yet, so it is in no month. */
  forecastUndated: number;
  /** actual + forecast: what the budget's period is expected to cost. */
  projected: number;
  /** budget − projected; negative when the spend is expected to overrun. */
  variance: number;
}
export interface MonthFigures {
  month: Month;
  budget: number;
  actual: number;
  forecast: number;
  cumulativeBudget: number;
  /** Actuals to this month, then actuals plus forecast from the current month on. */
  cumulativeProjected: number;
}
export interface CurrencyCostSummary {
  currency: string;
  totals: CostFigures;
  months: MonthFigures[];
  programs: ({ programId: string; name: string; frameworks: string[] } & CostFigures)[];
  /** A program under several frameworks counts under each of them (like the overview); the totals count it once. */
  frameworks: ({ framework: string } & CostFigures)[];
}

interface Cents {
  budget: Map<Month, number>;
  actual: Map<Month, number>;
  forecast: Map<Month, number>;
  undated: number;
}

const add = (map: Map<Month, number>, month: Month, cents: number) =>
  map.set(month, (map.get(month) ?? 0) + cents);
const sum = (map: Map<Month, number>, keep: (m: Month) => boolean = () => true) =>
  [...map].reduce((s, [m, c]) => (keep(m) ? s + c : s), 0);

/** The twelve months of `year` with `cents` spread evenly, the remainder one cent at a time from January. */
export function phaseYear(year: number, cents: number): [Month, number][] {
  const base = Math.trunc(cents / 12);
  const rest = cents - base * 12;
  return Array.from({ length: 12 }, (_, i) => [
    `${year}-${String(i + 1).padStart(2, '0')}`,
    base + (i < Math.abs(rest) ? Math.sign(rest) : 0),
  ]);
}

function months(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let key = from; key <= to; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

function figures(c: Cents, current: Month): CostFigures {
  const budget = sum(c.budget);
  const actual = sum(c.actual);
  const forecast = sum(c.forecast) + c.undated;
  return {
    budget: fromCents(budget),
    budgetToDate: fromCents(sum(c.budget, (m) => m <= current)),
    actual: fromCents(actual),
    forecast: fromCents(forecast),
    forecastUndated: fromCents(c.undated),
    projected: fromCents(actual + forecast),
    variance: fromCents(budget - actual - forecast),
  };
}

// One collator for every sort: `localeCompare` builds one per call, which dominates a 200-program summary.
const collator = new Intl.Collator('en');

const emptyCents = (): Cents => ({ budget: new Map(), actual: new Map(), forecast: new Map(), undated: 0 });

/** Budget, actual and forecast per currency, month, program and framework. */
export function costSummary(input: {
  today: CalendarDate;
  programs: readonly CostProgram[];
  budget: readonly BudgetEntry[];
  actuals: readonly ActualEntry[];
  planned: readonly PlannedEntry[];
}): CurrencyCostSummary[] {
  const current = monthOf(input.today);
  const byCurrency = new Map<string, { all: Cents; perProgram: Map<string, Cents> }>();
  const slot = (currency: string, programId: string) => {
    let entry = byCurrency.get(currency);
    if (!entry) byCurrency.set(currency, (entry = { all: emptyCents(), perProgram: new Map() }));
    let program = entry.perProgram.get(programId);
    if (!program) entry.perProgram.set(programId, (program = emptyCents()));
    return [entry.all, program] as const;
  };
  for (const line of input.budget) {
    for (const [month, cents] of phaseYear(line.year, toCents(line.amount))) {
      for (const c of slot(line.currency, line.programId)) add(c.budget, month, cents);
    }
  }
  for (const a of input.actuals) {
    for (const c of slot(a.currency, a.programId)) add(c.actual, monthOf(a.on), toCents(a.amount));
  }
  for (const p of input.planned) {
    for (const c of slot(p.currency, p.programId)) {
      if (p.on === null) c.undated += toCents(p.amount);
      else add(c.forecast, monthOf(p.on) < current ? current : monthOf(p.on), toCents(p.amount));
    }
  }
  const programs = new Map(input.programs.map((p) => [p.id, p]));
  return [...byCurrency.keys()].sort().map((currency) => {
    const { all, perProgram } = byCurrency.get(currency)!;
    const used = [...all.budget.keys(), ...all.actual.keys(), ...all.forecast.keys(), current].sort();
    let cumulativeBudget = 0;
    let cumulativeProjected = 0;
    const monthRows = months(used[0]!, used[used.length - 1]!).map((month): MonthFigures => {
      const budget = all.budget.get(month) ?? 0;
      const actual = all.actual.get(month) ?? 0;
      const forecast = all.forecast.get(month) ?? 0;
      cumulativeBudget += budget;
      cumulativeProjected += actual + (month >= current ? forecast : 0);
      return {
        month,
        budget: fromCents(budget),
        actual: fromCents(actual),
        forecast: fromCents(forecast),
        cumulativeBudget: fromCents(cumulativeBudget),
        cumulativeProjected: fromCents(cumulativeProjected),
      };
    });
    const programRows = [...perProgram]
      .map(([programId, c]) => {
        const program = programs.get(programId);
        return {
          programId,
          name: program?.name ?? programId,
          frameworks: [...(program?.frameworks ?? [])],
          ...figures(c, current),
        };
      })
      .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.programId, b.programId));
    const frameworkCents = new Map<string, Cents>();
    for (const [programId, c] of perProgram) {
      for (const framework of programs.get(programId)?.frameworks ?? []) {
        const f = frameworkCents.get(framework) ?? emptyCents();
        frameworkCents.set(framework, f);
        for (const key of ['budget', 'actual', 'forecast'] as const) {
          for (const [month, cents] of c[key]) add(f[key], month, cents);
        }
        f.undated += c.undated;
      }
    }
    return {
      currency,
      totals: figures(all, current),
      months: monthRows,
      programs: programRows,
      frameworks: [...frameworkCents.keys()]
        .sort()
        .map((framework) => ({ framework, ...figures(frameworkCents.get(framework)!, current) })),
    };
  });
}
