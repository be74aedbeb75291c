import {
  isoCertificationStartInputSchema,
  startOfDayMs,
  type IsoCertificationStartInput,
} from '@certflow/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { RejectedAction } from '../shared/rejected-action.js';
import { IsoProgram } from './iso-program.js';

// The rules without Temporal: a fake clock (noon UTC of a chosen day) and counting ids. The workflow tests
// check the same machine under the real servers.

let now = 0;
let ids = 0;
const at = (date: string) => {
  now = startOfDayMs(date) + 12 * 3_600_000;
};
const actor = 'lead@acme.test';

function newProgram(overrides: Partial<IsoCertificationStartInput> = {}): IsoProgram {
  const input = isoCertificationStartInputSchema.parse({
    programId: 'p1',
    organizationId: 'o1',
    frameworks: ['iso27001'],
    startDate: '2026-06-01',
    programManagerEmail: 'pm@acme.test',
    ...overrides,
  });
  at(input.startDate);
  return new IsoProgram(
    IsoProgram.initialState(input, input.startDate),
    () => now,
    () => `id-${++ids}`,
  );
}

function rejects(fn: () => unknown, message: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RejectedAction);
  expect((error as Error).message).toMatch(message);
}

const events = (p: IsoProgram) => p.effects.pending.filter((e) => e.kind === 'audit').map((e) => e.type);
const emails = (p: IsoProgram) => p.effects.pending.filter((e) => e.kind === 'email');

/** Gap assessment, internal audit, management review, Stage 1 and Stage 2 (no findings) on fixed days. */
function throughStage2(
  p: IsoProgram,
  findings: { severity: 'MAJOR' | 'MINOR' | 'OBSERVATION'; description: string }[] = [],
) {
  at('2026-07-01');
  p.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01', gaps: [] });
  p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
  p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
  p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-08-03' });
  at('2026-08-04');
  p.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-08-04' });
  p.applyScheduleAudit({ actor, audit: 'stage2', date: '2026-09-28' });
  at('2026-09-30');
  p.applyRecordAuditOutcome({ actor, audit: 'stage2', lastDay: '2026-09-30', findings });
}

beforeEach(() => {
  ids = 0;
});

