import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar-date.js';
import { lastMonthsFrom, monthAnniversary, monthsAfter, monthWindowEnd } from './month-windows.js';

describe('monthly anniversaries', () => {
  it('keep the day number, and roll a missing day to the 1st of the next month', () => {
    expect(monthAnniversary('2027-03-15', 6)).toBe('2027-09-15');
    expect(monthAnniversary('2027-01-31', 1)).toBe('2027-03-01');
    expect(monthAnniversary('2028-01-31', 1)).toBe('2028-03-01');
    expect(monthAnniversary('2028-01-29', 1)).toBe('2028-02-29');
    expect(monthAnniversary('2027-01-29', 1)).toBe('2027-03-01');
    expect(monthAnniversary('2028-02-29', 12)).toBe('2029-03-01');
    expect(monthAnniversary('2028-02-29', 48)).toBe('2032-02-29');
    expect(monthAnniversary('2027-08-31', 3)).toBe('2027-12-01');
    expect(monthAnniversary('2027-12-31', 2)).toBe('2028-03-01');
  });

  it('work backwards across year ends', () => {
    expect(monthAnniversary('2028-01-15', -1)).toBe('2027-12-15');
    expect(monthAnniversary('2028-03-31', -1)).toBe('2028-03-01');
    expect(monthAnniversary('2029-03-01', -12)).toBe('2028-03-01');
  });
});

describe('windows of whole months (both ends inclusive)', () => {
  it('end the day before the anniversary', () => {
    expect(monthWindowEnd('2027-03-15', 6)).toBe('2027-09-14');
    expect(monthWindowEnd('2027-01-01', 12)).toBe('2027-12-31');
    expect(monthWindowEnd('2027-01-01', 1)).toBe('2027-01-31');
  });

  it('end on the last day of the target month when it lacks the start day', () => {
    expect(monthWindowEnd('2027-08-31', 6)).toBe('2028-02-29');
    expect(monthWindowEnd('2026-08-31', 6)).toBe('2027-02-28');
    expect(monthWindowEnd('2027-01-31', 1)).toBe('2027-02-28');
    expect(monthWindowEnd('2027-03-31', 1)).toBe('2027-04-30');
    expect(monthWindowEnd('2028-02-29', 12)).toBe('2029-02-28');
    expect(monthWindowEnd('2029-03-01', 36)).toBe('2032-02-29');
  });

  it('chain without losing or doubling a day: the next window starts the day after', () => {
    let start = '2027-01-31';
    const ends: string[] = [];
    for (let i = 0; i < 12; i++) {
      const end = monthWindowEnd(start, 1);
      ends.push(end);
      start = addDays(end, 1);
    }
    expect(ends.slice(0, 3)).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);
    expect(start).toBe('2028-02-01');
    expect(daysBetween('2027-01-31', start)).toBe(366);
  });

  it('"within N months after E" starts the day after E', () => {
    expect(monthsAfter('2029-09-30', 6)).toBe('2030-03-31');
    expect(monthsAfter('2029-09-29', 6)).toBe('2030-03-29');
    expect(monthsAfter('2027-02-28', 6)).toBe('2027-08-31');
    expect(monthsAfter('2027-02-27', 6)).toBe('2027-08-27');
    expect(monthsAfter('2027-02-28', 12)).toBe('2028-02-29');
    expect(monthsAfter('2028-02-29', 12)).toBe('2029-02-28');
    expect(monthsAfter('2027-12-31', 12)).toBe('2028-12-31');
    expect(monthsAfter('2027-03-15', 12)).toBe('2028-03-15');
  });

  it('the last N months of a span begin on the anniversary of the day after it, N months back', () => {
    expect(lastMonthsFrom('2030-03-14', 12)).toBe('2029-03-15');
    expect(lastMonthsFrom('2031-02-28', 12)).toBe('2030-03-01');
    expect(lastMonthsFrom('2030-12-31', 6)).toBe('2030-07-01');
    expect(monthWindowEnd(lastMonthsFrom('2030-12-31', 6), 6)).toBe('2030-12-31');
  });
});
