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

describe('SOC 2 program: every validator rejection (reports, bridge letters, exceptions, overrides, tasks)', () => {
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
