import {
  addDays,
  type CalendarDate,
  type JsonValue,
  monthWindowEnd,
  observationPeriod,
  reportingDeadlines,
  type Soc2OverrideRule,
  type Soc2PeriodState,
  type Soc2ProgramState,
  soc2ProgramSettingsSchema,
  type Soc2ReportRecord,
  type Soc2Stage,
} from '@certflow/contracts';
import { legacyDates } from '../shared/legacy-dates.js';
import { sharedPatches } from '../shared/patches.js';
import { ProgramRules } from '../shared/program-rules.js';
import { reject, violates } from '../shared/rejected-action.js';
import { soc2Patches } from './patches.js';

const label = 'SOC 2 program';

/** Whole months a period from `start` through `end` spans (the smallest window reaching its end). */
export function monthsSpanned(start: CalendarDate, end: CalendarDate): number {
  for (let months = 1; months < 12; months++) if (monthWindowEnd(start, months) >= end) return months;
  return 12;
}

/**
 * The SOC 2 program's state and the helpers its rule modules share (periods.ts, reports.ts, coverage.ts,
 * exceptions.ts, calendar.ts). A run attests one observation period (`state.period`); by default the next one
 * starts the day after it ends, unless `planNextPeriod` set a later start, which leaves a coverage gap.
 */
export class Soc2Context extends ProgramRules<Soc2ProgramState, Soc2Stage, 'next-period'> {
  constructor(
    state: Soc2ProgramState,
    clock: () => number,
    newId: () => string,
    isPatched: (patchId: string) => boolean = () => true,
  ) {
    state.settings = soc2ProgramSettingsSchema.parse(state.settings ?? {});
    super(state, clock, newId, isPatched, label);
  }

  get label(): string {
    return label;
  }

  protected get position(): { [key: string]: JsonValue } {
    return { period: this.state.period?.number ?? null };
  }

  get config() {
    return this.state.config;
  }

  get settings() {
    return this.state.settings!;
  }

  get monthWindows(): boolean {
    return this.isPatched(sharedPatches.monthWindows);
  }

  /** Bridge letters speak only for days up to their issue date (runs from before the patch let them reach on). */
  get bridgeLettersToIssueDate(): boolean {
    return this.isPatched(soc2Patches.bridgeLetterToIssueDate);
  }

  /** Last day of a period or span of `months` from `start`, under this run's month convention. */
  windowEnd(start: CalendarDate, months: number): CalendarDate {
    return this.monthWindows ? monthWindowEnd(start, months) : legacyDates.periodEnd(start, months);
  }

  newPeriod(number: number, start: CalendarDate, months: number, end?: CalendarDate): Soc2PeriodState {
    const last =
      end ??
      (this.monthWindows ? observationPeriod(start, months).end : legacyDates.periodEnd(start, months));
    return { number, start, end: last, months, ...reportingDeadlines(last, this.config) };
  }

  /** The period after the attested one: planned with `planNextPeriod`, else back to back. */
  followingPeriod(): Soc2PeriodState | null {
    const p = this.state.period;
    if (!p) return null;
    const plan = this.state.nextPeriodPlan;
    if (plan) return this.newPeriod(p.number + 1, plan.start, plan.months);
    return this.newPeriod(p.number + 1, addDays(p.end, 1), this.config.periodMonths);
  }

  hasOverride(rule: Soc2OverrideRule, periodNumber: number): boolean {
    return this.state.overrides.some((o) => o.rule === rule && o.periodNumber === periodNumber);
  }

  lastTypeII(): Soc2ReportRecord | undefined {
    return this.state.reports.filter((r) => r.type === 'TYPE2').at(-1);
  }

  checkExceptionDueDates(
    exceptions: readonly { description: string; dueDate?: CalendarDate | undefined }[],
    field: string,
  ): void {
    const late = exceptions.find((e) => e.dueDate !== undefined && e.dueDate < this.today);
    if (late)
      reject(
        `The remediation of "${late.description}" cannot be due in the past (${late.dueDate}).`,
        violates('date-in-the-past', field),
      );
  }
}