describe('ISO program: the initial certification path', () => {
  it('moves through the stages and computes every date by the rules', () => {
    const p = newProgram({ frameworks: ['iso27001', 'iso42001'] });
    expect(p.state.dates.gapAssessmentDue).toBe('2026-08-30');
    throughStage2(p);
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');
    expect(p.state.dates.majorClosureDeadline).toBe('2027-03-30');
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
      surveillance1Due: '2031-02-01',
    });
    expect(p.state.audits).toEqual({});
  });
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
    // A Stage 1 concern is resolved by the CB's review (closed), not by an accepted plan.
    rejects(
      () => p.checkCloseFinding({ actor, findingId: concern.id, on: '2026-07-10', resolution: 'CLOSED' }),
      /verified closed at the next audit/,
    );
    p.state.findings[0]!.status = 'CLOSED';
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

  it('tasks: completion needs evidence, reassignment must change something, cancelled tasks stay cancelled', () => {
    const p = newProgram();
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [
        {
          title: 'Access policy',
          ownerEmail: 'ciso@acme.test',
          dueDate: '2026-07-01',
          requirementIds: ['iso27001:A.5.15'],
        },
      ],
    });
    const task = p.state.tasks[0]!;
    expect(task.requirementIds).toEqual(['iso27001:A.5.15']);
    rejects(
      () =>
        p.tasks.checkComplete({ actor, taskId: task.id, completedOn: '2026-06-01', evidence: [] }, p.today),
      /at least one piece of evidence/,
    );
    rejects(
      () =>
        p.tasks.checkComplete(
          {
            actor,
            taskId: 'missing',
            completedOn: '2026-06-01',
            evidence: [{ title: 'x', uri: 'https://x.test' }],
          },
          p.today,
        ),
      /no remediation task missing/,
    );
    rejects(
      () => p.tasks.checkReassign({ actor, taskId: task.id, ownerEmail: 'ciso@acme.test' }, p.today),
      /already owned by ciso@acme.test/,
    );
    rejects(
      () =>
        p.tasks.checkReassign(
          { actor, taskId: task.id, ownerEmail: 'x@acme.test', dueDate: '2026-05-01' },
          p.today,
        ),
      /in the past/,
    );
    rejects(
      () =>
        p.checkCompleteGapAssessment({
          actor,
          completedOn: '2026-06-01',
          gaps: [{ title: 'x', ownerEmail: 'a@b.test', dueDate: '2026-07-01', requirementIds: ['A.5.1'] }],
        }),
      /catalog requirement id/,
    );
    p.tasks.applyCancel({ actor, taskId: task.id, reason: 'scope changed: cloud hosting out of scope' });
    rejects(() => p.tasks.checkCancel({ actor, taskId: task.id, reason: 'again' }), /already cancelled/);
    rejects(
      () =>
        p.tasks.checkComplete(
          {
            actor,
            taskId: task.id,
            completedOn: '2026-06-01',
            evidence: [{ title: 'x', uri: 'https://x.test' }],
          },
          p.today,
        ),
      /already cancelled/,
    );
  });

  it('overrides need a justification, fit the stage and are recorded once', () => {
    const p = newProgram();
    rejects(
      () => p.checkOverrideRule({ actor, rule: 'stage1-validity', justification: 'short' }),
      /at least 20 characters/,
    );
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'stage1-validity',
          justification: 'The CB confirmed Stage 1 is still valid.',
        }),
      /between Stage 1 and Stage 2/,
    );
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'major-closure-window',
          justification: 'The CB granted a justified deviation.',
        }),
      /certification decision is pending/,
    );
    throughStage2(p);
    p.applyOverrideRule({
      actor,
      rule: 'major-closure-window',
      justification: 'The CB granted a justified deviation.',
    });
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'major-closure-window',
          justification: 'The CB granted a justified deviation.',
        }),
      /already recorded/,
    );
  });

  it('ending the program cancels open tasks and cannot be repeated', () => {
    const p = newProgram();
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [{ title: 'Policy', ownerEmail: 'a@acme.test', dueDate: '2026-07-01' }],
    });
    p.applyEndProgram({ actor, reason: 'organisation withdrew' });
    expect(p.state.stage).toBe('ENDED');
    expect(p.state.tasks[0]?.status).toBe('CANCELLED');
    expect(p.transition).toEqual({ kind: 'ended' });
    rejects(() => p.checkEndProgram({ actor, reason: 'again' }), /already ended/);
    rejects(() => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2026-07-01' }), /in ENDED/);
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

    p.state.stage = 'RECERTIFICATION';
    p.state.audits.recertification = { scheduledOn: '2030-06-01', lastDay: '2030-06-02' };
    at('2030-07-11'); // the expiry timer has not fired yet
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2030-07-11' }),
      /must be decided before the certificate expires \(2030-07-10\)/,
    );
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2030-06-01' }),
      /cannot precede the end of the recertification audit/,
    );
  });
});

describe('ISO program: integrated scope (ISO/IEC 27001 + 42001 on one cycle)', () => {
  it('keeps requirements inside the scope and aligns an added framework with the running cycle', () => {
    const p = newProgram();
    rejects(
      () =>
        p.checkCompleteGapAssessment({
          actor,
          completedOn: '2026-06-01',
          gaps: [
            {
              title: 'AI policy',
              ownerEmail: 'a@acme.test',
              dueDate: '2026-08-01',
              requirementIds: ['iso42001:5.2'],
            },
          ],
        }),
      /Task "AI policy" links iso42001:5.2, which is outside the program's scope \(iso27001\)/,
    );
    throughStage2(p);
    at('2026-10-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    rejects(
      () =>
        p.checkChangeScope({
          actor,
          frameworks: ['iso27001'],
          justification: 'Nothing changes here at all.',
        }),
      /already covers exactly iso27001/,
    );
    p.applyChangeScope({
      actor,
      frameworks: ['iso27001', 'iso42001'],
      justification: 'AI management system added to the certificate.',
    });
    expect(p.state.frameworks).toEqual(['iso27001', 'iso42001']);
    // One cycle for both: the added framework gets the running cycle's dates.
    expect(p.state.dates).toMatchObject({
      cycleStart: '2026-10-01',
      expiryDate: '2029-09-30',
      surveillance1Due: '2027-10-01',
    });
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-03-01' });
    at('2027-03-01');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'surveillance1',
      lastDay: '2027-03-01',
      findings: [
        {
          severity: 'MINOR',
          description: 'AI system inventory incomplete',
          requirementIds: ['iso42001:A.4.2'],
        },
      ],
    });
    const aiTask = p.state.tasks.find((t) => t.requirementIds.includes('iso42001:A.4.2'))!;
    // Dropping 42001 again cancels the task that only concerns it.
    p.applyChangeScope({
      actor,
      frameworks: ['iso27001'],
      justification: 'AI management system withdrawn from scope.',
    });
    expect(p.state.tasks.find((t) => t.id === aiTask.id)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'scope changed: iso42001 removed',
    });
    expect(events(p)).toContain('scope.changed');
  });
});

