import {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  firstDayOfYear,
  lastDayOfYear,
  minDate,
  yearOf,
} from './calendar-date.js';

/**
 * Date rules of an ISO management-system certification cycle (ISO/IEC 17021-1 §9.1.3, §9.3, §9.5, §9.6),
 * as pure functions so the workflow, the API and the web app compute the same dates.
 *
 * Conventions (docs/adr/0007-iso-certification-date-conventions.md):
 * - A cycle runs from its start day through its expiry day, both inclusive. Expiry is the day before the 3-year
 *   anniversary: 2027-03-15 → 2030-03-14; 2028-02-29 → 2031-02-28; 2029-03-01 → 2032-02-29 (no day is lost or
 *   doubled around leap days).
 * - The next cycle starts the day after the previous expiry, whenever recertification was decided, so certificate
 *   dates roll on without gaps or overlaps.
 * - "Within N months of X" means on or before X + N months, clamped to month end (2028-02-29 + 12 months = 2029-02-28).
 */
export interface IsoCyclePolicy {
  /** Certificate validity (17021-1: 3 years). */
  certificateValidityYears: number;
  /** First surveillance is due within this many months of the certification decision (17021-1: 12). */
  firstSurveillanceWithinMonths: number;
  /** CB practice: the second surveillance about this many months after the first. */
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

/**
 * The day before the anniversary of the start. An anniversary of 29 February in a common year is 1 March (as in
 * most legal systems for "N years from"), so 2028-02-29 expires 2031-02-28 and 2029-03-01 expires 2032-02-29.
 */
export function expiryFor(cycleStart: CalendarDate, validityYears: number): CalendarDate {
  const anniversary = addYears(cycleStart, validityYears);
  const rolled =
    cycleStart.endsWith('-02-29') && !anniversary.endsWith('-02-29') ? addDays(anniversary, 1) : anniversary;
  return addDays(rolled, -1);
}

/** Initial certification: the cycle starts on the decision day. */
export function initialCycleDates(decisionDate: CalendarDate, policy: IsoCyclePolicy): IsoCycleDates {
  return {
    decisionDate,
    cycleStart: decisionDate,
    expiryDate: expiryFor(decisionDate, policy.certificateValidityYears),
    surveillance1Due: addMonths(decisionDate, policy.firstSurveillanceWithinMonths),
  };
}

/**
 * Recertification decided on or before the previous expiry (or a restoration within the lapse window): the new
 * cycle runs from the old expiry, and surveillance is counted from the new decision.
 */
export function nextCycleDates(
  previousExpiry: CalendarDate,
  decisionDate: CalendarDate,
  policy: IsoCyclePolicy,
): IsoCycleDates {
  const cycleStart = addDays(previousExpiry, 1);
  return {
    decisionDate,
    cycleStart,
    expiryDate: expiryFor(cycleStart, policy.certificateValidityYears),
    surveillance1Due: addMonths(decisionDate, policy.firstSurveillanceWithinMonths),
  };
}

/**
 * Window for surveillance audit 2. Latest: the interval after surveillance 1, but never past the end of the next
 * calendar year (17021-1 §9.6.2: at least once per calendar year outside recertification years) nor past expiry.
 * Earliest: the next calendar year, so the year after surveillance 1 is not left without an audit.
 */
export function surveillance2Window(
  surveillance1LastDay: CalendarDate,
  expiryDate: CalendarDate,
  policy: IsoCyclePolicy,
): { earliest: CalendarDate; due: CalendarDate } {
  const nextYear = yearOf(surveillance1LastDay) + 1;
  return {
    earliest: firstDayOfYear(nextYear),
    due: minDate(
      addMonths(surveillance1LastDay, policy.surveillanceIntervalMonths),
      lastDayOfYear(nextYear),
      expiryDate,
    ),
  };
}

/** Last day on which Stage 2 may still rely on Stage 1 (CB policy; past it Stage 1 is repeated). */
export function stage1ValidUntil(stage1LastDay: CalendarDate, maxGapMonths: number): CalendarDate {
  return addMonths(stage1LastDay, maxGapMonths);
}

/** Majors from Stage 2 must be verified closed by this day, else Stage 2 is repeated (17021-1 §9.5). */
export function majorClosureDeadline(stage2LastDay: CalendarDate, months: number): CalendarDate {
  return addMonths(stage2LastDay, months);
}

/** Last day a lapsed certificate can still be restored (17021-1 §9.6.3: 6 months after expiry). */
export function restorationDeadline(expiryDate: CalendarDate, months: number): CalendarDate {
  return addMonths(expiryDate, months);
}

/** The days on which reminders for `due` go out, earliest first (e.g. 14, 7 and 1 days before). */
export function reminderDates(
  due: CalendarDate,
  daysBefore: readonly number[],
): { daysBefore: number; on: CalendarDate }[] {
  return [...daysBefore].sort((a, b) => b - a).map((days) => ({ daysBefore: days, on: addDays(due, -days) }));
}
