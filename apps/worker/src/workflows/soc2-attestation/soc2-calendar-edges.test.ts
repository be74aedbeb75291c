import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  auditPayloads,
  auditTypes,
  emailSubjects,
  newProgram,
  ready,
  resetIds,
  tickOn,
} from '../../../test/support/soc2-rules.js';
import { soc2Patches } from './patches.js';

// The SOC 2 calendar's milestones and its quieter rules: what is shown next around a Type I, the period-end
// notice of runs recorded before it, which periods coverage knows on which day, and an ended program.
// Period 1 is 2027-01-01..2027-12-31 (ready(): readiness 2026-11-20).

beforeEach(() => {
  resetIds();
});

describe('SOC 2 milestones around a Type I', () => {
  it('shows a Type I dated before the period starts first, then the period start', () => {
    const p = newProgram();
    ready(p);
    p.applyScheduleTypeI({ actor, asOf: '2026-12-15' });
    expect(p.nextMilestone()).toEqual({ kind: 'type1-as-of', due: '2026-12-15' });
    p.applyScheduleTypeI({ actor, asOf: '2027-01-01' });
    expect(p.nextMilestone()).toEqual({ kind: 'observation-start', due: '2027-01-01' });
  });

  it('shows a Type I due within the period, through its last day, until the report is recorded', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    expect(p.nextMilestone()).toEqual({ kind: 'observation-end', due: '2027-12-31' });
    p.applyScheduleTypeI({ actor, asOf: '2027-12-31' });
    expect(p.nextMilestone()).toEqual({ kind: 'type1-as-of', due: '2027-12-31' });
    tickOn(p, '2027-12-31');
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-12-31', opinion: 'UNMODIFIED' });
    expect(p.nextMilestone()).toEqual({ kind: 'observation-end', due: '2027-12-31' });
  });

  it('shows planned fieldwork once scheduled, else its deadline', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2028-01-01');
    expect(p.nextMilestone()).toEqual({ kind: 'fieldwork-due', due: '2028-01-28' });
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-20' });
    expect(p.nextMilestone()).toEqual({ kind: 'fieldwork', due: '2028-01-20' });
  });
});

describe('SOC 2 calendar details', () => {
  it('runs recorded before the period-end notice change stage without the email', () => {
    const p = newProgram({}, (id) => id !== soc2Patches.periodEndNotice);
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2028-01-01');
    expect(p.state.stage).toBe('FIELDWORK');
    expect(emailSubjects(p).filter((s) => s.includes('ended'))).toEqual([]);
    const now = newProgram();
    ready(now);
    tickOn(now, '2027-01-01');
    tickOn(now, '2028-01-01');
    expect(emailSubjects(now)).toContain('[SOC 2 program] Observation period 1 ended');
  });

  it('knows the following period from its first day on, not before', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    at('2027-06-01');
    p.applyPlanNextPeriod({
      actor,
      start: '2028-02-01',
      months: 12,
      reason: 'A later start agreed with the auditor.',
    });
    tickOn(p, '2028-01-31');
    expect(p.snapshot().coverage.segments.at(-1)).toEqual({
      kind: 'gap',
      from: '2028-01-01',
      to: '2028-01-31',
    });
    tickOn(p, '2028-02-01');
    expect(p.snapshot().coverage.segments.at(-1)).toEqual({
      kind: 'pending',
      from: '2028-02-01',
      to: '2028-02-01',
    });
    expect(auditPayloads(p, 'cycle.started').map((e) => e['period'])).toEqual([1]);
  });

  it('an ended program raises no more alerts and wakes for nothing', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    at('2027-03-01');
    p.applyEndProgram({ actor, reason: 'The service is discontinued.' });
    p.effects.pending.length = 0;
    tickOn(p, '2029-01-01');
    expect(auditTypes(p)).toEqual([]);
    expect(p.nextWakeUp()).toBeUndefined();
  });
});
