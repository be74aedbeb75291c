import { beforeEach, describe, it } from 'vitest';
import {
  actor,
  at,
  continueAsNew,
  evidence,
  newProgram,
  ready,
  rejects,
  resetIds,
  throughFirstReport,
  tickOn,
} from '../../../test/support/soc2-rules.js';

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

  it('recordReport', () => {
    const p = newProgram();
    ready(p);
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2026-11-20', opinion: 'UNMODIFIED' }),
      /No Type I examination is scheduled/,
    );
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2026-11-20', opinion: 'UNMODIFIED' }),
      /once fieldwork is complete; the program is in REMEDIATION/,
    );
    rejects(
      () =>
        p.checkRecordReport({
          actor,
          reportType: 'TYPE2',
          issuedOn: '2026-11-20',
          opinion: 'CLEAN' as 'UNMODIFIED',
        }),
      /Invalid input: opinion/,
    );
    p.applyScheduleTypeI({ actor, asOf: '2026-12-31' });
    at('2027-01-05');
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2026-12-30', opinion: 'UNMODIFIED' }),
      /as of 2026-12-31 cannot be issued before that date/,
    );
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-06', opinion: 'UNMODIFIED' }),
      /cannot be later than today/,
    );
    rejects(
      () =>
        p.checkRecordReport({
          actor,
          reportType: 'TYPE1',
          issuedOn: '2027-01-05',
          opinion: 'QUALIFIED',
          exceptions: [{ description: 'No change approval', dueDate: '2027-01-04' }],
        }),
      /remediation of "No change approval" cannot be due in the past/,
    );
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-05', opinion: 'UNMODIFIED' });
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-05', opinion: 'UNMODIFIED' }),
      /Type I report is already recorded/,
    );
    tickOn(p, '2028-01-05');
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-20');
    p.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-01-19', opinion: 'UNMODIFIED' }),
      /cannot be issued \(2028-01-19\) before fieldwork ended \(2028-01-20\)/,
    );
  });

  it('issueBridgeLetter', () => {
    const p0 = newProgram();
    ready(p0);
    rejects(
      () => p0.checkIssueBridgeLetter({ actor, issuedOn: '2026-11-20', coversTo: '2027-01-31' }),
      /none has been issued yet/,
    );
    const p1 = newProgram();
    throughFirstReport(p1);
    const p = continueAsNew(p1);
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-19', coversTo: '2028-03-31' }),
      /extends the report issued on 2028-02-20; it cannot be dated earlier/,
    );
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-21', coversTo: '2028-03-31' }),
      /cannot be later than today/,
    );
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2027-12-31' }),
      /covers days from 2028-01-01; 2027-12-31 is earlier/,
    );
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-02-21' }),
      /speaks only for days up to its own issue date \(2028-02-20\); it cannot cover through 2028-02-21/,
    );
    at('2028-04-05');
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-04-05', coversTo: '2028-04-01' }),
      /at most 3 months \(through 2028-03-31\); record an override/,
    );
    p.checkIssueBridgeLetter({ actor, issuedOn: '2028-04-05', coversTo: '2028-03-31' });
    p.applyOverrideRule({
      actor,
      rule: 'bridge-letter-length',
      justification: 'Report for 2028 delayed by the auditor rotation.',
    });
    at('2029-01-02');
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2029-01-02', coversTo: '2029-01-01' }),
      /past the end of the next observation period \(2028-12-31\)/,
    );
    at('2028-04-30');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-04-30', coversTo: '2028-04-30' });
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-04-30', coversTo: '2028-04-15' }),
      /earlier bridge letter already covers through 2028-04-30/,
    );
  });

  it('recordControlException', () => {
    const p = newProgram();
    ready(p);
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2026-11-20', description: 'x' }),
      /none is running/,
    );
    tickOn(p, '2027-03-01');
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2026-12-31', description: 'x' }),
      /before observation period 1 started \(2027-01-01\)/,
    );
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2027-03-02', description: 'x' }),
      /cannot be later than today/,
    );
    rejects(
      () =>
        p.checkRecordControlException({
          actor,
          observedOn: '2027-02-01',
          description: 'x',
          dueDate: '2027-02-28',
        }),
      /cannot be due in the past/,
    );
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2027-02-01', description: '' }),
      /Invalid input: description/,
    );
  });

  it('overrideRule', () => {
    const p = newProgram();
    ready(p);
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'fieldwork-window',
          justification: 'The CPA firm has no team free until February.',
        }),
      /while an observation period awaits its fieldwork/,
    );
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'bridge-letter-length',
          justification: 'Report for 2028 delayed by the auditor rotation.',
        }),
      /once a Type II report has been issued/,
    );
    rejects(
      () => p.checkOverrideRule({ actor, rule: 'fieldwork-window', justification: 'too short' }),
      /justification of at least 20 characters/,
    );
    tickOn(p, '2027-02-01');
    p.applyOverrideRule({
      actor,
      rule: 'fieldwork-window',
      justification: 'The CPA firm has no team free until February.',
    });
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'fieldwork-window',
          justification: 'The CPA firm has no team free until February.',
        }),
      /already recorded for period 1/,
    );
  });

  it('task updates and ending', () => {
    const p = newProgram();
    ready(p);
    const task = p.tasks.open()[0]!;
    rejects(
      () => p.tasks.checkComplete({ actor, taskId: 'nope', completedOn: '2026-11-20', evidence }, p.today),
      /There is no remediation task nope/,
    );
    rejects(
      () =>
        p.tasks.checkComplete({ actor, taskId: task.id, completedOn: '2026-11-20', evidence: [] }, p.today),
      /needs at least one piece of evidence/,
    );
    rejects(
      () => p.tasks.checkComplete({ actor, taskId: task.id, completedOn: '2026-11-21', evidence }, p.today),
      /cannot be later than today/,
    );
    rejects(
      () => p.tasks.checkReassign({ actor, taskId: task.id, ownerEmail: 'it@acme.test' }, p.today),
      /already owned by it@acme.test/,
    );
    rejects(
      () =>
        p.tasks.checkReassign(
          { actor, taskId: task.id, ownerEmail: 'ops@acme.test', dueDate: '2026-11-19' },
          p.today,
        ),
      /in the past/,
    );
    p.tasks.applyComplete({ actor, taskId: task.id, completedOn: '2026-11-20', evidence }, p.today);
    rejects(
      () => p.tasks.checkCancel({ actor, taskId: task.id, reason: 'scope changed' }),
      /is already done/,
    );
    p.applyEndProgram({ actor, reason: 'no longer needed' });
    rejects(() => p.checkEndProgram({ actor, reason: 'again' }), /already ended/);
  });
});
