import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  emails,
  events,
  inRecertification,
  lapsed,
  newProgram,
  payloads,
  rejects,
  resetIds,
  throughStage2,
} from '../../../test/support/iso-rules.js';
import { isoPatches } from './patches.js';

beforeEach(() => {
  resetIds();
});

const addAims = {
  actor,
  frameworks: ['iso27001', 'iso42001'] as ['iso27001', 'iso42001'],
  justification: 'The organisation now develops AI systems.',
};

/** Holds the recertification audit (scheduled `on`, held the day after). */
function holdRecertification(p: ReturnType<typeof newProgram>, on: string, lastDay: string): void {
  at(on);
  p.applyScheduleAudit({ actor, audit: 'recertification', date: on });
  at(lastDay);
  p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay });
}

describe('ISO decisions: the initial certification', () => {
  it('refuses a decision dated after today, and names every open major', () => {
    const p = newProgram();
    throughStage2(p, [
      { severity: 'MAJOR', description: 'No risk treatment plan' },
      { severity: 'MAJOR', description: 'No internal audit programme' },
    ]);
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2026-10-01' }),
      /^The decision date \(2026-10-01\) cannot be later than today \(2026-09-30\)\.$/,
    );
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2026-09-30' }),
      /^2 major nonconformity\(ies\) are not verified closed: No risk treatment plan; No internal audit programme\.$/,
    );
  });

  it('may still be refused once the major-closure window has passed, but no longer granted', () => {
    const p = newProgram();
    throughStage2(p);
    expect(p.state.dates.majorClosureDeadline).toBe('2027-03-31');
    // No major is open, so the calendar does not send the program back to Stage 2.
    at('2027-04-01');
    p.tick();
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-04-01' }),
      /More than 6 months have passed since Stage 2/,
    );
    const reason = 'The management system is not effective.';
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-04-01', outcome: 'REFUSED', reason });
    expect(p.state.stage).toBe('STAGE2');
  });

  it('runs recorded before the cycle.started change grant without that event', () => {
    const p = certified({}, (id) => id !== isoPatches.initialCycleStartedEvent);
    expect(p.state.stage).toBe('SURVEILLANCE_1');
    expect(events(p)).not.toContain('cycle.started');
    expect(events(p).at(-1)).toBe('stage.changed');
  });
});

describe('ISO decisions: recertification and restoration', () => {
  it('recertification opens cycle 2 with a clean slate; an added standard under way keeps its audits', () => {
    const p = inRecertification();
    at('2028-07-01');
    p.applyChangeScope(addAims);
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2028-08-01' });
    at('2028-08-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2028-08-01' });
    holdRecertification(p, '2028-11-20', '2028-11-21');
    at('2028-12-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2028-12-01' });
    const next = {
      decisionDate: '2028-12-01',
      cycleStart: '2029-10-01',
      expiryDate: '2032-09-30',
      surveillance1Due: '2030-09-30',
    };
    expect(payloads(p, 'certification.decided').at(-1)).toEqual({
      kind: 'recertification',
      ...next,
      cycle: 2,
    });
    expect(payloads(p, 'cycle.started').at(-1)).toEqual({ cycle: 2, reason: 'recertification', ...next });
    expect(p.state).toMatchObject({ cycle: 2, stage: 'SURVEILLANCE_1', missedDeadlines: [], overrides: [] });
    expect(Object.keys(p.state.audits)).toEqual(['extension-stage1']);
    expect(p.transition).toEqual({ kind: 'next-cycle' });
  });

  it('restoration after a lapse opens cycle 2 from the decision', () => {
    const p = lapsed();
    holdRecertification(p, '2029-10-10', '2029-10-11');
    at('2029-10-20');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-10-20' });
    expect(payloads(p, 'certification.decided').at(-1)).toMatchObject({ kind: 'restoration', cycle: 2 });
    expect(payloads(p, 'cycle.started').at(-1)).toMatchObject({ cycle: 2, reason: 'restoration' });
    expect(p.state.missedDeadlines).toEqual([]);
  });

  it('runs recorded before restoration-from-decision restore from the old expiry, surveillance counted from the decision', () => {
    const p = lapsed({}, (id) => id !== isoPatches.restorationFromDecision);
    holdRecertification(p, '2029-10-10', '2029-10-11');
    at('2029-10-20');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-10-20' });
    const next = {
      decisionDate: '2029-10-20',
      cycleStart: '2029-10-01',
      expiryDate: '2032-09-30',
      surveillance1Due: '2030-10-20',
    };
    expect(payloads(p, 'certification.decided').at(-1)).toEqual({ kind: 'restoration', ...next, cycle: 2 });
    expect(payloads(p, 'cycle.started').at(-1)).toEqual({ cycle: 2, reason: 'restoration', ...next });
  });

  it('a refused recertification repeats its audit; the certificate keeps running to its expiry', () => {
    const p = inRecertification();
    holdRecertification(p, '2028-11-20', '2028-11-21');
    at('2028-12-01');
    const reason = 'The internal audit programme lapsed.';
    p.applyRecordCertificationDecision({ actor, decidedOn: '2028-12-01', outcome: 'REFUSED', reason });
    expect(payloads(p, 'certification.refused')).toEqual([
      { kind: 'recertification', decidedOn: '2028-12-01', reason, cycle: 1 },
    ]);
    expect(p.state).toMatchObject({ stage: 'RECERTIFICATION', cycle: 1 });
    expect(p.state.audits.recertification).toBeUndefined();
    expect(p.state.dates.expiryDate).toBe('2029-09-30');
  });

  it('a refused restoration repeats the recertification audit and tells the program manager', () => {
    const p = lapsed();
    holdRecertification(p, '2029-10-10', '2029-10-11');
    at('2029-10-20');
    const reason = 'Majors from the recertification audit remain open.';
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-10-20', outcome: 'REFUSED', reason });
    expect(payloads(p, 'certification.refused')).toEqual([
      { kind: 'restoration', decidedOn: '2029-10-20', reason, cycle: 1 },
    ]);
    expect(emails(p).at(-1)?.text).toBe(
      `The certification body refused the restoration certification on 2029-10-20: ${reason}`,
    );
    expect(p.state.stage).toBe('LAPSED');
    expect(p.state.audits.recertification).toBeUndefined();
  });
});

