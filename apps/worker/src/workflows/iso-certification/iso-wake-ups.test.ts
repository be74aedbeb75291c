import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  emails,
  newProgram,
  payloads,
  resetIds,
  runUntil,
  throughStage1,
  throughStage2,
} from '../../../test/support/iso-rules.js';

beforeEach(() => {
  resetIds();
});

const evidence = [{ title: 'Corrective action record', uri: 'https://docs.acme.test/ca' }];
const missedKeys = (p: ReturnType<typeof newProgram>) =>
  payloads(p, 'deadline.missed').map((e) => e['deadline']);

describe('ISO calendar: waking for a finding whose response is due', () => {
  it('wakes the day after an open finding is due even when its task is done, and escalates it then', () => {
    const p = newProgram();
    throughStage1(p, [{ severity: 'MINOR', description: 'Asset register stale' }]);
    const finding = p.state.findings[0]!;
    expect(finding.responseDue).toBe('2026-11-02');
    // The corrective action is done, but the finding is still open: only the finding wakes the workflow.
    p.tasks.applyComplete({ actor, taskId: finding.taskId!, completedOn: '2026-08-04', evidence }, p.today);
    expect(p.nextWakeUp()).toBe('2026-11-03');
    at('2026-11-03');
    p.tick();
    expect(payloads(p, 'escalation.sent')).toEqual([
      { findingId: finding.id, reason: 'finding-response-overdue', responseDue: '2026-11-02' },
    ]);
    // Escalated once: the next wake-up is the day after Stage 1 stops being valid.
    expect(p.nextWakeUp()).toBe('2027-02-05');
  });

  it('does not wake for observations or for findings whose plan was accepted', () => {
    const p = newProgram();
    throughStage1(p, [
      { severity: 'OBSERVATION', description: 'Naming of policies could be clearer' },
      { severity: 'MINOR', description: 'Asset register stale' },
    ]);
    const minor = p.state.findings[1]!;
    p.tasks.applyComplete({ actor, taskId: minor.taskId!, completedOn: '2026-08-04', evidence }, p.today);
    p.applyCloseFinding({ actor, findingId: minor.id, on: '2026-08-04', resolution: 'PLAN_ACCEPTED' });
    expect(p.nextWakeUp()).toBe('2027-02-05');
  });
});

describe('ISO calendar: the next milestone of each stage', () => {
  it('shows the earliest open remediation task, then the scheduled Stage 1 in STAGE1', () => {
    const p = newProgram();
    at('2026-07-01');
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-07-01',
      gaps: [
        { title: 'Supplier review', ownerEmail: 'it@acme.test', dueDate: '2026-07-20' },
        { title: 'Asset inventory', ownerEmail: 'it@acme.test', dueDate: '2026-07-10' },
      ],
    });
    expect(p.state.stage).toBe('REMEDIATION');
    expect(p.nextMilestone()).toEqual({ kind: 'remediation-task-due', due: '2026-07-10' });
    const inventory = p.state.tasks.find((t) => t.title === 'Asset inventory')!;
    p.tasks.applyComplete({ actor, taskId: inventory.id, completedOn: '2026-07-01', evidence }, p.today);
    expect(p.nextMilestone()).toEqual({ kind: 'remediation-task-due', due: '2026-07-20' });
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-08-03' });
    expect(p.state.stage).toBe('STAGE1');
    expect(p.nextMilestone()).toEqual({ kind: 'stage1', due: '2026-08-03' });
  });

  it('shows the scheduled Stage 2, and the scheduled recertification audit until it is held', () => {
    const p = newProgram();
    throughStage1(p);
    expect(p.nextMilestone()).toEqual({ kind: 'stage1-valid-until', due: '2027-02-04' });
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2026-09-28' });
    expect(p.nextMilestone()).toEqual({ kind: 'stage2', due: '2026-09-28' });

    const r = certified();
    at('2027-06-01');
    r.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-06-14' });
    expect(r.nextMilestone()).toEqual({ kind: 'surveillance1', due: '2027-06-14' });
    at('2027-06-15');
    r.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-06-15' });
    at('2028-06-01');
    r.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-06-13' });
    at('2028-06-14');
    r.applyRecordAuditOutcome({ actor, audit: 'surveillance2', lastDay: '2028-06-14' });
    expect(r.nextMilestone()).toEqual({ kind: 'certificate-expiry', due: '2029-09-30' });
    at('2028-11-01');
    r.applyScheduleAudit({ actor, audit: 'recertification', date: '2028-11-20' });
    expect(r.nextMilestone()).toEqual({ kind: 'recertification', due: '2028-11-20' });
    at('2028-11-21');
    r.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2028-11-21' });
    expect(r.nextMilestone()).toEqual({ kind: 'certificate-expiry', due: '2029-09-30' });
  });
});

