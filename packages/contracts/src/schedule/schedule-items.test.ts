import { describe, expect, it } from 'vitest';
import { scheduleConflicts, taskLoads } from './conflicts.js';
import { isoWeekOf, scheduleItems, withinRange } from './schedule-items.js';
import { audit, program } from './schedule.test-data.js';

const options = { today: '2027-01-10', ownerWeeklyTaskLimit: 2, bridgeLetterWarningDays: 30 };

describe('ISO weeks', () => {
  it('puts the days around New Year in the week of their Thursday', () => {
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53'); // Sunday, 2026 has 53 weeks
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01'); // Monday
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // Monday of the week holding 2 Jan 2025
    expect(isoWeekOf('2028-12-31')).toBe('2028-W52'); // Sunday
    expect(isoWeekOf('2027-03-14')).toBe('2027-W10');
    expect(isoWeekOf('2027-03-15')).toBe('2027-W11');
  });
});

describe('timeline items', () => {
  const programs = [program('a'), program('b', { name: 'AI system', frameworks: ['iso42001'] })];

  it('places each item on its actual, else scheduled, else due day, with the deadline it must meet', () => {
    const items = scheduleItems(programs, [
      audit('a', 'surveillance1', { due: '2027-06-01', deadline: '2027-06-01', scheduled: '2027-05-20' }),
      audit('b', 'stage2', { deadline: '2027-04-30', actual: '2027-02-02', scheduled: '2027-02-01' }),
      audit('a', 'recertification', { earliest: '2027-03-15', deadline: '2028-03-14' }),
      audit('a', 'stage1'),
    ]);
    expect(items.map((i) => [i.id, i.date, i.dateSource, i.mustMeet?.rule ?? null, i.held])).toEqual([
      ['b:1:stage2', '2027-02-02', 'actual', 'stage1-validity', true],
      ['a:1:recertification', '2027-03-15', 'earliest', 'certificate-expiry', false],
      ['a:1:surveillance1', '2027-05-20', 'scheduled', 'surveillance1-due', false],
      ['a:1:stage1', null, null, null, false],
    ]);
  });

  it('keeps a date range inclusive at both ends', () => {
    const items = [{ date: '2027-01-31' }, { date: '2027-02-01' }, { date: '2027-02-28' }, { date: null }];
    expect(withinRange(items, '2027-02-01', '2027-02-28')).toEqual([
      { date: '2027-02-01' },
      { date: '2027-02-28' },
    ]);
    expect(withinRange(items, undefined, undefined)).toHaveLength(4);
  });
});

