import { describe, expect, it } from 'vitest';
import { soc2ProgramConfigSchema } from './soc2-model.js';
import {
  bridgedDays,
  bridgeLetterWindow,
  gapsBetweenPeriods,
  computeCoverage,
  nextObservationPeriod,
  observationPeriod,
  opinionGivesAssurance,
  reportingDeadlines,
  soc2Opinions,
} from './soc2-period-dates.js';

describe('SOC 2 observation periods (windows of whole months, docs/adr/0011)', () => {
  it('12 months back to back, the second one across a leap year', () => {
    const first = observationPeriod('2027-01-01', 12);
    expect(first).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(nextObservationPeriod(first.end, 12)).toEqual({ start: '2028-01-01', end: '2028-12-31' });
  });

  it('6-month and 3-month periods', () => {
    expect(observationPeriod('2027-01-01', 6)).toEqual({ start: '2027-01-01', end: '2027-06-30' });
    expect(nextObservationPeriod('2027-06-30', 6)).toEqual({ start: '2027-07-01', end: '2027-12-31' });
    expect(observationPeriod('2028-01-01', 3)).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(nextObservationPeriod('2028-03-31', 3)).toEqual({ start: '2028-04-01', end: '2028-06-30' });
  });

  it('a 6-month period from 2027-08-31 ends on the last day of February, 2028-02-29', () => {
    const first = observationPeriod('2027-08-31', 6);
    expect(first.end).toBe('2028-02-29');
    expect(nextObservationPeriod(first.end, 6)).toEqual({ start: '2028-03-01', end: '2028-08-31' });
    // A 3-month period from 2027-11-30 covers to the end of February.
    expect(observationPeriod('2027-11-30', 3).end).toBe('2028-02-29');
    expect(observationPeriod('2028-11-30', 3).end).toBe('2029-02-28');
    expect(observationPeriod('2028-02-29', 12).end).toBe('2029-02-28');
  });

  it('fieldwork and report deadlines count weeks from the period end', () => {
    expect(reportingDeadlines('2027-12-31', { fieldworkWithinWeeks: 4, reportDueWeeks: 8 })).toEqual({
      fieldworkDue: '2028-01-28',
      reportDue: '2028-02-25',
    });
  });
});

describe('bridge letters', () => {
  it('start the day after the reported period and last at most 3 months', () => {
    expect(bridgeLetterWindow('2027-12-31', '2028-12-31', 3)).toEqual({
      from: '2028-01-01',
      latestTo: '2028-03-31',
    });
  });

  it('never run past the end of the following period (3-month periods)', () => {
    expect(bridgeLetterWindow('2028-03-31', '2028-06-30', 6)).toEqual({
      from: '2028-04-01',
      latestTo: '2028-06-30',
    });
  });
});

describe('bridged days and gaps between periods', () => {
  it('a bridge letter speaks for no day after its own issue date', () => {
    expect(bridgedDays({ from: '2028-01-01', to: '2028-03-31', issuedOn: '2028-02-15' })).toEqual({
      from: '2028-01-01',
      to: '2028-02-15',
    });
    expect(bridgedDays({ from: '2028-01-01', to: '2028-01-31', issuedOn: '2028-02-15' }).to).toBe(
      '2028-01-31',
    );
    expect(bridgedDays({ from: '2028-01-01', to: '2028-02-29', issuedOn: '2028-02-29' }).to).toBe(
      '2028-02-29',
    );
  });

  it('reports the days between periods that do not follow each other as gaps, with their range', () => {
    expect(
      gapsBetweenPeriods([
        { start: '2028-04-01', end: '2029-03-31' },
        { start: '2027-07-01', end: '2027-12-31' },
        { start: '2029-04-01', end: '2029-06-30' },
      ]),
    ).toEqual([{ kind: 'gap', from: '2028-01-01', to: '2028-03-31' }]);
    expect(
      gapsBetweenPeriods([
        { start: '2028-01-01', end: '2028-02-28' },
        { start: '2028-03-01', end: '2028-05-31' },
      ]),
    ).toEqual([{ kind: 'gap', from: '2028-02-29', to: '2028-02-29' }]);
  });
});

