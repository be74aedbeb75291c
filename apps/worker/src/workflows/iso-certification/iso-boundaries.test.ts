import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  events,
  inRecertification,
  lapsed,
  newProgram,
  payloads,
  rejects,
  resetIds,
  runUntil,
  throughStage1,
  throughStage2,
} from '../../../test/support/iso-rules.js';

// Every deadline of the ISO table on its due day (still in time), the day after (missed) and, where a window
// opens, the day before it opens. The dates are hand-checked against docs/adr/0007 and 0011:
// program start 2026-06-01 → gap assessment due 2026-08-30 (90 days); Stage 1 on 2026-08-04 → valid through
// 2027-02-04; Stage 2 ending 2026-09-30 → majors verified by 2027-03-31; decision 2026-10-01 → surveillance 1 due
// 2027-10-01, expiry 2029-09-30, recertification audit from 2028-10-01; restoration through 2030-03-31.

beforeEach(() => {
  resetIds();
});

const missed = (p: ReturnType<typeof newProgram>) => payloads(p, 'deadline.missed').map((e) => e['deadline']);

describe('ISO deadlines: the due day is still in time, the day after is missed', () => {
  it('gap assessment: completed on its due day in time; flagged only the day after', () => {
    const p = newProgram();
    expect(p.state.dates.gapAssessmentDue).toBe('2026-08-30');
    expect(p.nextWakeUp()).toBe('2026-08-31');
    runUntil(p, '2026-08-30');
    expect(p.state.missedDeadlines).toEqual([]);
    p.applyCompleteGapAssessment({ actor, completedOn: '2026-08-30', gaps: [] });
    expect(p.state.stage).toBe('REMEDIATION');

    const late = newProgram();
    runUntil(late, '2026-08-31');
    expect(late.state.missedDeadlines).toEqual(['gap-assessment']);
    expect(missed(late)).toEqual(['gap-assessment']);
  });

  it('Stage 1 validity: a Stage 2 on the last valid day counts; the day after, Stage 1 is repeated', () => {
    const p = newProgram();
    throughStage1(p);
    expect(p.state.dates.stage1ValidUntil).toBe('2027-02-04');
    rejects(() => p.checkScheduleAudit({ actor, audit: 'stage2', date: '2027-02-05' }), /past 2027-02-04/);
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-02-04' });
    expect(p.nextWakeUp()).toBe('2027-02-05');
    runUntil(p, '2027-02-04');
    expect(p.state.stage).toBe('STAGE2');
    p.applyRecordAuditOutcome({ actor, audit: 'stage2', lastDay: '2027-02-04' });
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');

    const late = newProgram();
    throughStage1(late);
    late.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-02-04' });
    // Even before the calendar catches up, a Stage 2 ending the day after cannot rely on Stage 1.
    at('2027-02-05');
    rejects(
      () => late.checkRecordAuditOutcome({ actor, audit: 'stage2', lastDay: '2027-02-05' }),
      /Stage 2 ended after 2027-02-04/,
    );
    late.tick();
    expect(late.state.stage).toBe('STAGE1');
    expect(late.state.dates.stage1ValidUntil).toBeUndefined();
    expect(missed(late)).toEqual(['stage1-validity']);
  });

  it('major closure: a decision on the last day of the window is in time; the day after, Stage 2 is repeated', () => {
    const major = { severity: 'MAJOR' as const, description: 'No owner for the risk treatment plan' };
    const p = newProgram();
    throughStage2(p, [major]);
    expect(p.state.dates.majorClosureDeadline).toBe('2027-03-31');
    runUntil(p, '2027-03-31');
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');
    p.applyCloseFinding({
      actor,
      findingId: p.state.findings[0]!.id,
      on: '2027-03-31',
      resolution: 'CLOSED',
    });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-03-31' });
    expect(p.state.stage).toBe('SURVEILLANCE_1');

    const late = newProgram();
    throughStage2(late, [major]);
    runUntil(late, '2027-03-31');
    late.applyCloseFinding({
      actor,
      findingId: late.state.findings[0]!.id,
      on: '2027-03-31',
      resolution: 'CLOSED',
    });
    at('2027-04-01');
    rejects(
      () => late.checkRecordCertificationDecision({ actor, decidedOn: '2027-04-01' }),
      /More than 6 months have passed since Stage 2/,
    );

    const open = newProgram();
    throughStage2(open, [major]);
    runUntil(open, '2027-04-01');
    expect(open.state.stage).toBe('STAGE2');
    expect(open.state.dates.majorClosureDeadline).toBeUndefined();
    expect(missed(open)).toEqual(['major-closure']);
  });

  it('surveillance 1 held on its due day keeps the certificate; it is suspended the day after, not on the due day', () => {
    const p = certified();
    expect(p.state.dates.surveillance1Due).toBe('2027-10-01');
    at('2027-09-01');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance1', date: '2027-10-02' }),
      /must take place by 2027-10-01/,
    );
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-10-01' });
    runUntil(p, '2027-10-01');
    expect(p.state.stage).toBe('SURVEILLANCE_1');
    expect(p.state.suspension).toBeUndefined();
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-10-01' });
    expect(p.state.stage).toBe('SURVEILLANCE_2');

    const late = certified();
    runUntil(late, '2027-10-01');
    expect(late.state.stage).toBe('SURVEILLANCE_1');
    expect(late.nextWakeUp()).toBe('2027-10-02');
    runUntil(late, '2027-10-02');
    expect(late.state.stage).toBe('SUSPENDED');
    expect(late.state.suspension).toMatchObject({
      cause: 'missed-surveillance',
      missedAudit: 'surveillance1',
      since: '2027-10-02',
      until: '2028-04-01',
    });
    expect(missed(late)).toEqual(['surveillance1']);
  });

  it('surveillance 2: refused the day before the next calendar year opens, allowed from 1 January through its due day', () => {
    const p = certified();
    at('2027-06-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-06-14' });
    at('2027-06-15');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-06-15' });
    expect(p.state.dates).toMatchObject({
      surveillance2Earliest: '2028-01-01',
      surveillance2Due: '2028-06-15',
    });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance2', date: '2027-12-31' }),
      /later calendar year than surveillance audit 1 \(from 2028-01-01\)/,
    );
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance2', date: '2028-06-16' }),
      /must take place by 2028-06-15/,
    );
    expect(() => p.checkScheduleAudit({ actor, audit: 'surveillance2', date: '2028-01-01' })).not.toThrow();
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-06-15' });
    runUntil(p, '2028-06-15');
    expect(p.state.stage).toBe('SURVEILLANCE_2');
    runUntil(p, '2028-06-16');
    expect(p.state.stage).toBe('SUSPENDED');
    expect(p.state.suspension).toMatchObject({ missedAudit: 'surveillance2', since: '2028-06-16' });
  });

  it('surveillance 1 on 31 December lets surveillance 2 follow on 1 January, due the next 31 December', () => {
    const p = newProgram();
    throughStage2(p);
    at('2026-12-31');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-12-31' });
    expect(p.state.dates.surveillance1Due).toBe('2027-12-31');
    at('2027-12-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-12-31' });
    at('2027-12-31');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-12-31' });
    expect(p.state.dates).toMatchObject({
      surveillance2Earliest: '2028-01-01',
      surveillance2Due: '2028-12-31',
    });
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-01-01' });
  });

  it('expiry: recertification decided on the expiry day starts the next cycle; the day after, the certificate lapses', () => {
    const p = inRecertification();
    at('2029-09-01');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2029-10-01' }),
      /before the certificate expires on 2029-09-30/,
    );
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2029-09-30' });
    runUntil(p, '2029-09-30');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2029-09-30' });
    expect(p.state.stage).toBe('RECERTIFICATION');
    expect(p.nextWakeUp()).toBe('2029-10-01');
    // Not yet decided when the day is over: the validator refuses a decision after expiry even before the tick.
    at('2029-10-01');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2029-10-01' }),
      /Recertification must be decided before the certificate expires \(2029-09-30\)/,
    );
    at('2029-09-30');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2029-09-30' });
    expect(p.state).toMatchObject({ cycle: 2, stage: 'SURVEILLANCE_1' });
    expect(p.state.dates).toMatchObject({ cycleStart: '2029-10-01', expiryDate: '2032-09-30' });

    const late = inRecertification();
    runUntil(late, '2029-09-30');
    expect(late.state.stage).toBe('RECERTIFICATION');
    runUntil(late, '2029-10-01');
    expect(late.state.stage).toBe('LAPSED');
    expect(late.state.dates.restorationDeadline).toBe('2030-03-31');
  });

  it('restoration must be decided by the last day of the window: on it the certificate is restored, the day after it is refused', () => {
    const p = lapsed();
    at('2030-03-01');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2030-04-01' }),
      /Restoration is only possible until 2030-03-31/,
    );
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2030-03-31' });
    runUntil(p, '2030-03-31');
    expect(p.state.stage).toBe('LAPSED');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2030-03-31' });
    at('2030-04-01');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2030-04-01' }),
      /Restoration had to be decided by 2030-03-31; a new initial audit is required/,
    );
    // A refusal is no grant: it may still be recorded late.
    expect(() =>
      p.checkRecordCertificationDecision({
        actor,
        decidedOn: '2030-04-01',
        outcome: 'REFUSED',
        reason: 'The restoration audit found the system not maintained.',
      }),
    ).not.toThrow();
    at('2030-03-31');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2030-03-31' });
    expect(p.state).toMatchObject({ cycle: 2, stage: 'SURVEILLANCE_1' });
    expect(p.state.uncertified).toEqual([{ from: '2029-10-01', to: '2030-03-30', reason: 'lapsed' }]);

    const late = lapsed();
    runUntil(late, '2030-03-31');
    expect(late.state.stage).toBe('LAPSED');
    runUntil(late, '2030-04-01');
    expect(late.state).toMatchObject({ cycle: 2, stage: 'REMEDIATION' });
    expect(missed(late)).toEqual(['certificate-expiry', 'restoration']);
  });

  it('a suspension lasts through its last day: the overdue audit held then lifts it; the day after, withdrawal', () => {
    const p = certified();
    runUntil(p, '2027-10-02');
    expect(p.state.suspension?.until).toBe('2028-04-01');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'surveillance1', date: '2028-04-02' }),
      /must take place by 2028-04-01, when the suspension ends in withdrawal/,
    );
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2028-04-01' });
    runUntil(p, '2028-04-01');
    expect(p.state.stage).toBe('SUSPENDED');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2028-04-01' });
    expect(p.state.stage).toBe('SURVEILLANCE_2');
    expect(events(p)).toContain('certification.reinstated');

    const late = certified();
    runUntil(late, '2028-04-01');
    expect(late.state.stage).toBe('SUSPENDED');
    runUntil(late, '2028-04-02');
    expect(late.state).toMatchObject({ cycle: 2, stage: 'REMEDIATION' });
    expect(late.state.dates.readinessNotBefore).toBe('2028-04-02');
    expect(payloads(late, 'certification.withdrawn')).toEqual([
      { on: '2028-04-02', reason: 'suspension not lifted within 6 months', cycle: 1 },
    ]);
  });

  it('the recertification window: refused the day before it opens, allowed on its first day', () => {
    const p = inRecertification();
    expect(p.state.dates.recertificationEarliest).toBe('2028-10-01');
    at('2028-07-01');
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'recertification', date: '2028-09-30' }),
      /can be held from 2028-10-01 \(the last 12 months before expiry\)/,
    );
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2028-10-01' });
    expect(p.state.audits.recertification?.scheduledOn).toBe('2028-10-01');
  });

  it('a finding response is overdue the day after it is due, not on it', () => {
    const p = newProgram();
    throughStage2(p, [{ severity: 'MINOR', description: 'Asset register stale' }]);
    const finding = p.state.findings[0]!;
    expect(finding.responseDue).toBe('2026-12-29');
    runUntil(p, '2026-12-29');
    expect(events(p)).not.toContain('escalation.sent');
    expect(p.snapshot().atRiskReasons).toEqual([]);
    expect(p.nextWakeUp()).toBe('2026-12-30');
    runUntil(p, '2026-12-30');
    expect(payloads(p, 'escalation.sent').filter((e) => e['findingId'])).toEqual([
      { findingId: finding.id, reason: 'finding-response-overdue', responseDue: '2026-12-29' },
    ]);
    expect(p.snapshot().atRiskReasons).toContain('overdue-findings:1');
  });
});
