import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  emails,
  events,
  newProgram,
  rejects,
  resetIds,
  throughStage2,
} from '../../../test/support/iso-rules.js';

beforeEach(() => {
  resetIds();
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
    // Stage 2 ended on the last day of September: the window runs to the last day of March.
    expect(p.state.dates.majorClosureDeadline).toBe('2027-03-31');
    at('2027-03-31');
    p.tick();
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');
    at('2027-04-01');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-04-01' }),
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
