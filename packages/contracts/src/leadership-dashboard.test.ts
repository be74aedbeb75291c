import { describe, expect, it } from 'vitest';

import { milestoneRisk, nextDaysEnd, readinessPercent } from './leadership-dashboard.js';

describe('readiness', () => {
  it('is the share of applicable requirements implemented, rounded down', () => {
    expect(readinessPercent({ requirements: 93, implemented: 46, partial: 10, notApplicable: 0 })).toBe(49);
    expect(readinessPercent({ requirements: 10, implemented: 8, partial: 0, notApplicable: 2 })).toBe(100);
    expect(readinessPercent({ requirements: 1000, implemented: 999, partial: 0, notApplicable: 0 })).toBe(99);
    expect(readinessPercent({ requirements: 3, implemented: 0, partial: 0, notApplicable: 3 })).toBeNull();
  });
});

describe('milestones at risk', () => {
  const today = '2027-03-10';
  it('flags a deadline passed without the milestone taking place', () => {
    expect(milestoneRisk({ deadline: '2027-03-09', scheduled: null, actual: null }, today)).toBe('overdue');
    expect(
      milestoneRisk({ deadline: '2027-03-10', scheduled: '2027-03-10', actual: null }, today),
    ).toBeNull();
    expect(
      milestoneRisk({ deadline: '2027-03-09', scheduled: null, actual: '2027-03-01' }, today),
    ).toBeNull();
  });

  it('flags a date scheduled after the deadline', () => {
    expect(milestoneRisk({ deadline: '2027-06-30', scheduled: '2027-07-01', actual: null }, today)).toBe(
      'scheduled-after-deadline',
    );
    expect(
      milestoneRisk({ deadline: '2027-06-30', scheduled: '2027-06-30', actual: null }, today),
    ).toBeNull();
  });

  it('flags a deadline within 30 days with nothing scheduled, and not one further away', () => {
    expect(milestoneRisk({ deadline: '2027-04-09', scheduled: null, actual: null }, today)).toBe(
      'deadline-near-unscheduled',
    );
    expect(milestoneRisk({ deadline: '2027-04-10', scheduled: null, actual: null }, today)).toBeNull();
    expect(milestoneRisk({ deadline: null, scheduled: null, actual: null }, today)).toBeNull();
  });

  it('looks 90 days ahead', () => {
    expect(nextDaysEnd('2027-03-10')).toBe('2027-06-08');
  });
});
