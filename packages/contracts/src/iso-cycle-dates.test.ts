import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  calendarDateSchema,
  daysBetween,
  isCalendarDate,
} from './calendar-date.js';
import { certificationBodyPolicySchema } from './iso-model.js';
import {
  expiryFor,
  initialCycleDates,
  majorClosureDeadline,
  nextCycleDates,
  recertificationEarliest,
  reminderDates,
  restorationDeadline,
  restoredCycleDates,
  stage1ValidUntil,
  surveillance2Window,
  suspensionLastDay,
} from './iso-cycle-dates.js';

const policy = certificationBodyPolicySchema.parse({});

describe('calendar arithmetic', () => {
  it('rejects impossible days', () => {
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(calendarDateSchema.safeParse('2027-3-1').success).toBe(false);
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-03-15', -6)).toBe('2026-09-15');
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
  });
});

describe('ISO certification cycle dates', () => {
  it('decision 2027-03-15: surveillance 1 due 2028-03-15, expiry 2030-03-14', () => {
    expect(initialCycleDates('2027-03-15', policy)).toEqual({
      decisionDate: '2027-03-15',
      cycleStart: '2027-03-15',
      expiryDate: '2030-03-14',
      surveillance1Due: '2028-03-15',
    });
  });

  it('decision on a leap day: surveillance 1 due 2029-02-28, certificate valid through 2031-02-28', () => {
    expect(initialCycleDates('2028-02-29', policy)).toEqual({
      decisionDate: '2028-02-29',
      cycleStart: '2028-02-29',
      expiryDate: '2031-02-28',
      surveillance1Due: '2029-02-28',
    });
  });

  it('a cycle starting the day after a leap day ends on the last day of February', () => {
    expect(expiryFor('2028-03-01', 3)).toBe('2031-02-28');
    expect(expiryFor('2029-03-01', 3)).toBe('2032-02-29');
  });

  it('recertification decided early runs the new cycle from the old expiry and counts surveillance inside it', () => {
    expect(nextCycleDates('2030-03-14', '2030-01-20', policy)).toEqual({
      decisionDate: '2030-01-20',
      cycleStart: '2030-03-15',
      expiryDate: '2033-03-14',
      // 12 months after the decision would be 2031-01-20; counted from the cycle start it is the cycle's first year.
      surveillance1Due: '2031-03-14',
    });
    // Decided 14 months early: the old rule put surveillance 1 before the new cycle even began.
    expect(nextCycleDates('2035-02-28', '2033-12-20', policy)).toMatchObject({
      cycleStart: '2035-03-01',
      surveillance1Due: '2036-02-29',
    });
    // Decided on the expiry day itself: still counted from the day after.
    expect(nextCycleDates('2030-03-14', '2030-03-14', policy).surveillance1Due).toBe('2031-03-14');
  });

  it('a recertification decided after the old expiry counts surveillance 1 from the decision', () => {
    expect(nextCycleDates('2030-03-14', '2030-04-01', policy)).toEqual({
      decisionDate: '2030-04-01',
      cycleStart: '2030-03-15',
      expiryDate: '2033-03-14',
      surveillance1Due: '2031-04-01',
    });
  });

  it('restoration is valid from its decision, expires on the rolled-on date and leaves the lapse uncertified', () => {
    expect(restoredCycleDates('2029-09-30', '2029-11-03', policy)).toEqual({
      decisionDate: '2029-11-03',
      cycleStart: '2029-11-03',
      expiryDate: '2032-09-30',
      surveillance1Due: '2030-11-03',
      uncertified: { from: '2029-10-01', to: '2029-11-02' },
    });
    // A leap-year expiry: the lapse spans 29 February.
    expect(restoredCycleDates('2028-02-28', '2028-03-02', policy)).toMatchObject({
      cycleStart: '2028-03-02',
      expiryDate: '2031-02-28',
      uncertified: { from: '2028-02-29', to: '2028-03-01' },
    });
  });

  it("the recertification audit may be held from the start of the cycle's last 12 months", () => {
    expect(recertificationEarliest('2030-03-14', 12)).toBe('2029-03-15');
    expect(recertificationEarliest('2031-02-28', 12)).toBe('2030-03-01');
    expect(recertificationEarliest('2032-02-29', 6)).toBe('2031-09-01');
    expect(recertificationEarliest('2030-08-30', 6)).toBe('2030-03-01');
  });

  it('surveillance 2 falls in the next calendar year and at most 12 months after surveillance 1', () => {
    expect(surveillance2Window('2028-02-10', '2030-03-14', policy)).toEqual({
      earliest: '2029-01-01',
      due: '2029-02-10',
    });
    // A shorter CB interval: 6 months after 2028-11-20.
    expect(
      surveillance2Window('2028-11-20', '2030-03-14', { ...policy, surveillanceIntervalMonths: 6 }),
    ).toEqual({
      earliest: '2029-01-01',
      due: '2029-05-20',
    });
    // Surveillance 1 on the last day of a year: surveillance 2 may follow the next day, and is due a year later.
    expect(surveillance2Window('2028-12-31', '2031-03-14', policy)).toEqual({
      earliest: '2029-01-01',
      due: '2029-12-31',
    });
    // Never past expiry.
    expect(surveillance2Window('2029-06-01', '2030-03-14', policy).due).toBe('2030-03-14');
    expect(surveillance2Window('2029-03-13', '2030-03-14', policy).due).toBe('2030-03-13');
  });

  it('surveillance 2 is due within the calendar year after surveillance 1 for every interval the schema allows', () => {
    // Why surveillance2Window needs no calendar-year cap: the schema caps the interval at 12 months.
    expect(() => certificationBodyPolicySchema.parse({ surveillanceIntervalMonths: 13 })).toThrow();
    for (const year of [2027, 2028]) {
      for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
        for (let months = 6; months <= 12; months++) {
          const { earliest, due } = surveillance2Window(day, '2099-12-31', {
            ...policy,
            surveillanceIntervalMonths: months,
          });
          expect(earliest).toBe(`${year + 1}-01-01`);
          expect(due <= `${year + 1}-12-31`, `${day} + ${months} months → ${due}`).toBe(true);
        }
      }
    }
  });

  it('CB windows are whole months starting the day after the event (docs/adr/0011)', () => {
    // Month ends: six months after the last day of September is the last day of March.
    expect(stage1ValidUntil('2026-09-30', 6)).toBe('2027-03-31');
    expect(majorClosureDeadline('2026-08-31', 6)).toBe('2027-02-28');
    expect(majorClosureDeadline('2027-08-31', 6)).toBe('2028-02-29');
    expect(majorClosureDeadline('2027-02-28', 6)).toBe('2027-08-31');
    expect(restorationDeadline('2030-03-14', 6)).toBe('2030-09-14');
    expect(restorationDeadline('2029-09-30', 6)).toBe('2030-03-31');
    // Leap days and year ends.
    expect(restorationDeadline('2028-02-29', 6)).toBe('2028-08-31');
    expect(stage1ValidUntil('2027-12-31', 6)).toBe('2028-06-30');
    expect(stage1ValidUntil('2028-08-29', 6)).toBe('2029-02-28');
  });

  it('a suspension of 6 months from its first day ends the day before the 6-month anniversary', () => {
    expect(suspensionLastDay('2041-02-08', 6)).toBe('2041-08-07');
    expect(suspensionLastDay('2027-08-31', 6)).toBe('2028-02-29');
    expect(suspensionLastDay('2027-09-01', 6)).toBe('2028-02-29');
    expect(suspensionLastDay('2028-02-29', 6)).toBe('2028-08-28');
    expect(suspensionLastDay('2027-07-01', 6)).toBe('2027-12-31');
  });

  it('reminders 14, 7 and 1 days before the due date, earliest first', () => {
    expect(reminderDates('2027-03-01', [1, 14, 7])).toEqual([
      { daysBefore: 14, on: '2027-02-15' },
      { daysBefore: 7, on: '2027-02-22' },
      { daysBefore: 1, on: '2027-02-28' },
    ]);
  });

  it('fills CB policy defaults', () => {
    expect(policy).toEqual({
      certificateValidityYears: 3,
      firstSurveillanceWithinMonths: 12,
      surveillanceIntervalMonths: 12,
      stage1ToStage2MaxGapMonths: 6,
      majorClosureMonthsAfterStage2: 6,
      findingResponseDays: 90,
      restorationWindowMonths: 6,
      suspensionMaxMonths: 6,
      recertificationWindowMonths: 12,
    });
  });
});
