import { ApplicationFailure } from '@temporalio/common';
import { beforeEach, describe, expect, it } from 'vitest';
import * as iso from '../../../test/support/iso-rules.js';
import * as soc2 from '../../../test/support/soc2-rules.js';
import { readable } from './program-messages.js';
import { RejectedAction, type Rejection } from './rejected-action.js';

// Every refusal says whether the program is in the wrong state (the API's 409) or a rule refused it (422), names
// the rule and the field, and the override that would let it through.

function rejection(fn: () => unknown): Rejection & { message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RejectedAction);
    return { ...(error as RejectedAction).rejection, message: (error as Error).message };
  }
  throw new Error('the action was accepted');
}

beforeEach(() => {
  iso.resetIds();
  soc2.resetIds();
});

describe('ISO refusals', () => {
  const { actor } = iso;

  it('scheduling Stage 1 in the wrong stage is a conflict; before the internal audit, a rule on the audit', () => {
    const p = iso.newProgram();
    expect(rejection(() => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2026-07-01' }))).toEqual({
      rule: 'action-not-in-stage',
      kind: 'conflict',
      message: 'Stage 1 cannot be scheduled while the program is in GAP_ASSESSMENT.',
    });
    p.applyCompleteGapAssessment({ actor, completedOn: '2026-06-01' });
    expect(rejection(() => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2026-07-01' }))).toEqual({
      rule: 'stage1-prerequisites',
      kind: 'rule',
      field: 'audit',
      message: 'Stage 1 needs the internal audit and the management review to be completed first.',
    });
    expect(
      rejection(() => p.checkRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-06-02' })),
    ).toMatchObject({ rule: 'not-in-the-future', kind: 'rule', field: 'lastDay' });
  });

  it('names the override for the Stage 1 validity, the major-closure window and the recertification window', () => {
    const decidedLate = iso.newProgram();
    iso.throughStage2(decidedLate);
    iso.at('2027-06-01');
    expect(
      rejection(() => decidedLate.checkRecordCertificationDecision({ actor, decidedOn: '2027-06-01' })),
    ).toMatchObject({
      rule: 'major-closure-window',
      kind: 'rule',
      field: 'decidedOn',
      override: 'major-closure-window',
    });

    const stage2 = iso.newProgram();
    iso.at('2026-07-01');
    stage2.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01' });
    stage2.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    stage2.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    stage2.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-02' });
    iso.at('2026-07-02');
    stage2.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-07-02' });
    expect(
      rejection(() => stage2.checkScheduleAudit({ actor, audit: 'stage2', date: '2027-12-01' })),
    ).toMatchObject({ rule: 'stage1-validity', kind: 'rule', field: 'date', override: 'stage1-validity' });

    const recert = iso.inRecertification();
    expect(
      rejection(() => recert.checkScheduleAudit({ actor, audit: 'recertification', date: '2028-07-01' })),
    ).toMatchObject({ rule: 'recertification-window', kind: 'rule', override: 'recertification-window' });
  });

  it('an ended program and a finished task are conflicts; a malformed input is invalid, naming the field', () => {
    const p = iso.newProgram();
    p.applyEndProgram({ actor, reason: 'not pursued' });
    expect(rejection(() => p.checkEndProgram({ actor, reason: 'again' }))).toMatchObject({
      rule: 'program-ended',
      kind: 'conflict',
    });
    const q = iso.newProgram();
    expect(rejection(() => q.checkScheduleAudit({ actor, audit: 'stage1', date: 'soon' }))).toMatchObject({
      rule: 'input',
      kind: 'invalid',
      field: 'date',
    });
    q.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [{ title: 'Policy', ownerEmail: 'a@b.test', dueDate: '2026-07-01' }],
    });
    const taskId = q.state.tasks[0]!.id;
    q.updateHandlers().cancelTask.apply({ actor, taskId, reason: 'out of scope' });
    expect(
      rejection(() => q.updateHandlers().cancelTask.check({ actor, taskId, reason: 'twice' })),
    ).toMatchObject({
      rule: 'task-closed',
      kind: 'conflict',
    });
  });
});

describe('SOC 2 refusals', () => {
  it('names the fieldwork-window override; a bridge letter before any report is a conflict', () => {
    const p = soc2.newProgram({ currentPeriod: { start: '2026-05-01', end: '2026-10-31' } });
    soc2.tickOn(p, '2026-11-02');
    expect(
      rejection(() => p.checkScheduleFieldwork({ actor: soc2.actor, startsOn: '2027-03-01' })),
    ).toMatchObject({
      rule: 'fieldwork-window',
      kind: 'rule',
      field: 'startsOn',
      override: 'fieldwork-window',
    });
    expect(
      rejection(() =>
        p.checkIssueBridgeLetter({ actor: soc2.actor, issuedOn: '2026-11-02', coversTo: '2026-11-02' }),
      ),
    ).toMatchObject({ rule: 'action-not-in-stage', kind: 'conflict' });
  });
});

describe('readable()', () => {
  it('turns a refusal into a non-retryable failure that carries the rejection as its details', () => {
    let failure: unknown;
    try {
      readable(() =>
        iso.newProgram().checkScheduleAudit({ actor: iso.actor, audit: 'stage1', date: '2026-07-01' }),
      );
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'RejectedAction',
      nonRetryable: true,
      details: [{ rule: 'action-not-in-stage', kind: 'conflict' }],
    });
  });
});
