import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  auditPayloads,
  continueAsNew,
  emailSubjects,
  newProgram,
  ready,
  rejects,
  resetIds,
  tickOn,
} from '../../../test/support/soc2-rules.js';
import type { Soc2Program } from './soc2-program.js';

beforeEach(() => {
  resetIds();
});

const reason = 'Audit firm change: the next period starts in April';

/** Period 1 = 2027 (12 months from readiness), fieldwork in January, report issued on `issuedOn`. */
function reportPeriodOne(p: Soc2Program, issuedOn: string): void {
  tickOn(p, '2028-01-05');
  p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
  at('2028-01-20');
  p.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
  at(issuedOn);
  p.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn, opinion: 'UNMODIFIED' });
}

describe('SOC 2 period plan: a later period that does not follow the previous one', () => {
  it('reports the days in between as a coverage gap with its range, before and when it begins', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    at('2027-06-01');
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2027-12-31', months: 6, reason }),
      /cannot start before period 1 ends; the earliest start is 2028-01-01/,
    );
    p.applyPlanNextPeriod({ actor, start: '2028-04-01', months: 6, reason });
    expect(p.state.nextPeriodPlan).toEqual({ start: '2028-04-01', months: 6 });
    expect(auditPayloads(p, 'period.planned')).toEqual([
      {
        period: 2,
        start: '2028-04-01',
        end: '2028-09-30',
        months: 6,
        reason,
        gap: { from: '2028-01-01', to: '2028-03-31' },
      },
    ]);
    expect(auditPayloads(p, 'coverage.alert')).toEqual([
      { alert: 'gap-planned', from: '2028-01-01', to: '2028-03-31' },
    ]);
    expect(emailSubjects(p)).toContain('[SOC 2 program] Coverage gap planned from 2028-01-01 to 2028-03-31');
    expect(p.snapshot().plannedGaps).toEqual([{ kind: 'gap', from: '2028-01-01', to: '2028-03-31' }]);

    // The period ends: no next period starts the day after.
    tickOn(p, '2028-01-01');
    expect(p.state.stage).toBe('FIELDWORK');
    expect(auditPayloads(p, 'cycle.started').map((c) => c.period)).toEqual([1]);
    expect(p.snapshot().coverage.segments.at(-1)).toEqual({
      kind: 'gap',
      from: '2028-01-01',
      to: '2028-01-01',
    });
    expect(auditPayloads(p, 'coverage.alert').at(-1)).toEqual({
      alert: 'gap',
      from: '2028-01-01',
      to: '2028-03-31',
    });
  });

  it('waits for the planned period after the report, then observes it', () => {
    const p1 = newProgram();
    ready(p1);
    tickOn(p1, '2027-01-01');
    at('2027-06-01');
    p1.applyPlanNextPeriod({ actor, start: '2028-04-01', months: 6, reason });
    reportPeriodOne(p1, '2028-02-20');
    expect(p1.state).toMatchObject({
      stage: 'REMEDIATION',
      period: { number: 2, start: '2028-04-01', end: '2028-09-30' },
    });
    expect(p1.state.nextPeriodPlan).toBeUndefined();
    const p = continueAsNew(p1);
    expect(p.nextMilestone()).toEqual({ kind: 'observation-start', due: '2028-04-01' });
    expect(p.nextWakeUp()).toBe('2028-04-01');
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2028-03-01', description: 'x' }),
      /none is running/,
    );
    tickOn(p, '2028-03-31');
    expect(p.state.stage).toBe('REMEDIATION');
    tickOn(p, '2028-04-01');
    expect(p.state.stage).toBe('OBSERVATION');
    expect(auditPayloads(p, 'cycle.started').at(-1)).toEqual({
      period: 2,
      start: '2028-04-01',
      end: '2028-09-30',
      months: 6,
    });
    at('2028-04-01');
    expect(p.snapshot().coverage.segments).toEqual([
      { kind: 'covered', from: '2027-01-01', to: '2027-12-31' },
      { kind: 'gap', from: '2028-01-01', to: '2028-03-31' },
      { kind: 'pending', from: '2028-04-01', to: '2028-04-01' },
    ]);
    // Period 3 follows period 2 back to back again, by the configured length.
    expect(p.followingPeriod()).toMatchObject({ number: 3, start: '2028-10-01', end: '2029-09-30' });
  });

  it('refuses a plan once the next period has started, or before any period', () => {
    const p = newProgram();
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2027-06-01', months: 12, reason }),
      /no observation period/,
    );
    ready(p);
    tickOn(p, '2028-01-02');
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2028-03-01', months: 12, reason }),
      /Observation period 2 already started on 2028-01-01/,
    );
  });
});
