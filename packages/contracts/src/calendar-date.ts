import { z } from 'zod';

/**
 * Certification dates are calendar days, not instants: a certificate issued on 2027-03-15 is valid on that
 * day everywhere. We keep them as ISO `YYYY-MM-DD` strings (serialisable, comparable as strings) and do all
 * arithmetic in UTC so the workflow clock and the database agree on which day it is.
 *
 * Month arithmetic clamps to the last day of the month (2028-02-29 + 1 year = 2029-02-28), the same rule as
 * `Temporal.PlainDate.add(..., { overflow: 'constrain' })`; a deadline computed this way is never later than the
 * rule allows.
 */
export type CalendarDate = string;

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = pattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: 'must be a calendar date written YYYY-MM-DD' });

function parts(date: CalendarDate): { year: number; month: number; day: number } {
  const match = pattern.exec(date);
  if (!match || !isCalendarDate(date)) throw new TypeError(`Not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function fromUtc(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC at the start of the day: the instant a deadline on that day begins. */
export function startOfDayMs(date: CalendarDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day);
}

/** The calendar day (UTC) that contains an instant, e.g. the workflow clock's `Date.now()`. */
export function calendarDateOf(epochMs: number): CalendarDate {
  return fromUtc(epochMs);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(startOfDayMs(date) + days * 86_400_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds whole months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(...dates: CalendarDate[]): CalendarDate {
  const [first, ...rest] = dates;
  if (first === undefined) throw new TypeError('minDate needs at least one date');
  return rest.reduce((min, d) => (d < min ? d : min), first);
}

export function yearOf(date: CalendarDate): number {
  return parts(date).year;
}

export function lastDayOfYear(year: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-12-31`;
}

export function firstDayOfYear(year: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-01-01`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((startOfDayMs(to) - startOfDayMs(from)) / 86_400_000);
}
