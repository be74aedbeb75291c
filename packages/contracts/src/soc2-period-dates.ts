import { addDays, type CalendarDate, daysBetween, minDate } from './calendar-date.js';
import { monthWindowEnd } from './month-windows.js';

/**
 * Date and coverage rules of a SOC 2 Type II attestation program, as pure functions so the workflow, the API and
 * the web app agree on every day.
 *
 * Conventions (all days inclusive; months as in docs/adr/0011-month-windows.md):
 * - An observation period of N months is a window of N whole months from its start: it ends the day before the
 *   start's monthly anniversary, and on the target month's last day when that month lacks the day:
 *   2027-01-01 (12) → 2027-12-31; 2028-01-01 (12) → 2028-12-31 (366 days); 2027-08-31 (6) → 2028-02-29.
 * - By default the next period starts the day after the previous one ends (back to back); a program may plan a
 *   later start, and the days in between are a coverage gap.
 * - Bridge letters speak for the days after the last reported period up to their own issue date, never beyond;
 *   together they may reach at most `maxMonths` past that period without an override.
 */

export interface ObservationPeriodDates {
  start: CalendarDate;
  end: CalendarDate;
}

export function observationPeriod(start: CalendarDate, months: number): ObservationPeriodDates {
  return { start, end: monthWindowEnd(start, months) };
}

/** The back-to-back successor of a period. */
export function nextObservationPeriod(previousEnd: CalendarDate, months: number): ObservationPeriodDates {
  return observationPeriod(addDays(previousEnd, 1), months);
}

/** Days after the period end by which fieldwork must start and the report must be issued. */
export function reportingDeadlines(
  periodEnd: CalendarDate,
  policy: { fieldworkWithinWeeks: number; reportDueWeeks: number },
): { fieldworkDue: CalendarDate; reportDue: CalendarDate } {
  return {
    fieldworkDue: addDays(periodEnd, policy.fieldworkWithinWeeks * 7),
    reportDue: addDays(periodEnd, policy.reportDueWeeks * 7),
  };
}

/**
 * The days management bridge letters may cover after a report for the period ending `reportedPeriodEnd`: from the
 * next day for at most `maxMonths`, never past the end of the period that follows; each letter also ends by its
 * own issue date.
 */
export function bridgeLetterWindow(
  reportedPeriodEnd: CalendarDate,
  followingPeriodEnd: CalendarDate,
  maxMonths: number,
): { from: CalendarDate; latestTo: CalendarDate } {
  const from = addDays(reportedPeriodEnd, 1);
  return { from, latestTo: minDate(monthWindowEnd(from, maxMonths), followingPeriodEnd) };
}

/** The days a bridge letter really speaks for: management can vouch for nothing after the day it signs. */
export function bridgedDays(letter: { from: CalendarDate; to: CalendarDate; issuedOn: CalendarDate }): {
  from: CalendarDate;
  to: CalendarDate;
} {
  return { from: letter.from, to: minDate(letter.to, letter.issuedOn) };
}

/** Days between consecutive periods that no period covers (sorted by start), as gap segments. */
export function gapsBetweenPeriods(periods: readonly ObservationPeriodDates[]): CoverageSegment[] {
  const sorted = [...periods].sort((a, b) => (a.start < b.start ? -1 : 1));
  const gaps: CoverageSegment[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const afterPrevious = addDays(sorted[i - 1]!.end, 1);
    if (afterPrevious < sorted[i]!.start) {
      gaps.push({ kind: 'gap', from: afterPrevious, to: addDays(sorted[i]!.start, -1) });
    }
  }
  return gaps;
}

export const soc2Opinions = ['UNMODIFIED', 'QUALIFIED', 'ADVERSE', 'DISCLAIMER'] as const;
export type Soc2Opinion = (typeof soc2Opinions)[number];

/** Adverse opinions and disclaimers give user entities no assurance, so their periods do not count as covered. */
export function opinionGivesAssurance(opinion: Soc2Opinion): boolean {
  return opinion === 'UNMODIFIED' || opinion === 'QUALIFIED';
}

export interface CoveragePeriod extends ObservationPeriodDates {
  /** The Type II report, once issued. */
  opinion?: Soc2Opinion;
  /** Until this day an unreported period is still expected to be covered by its report. */
  reportDue: CalendarDate;
}

export type CoverageKind = 'covered' | 'bridged' | 'pending' | 'gap';

export interface CoverageSegment {
  kind: CoverageKind;
  from: CalendarDate;
  to: CalendarDate;
}

export interface Coverage {
  /** First day that must be covered (the first observation period's start); null before one is set. */
  from: CalendarDate | null;
  /** Last day examined (today). */
  through: CalendarDate;
  days: Record<CoverageKind, number>;
  /** Consecutive days of one kind, in order. */
  segments: CoverageSegment[];
}

/**
 * Classifies every day from `from` through `asOf`, first match wins:
 * - covered: inside a period whose Type II report was issued with an unmodified or qualified opinion;
 * - bridged: inside a management bridge letter's range;
 * - pending: inside an observation period whose report is not issued yet but not overdue either (the period is
 *   running or its report is still within the lag the program expects), so the report will cover it;
 * - gap: anything else: no period, a report overdue, an adverse opinion or a disclaimer.
 */
export function computeCoverage(input: {
  from: CalendarDate | null;
  periods: readonly CoveragePeriod[];
  bridgeLetters: readonly { from: CalendarDate; to: CalendarDate }[];
  asOf: CalendarDate;
}): Coverage {
  const days: Record<CoverageKind, number> = { covered: 0, bridged: 0, pending: 0, gap: 0 };
  const segments: CoverageSegment[] = [];
  const { from, asOf } = input;
  // Before the first day to cover (from after asOf) the loop below finds no day.
  if (from === null) return { from, through: asOf, days, segments };

  const classify = (day: CalendarDate): CoverageKind => {
    const period = input.periods.find((p) => p.start <= day && day <= p.end);
    if (period?.opinion !== undefined && opinionGivesAssurance(period.opinion)) return 'covered';
    if (input.bridgeLetters.some((b) => b.from <= day && day <= b.to)) return 'bridged';
    if (period && period.opinion === undefined && asOf <= period.reportDue) return 'pending';
    return 'gap';
  };

  const total = daysBetween(from, asOf) + 1;
  for (let i = 0; i < total; i++) {
    const day = addDays(from, i);
    const kind = classify(day);
    days[kind]++;
    const last = segments.at(-1);
    if (last && last.kind === kind) last.to = day;
    else segments.push({ kind, from: day, to: day });
  }
  return { from, through: asOf, days, segments };
}
