import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  inRecertification,
  justification,
  rejects,
  resetIds,
  runUntil,
} from '../../../test/support/iso-rules.js';
import { isoPatches } from './patches.js';

beforeEach(() => {
  resetIds();
});

describe('ISO program: when the recertification audit may be held', () => {
  it('from the last 12 months before expiry, unless the certification body overrides it', () => {
    const p = inRecertification(); // expiry 2029-09-30
    expect(p.state.dates.recertificationEarliest).toBe('2028-10-01');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2028-09-30' }),
      /can be held from 2028-10-01 \(the last 12 months before expiry\)/,
    );
    p.checkScheduleAudit({ actor, audit: 'recertification', date: '2028-10-01' });
    p.checkScheduleAudit({ actor, audit: 'recertification', date: '2029-09-30' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2029-10-01' }),
      /before the certificate expires on 2029-09-30/,
    );
    p.applyOverrideRule({ actor, rule: 'recertification-window', justification });
    rejects(
      () => p.checkOverrideRule({ actor, rule: 'recertification-window', justification }),
      /already recorded in this cycle/,
    );
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2028-08-30' });
    expect(p.state.audits.recertification?.scheduledOn).toBe('2028-08-30');
  });

  it('takes the window from the certification body policy', () => {
    const p = inRecertification({ config: { policy: { recertificationWindowMonths: 6 } } });
    expect(p.state.dates.recertificationEarliest).toBe('2029-04-01');
  });
});

describe('ISO program: an early recertification', () => {
  /** Recertified on `decidedOn`, with the audit held the same day (under an override when before 2028-10-01). */
  function recertifiedOn(decidedOn: string, patched?: (id: string) => boolean) {
    const p = inRecertification({}, patched);
    at('2028-06-20');
    if (decidedOn < '2028-10-01' && p.feature('recertificationWindow'))
      p.applyOverrideRule({ actor, rule: 'recertification-window', justification });
    p.applyScheduleAudit({ actor, audit: 'recertification', date: decidedOn });
    at(decidedOn);
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: decidedOn });
    p.applyRecordCertificationDecision({ actor, decidedOn });
    return p;
  }

  it("counts the next cycle's surveillance inside that cycle, never before it starts", () => {
    const p = recertifiedOn('2028-09-01'); // 13 months before expiry
    expect(p.state).toMatchObject({ cycle: 2, stage: 'SURVEILLANCE_1' });
    expect(p.state.dates).toMatchObject({
      decisionDate: '2028-09-01',
      cycleStart: '2029-10-01',
      expiryDate: '2032-09-30',
      surveillance1Due: '2030-09-30',
      recertificationEarliest: '2031-10-01',
    });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance1', date: '2029-09-30' }),
      /Surveillance audit 1 of cycle 2 is held inside that cycle, from 2029-10-01/,
    );
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2029-10-01' });
    // The old cycle's certificate keeps running until the new one starts: no deadline fires in between.
    runUntil(p, '2029-10-01');
    expect(p.state.stage).toBe('SURVEILLANCE_1');
  });

  it('counts from the decision when it comes after the new cycle starts (restoration) or on expiry day', () => {
    const p = recertifiedOn('2029-09-30');
    expect(p.state.dates).toMatchObject({ cycleStart: '2029-10-01', surveillance1Due: '2030-09-30' });
  });

  it('runs recorded before the rule count 12 months from the decision, even before the cycle starts', () => {
    const p = recertifiedOn('2028-09-01', (id) => id !== isoPatches.recertificationWindow);
    expect(p.state.dates).toMatchObject({ cycleStart: '2029-10-01', surveillance1Due: '2029-09-01' });
    expect(p.state.dates.recertificationEarliest).toBeUndefined();
  });
});
