import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  justification,
  newProgram,
  resetIds,
  runUntil,
  throughStage2,
} from '../../../test/support/iso-rules.js';
import type { IsoProgram } from './iso-program.js';

// What users and auditors read: every audit event (type, actor, payload) and every email (recipient, subject,
// text) of whole journeys through the ISO rules, and the state a client sees at the end. The snapshot file was
// read line by line against docs/adr/0007, 0008 and 0011 when it was written; a change to it is a change to the
// audit trail and must be reviewed as one.

beforeEach(() => {
  resetIds();
});

/** The queued effects as the trail and the outbox will hold them. */
function trail(p: IsoProgram) {
  return p.effects.pending.map((e) =>
    e.kind === 'audit'
      ? `#${e.sequence} ${e.type} by ${e.actor ?? 'the calendar'} ${JSON.stringify(e.payload)}`
      : `  email #${e.sequence} to ${e.to}: ${e.subject} | ${e.text}`,
  );
}

/** The client's view without the parts other tests check (the plan) or that repeat the trail. */
function view(p: IsoProgram) {
  const { auditPlan: _plan, tasks, ...rest } = p.snapshot();
  return { ...rest, tasks: tasks.map((t) => `${t.title} ${t.status} due ${t.dueDate} (${t.ownerEmail})`) };
}

describe('ISO audit trail of whole journeys', () => {
  it('from the gap assessment through a refusal, certification, a missed surveillance and reinstatement', () => {
    const p = newProgram({ frameworks: ['iso27001', 'iso42001'] });
    at('2026-07-01');
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-07-01',
      gaps: [
        {
          title: 'Approve the AI policy',
          ownerEmail: 'ai@acme.test',
          dueDate: '2026-07-20',
          requirementIds: ['iso42001:A.2.2'],
        },
      ],
    });
    runUntil(p, '2026-07-22');
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-22' });
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-22' });
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-08-03' });
    at('2026-08-04');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'stage1',
      lastDay: '2026-08-04',
      findings: [
        { severity: 'MINOR', description: 'Scope statement unclear', requirementIds: ['iso27001:4.3'] },
        { severity: 'OBSERVATION', description: 'Consider a risk register tool' },
      ],
    });
    p.applyCloseFinding({
      actor,
      findingId: p.state.findings[0]!.id,
      on: '2026-08-04',
      resolution: 'CLOSED',
    });
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2026-09-28' });
    at('2026-09-30');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'stage2',
      lastDay: '2026-09-30',
      findings: [
        { severity: 'MAJOR', description: 'No internal audit of Annex A', ownerEmail: 'ciso@acme.test' },
        { severity: 'MINOR', description: 'Training records incomplete' },
      ],
    });
    at('2026-10-15');
    p.applyRecordCertificationDecision({
      actor,
      decidedOn: '2026-10-15',
      outcome: 'REFUSED',
      reason: 'The major nonconformity shows the system is not effective yet.',
    });
    const [, , major, minor] = p.state.findings;
    p.applyCloseFinding({ actor, findingId: minor!.id, on: '2026-10-15', resolution: 'PLAN_ACCEPTED' });
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2026-12-01' });
    at('2026-12-01');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'stage2',
      lastDay: '2026-12-01',
      verifiedFindingIds: [major!.id],
    });
    at('2026-12-10');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-12-10' });
    p.applyOverrideRule({ actor, rule: 'recertification-window', justification });
    runUntil(p, '2027-12-11');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2028-01-10' });
    at('2028-01-10');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'surveillance1',
      lastDay: '2028-01-10',
      verifiedFindingIds: [minor!.id],
    });
    at('2028-01-11');
    expect(trail(p)).toMatchSnapshot();
    expect(view(p)).toMatchSnapshot();
  });

  it('a certificate suspended and withdrawn by the certification body, scope and settings changes', () => {
    const p = certified();
    at('2027-02-01');
    p.applyChangeSettings({
      actor,
      reason: 'The certification body quoted its days',
      settings: { personsInScope: 80, quotedDays: { iso27001: { surveillance: 3 } } },
    });
    p.applyChangeScope({ actor, frameworks: ['iso27001', 'iso42001'], justification });
    p.applySuspendCertification({ actor, on: '2027-02-01', reason: 'Misuse of the certification mark' });
    at('2027-03-01');
    p.applyReinstateCertification({ actor, on: '2027-03-01', justification: 'The misuse was corrected.' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-03-10' });
    at('2027-03-10');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-03-10' });
    at('2027-04-01');
    p.applySuspendCertification({ actor, on: '2027-04-01', reason: 'Complaint not handled' });
    at('2027-05-01');
    p.applyWithdrawCertification({ actor, on: '2027-05-01', reason: 'The complaint process was not fixed.' });
    at('2027-05-02');
    expect(trail(p)).toMatchSnapshot();
    expect(view(p)).toMatchSnapshot();
  });

  it('recertification and a lapse past the restoration window', () => {
    const p = newProgram();
    throughStage2(p);
    at('2026-10-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    at('2027-06-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-06-14' });
    at('2027-06-15');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-06-15' });
    at('2028-06-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-06-13' });
    at('2028-06-14');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance2', lastDay: '2028-06-14' });
    runUntil(p, '2030-04-02');
    expect(trail(p)).toMatchSnapshot();
    expect(view(p)).toMatchSnapshot();
  });
});