describe('ISO program: deadlines on the calendar', () => {
  it('reminds 14, 7 and 1 days before a task is due, escalates once when overdue, and re-arms on a new due date', () => {
    const p = newProgram();
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [{ title: 'Policy', ownerEmail: 'a@acme.test', dueDate: '2026-07-01' }],
    });
    p.effects.pending.length = 0;
    const wakeUps: string[] = [];
    for (let i = 0; i < 6; i++) {
      const wake = p.nextWakeUp();
      if (!wake || wake > '2026-07-05') break;
      wakeUps.push(wake);
      at(wake);
      p.tick();
    }
    // Reminders on 06-17, 06-24 and 06-30; escalation on 07-02 (the day after the due date).
    expect(wakeUps).toEqual(['2026-06-17', '2026-06-24', '2026-06-30', '2026-07-02']);
    expect(events(p)).toEqual(['reminder.sent', 'reminder.sent', 'reminder.sent', 'escalation.sent']);
    expect(emails(p).map((e) => e.to)).toEqual(['a@acme.test', 'a@acme.test', 'a@acme.test', 'pm@acme.test']);
    expect(p.snapshot().atRiskReasons).toContain('overdue-tasks:1');
    p.tick();
    expect(events(p)).toHaveLength(4);

    p.tasks.applyReassign(
      {
        actor,
        taskId: p.state.tasks[0]!.id,
        ownerEmail: 'b@acme.test',
        dueDate: '2026-07-20',
      },
      p.today,
    );
    expect(p.state.tasks[0]).toMatchObject({
      ownerEmail: 'b@acme.test',
      dueDate: '2026-07-20',
      remindersSent: [],
      escalated: false,
    });
    expect(p.nextWakeUp()).toBe('2026-07-06');
    expect(p.snapshot().atRisk).toBe(false);
  });

  it('a task created a week before its due date gets only the reminders still ahead', () => {
    const p = newProgram();
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [{ title: 'Policy', ownerEmail: 'a@acme.test', dueDate: '2026-06-08' }],
    });
    p.effects.pending.length = 0;
    p.tick();
    expect(events(p)).toEqual(['reminder.sent']);
    expect(p.effects.pending[0]).toMatchObject({ payload: { daysBefore: 7 } });
    expect(p.nextWakeUp()).toBe('2026-06-07');
  });

  it('flags the missed gap-assessment deadline once', () => {
    const p = newProgram();
    expect(p.nextWakeUp()).toBe('2026-08-31');
    at('2026-08-31');
    p.tick();
    p.tick();
    expect(events(p).filter((t) => t === 'deadline.missed')).toHaveLength(1);
    expect(p.snapshot()).toMatchObject({ atRisk: true, atRiskReasons: ['missed:gap-assessment'] });
  });

  it('repeats Stage 1 when Stage 2 does not finish within the CB limit, unless the CB overrode it', () => {
    const p = newProgram();
    at('2026-07-01');
    p.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-10' });
    at('2026-07-10');
    p.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-07-10' });
    expect(p.nextWakeUp()).toBe('2027-01-11');
    at('2027-01-11');
    p.tick();
    expect(p.state.stage).toBe('STAGE1');
    expect(p.state.audits.stage1).toBeUndefined();
    expect(p.state.dates.stage1ValidUntil).toBeUndefined();

    const q = newProgram();
    at('2026-07-01');
    q.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01' });
    q.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    q.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    q.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-10' });
    at('2026-07-10');
    q.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-07-10' });
    q.applyOverrideRule({
      actor,
      rule: 'stage1-validity',
      justification: 'CB reviewed changes and keeps Stage 1 valid.',
    });
    at('2027-01-11');
    q.tick();
    expect(q.state.stage).toBe('STAGE2');
    q.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-02-01' });
  });

  it('repeats Stage 2 when majors are not verified closed within 6 months of its last day', () => {
    const p = newProgram();
    throughStage2(p, [{ severity: 'MAJOR', description: 'No internal audit programme' }]);
    expect(p.state.dates.majorClosureDeadline).toBe('2027-03-30');
    at('2027-03-30');
    p.tick();
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');
    at('2027-03-31');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-03-31' }),
      /Stage 2 must be repeated/,
    );
    p.tick();
    expect(p.state.stage).toBe('STAGE2');
    expect(p.state.audits.stage2).toBeUndefined();
    expect(events(p)).toContain('deadline.missed');
    // A new Stage 2 verifies the major and opens a fresh window.
    const major = p.state.findings[0]!;
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-04-05' });
    at('2027-04-06');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'stage2',
      lastDay: '2027-04-06',
      verifiedFindingIds: [major.id],
    });
    expect(p.state.dates.majorClosureDeadline).toBe('2027-10-06');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-04-06' });
    expect(p.state.dates.expiryDate).toBe('2030-04-05');
  });

  it('lets a lapsed certificate be restored within 6 months, with the cycle still counted from the old expiry', () => {
    const p = newProgram();
    throughStage2(p);
    at('2026-10-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    p.state.stage = 'RECERTIFICATION'; // surveillance is covered above; jump to the recertification year
    expect(p.state.dates.expiryDate).toBe('2029-09-30');
    at('2029-10-01');
    p.tick();
    expect(p.state.stage).toBe('LAPSED');
    expect(p.state.dates.restorationDeadline).toBe('2030-03-30');
    expect(p.snapshot().atRiskReasons).toEqual(['missed:certificate-expiry', 'certificate-lapsed']);
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2029-11-02' });
    at('2029-11-03');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2029-11-03' });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-11-03' });
    expect(p.transition).toEqual({ kind: 'next-cycle' });
    expect(p.state.dates).toMatchObject({
      cycleStart: '2029-10-01',
      expiryDate: '2032-09-30',
      surveillance1Due: '2030-11-03',
    });
  });

  it('requires a new initial audit when the restoration window passes', () => {
    const p = newProgram();
    throughStage2(p);
    at('2026-10-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    p.state.stage = 'RECERTIFICATION';
    at('2029-10-01');
    p.tick();
    expect(p.nextWakeUp()).toBe('2030-03-31');
    at('2030-03-31');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2030-03-31' }),
      /Restoration is only possible until 2030-03-30/,
    );
    p.tick();
    expect(p.state).toMatchObject({ stage: 'REMEDIATION', cycle: 2 });
    expect(p.transition).toEqual({ kind: 'next-cycle' });
    // Readiness evidence is kept; Stage 1 can be planned straight away.
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2030-04-15' });
    expect(p.state.stage).toBe('STAGE1');
  });

  it('flags a missed surveillance and escalates overdue finding responses', () => {
    const p = newProgram();
    throughStage2(p, [{ severity: 'MINOR', description: 'Logs not reviewed' }]);
    at('2026-10-01');
    p.applyCloseFinding({
      actor,
      findingId: p.state.findings[0]!.id,
      on: '2026-10-01',
      resolution: 'PLAN_ACCEPTED',
    });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    at('2027-10-02');
    p.tick();
    expect(p.snapshot().atRiskReasons).toEqual([
      'missed:surveillance1',
      'overdue-tasks:1',
      'certificate-suspended',
    ]);

    const q = newProgram();
    throughStage2(q, [{ severity: 'MAJOR', description: 'No backups' }]);
    at('2026-12-30');
    q.tick();
    expect(events(q).filter((t) => t === 'escalation.sent')).toHaveLength(2); // the finding and its overdue task
    expect(q.snapshot().atRiskReasons).toEqual(['overdue-tasks:1', 'overdue-findings:1']);
  });
});

