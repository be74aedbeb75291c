import { addDays, type CalendarDate, firstDayOfYear, minDate, yearOf } from './calendar-date.js';
import { lastMonthsFrom, monthsAfter, monthWindowEnd } from './month-windows.js';

/**
 * Date rules of an ISO management-system certification cycle (ISO/IEC 17021-1 §9.1.3, §9.3, §9.5, §9.6),
 * as pure functions so the workflow, the API and the web app compute the same dates.
 *
 * Conventions (docs/adr/0007 and, for months, 0011-month-windows.md):
 * - A cycle runs from its start day through its expiry day, both inclusive: a window of 36 months, so expiry is
 *   the day before the 3-year anniversary: 2027-03-15 → 2030-03-14; 2028-02-29 → 2031-02-28; 2029-03-01 →
 *   2032-02-29 (no day is lost or doubled around leap days).
 * - "Within N months after X" (first surveillance, Stage 1 validity, major closure, restoration) is the window of
 *   N whole months that starts the day after X: Stage 2 ending 2029-09-30 → majors verified by 2030-03-31.
 * - The next cycle starts the day after the previous expiry, whenever recertification was decided, so certificate
 *   dates roll on without gaps or overlaps; its surveillance deadlines are counted inside it.
 */
export interface IsoCyclePolicy {
  /** Certificate validity (17021-1: 3 years). */
  certificateValidityYears: number;
  /** First surveillance is due within this many months of the certification decision (17021-1: 12). */
  firstSurveillanceWithinMonths: number;
  /** CB practice: the second surveillance about this many months after the first (at most 12). */
  surveillanceIntervalMonths: number;
}

export interface IsoCycleDates {
  /** Day of the (re)certification decision that opened the cycle. */
  decisionDate: CalendarDate;
  /** First day the certificate of this cycle is valid. */
  cycleStart: CalendarDate;
  /** Last day the certificate of this cycle is valid. */
  expiryDate: CalendarDate;
  /** Latest day for surveillance audit 1. */
  surveillance1Due: CalendarDate;
}

/** Last valid day of a certificate whose cycle starts on `cycleStart` (a window of `validityYears` years). */
export function expiryFor(cycleStart: CalendarDate, validityYears: number): CalendarDate {
  return monthWindowEnd(cycleStart, validityYears * 12);
}

/** Initial certification: the cycle starts on the decision day; surveillance 1 within 12 months after it. */
export function initialCycleDates(decisionDate: CalendarDate, policy: IsoCyclePolicy): IsoCycleDates {
  return {
    decisionDate,
    cycleStart: decisionDate,
    expiryDate: expiryFor(decisionDate, policy.certificateValidityYears),
    surveillance1Due: monthsAfter(decisionDate, policy.firstSurveillanceWithinMonths),
  };
}

/**
 * Recertification decided on or before the previous expiry: the new cycle runs from the day after the old expiry.
 * Surveillance 1 is due within 12 months of the decision, but counted from the cycle start when the decision
 * came earlier, so it always falls inside the new cycle.
 */
export function nextCycleDates(
  previousExpiry: CalendarDate,
  decisionDate: CalendarDate,
  policy: IsoCyclePolicy,
): IsoCycleDates {
  const cycleStart = addDays(previousExpiry, 1);
  const clockFrom = decisionDate > previousExpiry ? decisionDate : previousExpiry;
  return {
    decisionDate,
    cycleStart,
    expiryDate: expiryFor(cycleStart, policy.certificateValidityYears),
    surveillance1Due: monthsAfter(clockFrom, policy.firstSurveillanceWithinMonths),
  };
}

/**
 * Restoration after a lapse (17021-1 §9.6.3): the restored certificate is valid from the restoration decision, but
 * its expiry is still based on the previous cycle; the days from the old expiry to the decision were not certified.
 */
export function restoredCycleDates(
  previousExpiry: CalendarDate,
  decisionDate: CalendarDate,
  policy: IsoCyclePolicy,
): IsoCycleDates & { uncertified: { from: CalendarDate; to: CalendarDate } } {
  return {
    decisionDate,
    cycleStart: decisionDate,
    expiryDate: expiryFor(addDays(previousExpiry, 1), policy.certificateValidityYears),
    surveillance1Due: monthsAfter(decisionDate, policy.firstSurveillanceWithinMonths),
    uncertified: { from: addDays(previousExpiry, 1), to: addDays(decisionDate, -1) },
  };
}

/**
 * Window for surveillance audit 2 (17021-1 §9.6.2: at least once per calendar year outside recertification years).
 * Earliest: 1 January of the year after surveillance 1, so that year is not left without an audit. Latest: within
 * the CB's interval after surveillance 1, never past expiry. The interval is at most 12 months
 * (`certificationBodyPolicySchema`), and 12 months after any day of a year end by 31 December of the next one
 * (after 31 December: the next 31 December), so the calendar year needs no cap of its own.
 */
export function surveillance2Window(
  surveillance1LastDay: CalendarDate,
  expiryDate: CalendarDate,
  policy: IsoCyclePolicy,
): { earliest: CalendarDate; due: CalendarDate } {
  return {
    earliest: firstDayOfYear(yearOf(surveillance1LastDay) + 1),
    due: minDate(monthsAfter(surveillance1LastDay, policy.surveillanceIntervalMonths), expiryDate),
  };
}

/** First day the recertification audit may be held: the last `windowMonths` months before expiry (year 3). */
export function recertificationEarliest(expiryDate: CalendarDate, windowMonths: number): CalendarDate {
  return lastMonthsFrom(expiryDate, windowMonths);
}

/** Last day on which Stage 2 may still rely on Stage 1 (CB policy; past it Stage 1 is repeated). */
export function stage1ValidUntil(stage1LastDay: CalendarDate, maxGapMonths: number): CalendarDate {
  return monthsAfter(stage1LastDay, maxGapMonths);
}

/** Majors from Stage 2 must be verified closed by this day, else Stage 2 is repeated (17021-1 §9.5). */
export function majorClosureDeadline(stage2LastDay: CalendarDate, months: number): CalendarDate {
  return monthsAfter(stage2LastDay, months);
}

/** Last day a lapsed certificate can still be restored (17021-1 §9.6.3: within 6 months after expiry). */
export function restorationDeadline(expiryDate: CalendarDate, months: number): CalendarDate {
  return monthsAfter(expiryDate, months);
}

/** Last day of a suspension that starts on `since` (its first day) and lasts `months`; withdrawal follows. */
export function suspensionLastDay(since: CalendarDate, months: number): CalendarDate {
  return monthWindowEnd(since, months);
}

/** The days on which reminders for `due` go out, earliest first (e.g. 14, 7 and 1 days before). */
export function reminderDates(
  due: CalendarDate,
  daysBefore: readonly number[],
): { daysBefore: number; on: CalendarDate }[] {
  return [...daysBefore].sort((a, b) => b - a).map((days) => ({ daysBefore: days, on: addDays(due, -days) }));
}
