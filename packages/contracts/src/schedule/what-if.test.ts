import { describe, expect, it } from 'vitest';
import type { ScheduleInput } from './combined-schedule.js';
import { whatIf } from './what-if.js';
import { audit, program } from './schedule.test-data.js';

const options = {
  today: '2027-01-10',
  ownerWeeklyTaskLimit: 5,
  bridgeLetterWarningDays: 45,
  windowDays: 120,
  integrationReductionPercent: 20,
};

const input: ScheduleInput = {
  programs: [
    program('isms', { name: 'ISMS' }),
    program('aims', { name: 'AIMS', certificationBody: 'Other CB' }),
  ],
  milestones: [
    audit('isms', 'surveillance1', {
      earliest: '2026-09-01',
      due: '2027-08-31',
      deadline: '2027-08-31',
      scheduled: '2027-06-07',
      plannedDays: 3,
      plannedCost: 4200,
    }),
    audit('aims', 'stage2', { deadline: '2027-07-31', scheduled: '2027-07-14' }),
    audit('isms', 'certificate-expiry', { category: 'deadline', due: '2029-08-31', deadline: '2029-08-31' }),
  ],
  coverage: [],
  tasks: [],
};

describe('what-if', () => {
  it('shows the deadline missed, the rule that would refuse and the cost moving to the next year', () => {
    const before = structuredClone(input);
    const result = whatIf(input, { itemId: 'isms:1:surveillance1', date: '2028-01-03' }, options);
    expect(result.from).toBe('2027-06-07');
    expect(result.refusals.map((r) => r.rule)).toEqual(['surveillance1-due']);
    expect(result.missedDeadlines).toEqual([
      { itemId: 'isms:1:surveillance1', rule: 'surveillance1-due', deadline: '2027-08-31', daysLate: 125 },
    ]);
    expect(result.conflictsAdded.map((c) => c.kind)).toEqual(['audit-after-deadline']);
    expect(result.cost).toEqual({
      before: [{ year: 2027, cost: 4200 }],
      after: [{ year: 2028, cost: 4200 }],
    });
    expect(input).toEqual(before);
  });

  it('accepts the deadline day itself and reports a clash it creates or removes', () => {
    const clash = whatIf(input, { itemId: 'isms:1:surveillance1', date: '2027-07-12' }, options);
    expect(clash.refusals).toEqual([]);
    expect(clash.conflictsAdded.map((c) => c.id)).toEqual(['audits-same-week:2027-W28']);
    const onDeadline = whatIf(input, { itemId: 'isms:1:surveillance1', date: '2027-08-31' }, options);
    expect(onDeadline.refusals).toEqual([]);
    expect(onDeadline.missedDeadlines).toEqual([]);
    const clashing = { ...input, milestones: clash.schedule.items };
    const resolved = whatIf(clashing, { itemId: 'isms:1:surveillance1', date: '2027-07-19' }, options);
    expect(resolved.conflictsRemoved.map((c) => c.id)).toEqual(['audits-same-week:2027-W28']);
  });

  it('names the rules for a day in the past or before the window opens', () => {
    const result = whatIf(input, { itemId: 'isms:1:surveillance1', date: '2026-08-31' }, options);
    expect(result.refusals.map((r) => r.rule)).toEqual(['date-in-the-past', 'surveillance1-in-cycle']);
  });

  it('refuses unknown items and deadlines, which follow from the audits', () => {
    expect(() => whatIf(input, { itemId: 'nope:1:stage1', date: '2027-03-01' }, options)).toThrow(/No item/);
    expect(() => whatIf(input, { itemId: 'isms:1:certificate-expiry', date: '2029-09-01' }, options)).toThrow(
      /deadline or decision/,
    );
  });
});