describe('conflicts', () => {
  const programs = [
    program('a', { name: 'ISMS' }),
    program('b', { name: 'AIMS', certificationBody: 'Other CB' }),
    program('c', { name: 'AIMS 2' }),
    program('s', { name: 'SOC 2', kind: 'SOC2_ATTESTATION', certificationBody: 'CPA' }),
  ];
  const conflicts = (
    milestones: Parameters<typeof scheduleItems>[1],
    extra: Partial<Parameters<typeof scheduleConflicts>[0]> = {},
  ) =>
    scheduleConflicts(
      { programs, items: scheduleItems(programs, milestones), coverage: [], tasks: [], ...extra },
      options,
    );

  it('flags two audits in the same ISO week, not on Sunday and the next Monday', () => {
    const sameWeek = conflicts([
      audit('a', 'surveillance1', { scheduled: '2027-03-08' }),
      audit('b', 'stage1', { scheduled: '2027-03-14' }),
    ]);
    expect(sameWeek).toEqual([
      expect.objectContaining({
        id: 'audits-same-week:2027-W10',
        programIds: ['a', 'b'],
        date: '2027-03-08',
      }),
    ]);
    expect(
      conflicts([
        audit('a', 'surveillance1', { scheduled: '2027-03-14' }),
        audit('b', 'stage1', { scheduled: '2027-03-15' }),
      ]),
    ).toEqual([]);
  });

  it('counts audits of one body on one day as a combined audit, and ignores held and internal audits', () => {
    expect(
      conflicts([
        audit('a', 'recertification', { scheduled: '2027-03-10' }),
        audit('c', 'surveillance1', { scheduled: '2027-03-10' }),
      ]),
    ).toEqual([]);
    expect(
      conflicts([
        audit('a', 'recertification', { scheduled: '2027-03-10', actual: '2027-03-10' }),
        audit('b', 'internal-audit', { scheduled: '2027-03-11' }),
        audit('c', 'surveillance1', { scheduled: '2027-03-10' }),
      ]),
    ).toEqual([]);
    // Same day, different bodies: two visits.
    expect(
      conflicts([
        audit('a', 'recertification', { scheduled: '2027-03-10' }),
        audit('b', 'surveillance1', { scheduled: '2027-03-10' }),
      ]).map((c) => c.kind),
    ).toEqual(['audits-same-week']);
  });

  it('flags an audit scheduled one day after its deadline, not on it', () => {
    const found = conflicts([
      audit('a', 'surveillance1', { deadline: '2027-06-01', scheduled: '2027-06-02' }),
      audit('b', 'recertification', { deadline: '2028-03-14', scheduled: '2028-03-14' }),
      audit('c', 'stage2', { deadline: '2027-05-31', scheduled: '2027-06-01' }),
    ]);
    const late = found.filter((c) => c.kind === 'audit-after-deadline');
    expect(late.map((c) => [c.kind, c.rule, c.itemIds[0]])).toEqual([
      ['audit-after-deadline', 'stage1-validity', 'c:1:stage2'],
      ['audit-after-deadline', 'surveillance1-due', 'a:1:surveillance1'],
    ]);
    expect(late[1]!.reason).toContain('after its 12-month limit (2027-06-01)');
    expect(late[0]!.reason).toContain('past the validity of Stage 1');
  });

  it('flags a recertification after expiry', () => {
    const [found] = conflicts([
      audit('a', 'recertification', { deadline: '2028-03-14', scheduled: '2028-03-15' }),
    ]);
    expect(found).toMatchObject({ kind: 'audit-after-deadline', rule: 'certificate-expiry' });
    expect(found!.reason).toContain('after the certificate expires');
  });

  it('flags open and future SOC 2 coverage gaps, not closed gaps of the past', () => {
    const coverage = [
      {
        programId: 's',
        reports: [],
        bridgeLetters: [],
        gaps: [
          { from: '2026-10-01', to: '2027-01-09', planned: false },
          { from: '2026-12-01', to: '2027-01-10', planned: false },
          { from: '2027-01-05', to: null, planned: false },
          { from: '2027-07-01', to: '2027-07-31', planned: true },
        ],
        currentPeriod: null,
      },
    ];
    expect(conflicts([], { coverage }).map((c) => c.id)).toEqual([
      'soc2-coverage-gap:s:2026-12-01',
      'soc2-coverage-gap:s:2027-01-05',
      'soc2-coverage-gap:s:2027-07-01',
    ]);
  });

  it('flags a bridge letter ending within the warning days with no report in sight', () => {
    const coverage = (
      to: string,
      reportDue: string | null,
      reports: { type: 'TYPE2'; end: string; issuedOn: string }[] = [],
    ) => [
      {
        programId: 's',
        reports,
        bridgeLetters: [{ issuedOn: '2026-12-01', from: '2026-10-01', to }],
        gaps: [],
        currentPeriod: reportDue ? { end: '2027-01-31', reportDue } : null,
      },
    ];
    // today 2027-01-10 + 30 days = 2027-02-09.
    expect(conflicts([], { coverage: coverage('2027-02-09', '2027-03-15') }).map((c) => c.kind)).toEqual([
      'bridge-letter-expiring',
    ]);
    expect(conflicts([], { coverage: coverage('2027-02-10', '2027-03-15') })).toEqual([]);
    expect(conflicts([], { coverage: coverage('2027-02-09', '2027-02-09') })).toEqual([]);
    expect(conflicts([], { coverage: coverage('2027-01-09', null) })).toEqual([]);
    expect(conflicts([], { coverage: coverage('2027-01-10', null) })[0]!.reason).toContain(
      'no observation period',
    );
    expect(
      conflicts([], {
        coverage: coverage('2027-02-01', '2027-03-15', [
          { type: 'TYPE2', end: '2026-12-31', issuedOn: '2027-01-05' },
        ]),
      }),
    ).toEqual([]);
  });

  it('flags an owner with more tasks due in one ISO week than the limit, across programs', () => {
    const task = (id: string, dueDate: string, ownerEmail = 'owner@acme.example', programId = 'a') => ({
      id,
      dueDate,
      ownerEmail,
      programId,
    });
    const atLimit = [
      task('1', '2027-03-08'),
      task('2', '2027-03-14', 'OWNER@acme.example', 'b'),
      task('3', '2027-03-15'),
    ];
    expect(conflicts([], { tasks: atLimit })).toEqual([]);
    const over = [...atLimit, task('4', '2027-03-10', 'owner@acme.example', 'c')];
    expect(conflicts([], { tasks: over })).toEqual([
      expect.objectContaining({
        kind: 'owner-overloaded',
        ownerEmail: 'owner@acme.example',
        programIds: ['a', 'b', 'c'],
        date: '2027-03-08',
      }),
    ]);
    // Loads counted elsewhere (the API counts them in PostgreSQL) give the same conflicts.
    expect(taskLoads(over)).toContainEqual({
      ownerEmail: 'owner@acme.example',
      week: '2027-W10',
      count: 3,
      firstDue: '2027-03-08',
      programIds: ['a', 'b', 'c'],
    });
    expect(conflicts([], { tasks: [], taskLoads: taskLoads(over) })).toEqual(conflicts([], { tasks: over }));
  });
});
