import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  continueAsNew,
  emailSubjects,
  newProgram,
  ready,
  rejects,
  resetIds,
  throughFirstReport,
  tickOn,
} from '../../../test/support/soc2-rules.js';

// The edges of the SOC 2 validators: the first allowed day and the day before, and each stage a rule refuses,
// reached through the rule methods. Period 1 is 2027-01-01..2027-12-31 (ready()); fieldwork due 2028-01-28.

beforeEach(() => {
  resetIds();
});

const justification = 'The CPA firm moved its fieldwork team; agreed in the engagement letter.';

describe('SOC 2 validators on their first allowed day', () => {
  it('readiness may finish on the start day, with gaps and the first period from that same day', () => {
    const p = newProgram();
    at('2026-11-02');
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-02',
          firstPeriodStart: '2026-11-01',
          gaps: [],
        }),
      /cannot start \(2026-11-01\) before the readiness assessment finished \(2026-11-02\)/,
    );
    p.applyCompleteReadinessAssessment({
      actor,
      completedOn: '2026-11-02',
      firstPeriodStart: '2026-11-02',
      gaps: [{ title: 'Encrypt backups', ownerEmail: 'it@acme.test', dueDate: '2026-11-02' }],
    });
    expect(p.state.period).toMatchObject({ start: '2026-11-02', end: '2027-11-01' });
  });

  it('a Type I as of today; fieldwork from today; fieldwork ending the day it started; reports on those days', () => {
    const p = newProgram();
    ready(p);
    at('2026-12-01');
    p.applyScheduleTypeI({ actor, asOf: '2026-12-01' });
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2026-12-01', opinion: 'ADVERSE' });
    expect(emailSubjects(p)).toContain('[SOC 2 program] Type I report issued with a adverse opinion');
    tickOn(p, '2027-01-01');
    tickOn(p, '2028-01-10');
    rejects(() => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-09' }), /is in the past/);
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-09' }),
      /cannot end \(2028-01-09\) before/,
    );
    p.applyCompleteFieldwork({ actor, lastDay: '2028-01-10' });
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-01-09', opinion: 'UNMODIFIED' }),
      /cannot be issued \(2028-01-09\) before fieldwork ended \(2028-01-10\)/,
    );
    const before = emailSubjects(p).length;
    p.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-01-10', opinion: 'UNMODIFIED' });
    // An opinion that gives assurance needs no warning.
    expect(emailSubjects(p).slice(before)).toEqual([]);
  });

  it('plans the next period from the day after the current one, only while it lies ahead', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    at('2027-12-30');
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2027-12-31', months: 12, reason: 'Earlier start' }),
      /cannot start before period 1 ends; the earliest start is 2028-01-01/,
    );
    p.applyPlanNextPeriod({ actor, start: '2028-01-01', months: 6, reason: 'Shorter periods from now on' });
    expect(emailSubjects(p).filter((s) => s.includes('gap'))).toEqual([]);
    at('2027-12-31');
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2027-12-31', months: 12, reason: 'Too late' }),
      /cannot start before period 1 ends/,
    );
    tickOn(p, '2028-01-01');
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2028-09-01', months: 12, reason: 'Too late' }),
      /Observation period 2 already started on 2028-01-01/,
    );
  });

  it('refuses to move a planned period to a start that is not after today', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    at('2027-06-01');
    p.applyPlanNextPeriod({ actor, start: '2028-03-01', months: 12, reason: 'Align with the fiscal year.' });
    tickOn(p, '2028-02-01');
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2028-02-01', months: 12, reason: 'Start now' }),
      /The next period must start after today \(2028-02-01\)/,
    );
    p.applyPlanNextPeriod({ actor, start: '2028-02-02', months: 12, reason: 'Start tomorrow' });
    expect(p.state.nextPeriodPlan).toEqual({ start: '2028-02-02', months: 12 });
  });
});

