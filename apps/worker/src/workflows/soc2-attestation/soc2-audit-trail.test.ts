import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  continueAsNew,
  newProgram,
  resetIds,
  throughFirstReport,
  tickOn,
} from '../../../test/support/soc2-rules.js';
import type { Soc2Program } from './soc2-program.js';

// What users and auditors read: every audit event (type, actor, payload) and every email (recipient, subject,
// text) of whole journeys through the SOC 2 rules, and the state a client sees at the end. The snapshot file was
// read line by line against docs/adr/0008 and 0011 when it was written; a change to it is a change to the audit
// trail and must be reviewed as one.

beforeEach(() => {
  resetIds();
});

function trail(p: Soc2Program) {
  return p.effects.pending.map((e) =>
    e.kind === 'audit'
      ? `#${e.sequence} ${e.type} by ${e.actor ?? 'the calendar'} ${JSON.stringify(e.payload)}`
      : `  email #${e.sequence} to ${e.to}: ${e.subject} | ${e.text}`,
  );
}

function view(p: Soc2Program) {
  const { tasks, ...rest } = p.snapshot();
  return { ...rest, tasks: tasks.map((t) => `${t.title} ${t.status} due ${t.dueDate} (${t.ownerEmail})`) };
}

const justification = 'The CPA firm moved its fieldwork team; agreed in the engagement letter.';

describe('SOC 2 audit trail of whole journeys', () => {
  it('a late readiness, a Type I, exceptions, an override, a planned gap and the first report', () => {
    const p = newProgram({
      settings: { fieldworkDays: 6, typeIDays: 3 },
    });
    tickOn(p, '2027-01-02');
    at('2027-01-05');
    p.applyCompleteReadinessAssessment({
      actor,
      completedOn: '2027-01-05',
      firstPeriodStart: '2027-02-01',
      gaps: [{ title: 'Encrypt backups', ownerEmail: 'it@acme.test', dueDate: '2027-01-30' }],
    });
    p.applyScheduleTypeI({ actor, asOf: '2027-03-31' });
    tickOn(p, '2027-02-01');
    p.applyRecordControlException({
      actor,
      observedOn: '2027-02-01',
      description: 'Two leavers kept access for a week',
      requirementIds: ['soc2:CC6.2'],
      ownerEmail: 'hr@acme.test',
    });
    tickOn(p, '2027-04-10');
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-04-10', opinion: 'QUALIFIED' });
    at('2027-06-01');
    p.applyPlanNextPeriod({ actor, start: '2028-03-01', months: 6, reason: 'Align with the fiscal year.' });
    p.applyChangeSettings({ actor, reason: 'New engagement letter', settings: { fieldworkDays: 8 } });
    tickOn(p, '2028-02-01');
    p.applyOverrideRule({ actor, rule: 'fieldwork-window', justification });
    p.applyScheduleFieldwork({ actor, startsOn: '2028-03-06' });
    tickOn(p, '2028-03-06');
    at('2028-03-10');
    p.applyCompleteFieldwork({ actor, lastDay: '2028-03-10' });
    tickOn(p, '2028-04-20');
    p.applyRecordReport({
      actor,
      reportType: 'TYPE2',
      issuedOn: '2028-04-20',
      opinion: 'DISCLAIMER',
      exceptions: [{ description: 'Change approvals missing', dueDate: '2028-06-30' }],
    });
    expect(trail(p)).toMatchSnapshot();
    expect(view(p)).toMatchSnapshot();
  });

  it('bridge letters after the first report, their expiry warning and an overdue second report', () => {
    const first = newProgram();
    throughFirstReport(first);
    const p = continueAsNew(first);
    p.effects.pending.length = 0;
    at('2028-02-25');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-25', coversTo: '2028-02-25' });
    tickOn(p, '2028-03-20');
    at('2028-03-31');
    p.applyOverrideRule({ actor, rule: 'bridge-letter-length', justification });
    at('2028-04-15');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-04-15', coversTo: '2028-04-15' });
    tickOn(p, '2029-03-01');
    expect(trail(p)).toMatchSnapshot();
    expect(view(p)).toMatchSnapshot();
  });

  it('a program that starts mid-stream after a report, with a running period', () => {
    const p = newProgram({
      startDate: '2027-05-10',
      lastReport: {
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        issuedOn: '2027-03-01',
        opinion: 'UNMODIFIED',
      },
    });
    tickOn(p, '2027-05-11');
    expect(view(p)).toMatchSnapshot();
  });
});