describe('coverage', () => {
  const p1 = { start: '2027-01-01', end: '2027-12-31', reportDue: '2028-02-25' };
  const p2 = { start: '2028-01-01', end: '2028-12-31', reportDue: '2029-02-25' };

  it('is empty before the first period starts', () => {
    expect(computeCoverage({ from: null, periods: [], bridgeLetters: [], asOf: '2027-01-01' }).days).toEqual({
      covered: 0,
      bridged: 0,
      pending: 0,
      gap: 0,
    });
    expect(
      computeCoverage({ from: '2027-01-01', periods: [p1], bridgeLetters: [], asOf: '2026-12-31' }).segments,
    ).toEqual([]);
  });

  it('counts a running period as pending', () => {
    const c = computeCoverage({ from: '2027-01-01', periods: [p1], bridgeLetters: [], asOf: '2027-03-01' });
    expect(c.days).toEqual({ covered: 0, bridged: 0, pending: 60, gap: 0 });
    expect(c.segments).toEqual([{ kind: 'pending', from: '2027-01-01', to: '2027-03-01' }]);
  });

  it('report issued 2028-02-20 plus a bridge letter to 2028-03-31, as of 2028-05-15', () => {
    const c = computeCoverage({
      from: '2027-01-01',
      periods: [{ ...p1, opinion: 'UNMODIFIED' }, p2],
      bridgeLetters: [{ from: '2028-01-01', to: '2028-03-31' }],
      asOf: '2028-05-15',
    });
    expect(c.segments).toEqual([
      { kind: 'covered', from: '2027-01-01', to: '2027-12-31' },
      { kind: 'bridged', from: '2028-01-01', to: '2028-03-31' },
      { kind: 'pending', from: '2028-04-01', to: '2028-05-15' },
    ]);
    // 2028 is a leap year: Jan 31 + Feb 29 + Mar 31 = 91 bridged days; Apr 30 + 15 = 45 pending.
    expect(c.days).toEqual({ covered: 365, bridged: 91, pending: 45, gap: 0 });
  });

  it('once the second report is issued its period is covered and the bridge letter no longer counts', () => {
    const c = computeCoverage({
      from: '2027-01-01',
      periods: [
        { ...p1, opinion: 'UNMODIFIED' },
        { ...p2, opinion: 'QUALIFIED' },
        { start: '2029-01-01', end: '2029-12-31', reportDue: '2030-02-25' },
      ],
      bridgeLetters: [{ from: '2028-01-01', to: '2028-03-31' }],
      asOf: '2029-02-15',
    });
    expect(c.days).toEqual({ covered: 731, bridged: 0, pending: 46, gap: 0 });
  });

  it('an overdue report turns its unbridged days into a gap', () => {
    const c = computeCoverage({
      from: '2027-01-01',
      periods: [p1, { start: '2028-01-01', end: '2028-12-31', reportDue: '2029-02-25' }],
      bridgeLetters: [],
      asOf: '2028-02-26',
    });
    expect(c.segments).toEqual([
      { kind: 'gap', from: '2027-01-01', to: '2027-12-31' },
      { kind: 'pending', from: '2028-01-01', to: '2028-02-26' },
    ]);
    expect(c.days.gap).toBe(365);
  });

  it('adverse opinions and disclaimers leave a gap; bridge letters do not heal it beyond their range', () => {
    const c = computeCoverage({
      from: '2027-01-01',
      periods: [{ ...p1, end: '2027-03-31', reportDue: '2027-05-26', opinion: 'ADVERSE' }],
      bridgeLetters: [{ from: '2027-04-01', to: '2027-04-30' }],
      asOf: '2027-05-10',
    });
    expect(c.segments).toEqual([
      { kind: 'gap', from: '2027-01-01', to: '2027-03-31' },
      { kind: 'bridged', from: '2027-04-01', to: '2027-04-30' },
      { kind: 'gap', from: '2027-05-01', to: '2027-05-10' },
    ]);
    expect(c.days).toEqual({ covered: 0, bridged: 30, pending: 0, gap: 90 + 10 });
  });
});

