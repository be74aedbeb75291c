import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  events,
  inRecertification,
  newProgram,
  rejects,
  resetIds,
  throughStage2,
} from '../../../test/support/iso-rules.js';

beforeEach(() => {
  resetIds();
});

describe('ISO program: the initial certification path', () => {
  it('moves through the stages and computes every date by the rules', () => {
    const p = newProgram({ frameworks: ['iso27001', 'iso42001'] });
    expect(p.state.dates.gapAssessmentDue).toBe('2026-08-30');
    throughStage2(p);
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');
    // Within 6 months after Stage 2's last day (2026-09-30): through the end of March.
    expect(p.state.dates.majorClosureDeadline).toBe('2027-03-31');
    at('2026-10-20');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-20' });
    expect(p.state.stage).toBe('SURVEILLANCE_1');
    expect(p.state.dates).toMatchObject({
      decisionDate: '2026-10-20',
      cycleStart: '2026-10-20',
      expiryDate: '2029-10-19',
      surveillance1Due: '2027-10-20',
    });
    expect(p.state.frameworks).toEqual(['iso27001', 'iso42001']);
    const stages = p.effects.pending
      .filter((e) => e.kind === 'audit' && e.type === 'stage.changed')
      .map((e) => (e.kind === 'audit' ? e.payload.to : null));
    expect(stages).toEqual(['REMEDIATION', 'STAGE1', 'STAGE2', 'CERTIFICATION_DECISION', 'SURVEILLANCE_1']);
    expect(events(p).slice(-2)).toEqual(['cycle.started', 'stage.changed']);
    // Sequences are contiguous from 1.
    const seqs = p.effects.pending.filter((e) => e.kind === 'audit').map((e) => e.sequence);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('runs surveillance 1 and 2 in separate calendar years and recertifies into a cycle that starts at the old expiry', () => {
    // Decided six weeks before expiry: surveillance 1 of the next cycle is counted inside that cycle.
    const p = newProgram();
    throughStage2(p);
    at('2027-03-15');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-03-15' });
    expect(p.state.dates).toMatchObject({ expiryDate: '2030-03-14', surveillance1Due: '2028-03-15' });

    at('2028-01-10');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2028-03-10' });
    at('2028-03-10');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2028-03-10' });
    expect(p.state.stage).toBe('SURVEILLANCE_2');
    expect(p.state.dates).toMatchObject({
      surveillance2Earliest: '2029-01-01',
      surveillance2Due: '2029-03-10',
    });

    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance2', date: '2028-12-01' }),
      /later calendar year/,
    );
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance2', date: '2029-03-11' }),
      /by 2029-03-10/,
    );
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2029-02-05' });
    at('2029-02-06');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance2', lastDay: '2029-02-06' });
    expect(p.state.stage).toBe('RECERTIFICATION');

    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2030-03-15' }),
      /before the certificate expires on 2030-03-14/,
    );
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2029-02-06' }),
      /recertification audit has not been recorded/,
    );
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2030-01-20' });
    at('2030-01-21');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2030-01-21' });
    at('2030-02-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2030-02-01' });

    expect(p.transition).toEqual({ kind: 'next-cycle' });
    expect(p.state.cycle).toBe(2);
    expect(p.state.stage).toBe('SURVEILLANCE_1');
    expect(p.state.dates).toMatchObject({
      decisionDate: '2030-02-01',
      cycleStart: '2030-03-15',
      expiryDate: '2033-03-14',
      surveillance1Due: '2031-03-14',
      recertificationEarliest: '2032-03-15',
    });
    expect(p.state.audits).toEqual({});
  });
});

describe('ISO program: guards that hold even before the calendar catches up', () => {
  it('refuses a Stage 2 outcome after Stage 1 expired, and decisions outside their window', () => {
    const p = newProgram();
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2026-06-01' }),
      /No certification decision is due while the program is in GAP_ASSESSMENT/,
    );
    at('2026-07-01');
    p.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-10' });
    at('2026-07-10');
    p.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-07-10' });
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-01-08' });
    at('2027-01-11'); // no tick yet: the validator alone must refuse
    rejects(
      () => p.checkRecordAuditOutcome({ actor, audit: 'stage2', lastDay: '2027-01-11' }),
      /no longer valid; repeat Stage 1/,
    );
    p.applyRecordAuditOutcome({ actor, audit: 'stage2', lastDay: '2027-01-10' });
    at('2027-07-11');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-07-11' }),
      /More than 6 months have passed since Stage 2/,
    );
    p.applyOverrideRule({
      actor,
      rule: 'major-closure-window',
      justification: 'CB accepted a justified deviation (site closure).',
    });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-07-11' });
    expect(p.state.dates.expiryDate).toBe('2030-07-10');

    const q = inRecertification();
    at('2029-06-01');
    q.applyScheduleAudit({ actor, audit: 'recertification', date: '2029-06-01' });
    at('2029-06-02');
    q.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2029-06-02' });
    at('2029-10-01'); // the expiry timer has not fired yet
    rejects(
      () => q.checkRecordCertificationDecision({ actor, decidedOn: '2029-10-01' }),
      /must be decided before the certificate expires \(2029-09-30\)/,
    );
    rejects(
      () => q.checkRecordCertificationDecision({ actor, decidedOn: '2029-06-01' }),
      /cannot precede the end of the recertification audit/,
    );
  });
});
