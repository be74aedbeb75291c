import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  lapsed,
  newProgram,
  payloads,
  rejects,
  resetIds,
  runUntil,
} from '../../../test/support/iso-rules.js';
import { isoPatches } from './patches.js';

beforeEach(() => {
  resetIds();
});

/** Rules of a run recorded before `patchId`: every other patch applies. */
const without = (patchId: string) => (id: string) => id !== patchId;

describe('ISO program: restoration after a lapse (ISO/IEC 17021-1 §9.6.3)', () => {
  it('is effective from the restoration decision, keeps the rolled-on expiry and shows the lapse as not certified', () => {
    const p = lapsed(); // certified 2026-10-01, expired 2029-09-30
    expect(p.state.dates.restorationDeadline).toBe('2030-03-31');
    expect(p.snapshot().atRiskReasons).toEqual(['missed:certificate-expiry', 'certificate-lapsed']);
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2029-11-02' });
    at('2029-11-03');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2029-11-03' });
    at('2029-11-05');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-11-05' });
    expect(p.transition).toEqual({ kind: 'next-cycle' });
    expect(p.state).toMatchObject({ cycle: 2, stage: 'SURVEILLANCE_1' });
    expect(p.state.dates).toMatchObject({
      decisionDate: '2029-11-05',
      cycleStart: '2029-11-05',
      expiryDate: '2032-09-30',
      surveillance1Due: '2030-11-05',
    });
    expect(p.state.uncertified).toEqual([{ from: '2029-10-01', to: '2029-11-04', reason: 'lapsed' }]);
    expect(payloads(p, 'certification.decided').at(-1)).toMatchObject({
      kind: 'restoration',
      cycleStart: '2029-11-05',
      uncertified: { from: '2029-10-01', to: '2029-11-04' },
    });
  });

  it('counts a lapse across 29 February as days without a certificate', () => {
    // Certified 2025-02-28: the cycle ends 2028-02-27; restoration possible through 2028-08-27.
    const p = newProgram({ startDate: '2024-10-01' });
    at('2024-11-01');
    p.applyCompleteGapAssessment({ actor, completedOn: '2024-11-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2024-11-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2024-11-01' });
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2024-12-02' });
    at('2024-12-02');
    p.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2024-12-02' });
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2025-02-20' });
    at('2025-02-20');
    p.applyRecordAuditOutcome({ actor, audit: 'stage2', lastDay: '2025-02-20' });
    at('2025-02-28');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2025-02-28' });
    expect(p.state.dates).toMatchObject({ expiryDate: '2028-02-27', surveillance1Due: '2026-02-28' });
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2026-02-02' });
    at('2026-02-02');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2026-02-02' });
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2027-01-11' });
    at('2027-01-11');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance2', lastDay: '2027-01-11' });
    runUntil(p, '2028-02-28');
    expect(p.state).toMatchObject({ stage: 'LAPSED', dates: { restorationDeadline: '2028-08-27' } });
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2028-02-28' });
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2028-02-28' });
    at('2028-03-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2028-03-01' });
    expect(p.state.dates).toMatchObject({ cycleStart: '2028-03-01', expiryDate: '2031-02-27' });
    expect(p.state.uncertified).toEqual([{ from: '2028-02-28', to: '2028-02-29', reason: 'lapsed' }]);
  });

  it('runs recorded before the rule keep restoring from the old expiry', () => {
    const p = lapsed({}, without(isoPatches.restorationFromDecision));
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2029-11-02' });
    at('2029-11-03');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2029-11-03' });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-11-03' });
    expect(p.state.dates).toMatchObject({ cycleStart: '2029-10-01', expiryDate: '2032-09-30' });
    expect(p.state.uncertified).toBeUndefined();
  });
});

describe('ISO program: a new initial audit after the restoration window', () => {
  it('starts the day after the window closes and needs an internal audit and management review held since', () => {
    const p = lapsed();
    at('2030-03-31');
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2030-03-31' }); // the last day still counts
    p.tick();
    expect(p.state.stage).toBe('LAPSED');
    expect(p.nextWakeUp()).toBe('2030-04-01');
    at('2030-04-01');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2030-04-01' }),
      /Restoration is only possible until 2030-03-31/,
    );
    p.tick();
    expect(p.state).toMatchObject({ stage: 'REMEDIATION', cycle: 2, audits: {} });
    expect(p.state.dates.readinessNotBefore).toBe('2029-10-01');
    expect(p.transition).toEqual({ kind: 'next-cycle' });
    // The internal audit and management review of the lapsed cycle no longer count.
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2030-05-04' }),
      /Stage 1 needs the internal audit and the management review to be completed first/,
    );
    rejects(
      () => p.checkRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2029-09-30' }),
      /internal audit of 2029-09-30 belongs to the certificate that ended; .* held from 2029-10-01/,
    );
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2029-10-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2030-04-01' });
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2030-05-04' });
    expect(p.state.stage).toBe('STAGE1');
  });

  it('after a withdrawal, counts from the withdrawal day', () => {
    const p = certified();
    at('2027-03-01');
    p.applyWithdrawCertification({ actor, on: '2027-03-01', reason: 'Misuse of the certification mark' });
    expect(p.state).toMatchObject({
      stage: 'REMEDIATION',
      cycle: 2,
      dates: { readinessNotBefore: '2027-03-01' },
    });
    rejects(
      () => p.checkRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2027-02-28' }),
      /management review of 2027-02-28 belongs to the certificate that ended/,
    );
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2027-03-01' });
  });

  it('runs recorded before the rule keep the readiness evidence of the lapsed cycle', () => {
    const p = lapsed({}, without(isoPatches.freshReadinessAfterLapse));
    runUntil(p, '2030-04-01');
    expect(p.state.stage).toBe('REMEDIATION');
    expect(p.state.dates.readinessNotBefore).toBeUndefined();
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2030-04-15' });
    expect(p.state.stage).toBe('STAGE1');
  });
});