describe('SOC 2 opinions and the report due day', () => {
  const p1 = { start: '2027-01-01', end: '2027-12-31', reportDue: '2028-02-25' };

  it('only unmodified and qualified opinions give assurance: never an adverse opinion or a disclaimer', () => {
    expect(soc2Opinions.filter(opinionGivesAssurance)).toEqual(['UNMODIFIED', 'QUALIFIED']);
    expect(opinionGivesAssurance('DISCLAIMER')).toBe(false);
    expect(opinionGivesAssurance('ADVERSE')).toBe(false);
  });

  it.each(['DISCLAIMER', 'ADVERSE'] as const)(
    'a period reported with a %s opinion is a coverage gap, not covered',
    (opinion) => {
      const c = computeCoverage({
        from: '2027-01-01',
        periods: [{ ...p1, opinion }],
        bridgeLetters: [],
        asOf: '2028-03-01',
      });
      expect(c.segments).toEqual([{ kind: 'gap', from: '2027-01-01', to: '2028-03-01' }]);
      expect(c.days).toEqual({ covered: 0, bridged: 0, pending: 0, gap: 365 + 61 });
    },
  );

  it.each(['UNMODIFIED', 'QUALIFIED'] as const)(
    'a period reported with a %s opinion is covered',
    (opinion) => {
      const c = computeCoverage({
        from: '2027-01-01',
        periods: [{ ...p1, opinion }],
        bridgeLetters: [],
        asOf: '2028-01-01',
      });
      expect(c.segments).toEqual([
        { kind: 'covered', from: '2027-01-01', to: '2027-12-31' },
        { kind: 'gap', from: '2028-01-01', to: '2028-01-01' },
      ]);
    },
  );

  it("an unreported period still counts as pending on the report's due day, and as a gap the day after", () => {
    const onDueDay = computeCoverage({
      from: '2027-01-01',
      periods: [p1],
      bridgeLetters: [],
      asOf: '2028-02-25',
    });
    expect(onDueDay.segments).toEqual([
      { kind: 'pending', from: '2027-01-01', to: '2027-12-31' },
      { kind: 'gap', from: '2028-01-01', to: '2028-02-25' },
    ]);
    const dayAfter = computeCoverage({
      from: '2027-01-01',
      periods: [p1],
      bridgeLetters: [],
      asOf: '2028-02-26',
    });
    expect(dayAfter.segments).toEqual([{ kind: 'gap', from: '2027-01-01', to: '2028-02-26' }]);
  });

  it('examines a single day when today is the first day to cover', () => {
    const c = computeCoverage({ from: '2027-01-01', periods: [p1], bridgeLetters: [], asOf: '2027-01-01' });
    expect(c.segments).toEqual([{ kind: 'pending', from: '2027-01-01', to: '2027-01-01' }]);
  });

  it('a day before a later period starts belongs to no period: a gap, not pending', () => {
    const c = computeCoverage({
      from: '2027-01-01',
      periods: [
        { ...p1, opinion: 'UNMODIFIED' },
        { start: '2028-04-01', end: '2029-03-31', reportDue: '2029-05-26' },
      ],
      bridgeLetters: [],
      asOf: '2028-04-02',
    });
    expect(c.segments).toEqual([
      { kind: 'covered', from: '2027-01-01', to: '2027-12-31' },
      { kind: 'gap', from: '2028-01-01', to: '2028-03-31' },
      { kind: 'pending', from: '2028-04-01', to: '2028-04-02' },
    ]);
  });

  it('counts the first and the last day of a period and of a bridge letter, both inclusive', () => {
    const c = computeCoverage({
      from: '2027-01-01',
      periods: [{ ...p1, opinion: 'UNMODIFIED' }],
      bridgeLetters: [{ from: '2028-01-01', to: '2028-01-31' }],
      asOf: '2028-02-01',
    });
    expect(c.segments).toEqual([
      { kind: 'covered', from: '2027-01-01', to: '2027-12-31' },
      { kind: 'bridged', from: '2028-01-01', to: '2028-01-31' },
      { kind: 'gap', from: '2028-02-01', to: '2028-02-01' },
    ]);
    expect(c.from).toBe('2027-01-01');
    expect(c.through).toBe('2028-02-01');
  });
});

describe('SOC 2 program config', () => {
  it('fills defaults and accepts only 3, 6 or 12-month periods', () => {
    expect(soc2ProgramConfigSchema.parse({})).toEqual({
      periodMonths: 12,
      readinessDays: 60,
      fieldworkWithinWeeks: 4,
      reportDueWeeks: 8,
      bridgeLetterMaxMonths: 3,
      bridgeLetterWarningDays: 14,
      exceptionRemediationDays: 30,
      reminderDaysBefore: [14, 7, 1],
    });
    expect(soc2ProgramConfigSchema.safeParse({ periodMonths: 9 }).success).toBe(false);
    expect(soc2ProgramConfigSchema.safeParse({ firstPeriodMonths: 6 }).success).toBe(true);
  });
});