/** A program certified on 2026-10-01 (expiry 2029-09-30, surveillance 1 due 2027-10-01). */
function certified(): IsoProgram {
  const p = newProgram();
  throughStage2(p);
  at('2026-10-01');
  p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
  return p;
}

describe('ISO program: refusal, suspension and withdrawal', () => {
  it('sends a refused initial certification back to a repeated Stage 2, even with majors open', () => {
    const p = newProgram();
    throughStage2(p, [{ severity: 'MAJOR', description: 'Risk treatment plan never approved' }]);
    at('2026-10-15');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2026-10-15', outcome: 'REFUSED' }),
      /reason: a refused certification needs a reason/,
    );
    p.applyRecordCertificationDecision({
      actor,
      decidedOn: '2026-10-15',
      outcome: 'REFUSED',
      reason: 'The major nonconformity shows the ISMS is not effective yet.',
    });
    expect(p.state.stage).toBe('STAGE2');
    expect(p.state.audits.stage2).toBeUndefined();
    expect(p.state.dates.majorClosureDeadline).toBeUndefined();
    expect(p.state.dates.decisionDate).toBeUndefined();
    expect(events(p)).toContain('certification.refused');
    expect(emails(p).at(-1)?.to).toBe('pm@acme.test');
    expect(emails(p).at(-1)?.subject).toContain('Certification refused');
    // The finding stays open and the repeated Stage 2 can be planned at once.
    expect(p.state.findings[0]!.status).toBe('OPEN');
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-01-11' });
  });

  it('keeps the certificate running to expiry after a refused recertification; the audit can be redone', () => {
    const p = certified();
    p.state.stage = 'RECERTIFICATION'; // surveillance is covered elsewhere; jump to the recertification year
    at('2029-06-01');
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2029-06-10' });
    at('2029-06-11');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2029-06-11' });
    p.applyRecordCertificationDecision({
      actor,
      decidedOn: '2029-06-11',
      outcome: 'REFUSED',
      reason: 'Scope changes were not audited.',
    });
    expect(p.state).toMatchObject({ stage: 'RECERTIFICATION', cycle: 1 });
    expect(p.state.audits.recertification).toBeUndefined();
    expect(p.transition).toEqual({ kind: 'none' });
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2029-08-01' });
    at('2029-08-02');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2029-08-02' });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-08-02' });
    expect(p.transition).toEqual({ kind: 'next-cycle' });
    expect(p.state.dates).toMatchObject({ cycleStart: '2029-10-01', expiryDate: '2032-09-30' });
  });

  it('suspends the certificate the day after a missed surveillance 1 and reinstates it when the audit is held', () => {
    const p = certified();
    expect(p.nextWakeUp()).toBe('2027-10-02');
    at('2027-10-02');
    p.tick();
    expect(p.state.stage).toBe('SUSPENDED');
    expect(p.state.suspension).toEqual({
      cause: 'missed-surveillance',
      reason: 'surveillance audit 1 was not held in time',
      since: '2027-10-02',
      until: '2028-04-02',
      resumeStage: 'SURVEILLANCE_1',
      missedAudit: 'surveillance1',
    });
    expect(p.snapshot()).toMatchObject({
      atRisk: true,
      nextMilestone: { kind: 'suspension-ends', due: '2028-04-02' },
    });
    expect(p.nextWakeUp()).toBe('2028-04-03');
    expect(events(p).slice(-3)).toEqual(['deadline.missed', 'certification.suspended', 'stage.changed']);
    rejects(
      () => p.checkReinstateCertification({ actor, on: '2027-10-02', justification: 'Audit booked.' }),
      /lifts when the overdue surveillance audit 1 is recorded \(by 2028-04-02\)/,
    );
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance1', date: '2028-04-03' }),
      /must take place by 2028-04-02, when the suspension ends in withdrawal/,
    );
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2027-11-01' }),
      /cannot be scheduled while the program is in SUSPENDED/,
    );
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-11-15' });
    expect(p.snapshot().nextMilestone).toEqual({ kind: 'surveillance1', due: '2027-11-15' });
    at('2027-11-16');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-11-16' });
    expect(p.state.stage).toBe('SURVEILLANCE_2');
    expect(p.state.suspension).toBeUndefined();
    expect(events(p)).toContain('certification.reinstated');
    // Surveillance 2 falls in the next calendar year, by the usual interval after the late surveillance 1.
    expect(p.state.dates).toMatchObject({
      surveillance2Earliest: '2028-01-01',
      surveillance2Due: '2028-11-16',
    });
  });

  it('lets the recertification audit cover a missed surveillance 2', () => {
    const p = certified();
    at('2027-09-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-09-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-09-01' });
    expect(p.state.dates.surveillance2Due).toBe('2028-09-01');
    at('2028-09-02');
    p.tick();
    expect(p.state).toMatchObject({ stage: 'SUSPENDED', suspension: { missedAudit: 'surveillance2' } });
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2029-01-10' });
    at('2029-01-11');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2029-01-11' });
    expect(p.state.stage).toBe('RECERTIFICATION');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-01-11' });
    expect(p.transition).toEqual({ kind: 'next-cycle' });
    expect(p.state.dates).toMatchObject({ cycleStart: '2029-10-01', expiryDate: '2032-09-30' });
  });

  it('withdraws a suspension not lifted in time and starts a new initial audit', () => {
    const p = certified();
    at('2027-10-02');
    p.tick();
    at('2028-04-02');
    p.tick();
    expect(p.state.stage).toBe('SUSPENDED');
    at('2028-04-03');
    p.tick();
    expect(p.state).toMatchObject({ stage: 'REMEDIATION', cycle: 2 });
    expect(p.state.suspension).toBeUndefined();
    expect(p.transition).toEqual({ kind: 'next-cycle' });
    const trail = events(p);
    expect(trail.slice(trail.indexOf('certification.withdrawn'))).toEqual([
      'certification.withdrawn',
      'cycle.started',
      'stage.changed',
    ]);
    expect(emails(p).map((e) => e.subject)).toEqual([
      expect.stringContaining('Missed deadline: surveillance1'),
      expect.stringContaining('Certificate suspended'),
      expect.stringContaining('Missed deadline: suspension'),
      expect.stringContaining('Certificate withdrawn'),
    ]);
  });

  it('takes the suspension period from the certification body policy', () => {
    const p = newProgram({ config: { policy: { suspensionMaxMonths: 3 } } });
    throughStage2(p);
    at('2026-10-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    at('2027-10-02');
    p.tick();
    expect(p.state.suspension?.until).toBe('2028-01-02');
  });

  it('suspends, reinstates and withdraws on the certification body decision, rejecting what does not fit', () => {
    const p = newProgram();
    rejects(
      () => p.checkSuspendCertification({ actor, on: '2026-06-01', reason: 'Persistent majors' }),
      /Only a valid certificate can be suspended; the program is in GAP_ASSESSMENT/,
    );
    rejects(
      () => p.checkWithdrawCertification({ actor, on: '2026-06-01', reason: 'Fraud' }),
      /no certificate to withdraw while the program is in GAP_ASSESSMENT/,
    );
    rejects(
      () => p.checkReinstateCertification({ actor, on: '2026-06-01', justification: 'ok' }),
      /justification/,
    );

    const q = certified();
    at('2027-02-01');
    rejects(
      () => q.checkSuspendCertification({ actor, on: '2027-02-02', reason: 'Persistent majors' }),
      /cannot be later than today/,
    );
    rejects(
      () => q.checkSuspendCertification({ actor, on: '2026-09-30', reason: 'Persistent majors' }),
      /cannot precede the certification decision \(2026-10-01\)/,
    );
    q.applySuspendCertification({ actor, on: '2027-02-01', reason: 'Persistent majors not addressed' });
    expect(q.state.suspension).toMatchObject({
      cause: 'certification-body-decision',
      until: '2027-08-01',
      resumeStage: 'SURVEILLANCE_1',
    });
    rejects(
      () => q.checkScheduleAudit({ actor, audit: 'surveillance1', date: '2027-03-01' }),
      /cannot be scheduled while the program is in SUSPENDED/,
    );
    rejects(
      () => q.checkSuspendCertification({ actor, on: '2027-02-01', reason: 'again' }),
      /the program is in SUSPENDED/,
    );
    rejects(
      () => q.checkReinstateCertification({ actor, on: '2027-01-31', justification: 'Fixed' }),
      /cannot precede the suspension \(2027-02-01\)/,
    );
    at('2027-03-01');
    q.applyReinstateCertification({ actor, on: '2027-03-01', justification: 'Corrective actions verified' });
    expect(q.state.stage).toBe('SURVEILLANCE_1');
    expect(q.state.suspension).toBeUndefined();

    q.applyWithdrawCertification({ actor, on: '2027-03-01', reason: 'Misuse of the certification mark' });
    expect(q.state).toMatchObject({ stage: 'REMEDIATION', cycle: 2 });
    expect(events(q)).toContain('certification.withdrawn');
  });

  it('lets a suspended certificate lapse at expiry', () => {
    const p = certified();
    p.state.stage = 'RECERTIFICATION';
    at('2029-09-01');
    p.applySuspendCertification({ actor, on: '2029-09-01', reason: 'Client request' });
    at('2029-10-01');
    p.tick();
    expect(p.state.stage).toBe('LAPSED');
    expect(p.state.suspension).toBeUndefined();
  });

  it('fills in policy fields added since a carried-over run started', () => {
    const p = certified();
    const carried = p.carriedState();
    delete (carried.config.policy as Partial<typeof carried.config.policy>).suspensionMaxMonths;
    const q = new IsoProgram(
      carried,
      () => now,
      () => 'x',
    );
    expect(q.state.config.policy.suspensionMaxMonths).toBe(6);
  });
});
