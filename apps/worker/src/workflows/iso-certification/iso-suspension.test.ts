import { beforeEach, describe, expect, it } from 'vitest';
import { IsoProgram } from './iso-program.js';
import {
  actor,
  at,
  certified,
  emails,
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
    const p = inRecertification();
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
      // Six months from its first day: through 2028-04-01; withdrawal would follow on 2028-04-02.
      until: '2028-04-01',
      resumeStage: 'SURVEILLANCE_1',
      missedAudit: 'surveillance1',
    });
    expect(p.snapshot()).toMatchObject({
      atRisk: true,
      nextMilestone: { kind: 'suspension-ends', due: '2028-04-01' },
    });
    expect(p.nextWakeUp()).toBe('2028-04-02');
    expect(events(p).slice(-3)).toEqual(['deadline.missed', 'certification.suspended', 'stage.changed']);
    rejects(
      () => p.checkReinstateCertification({ actor, on: '2027-10-02', justification: 'Audit booked.' }),
      /lifts when the overdue surveillance audit 1 is recorded \(by 2028-04-01\)/,
    );
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance1', date: '2028-04-02' }),
      /must take place by 2028-04-01, when the suspension ends in withdrawal/,
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
    at('2028-04-01');
    p.tick();
    expect(p.state.stage).toBe('SUSPENDED');
    at('2028-04-02');
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
    expect(p.state.suspension?.until).toBe('2028-01-01');
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
      until: '2027-07-31',
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
    const p = inRecertification();
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
      () => Date.UTC(2027, 0, 1),
      () => 'x',
    );
    expect(q.state.config.policy.suspensionMaxMonths).toBe(6);
  });
});
