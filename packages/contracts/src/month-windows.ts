import { addDays, type CalendarDate } from './calendar-date.js';

/**
 * The one convention for every window counted in months (docs/adr/0011-month-windows.md), so a suspension, a
 * restoration window, the Stage 1 validity, the major-closure window, an observation period and a certificate all
 * end on the day a person would name:
 *
 * - A window of N months that **starts on day S** covers S through the day before S's monthly anniversary N months
 *   later, both ends inclusive: 2027-03-15 + 6 months → through 2027-09-14; 2027-01-01 + 12 → through 2027-12-31.
 * - The **anniversary** keeps the day number; when the target month has no such day (31 April, 30 February,
 *   29 February of a common year) it is the 1st of the month after, so the window ends on the target month's last
 *   day: 2027-08-31 + 6 months → through 2028-02-29; 2028-02-29 + 12 months → through 2029-02-28.
 * - **"Within N months after an event on day E"** is the window of N months that starts the day after E: a Stage 2
 *   ending 2029-09-30 leaves 2029-10-01 through 2030-03-31 to verify majors; one ending 2027-02-28 leaves through
 *   2027-08-31.
 *
 * A deadline computed this way is the last day still in time; the workflow acts on a miss at 00:00 UTC the day
 * after (docs/adr/0007).
 */

interface Parts {
  year: number;
  month: number;
  day: number;
}

function parts(date: CalendarDate): Parts {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

function format({ year, month, day }: Parts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day number `months` later (or earlier, for negative `months`); a day the target month lacks becomes
 * the 1st of the following month. 2027-01-31 + 1 → 2027-03-01; 2028-02-29 + 12 → 2029-03-01.
 */
export function monthAnniversary(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  if (day <= daysInMonth(targetYear, targetMonth))
    return format({ year: targetYear, month: targetMonth, day });
  return addDays(
    format({ year: targetYear, month: targetMonth, day: daysInMonth(targetYear, targetMonth) }),
    1,
  );
}

/** Last day of a window of `months` whole months that starts on `start` (both inclusive). */
export function monthWindowEnd(start: CalendarDate, months: number): CalendarDate {
  return addDays(monthAnniversary(start, months), -1);
}

/** Last day that is still "within `months` months after" an event on `event` (the window starts the next day). */
export function monthsAfter(event: CalendarDate, months: number): CalendarDate {
  return monthWindowEnd(addDays(event, 1), months);
}

/**
 * First day of the last `months` months of a span that ends on `end`: the anniversary, `months` back, of the day
 * after it. The last 12 months of a cycle that expires 2030-03-14 begin 2029-03-15.
 */
export function lastMonthsFrom(end: CalendarDate, months: number): CalendarDate {
  return monthAnniversary(addDays(end, 1), -months);
}
