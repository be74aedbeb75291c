import { beforeEach, describe, expect, it } from 'vitest';
import { RejectedAction } from '../shared/rejected-action.js';
import { actor, at, newProgram, rejects, resetIds, throughStage2 } from '../../../test/support/iso-rules.js';

beforeEach(() => {
  resetIds();
});

describe('ISO program: validators reject invalid transitions with readable messages', () => {
  it('gap assessment', () => {
    const p = newProgram();
    rejects(
      () => p.checkCompleteGapAssessment({ actor, completedOn: '2026-06-02' }),
      /cannot be later than today \(2026-06-01\)/,
    );
    rejects(
      () => p.checkCompleteGapAssessment({ actor, completedOn: '2026-05-31' }),
      /before the program started/,
    );
    rejects(
      () =>
        p.checkCompleteGapAssessment({
          actor,
          completedOn: '2026-06-01',
          gaps: [{ title: 'x', ownerEmail: 'not-an-email', dueDate: '2026-07-01' }],
        }),
      /Invalid input: gaps\.0\.ownerEmail/,
    );
    rejects(
      () =>
        p.checkCompleteGapAssessment({
          actor,
          completedOn: '2026-06-01',
          gaps: [{ title: 'Policy', ownerEmail: 'a@b.test', dueDate: '2026-05-01' }],
        }),
      /Task "Policy" is due 2026-05-01, before the gap assessment finished/,
    );
    p.applyCompleteGapAssessment({ actor, completedOn: '2026-06-01' });
    rejects(() => p.checkCompleteGapAssessment({ actor, completedOn: '2026-06-01' }), /already complete/);
    expect(() => p.checkCompleteGapAssessment({ actor: '', completedOn: '2026-06-01' })).toThrow(
      RejectedAction,
    );
  });

  it('Stage 1 needs the internal audit and the management review', () => {
    const p = newProgram();
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2026-07-01' }),
      /cannot be scheduled while the program is in GAP_ASSESSMENT/,
    );
    p.applyCompleteGapAssessment({ actor, completedOn: '2026-06-01' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2026-07-01' }),
      /needs the internal audit and the management review/,
    );
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-06-01' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2026-07-01' }),
      /needs the management review to be completed first/,
    );
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-06-01' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2026-05-01' }),
      /cannot be scheduled in the past/,
    );
    rejects(
      () => p.checkRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-06-01' }),
      /already recorded/,
    );
    rejects(
      () => p.checkRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-06-01' }),
      /cannot be recorded while the program is in REMEDIATION/,
    );
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-01' });
    rejects(
      () => p.checkRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-06-30' }),
      /before it was scheduled to start/,
    );
    rejects(
      () => p.checkRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-07-01' }),
      /cannot be later than today/,
    );
    // Rescheduling moves the date and is audited as such.
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-06' });
    expect(p.state.audits.stage1?.scheduledOn).toBe('2026-07-06');
    const last = p.effects.pending.at(-1);
    expect(last).toMatchObject({
      type: 'audit.scheduled',
      payload: { previous: '2026-07-01', date: '2026-07-06' },
    });
  });

  it('Stage 2 waits for Stage 1 concerns and respects the CB limit on the gap', () => {
    const p = newProgram();
    at('2026-07-01');
    p.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-10' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage2', date: '2026-08-01' }),
      /cannot be scheduled while the program is in STAGE1/,
    );
    at('2026-07-10');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'stage1',
      lastDay: '2026-07-10',
      findings: [{ severity: 'MINOR', description: 'Scope statement unclear' }],
    });
    expect(p.state.dates.stage1ValidUntil).toBe('2027-01-10');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage2', date: '2026-08-01' }),
      /1 Stage 1 concern\(s\) are unresolved/,
    );
    const concern = p.state.findings[0]!;
    // A Stage 1 concern is resolved by the CB's review before Stage 2 (closed), not at the next audit.
    p.applyCloseFinding({ actor, findingId: concern.id, on: '2026-07-10', resolution: 'PLAN_ACCEPTED' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage2', date: '2026-08-01' }),
      /1 Stage 1 concern\(s\) are unresolved/,
    );
    p.applyCloseFinding({ actor, findingId: concern.id, on: '2026-07-10', resolution: 'CLOSED' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage2', date: '2027-01-11' }),
      /past 2027-01-10.*Stage 1 would have to be repeated/,
    );
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-01-10' });
  });

  it('the certification decision is blocked by open majors and minors without an accepted plan', () => {
    const p = newProgram();
    throughStage2(p, [
      { severity: 'MAJOR', description: 'No risk treatment plan' },
      { severity: 'MINOR', description: 'Training records incomplete' },
      { severity: 'OBSERVATION', description: 'Consider automating access reviews' },
    ]);
    const [major, minor, observation] = p.state.findings;
    expect(p.state.tasks.map((t) => t.source)).toEqual([
      { kind: 'finding', findingId: major!.id },
      { kind: 'finding', findingId: minor!.id },
    ]);
    expect(major!.responseDue).toBe('2026-12-29');
    at('2026-10-15');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2026-09-29' }),
      /cannot precede the end of Stage 2/,
    );
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2026-10-15' }),
      /1 major nonconformity\(ies\) are not verified closed: No risk treatment plan/,
    );
    p.applyCloseFinding({ actor, findingId: major!.id, on: '2026-10-15', resolution: 'PLAN_ACCEPTED' });
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2026-10-15' }),
      /major nonconformity/,
    );
    p.applyCloseFinding({ actor, findingId: major!.id, on: '2026-10-15', resolution: 'CLOSED' });
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2026-10-15' }),
      /1 minor nonconformity\(ies\) have no accepted corrective-action plan/,
    );
    rejects(
      () => p.checkCloseFinding({ actor, findingId: minor!.id, on: '2026-10-15', resolution: 'CLOSED' }),
      /verified closed at the next audit/,
    );
    rejects(
      () =>
        p.checkCloseFinding({
          actor,
          findingId: observation!.id,
          on: '2026-10-15',
          resolution: 'PLAN_ACCEPTED',
        }),
      /Observations need no corrective-action plan/,
    );
    rejects(
      () => p.checkCloseFinding({ actor, findingId: major!.id, on: '2026-10-15', resolution: 'CLOSED' }),
      /already closed/,
    );
    rejects(
      () => p.checkCloseFinding({ actor, findingId: 'nope', on: '2026-10-15', resolution: 'CLOSED' }),
      /no finding nope/,
    );
    rejects(
      () =>
        p.checkCloseFinding({ actor, findingId: minor!.id, on: '2026-09-01', resolution: 'PLAN_ACCEPTED' }),
      /raised on 2026-09-30; 2026-09-01 is earlier/,
    );
    p.applyCloseFinding({ actor, findingId: minor!.id, on: '2026-10-15', resolution: 'PLAN_ACCEPTED' });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-15' });
    expect(p.state.stage).toBe('SURVEILLANCE_1');

    // The minor's closure is verified at the next audit.
    at('2027-05-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-05-03' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance1', date: '2027-10-16' }),
      /by 2027-10-15/,
    );
    at('2027-05-04');
    rejects(
      () =>
        p.checkRecordAuditOutcome({
          actor,
          audit: 'surveillance1',
          lastDay: '2027-05-04',
          verifiedFindingIds: [major!.id],
        }),
      /already closed/,
    );
    p.applyRecordAuditOutcome({
      actor,
      audit: 'surveillance1',
      lastDay: '2027-05-04',
      verifiedFindingIds: [minor!.id],
    });
    expect(p.state.findings.find((f) => f.id === minor!.id)).toMatchObject({
      status: 'CLOSED',
      closedOn: '2027-05-04',
    });
  });

  it('verifying a minor without an accepted plan is refused', () => {
    const p = newProgram();
    throughStage2(p, [{ severity: 'MINOR', description: 'Asset register stale' }]);
    at('2026-10-01');
    p.applyCloseFinding({
      actor,
      findingId: p.state.findings[0]!.id,
      on: '2026-10-01',
      resolution: 'PLAN_ACCEPTED',
    });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-01-10' });
    at('2027-01-11');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'surveillance1',
      lastDay: '2027-01-11',
      findings: [{ severity: 'MINOR', description: 'Supplier reviews late' }],
    });
    const fresh = p.state.findings[1]!;
    at('2028-01-10');
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-01-10' });
    rejects(
      () =>
        p.checkRecordAuditOutcome({
          actor,
          audit: 'surveillance2',
          lastDay: '2028-01-10',
          verifiedFindingIds: [fresh.id],
        }),
      /has no accepted corrective-action plan to verify/,
    );
    rejects(
      () =>
        p.checkRecordAuditOutcome({
          actor,
          audit: 'surveillance2',
          lastDay: '2028-01-10',
          verifiedFindingIds: ['x'],
        }),
      /no finding x/,
    );
  });
});
