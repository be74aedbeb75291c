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
  throughFirstReport,
  tickOn,
} from '../../../test/support/soc2-rules.js';

// Every deadline of the SOC 2 table on its due day (still in time), the day after (missed) and, where a window
// opens, the day before. Hand-checked dates: program start 2026-11-02 → readiness due 2027-01-01 (60 days);
// period 1 is 2027-01-01..2027-12-31 → fieldwork due 2028-01-28 (4 weeks), report due 2028-02-25 (8 weeks).

beforeEach(() => {
  resetIds();
});

const missed = (p: ReturnType<typeof newProgram>) =>
  auditPayloads(p, 'deadline.missed').map((e) => e['deadline']);
const justification = 'The CPA firm moved its fieldwork team; agreed in the engagement letter.';

describe('SOC 2 deadlines: the due day is still in time, the day after is missed', () => {
  it('readiness: completed on its due day in time; missed the day after, and the program manager is told', () => {
    const p = newProgram();
    expect(p.state.readinessDue).toBe('2027-01-01');
    expect(p.nextWakeUp()).toBe('2027-01-02');
    tickOn(p, '2027-01-01');
    expect(p.state.missedDeadlines).toEqual([]);
    expect(p.snapshot().atRisk).toBe(false);
    p.applyCompleteReadinessAssessment({
      actor,
      completedOn: '2027-01-01',
      firstPeriodStart: '2027-02-01',
      gaps: [],
    });
    expect(p.state.stage).toBe('REMEDIATION');

    const late = newProgram();
    tickOn(late, '2027-01-02');
    expect(late.state.missedDeadlines).toEqual(['readiness']);
    expect(missed(late)).toEqual(['readiness']);
    expect(emailSubjects(late)).toEqual(['[SOC 2 program] Missed deadline: readiness']);
    expect(late.snapshot().atRiskReasons).toEqual(['missed:readiness']);
    tickOn(late, '2027-01-03');
    expect(missed(late)).toEqual(['readiness']); // once
  });

  it('observation starts on the first day of the period, not the day before', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2026-12-31');
    expect(p.state.stage).toBe('REMEDIATION');
    expect(p.nextMilestone()).toEqual({ kind: 'observation-start', due: '2027-01-01' });
    tickOn(p, '2027-01-01');
    expect(p.state.stage).toBe('OBSERVATION');
    expect(auditPayloads(p, 'cycle.started')).toEqual([
      { period: 1, start: '2027-01-01', end: '2027-12-31', months: 12 },
    ]);
  });

  it('observation runs through the last day of the period; fieldwork is due from the day after', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2027-12-31' }),
      /starts after the period ends \(2027-12-31\); 2027-12-31 is too early/,
    );
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-01' });
    tickOn(p, '2027-12-31');
    expect(p.state.stage).toBe('OBSERVATION');
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2027-12-31' }),
      /after the observation period ends/,
    );
    // An exception on the last day belongs to the period; one the day after, to the next.
    p.applyRecordControlException({ actor, observedOn: '2027-12-31', description: 'Access review skipped' });
    tickOn(p, '2028-01-01');
    expect(p.state.stage).toBe('FIELDWORK');
    p.applyRecordControlException({
      actor,
      observedOn: '2028-01-01',
      description: 'Backup restore untested',
    });
    expect(p.state.exceptions.map((e) => e.periodNumber)).toEqual([1, 2]);
  });

  it('fieldwork may start on its due day; not started by the day after, it is missed', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2028-01-01');
    expect(p.state.period).toMatchObject({ fieldworkDue: '2028-01-28', reportDue: '2028-02-25' });
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-29' }),
      /Fieldwork must start by 2028-01-28 \(4 weeks after the period ends\)/,
    );
    tickOn(p, '2028-01-28');
    expect(p.state.missedDeadlines).toEqual([]);
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-28' });
    tickOn(p, '2028-01-29');
    // Started on the due day: not missed although it is not complete yet.
    expect(p.state.missedDeadlines).toEqual([]);

    const late = newProgram();
    ready(late);
    tickOn(late, '2027-01-01');
    tickOn(late, '2028-01-28');
    expect(late.state.missedDeadlines).toEqual([]);
    tickOn(late, '2028-01-29');
    expect(late.state.missedDeadlines).toEqual(['fieldwork']);
  });

  it("the CPA firm's fieldwork override lets fieldwork start later and suppresses the missed-fieldwork deadline", () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2027-12-01');
    p.applyOverrideRule({ actor, rule: 'fieldwork-window', justification });
    p.applyScheduleFieldwork({ actor, startsOn: '2028-02-07' });
    tickOn(p, '2028-01-29');
    tickOn(p, '2028-02-06');
    expect(p.state.stage).toBe('FIELDWORK');
    expect(p.state.missedDeadlines).toEqual([]);
    expect(missed(p)).toEqual([]);

    // An override without a planned date suppresses the miss as well.
    const unplanned = newProgram();
    ready(unplanned);
    tickOn(unplanned, '2027-01-01');
    tickOn(unplanned, '2028-01-10');
    unplanned.applyOverrideRule({ actor, rule: 'fieldwork-window', justification });
    tickOn(unplanned, '2028-01-29');
    expect(unplanned.state.missedDeadlines).toEqual([]);
  });

  it('the report may be issued on its due day, when the period still counts as pending; the day after it is missed and a gap', () => {
    const onTime = newProgram();
    ready(onTime);
    tickOn(onTime, '2027-01-01');
    tickOn(onTime, '2028-01-05');
    onTime.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-20');
    onTime.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
    tickOn(onTime, '2028-02-25');
    expect(onTime.state.stage).toBe('REPORTING');
    expect(onTime.state.missedDeadlines).toEqual([]);
    // Period 1 awaits its report and period 2 is running: both pending.
    expect(onTime.snapshot().coverage.segments).toEqual([
      { kind: 'pending', from: '2027-01-01', to: '2028-02-25' },
    ]);
    expect(onTime.nextWakeUp()).toBe('2028-02-26');
    onTime.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-02-25', opinion: 'UNMODIFIED' });
    expect(onTime.state.stage).toBe('OBSERVATION');

    const late = newProgram();
    ready(late);
    tickOn(late, '2027-01-01');
    tickOn(late, '2028-01-05');
    late.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-20');
    late.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
    tickOn(late, '2028-02-26');
    expect(late.state.missedDeadlines).toEqual(['report']);
    expect(late.snapshot().coverage.segments[0]).toEqual({
      kind: 'gap',
      from: '2027-01-01',
      to: '2027-12-31',
    });
  });

  it('a Type I may be as of the last day of the first period, not the day after', () => {
    const p = newProgram();
    ready(p);
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2028-01-01' }),
      /would fall after the first observation period ends \(2027-12-31\)/,
    );
    p.applyScheduleTypeI({ actor, asOf: '2027-12-31' });
    expect(p.nextMilestone()).toEqual({ kind: 'observation-start', due: '2027-01-01' });
    tickOn(p, '2027-01-01');
    expect(p.nextMilestone()).toEqual({ kind: 'type1-as-of', due: '2027-12-31' });
  });
});

