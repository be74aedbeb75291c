import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  lapsed,
  newProgram,
  rejects,
  resetIds,
  runUntil,
} from '../../../test/support/iso-rules.js';
import { sharedPatches } from '../shared/patches.js';
import type { IsoProgram } from './iso-program.js';

// One convention for every window counted in months (docs/adr/0011-month-windows.md): "within N months after X"
// is N whole months from the day after X; a window from day S ends the day before S's N-month anniversary, on
// the month's last day when the month lacks S's day. The last day is still in time; the day after is a miss.

beforeEach(() => {
  resetIds();
});

/** Gap assessment and readiness on `readyOn`, Stage 1 on `stage1`, Stage 2 on `stage2`. */
function throughStages(p: IsoProgram, readyOn: string, stage1: string, stage2?: string): void {
  at(readyOn);
  p.applyCompleteGapAssessment({ actor, completedOn: readyOn });
  p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: readyOn });
  p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: readyOn });
  p.applyScheduleAudit({ actor, audit: 'stage1', date: stage1 });
  at(stage1);
  p.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: stage1 });
  if (!stage2) return;
  p.applyScheduleAudit({ actor, audit: 'stage2', date: stage2 });
  at(stage2);
  p.applyRecordAuditOutcome({ actor, audit: 'stage2', lastDay: stage2 });
}

describe('ISO month windows through the rules', () => {
  it('Stage 1 held on 31 August stays valid through 29 February of a leap year', () => {
    const p = newProgram({ startDate: '2027-06-01' });
    throughStages(p, '2027-07-01', '2027-08-31');
    expect(p.state.dates.stage1ValidUntil).toBe('2028-02-29');
    at('2028-02-28');
    rejects(() => p.checkScheduleAudit({ actor, audit: 'stage2', date: '2028-03-01' }), /past 2028-02-29/);
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2028-02-29' });
    expect(p.nextWakeUp()).toBe('2028-03-01');
    runUntil(p, '2028-02-29');
    expect(p.state.stage).toBe('STAGE2');
    at('2028-03-01');
    p.tick();
    expect(p.state.stage).toBe('STAGE1');
  });

  it('majors from a Stage 2 ending 28 February of a common year may be closed through 31 August', () => {
    const p = newProgram({ startDate: '2026-09-01' });
    throughStages(p, '2026-10-01', '2026-11-30');
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-02-26' });
    at('2027-02-28');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'stage2',
      lastDay: '2027-02-28',
      findings: [{ severity: 'MAJOR', description: 'Risk treatment not approved' }],
    });
    expect(p.state.dates.majorClosureDeadline).toBe('2027-08-31');
    runUntil(p, '2027-08-31');
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');
    at('2027-09-01');
    p.tick();
    expect(p.state.stage).toBe('STAGE2');
  });

  it('a decision on 31 December puts surveillance 1 due on the next 31 December, across the year end', () => {
    const p = newProgram({ startDate: '2026-06-01' });
    throughStages(p, '2026-07-01', '2026-08-03', '2026-09-30');
    at('2026-12-31');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-12-31' });
    expect(p.state.dates).toMatchObject({ surveillance1Due: '2027-12-31', expiryDate: '2029-12-30' });
    runUntil(p, '2027-12-31');
    expect(p.state.stage).toBe('SURVEILLANCE_1');
    at('2028-01-01');
    p.tick();
    // Suspended from 2028-01-01 for six months: through 2028-06-30, withdrawn on 2028-07-01.
    expect(p.state.suspension).toMatchObject({ since: '2028-01-01', until: '2028-06-30' });
    runUntil(p, '2028-06-30');
    expect(p.state.stage).toBe('SUSPENDED');
    at('2028-07-01');
    p.tick();
    expect(p.state).toMatchObject({ stage: 'REMEDIATION', cycle: 2 });
  });

  it('a suspension from 29 February ends on 28 August; a decision on 28 February puts surveillance due on 29 February', () => {
    const p = newProgram({ startDate: '2026-06-01' });
    throughStages(p, '2026-07-01', '2026-08-03', '2026-09-30');
    at('2027-02-28');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-02-28' });
    expect(p.state.dates.surveillance1Due).toBe('2028-02-29');
    at('2028-02-29');
    p.applySuspendCertification({ actor, on: '2028-02-29', reason: 'Misleading use of the mark' });
    expect(p.state.suspension?.until).toBe('2028-08-28');
    expect(p.nextWakeUp()).toBe('2028-08-29');
  });

  it('runs recorded before the convention keep clamped month arithmetic', () => {
    const p = lapsed({}, (id) => id !== sharedPatches.monthWindows); // expiry 2029-09-30
    expect(p.state.dates.restorationDeadline).toBe('2030-03-30');
    const q = lapsed();
    expect(q.state.dates.restorationDeadline).toBe('2030-03-31');
  });

  it('runs recorded before the convention put surveillance 2 in the next calendar year, due 12 clamped months on', () => {
    const legacy = newProgram({}, (id) => id !== sharedPatches.monthWindows);
    throughStages(legacy, '2026-07-01', '2026-08-03', '2026-09-30');
    at('2026-10-01');
    legacy.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    legacy.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-06-14' });
    at('2027-06-15');
    legacy.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-06-15' });
    expect(legacy.state.dates).toMatchObject({
      surveillance2Earliest: '2028-01-01',
      surveillance2Due: '2028-06-15',
    });
  });
});
