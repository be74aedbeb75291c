import { beforeEach, describe, it } from 'vitest';
import { actor, at, newProgram, ready, rejects, resetIds, tickOn } from '../../../test/support/soc2-rules.js';

beforeEach(() => {
  resetIds();
});

describe('SOC 2 program: every validator rejection', () => {
  it('completeReadinessAssessment', () => {
    const p = newProgram();
    at('2026-11-20');
    rejects(
      () => p.checkCompleteReadinessAssessment({ actor, completedOn: '2026-11-31' }),
      /Invalid input: completedOn: must be a calendar date/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-21',
          firstPeriodStart: '2027-01-01',
        }),
      /cannot be later than today/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-01',
          firstPeriodStart: '2027-01-01',
        }),
      /before the program started \(2026-11-02\)/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-20',
          firstPeriodStart: '2027-01-01',
          gaps: [{ title: 'Policy', ownerEmail: 'it@acme.test', dueDate: '2026-11-19' }],
        }),
      /Task "Policy" is due 2026-11-19, before the readiness assessment finished/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-20',
          gaps: [
            { title: 'x', ownerEmail: 'it@acme.test', dueDate: '2026-12-01', requirementIds: ['CC6.1'] },
          ],
        }),
      /gaps\.0\.requirementIds\.0: CC6\.1 is not a catalog requirement id/,
    );
    rejects(
      () => p.checkCompleteReadinessAssessment({ actor, completedOn: '2026-11-20' }),
      /Give the start date of the first observation period/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-20',
          firstPeriodStart: '2026-11-19',
        }),
      /cannot start \(2026-11-19\) before the readiness assessment finished/,
    );
    ready(p);
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-20',
          firstPeriodStart: '2027-01-01',
        }),
      /already complete; the program is in REMEDIATION/,
    );
  });

  it('scheduleTypeI', () => {
    const p = newProgram();
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2026-12-01' }),
      /Complete the readiness assessment before scheduling a Type I/,
    );
    ready(p);
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2026-11-19' }),
      /Type I date 2026-11-19 is in the past/,
    );
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2028-01-01' }),
      /after the first observation period ends \(2027-12-31\)/,
    );
    p.applyScheduleTypeI({ actor, asOf: '2026-12-31' });
    rejects(() => p.checkScheduleTypeI({ actor, asOf: '2026-12-31' }), /already scheduled as of 2026-12-31/);
    at('2027-01-10');
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-10', opinion: 'QUALIFIED' });
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2027-02-01' }),
      /Type I report is already recorded \(issued 2027-01-10\)/,
    );
    const late = newProgram();
    ready(late);
    tickOn(late, '2028-01-02');
    rejects(
      () => late.checkScheduleTypeI({ actor, asOf: '2028-01-03' }),
      /only scheduled before the first observation period ends/,
    );
  });

  it('scheduleFieldwork', () => {
    const p = newProgram();
    ready(p);
    rejects(() => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-10' }), /none has started yet/);
    tickOn(p, '2027-06-01');
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2027-12-31' }),
      /starts after the period ends \(2027-12-31\); 2027-12-31 is too early/,
    );
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-29' }),
      /must start by 2028-01-28 \(4 weeks after the period ends\); record an override/,
    );
    p.applyOverrideRule({
      actor,
      rule: 'fieldwork-window',
      justification: 'The CPA firm has no team free until February.',
    });
    p.applyScheduleFieldwork({ actor, startsOn: '2028-02-07' });
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2028-02-07' }),
      /already scheduled to start on 2028-02-07/,
    );
    tickOn(p, '2028-01-10');
    rejects(() => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-09' }), /2028-01-09 is in the past/);
    at('2028-02-10');
    p.applyCompleteFieldwork({ actor, lastDay: '2028-02-10' });
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2028-02-11' }),
      /Fieldwork for period 1 is already complete \(2028-02-10\)/,
    );
  });

  it('completeFieldwork', () => {
    const p = newProgram();
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2026-11-02' }),
      /No fieldwork is under way while the program is in READINESS/,
    );
    ready(p);
    tickOn(p, '2027-06-01');
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2027-06-01' }),
      /completed after the observation period ends \(2027-12-31\)/,
    );
    tickOn(p, '2028-01-05');
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-05' }),
      /Fieldwork was never scheduled/,
    );
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-12');
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-09' }),
      /cannot end \(2028-01-09\) before it was scheduled to start \(2028-01-10\)/,
    );
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-13' }),
      /cannot be later than today \(2028-01-12\)/,
    );
    p.applyCompleteFieldwork({ actor, lastDay: '2028-01-12' });
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-12' }),
      /already complete \(2028-01-12\)/,
    );
  });
});
