import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  justification,
  newProgram,
  rejects,
  resetIds,
  runUntil,
  throughStage1,
} from '../../../test/support/iso-rules.js';

beforeEach(() => {
  resetIds();
});

describe('ISO program: which audits each situation waits for', () => {
  it('a suspension decided by the certification body waits for no audit', () => {
    const p = certified();
    at('2027-03-01');
    p.applySuspendCertification({ actor, on: '2027-03-01', reason: 'Misuse of the certification mark' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance1', date: '2027-03-10' }),
      /^Surveillance audit 1 cannot be scheduled while the program is in SUSPENDED\.$/,
    );
  });

  it('a missed surveillance 2 can still be held while suspended', () => {
    const p = certified();
    at('2027-06-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-06-14' });
    at('2027-06-15');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-06-15' });
    runUntil(p, '2028-06-16');
    expect(p.state.suspension).toMatchObject({ cause: 'missed-surveillance', missedAudit: 'surveillance2' });
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-06-20' });
    expect(p.nextMilestone()).toEqual({ kind: 'surveillance2', due: '2028-06-20' });
  });

  it('an added standard awaiting its decision waits for no more of its audits', () => {
    const p = certified();
    at('2027-01-10');
    p.applyChangeScope({ actor, frameworks: ['iso27001', 'iso42001'], justification });
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-02-01' });
    at('2027-02-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-02-01' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-03-01' });
    at('2027-03-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage2', lastDay: '2027-03-01' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-03-10' }),
      /^Stage 2 of the added standard cannot be scheduled while the program is in SURVEILLANCE_1\.$/,
    );
  });
});

describe('ISO program: requirements in scope, overrides and dates', () => {
  it("refuses a gap task that links a requirement of a standard outside the program's scope", () => {
    const p = newProgram();
    at('2026-07-01');
    const gap = { title: 'AI risk assessment', ownerEmail: 'it@acme.test', dueDate: '2026-08-01' };
    rejects(
      () =>
        p.checkCompleteGapAssessment({
          actor,
          completedOn: '2026-07-01',
          gaps: [{ ...gap, requirementIds: ['iso27001:A.5.1', 'iso42001:6.1.2'] }],
        }),
      /^Task "AI risk assessment" links iso42001:6\.1\.2, which is outside the program's scope \(iso27001\)\.$/,
    );
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-07-01',
      gaps: [{ ...gap, requirementIds: ['iso27001:A.5.1'] }],
    });
    expect(p.state.tasks[0]?.requirementIds).toEqual(['iso27001:A.5.1']);
  });

  it('an override of one rule does not waive another', () => {
    const p = newProgram();
    throughStage1(p);
    p.applyOverrideRule({ actor, rule: 'stage1-validity', justification });
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2026-09-28' });
    at('2026-09-30');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'stage2',
      lastDay: '2026-09-30',
      findings: [{ severity: 'MAJOR', description: 'No risk treatment plan' }],
    });
    runUntil(p, '2027-04-01');
    expect(p.state.stage).toBe('STAGE2');
    expect(p.state.missedDeadlines).toEqual([]);
    // A cleared date is gone from the state, not kept as an empty value.
    expect(Object.keys(p.state.dates)).not.toContain('majorClosureDeadline');
    expect(Object.keys(p.state.dates)).not.toContain('stage1ValidUntil');
  });
});
