import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDateOf,
  compareDates,
  daysBetween,
  firstDayOfYear,
  lastDayOfYear,
  minDate,
  startOfDayMs,
  yearOf,
} from './calendar-date.js';
import { monthAnniversary } from './month-windows.js';

// The day arithmetic every rule rests on: UTC days, whatever time zone the process runs in.

/** Runs `fn` with the process in `zone` (Node applies a change of TZ at once). */
function inTimeZone(zone: string, fn: () => void): void {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('calendar dates', () => {
  it('refuse what is not a day of the calendar, naming it', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(new TypeError('Not a calendar date: 2027-02-30'));
    expect(() => addDays('27-02-03', 1)).toThrow(new TypeError('Not a calendar date: 27-02-03'));
    expect(() => yearOf('2027-13-01')).toThrow(TypeError);
  });

  it('compare, pick the earliest and find year ends', () => {
    expect(compareDates('2027-12-31', '2028-01-01')).toBe(-1);
    expect(compareDates('2028-01-01', '2027-12-31')).toBe(1);
    expect(compareDates('2028-02-29', '2028-02-29')).toBe(0);
    expect(minDate('2028-03-01', '2028-02-29', '2029-01-01')).toBe('2028-02-29');
    expect(minDate('2028-02-29')).toBe('2028-02-29');
    expect(() => minDate()).toThrow(new TypeError('minDate needs at least one date'));
    expect(lastDayOfYear(2028)).toBe('2028-12-31');
    expect(firstDayOfYear(2029)).toBe('2029-01-01');
    expect(lastDayOfYear(987)).toBe('0987-12-31');
    expect(firstDayOfYear(987)).toBe('0987-01-01');
  });

  it('write four-digit years and two-digit months and days', () => {
    expect(addMonths('0999-01-05', 1)).toBe('0999-02-05');
    expect(addMonths('2027-08-31', 1)).toBe('2027-09-30');
    expect(monthAnniversary('0999-01-05', 1)).toBe('0999-02-05');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(daysBetween('2028-03-01', '2028-02-28')).toBe(-2);
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'UTC'])(
    'name the UTC day of an instant and its first millisecond with the process in %s',
    (zone) => {
      inTimeZone(zone, () => {
        // 23:30 UTC on 31 December is already 1 January east of UTC and still 31 December west of it.
        const lateOnNewYearsEve = Date.UTC(2027, 11, 31, 23, 30);
        expect(calendarDateOf(lateOnNewYearsEve)).toBe('2027-12-31');
        expect(calendarDateOf(Date.UTC(2028, 1, 29, 0, 0))).toBe('2028-02-29');
        expect(startOfDayMs('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
        expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
        expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
      });
    },
  );
});