describe('ISO decisions: an added standard', () => {
  /** Certified 2026-10-01; ISO/IEC 42001 added 2027-01-10, its Stage 1 held 2027-02-01, Stage 2 held 2027-03-01..03. */
  function awaitingDecision(patched?: (id: string) => boolean) {
    const p = certified({}, patched);
    at('2027-01-10');
    p.applyChangeScope(addAims);
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-02-01' });
    at('2027-02-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-02-01' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-03-01' });
    at('2027-03-03');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage2', lastDay: '2027-03-03' });
    expect(p.state.extension?.stage).toBe('DECISION');
    return p;
  }

  it('is decided from the last day of its Stage 2, not before', () => {
    const p = awaitingDecision();
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-03-02', framework: 'iso42001' }),
      /^The decision cannot precede the end of its Stage 2 \(2027-03-03\)\.$/,
    );
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-03-03', framework: 'iso42001' });
    expect(p.state.certificate?.frameworks).toEqual(['iso27001', 'iso42001']);
  });

  it('may be refused after its major-closure window, when it can no longer be granted', () => {
    const p = awaitingDecision();
    expect(p.state.extension?.majorClosureDeadline).toBe('2027-09-03');
    at('2027-09-04');
    p.tick();
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-09-04', framework: 'iso42001' }),
      /More than 6 months have passed since its Stage 2/,
    );
    const reason = 'The AI impact assessment was not performed.';
    p.applyRecordCertificationDecision({
      actor,
      decidedOn: '2027-09-04',
      framework: 'iso42001',
      outcome: 'REFUSED',
      reason,
    });
    expect(payloads(p, 'certification.refused')).toEqual([
      { kind: 'extension', framework: 'iso42001', decidedOn: '2027-09-04', reason },
    ]);
    expect(p.state.extension).toEqual({ framework: 'iso42001', requestedOn: '2027-01-10', stage: 'STAGE2' });
  });

  it('runs recorded before the fix keep the Stage 1 limit when a refusal repeats its Stage 2', () => {
    const p = awaitingDecision((id) => id !== isoPatches.extensionRepeatWithoutStage1Limit);
    at('2027-03-15');
    p.applyRecordCertificationDecision({
      actor,
      decidedOn: '2027-03-15',
      framework: 'iso42001',
      outcome: 'REFUSED',
      reason: 'The AI impact assessment was not performed.',
    });
    expect(p.state.extension).toEqual({
      framework: 'iso42001',
      requestedOn: '2027-01-10',
      stage: 'STAGE2',
      stage1ValidUntil: '2027-08-01',
    });
  });
});