describe('ISO calendar: a repeated step forgets only its own miss', () => {
  /** Started 2026-04-01: the gap assessment (due 2026-06-29) is missed, then the program goes on. */
  function lateStart() {
    const p = newProgram({ startDate: '2026-04-01' });
    runUntil(p, '2026-07-01');
    expect(p.state.missedDeadlines).toEqual(['gap-assessment']);
    expect(emails(p).map((e) => e.text)).toEqual([
      `The gap assessment was due ${p.state.dates.gapAssessmentDue}.`,
    ]);
    return p;
  }

  it('Stage 1 expiring before Stage 2 keeps the missed gap assessment on record', () => {
    const p = lateStart();
    throughStage1(p);
    runUntil(p, '2027-02-05');
    expect(p.state.stage).toBe('STAGE1');
    expect(missedKeys(p)).toEqual(['gap-assessment', 'stage1-validity']);
    expect(p.state.missedDeadlines).toEqual(['gap-assessment']);
  });

  it('majors not closed in time keep the missed gap assessment on record', () => {
    const p = lateStart();
    throughStage2(p, [{ severity: 'MAJOR', description: 'No risk treatment plan' }]);
    runUntil(p, '2027-04-01');
    expect(p.state.stage).toBe('STAGE2');
    expect(missedKeys(p)).toEqual(['gap-assessment', 'major-closure']);
    expect(p.state.missedDeadlines).toEqual(['gap-assessment']);
  });

  const addAims = {
    actor,
    frameworks: ['iso27001', 'iso42001'] as ['iso27001', 'iso42001'],
    justification: 'The organisation now develops AI systems.',
  };

  /** Late start, certified 2026-10-01; ISO/IEC 42001 added 2027-01-10, its Stage 1 held 2027-02-01. */
  function extended() {
    const p = lateStart();
    throughStage2(p);
    at('2026-10-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    at('2027-01-10');
    p.applyChangeScope(addAims);
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-02-01' });
    at('2027-02-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-02-01' });
    return p;
  }

  it("an added standard's Stage 1 expiring twice is missed twice, and drops its scheduled Stage 2", () => {
    const p = extended();
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-07-30' });
    runUntil(p, '2027-08-02');
    expect(p.state.extension?.stage).toBe('STAGE1');
    expect(p.state.audits['extension-stage2']).toBeUndefined();
    expect(p.state.missedDeadlines).toEqual(['gap-assessment']);
    // Its Stage 1 is repeated with surveillance 1, which keeps the certificate valid meanwhile.
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-08-10' });
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-08-10' });
    at('2027-08-10');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-08-10' });
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-08-10' });
    expect(p.state.extension?.stage1ValidUntil).toBe('2028-02-10');
    runUntil(p, '2028-02-11');
    expect(p.state.extension?.stage).toBe('STAGE1');
    expect(missedKeys(p)).toEqual([
      'gap-assessment',
      'extension-stage1-validity',
      'extension-stage1-validity',
    ]);
  });

  it("an added standard's majors: missed only while one is open; the miss keeps the gap assessment on record", () => {
    const held = () => {
      const p = extended();
      p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-03-01' });
      at('2027-03-01');
      p.applyRecordAuditOutcome({
        actor,
        audit: 'extension-stage2',
        lastDay: '2027-03-01',
        findings: [{ severity: 'MAJOR', description: 'No AI impact assessment' }],
      });
      return p;
    };
    const closed = held();
    const major = closed.state.findings.find((f) => f.description === 'No AI impact assessment')!;
    closed.applyCloseFinding({ actor, findingId: major.id, on: '2027-03-01', resolution: 'CLOSED' });
    runUntil(closed, '2027-09-10');
    expect(closed.state.extension?.stage).toBe('DECISION');
    expect(missedKeys(closed)).toEqual(['gap-assessment']);

    const open = held();
    runUntil(open, '2027-09-02');
    expect(open.state.extension?.stage).toBe('STAGE2');
    expect(missedKeys(open)).toEqual(['gap-assessment', 'extension-major-closure']);
    expect(open.state.missedDeadlines).toEqual(['gap-assessment']);
  });
});