describe('SOC 2 validators refusing by stage', () => {
  it('Type I, fieldwork and planning before readiness; fieldwork during remediation; completion without fieldwork', () => {
    const p = newProgram();
    rejects(() => p.checkScheduleTypeI({ actor, asOf: '2027-01-01' }), /Complete the readiness assessment/);
    rejects(() => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-10' }), /none has started yet/);
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2028-01-01', months: 12, reason: 'Plan ahead' }),
      /no observation period to plan a next one after/,
    );
    ready(p);
    rejects(() => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-10' }), /none has started yet/);
    rejects(() => p.checkCompleteFieldwork({ actor, lastDay: '2026-11-20' }), /No fieldwork is under way/);
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2026-11-20', opinion: 'UNMODIFIED' }),
      /recorded once fieldwork is complete; the program is in REMEDIATION/,
    );
  });

  it('no Type I once fieldwork began or after the first report', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2028-01-05');
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2028-01-06' }),
      /only scheduled before the first observation/,
    );
    const later = newProgram();
    throughFirstReport(later);
    const next = continueAsNew(later);
    rejects(
      () => next.checkScheduleTypeI({ actor, asOf: '2028-03-01' }),
      /only scheduled before the first observation/,
    );
  });

  it('nothing is scheduled, planned or bridged once the program ended', () => {
    const first = newProgram();
    throughFirstReport(first);
    const p = continueAsNew(first);
    at('2028-03-01');
    p.applyEndProgram({ actor, reason: 'The service is discontinued.' });
    rejects(() => p.checkScheduleFieldwork({ actor, startsOn: '2029-01-10' }), /The program has ended/);
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-03-01', coversTo: '2028-03-01' }),
      /The program has ended/,
    );
    rejects(
      () => p.checkPlanNextPeriod({ actor, start: '2029-06-01', months: 12, reason: 'Plan ahead' }),
      /no observation period to plan a next one after/,
    );
  });
});

describe('SOC 2 bridge letters at their edges', () => {
  it('may cover from the day after the report, and reach the end of the next period with an override', () => {
    const first = newProgram({ config: { periodMonths: 3, bridgeLetterMaxMonths: 6 } });
    ready(first);
    tickOn(first, '2027-01-01');
    tickOn(first, '2027-04-01');
    first.applyScheduleFieldwork({ actor, startsOn: '2027-04-05' });
    at('2027-04-09');
    first.applyCompleteFieldwork({ actor, lastDay: '2027-04-09' });
    at('2027-04-20');
    first.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2027-04-20', opinion: 'UNMODIFIED' });
    const p = continueAsNew(first);
    expect(p.state.period).toMatchObject({ number: 2, start: '2027-04-01', end: '2027-06-30' });
    at('2027-04-20');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2027-04-20', coversTo: '2027-04-01' });
    at('2027-07-01');
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2027-07-01', coversTo: '2027-07-01' }),
      /cannot reach past the end of the next observation period \(2027-06-30\)/,
    );
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2027-07-01', coversTo: '2027-04-01' }),
      /An earlier bridge letter already covers through 2027-04-01/,
    );
    p.applyIssueBridgeLetter({ actor, issuedOn: '2027-07-01', coversTo: '2027-06-30' });
    expect(p.state.bridgeLetters.map((b) => [b.from, b.to])).toEqual([
      ['2027-04-01', '2027-04-01'],
      ['2027-04-01', '2027-06-30'],
    ]);
  });

  it('keeps the overrides of the reported period for its bridge letters and drops older ones', () => {
    const first = newProgram();
    ready(first);
    tickOn(first, '2027-01-01');
    tickOn(first, '2027-12-01');
    first.applyOverrideRule({ actor, rule: 'fieldwork-window', justification });
    tickOn(first, '2028-01-05');
    first.applyScheduleFieldwork({ actor, startsOn: '2028-02-10' });
    tickOn(first, '2028-02-10');
    first.applyCompleteFieldwork({ actor, lastDay: '2028-02-10' });
    first.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-02-10', opinion: 'QUALIFIED' });
    expect(first.state.overrides.map((o) => [o.rule, o.periodNumber])).toEqual([['fieldwork-window', 1]]);
    const p = continueAsNew(first);
    at('2028-03-01');
    p.applyOverrideRule({ actor, rule: 'bridge-letter-length', justification });
    tickOn(p, '2029-01-05');
    p.applyScheduleFieldwork({ actor, startsOn: '2029-01-10' });
    at('2029-01-10');
    p.applyCompleteFieldwork({ actor, lastDay: '2029-01-10' });
    p.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2029-01-10', opinion: 'UNMODIFIED' });
    expect(p.state.overrides.map((o) => [o.rule, o.periodNumber])).toEqual([]);
  });
});