describe('SOC 2 bridge letters and coverage alerts at their edges', () => {
  it('a bridge letter may reach the last day of its 3-month span, not the day after', () => {
    const first = newProgram();
    throughFirstReport(first);
    const p = continueAsNew(first);
    at('2028-04-01');
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-04-01', coversTo: '2028-04-01' }),
      /at most 3 months \(through 2028-03-31\)/,
    );
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-03-30', coversTo: '2028-03-31' }),
      /only for days up to its own issue date \(2028-03-30\)/,
    );
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-04-01', coversTo: '2028-03-31' });
    expect(p.state.bridgeLetters.at(-1)).toMatchObject({ from: '2028-01-01', to: '2028-03-31' });
  });

  it('the bridging span warns from 14 days before its end through its last day, and not after it', () => {
    const first = newProgram();
    throughFirstReport(first);
    const p = continueAsNew(first);
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-02-20' });
    at('2028-03-16');
    expect(p.snapshot().atRiskReasons).not.toContain('bridge-letter-expiring:2028-03-31');
    at('2028-03-17');
    expect(p.snapshot().atRiskReasons).toContain('bridge-letter-expiring:2028-03-31');
    at('2028-03-31');
    expect(p.snapshot().atRiskReasons).toContain('bridge-letter-expiring:2028-03-31');
    at('2028-04-01');
    expect(p.snapshot().atRiskReasons).not.toContain('bridge-letter-expiring:2028-03-31');
  });

  it('a coverage gap stops flagging the program twelve months after its last day', () => {
    const p1 = newProgram();
    ready(p1);
    tickOn(p1, '2027-01-01');
    at('2027-06-01');
    p1.applyPlanNextPeriod({
      actor,
      start: '2028-04-01',
      months: 12,
      reason: 'The auditor moves us to an April year.',
    });
    tickOn(p1, '2028-01-05');
    p1.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-20');
    p1.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
    at('2028-02-20');
    p1.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-02-20', opinion: 'UNMODIFIED' });
    expect(p1.state.stage).toBe('REMEDIATION');
    const p = continueAsNew(p1);
    tickOn(p, '2028-04-01');
    expect(p.state.stage).toBe('OBSERVATION');
    // 2028-01-01..2028-03-31 (leap year: 31 + 29 + 31 days) has no period.
    tickOn(p, '2029-03-31');
    expect(p.snapshot().atRiskReasons).toContain('coverage-gap:91');
    tickOn(p, '2029-04-01');
    expect(p.snapshot().coverage.segments).toContainEqual({
      kind: 'gap',
      from: '2028-01-01',
      to: '2028-03-31',
    });
    expect(p.snapshot().atRiskReasons.filter((r) => r.startsWith('coverage-gap'))).toEqual([]);
  });
});
