import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  events,
  inRecertification,
  justification,
  lapsed,
  newProgram,
  payloads,
  rejects,
  resetIds,
  runUntil,
  throughStage2,
} from '../../../test/support/iso-rules.js';
import { isoPatches } from './patches.js';

// The edges of the ISO validators: the first day that is allowed and the day before, and each state a rule
// refuses, reached through the rule methods (certified 2026-10-01; see iso-boundaries.test.ts for the dates).

beforeEach(() => {
  resetIds();
});

describe('suspension, reinstatement and withdrawal at their edges', () => {
  it('suspends from the decision day on, never before it', () => {
    const p = certified();
    at('2026-10-01');
    rejects(
      () => p.checkSuspendCertification({ actor, on: '2026-09-30', reason: 'Complaint not handled' }),
      /The suspension \(2026-09-30\) cannot precede the certification decision \(2026-10-01\)/,
    );
    p.applySuspendCertification({ actor, on: '2026-10-01', reason: 'Complaint not handled' });
    expect(payloads(p, 'certification.suspended').at(-1)).toEqual({
      cause: 'certification-body-decision',
      reason: 'Complaint not handled',
      since: '2026-10-01',
      until: '2027-03-31',
    });
    rejects(
      () => p.checkSuspendCertification({ actor, on: '2026-10-01', reason: 'Again' }),
      /Only a valid certificate can be suspended; the program is in SUSPENDED/,
    );
    rejects(
      () => p.checkReinstateCertification({ actor, on: '2026-09-30', justification }),
      /The reinstatement \(2026-09-30\) cannot precede the suspension \(2026-10-01\)/,
    );
    p.applyReinstateCertification({ actor, on: '2026-10-01', justification });
    expect(p.state.stage).toBe('SURVEILLANCE_1');
    rejects(() => p.checkReinstateCertification({ actor, on: '2026-10-01', justification }), /not suspended/);
  });

  it('lifts a suspension for a missed surveillance only by the audit, and withdraws from SUSPENDED too', () => {
    const p = certified();
    runUntil(p, '2027-10-02');
    rejects(
      () => p.checkReinstateCertification({ actor, on: '2027-10-02', justification }),
      /lifts when the overdue surveillance audit 1 is recorded \(by 2028-04-01\)/,
    );
    p.applyWithdrawCertification({
      actor,
      on: '2027-10-02',
      reason: 'The organisation gave up the certificate',
    });
    expect(p.state).toMatchObject({ stage: 'REMEDIATION', cycle: 2 });
    rejects(
      () => p.checkWithdrawCertification({ actor, on: '2027-10-02', reason: 'Again' }),
      /There is no certificate to withdraw while the program is in REMEDIATION/,
    );
  });

  it('runs recorded before suspension on a missed surveillance only flag it', () => {
    const p = certified({}, (id) => id !== isoPatches.suspensionOnMissedSurveillance);
    runUntil(p, '2027-10-02');
    expect(p.state).toMatchObject({ stage: 'SURVEILLANCE_1', missedDeadlines: ['surveillance1'] });
    expect(events(p)).not.toContain('certification.suspended');
  });

  it('a lapse past restoration needs readiness held after the old certificate ended', () => {
    const p = lapsed();
    runUntil(p, '2030-04-01');
    expect(p.state.dates.readinessNotBefore).toBe('2029-10-01');
    expect(p.state.certificate?.frameworks).toEqual([]);
    expect(p.state.audits).toEqual({});
    expect(payloads(p, 'cycle.started').at(-1)).toEqual({
      cycle: 2,
      reason: 'new-initial-audit',
      readinessNotBefore: '2029-10-01',
    });
    rejects(
      () => p.checkRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2029-09-30' }),
      /belongs to the certificate that ended; the new initial audit needs one held from 2029-10-01/,
    );
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2029-10-01' });
  });
});

describe('scope and overrides at their edges', () => {
  it('compares the standards whatever their order, and refuses changes once the program ended', () => {
    const p = newProgram({ frameworks: ['iso27001', 'iso42001'] });
    rejects(
      () => p.checkChangeScope({ actor, frameworks: ['iso42001', 'iso27001'], justification }),
      /already covers exactly iso27001 and iso42001/,
    );
    at('2026-06-02');
    p.applyEndProgram({ actor, reason: 'Merged into the group programme.' });
    rejects(
      () => p.checkChangeScope({ actor, frameworks: ['iso27001'], justification }),
      /The program has ended/,
    );
  });

  it('refuses a standard added while the certificate is suspended or lapsed, naming which', () => {
    const suspended = certified();
    at('2027-01-10');
    suspended.applySuspendCertification({ actor, on: '2027-01-10', reason: 'Complaint not handled' });
    rejects(
      () => suspended.checkChangeScope({ actor, frameworks: ['iso27001', 'iso42001'], justification }),
      /ISO\/IEC 42001 cannot be added while the certificate is suspended/,
    );
    const gone = lapsed();
    rejects(
      () => gone.checkChangeScope({ actor, frameworks: ['iso27001', 'iso42001'], justification }),
      /ISO\/IEC 42001 cannot be added while the certificate is lapsed/,
    );
  });

  it('lets an added standard join between the gap assessment and Stage 1, but not after Stage 2 was held', () => {
    const p = newProgram();
    throughStage2(p);
    rejects(
      () => p.checkChangeScope({ actor, frameworks: ['iso27001', 'iso42001'], justification }),
      /cannot join this initial audit: Stage 1 was held for ISO\/IEC 27001 only/,
    );
  });

  it('overrides the recertification window only while certified, and not in runs without the window', () => {
    const p = newProgram();
    rejects(
      () => p.checkOverrideRule({ actor, rule: 'recertification-window', justification }),
      /only be overridden while the certificate is valid/,
    );
    const old = inRecertification({}, (id) => id !== isoPatches.recertificationWindow);
    rejects(
      () => old.checkOverrideRule({ actor, rule: 'recertification-window', justification }),
      /This cycle has no recertification window to override/,
    );
    const q = inRecertification();
    q.applyOverrideRule({ actor, rule: 'recertification-window', justification });
    expect(payloads(q, 'override.recorded')).toEqual([{ rule: 'recertification-window', justification }]);
    q.applyScheduleAudit({ actor, audit: 'recertification', date: '2028-07-01' });
  });
});
