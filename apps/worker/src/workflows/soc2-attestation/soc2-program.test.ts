import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  auditPayloads,
  auditTypes,
  continueAsNew,
  emailSubjects,
  newProgram,
  ready,
  resetIds,
  throughFirstReport,
  tickOn,
} from '../../../test/support/soc2-rules.js';

beforeEach(() => {
  resetIds();
});

describe('SOC 2 program: two back-to-back 12-month periods with a bridge letter', () => {
  it('computes the period, fieldwork and report dates and moves through the stages', () => {
    const p = newProgram();
    expect(p.state.readinessDue).toBe('2027-01-01');
    ready(p);
    expect(p.state.stage).toBe('REMEDIATION');
    expect(p.state.period).toMatchObject({
      number: 1,
      start: '2027-01-01',
      end: '2027-12-31',
      months: 12,
      fieldworkDue: '2028-01-28',
      reportDue: '2028-02-25',
    });
    expect(p.tasks.open()).toHaveLength(1);
    expect(p.tasks.open()[0]).toMatchObject({
      requirementIds: ['soc2:CC6.1'],
      source: { kind: 'gap-assessment' },
    });
    expect(p.nextWakeUp()).toBe('2026-12-01'); // the 14-day reminder for the gap task

    tickOn(p, '2027-01-01');
    expect(p.state.stage).toBe('OBSERVATION');
    expect(p.nextMilestone()).toEqual({ kind: 'observation-end', due: '2027-12-31' });

    tickOn(p, '2028-01-01');
    expect(p.state.stage).toBe('FIELDWORK');
    expect(auditPayloads(p, 'cycle.started')).toEqual([
      { period: 1, start: '2027-01-01', end: '2027-12-31', months: 12 },
      { period: 2, start: '2028-01-01', end: '2028-12-31', months: 12 },
    ]);
    expect(p.nextMilestone()).toEqual({ kind: 'fieldwork-due', due: '2028-01-28' });
    expect(emailSubjects(p)).toContain('[SOC 2 program] Observation period 1 ended');

    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-20');
    p.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
    expect(p.state.stage).toBe('REPORTING');
    expect(p.nextMilestone()).toEqual({ kind: 'report-due', due: '2028-02-25' });

    at('2028-02-20');
    p.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-02-20', opinion: 'UNMODIFIED' });
    expect(p.transition).toEqual({ kind: 'next-period' });
    expect(p.state.reports).toEqual([
      {
        type: 'TYPE2',
        periodNumber: 1,
        start: '2027-01-01',
        end: '2027-12-31',
        issuedOn: '2028-02-20',
        opinion: 'UNMODIFIED',
        exceptionCount: 0,
      },
    ]);
    expect(p.state.period).toMatchObject({
      number: 2,
      start: '2028-01-01',
      end: '2028-12-31',
      fieldworkDue: '2029-01-28',
      reportDue: '2029-02-25',
    });
    expect(p.state.stage).toBe('OBSERVATION');
  });

  it("bridges from 2028-01-01 up to each letter's issue date, warns 14 days before bridging must stop, then counts pending days", () => {
    const p1 = newProgram();
    throughFirstReport(p1);
    const p = continueAsNew(p1);
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-02-20' });
    expect(p.state.bridgeLetters).toEqual([
      { afterPeriod: 1, issuedOn: '2028-02-20', from: '2028-01-01', to: '2028-02-20' },
    ]);
    expect(p.snapshot().coverage.days).toEqual({ covered: 365, bridged: 51, pending: 0, gap: 0 });
    expect(p.nextWakeUp()).toBe('2028-03-17');

    tickOn(p, '2028-03-16');
    expect(auditTypes(p)).not.toContain('coverage.alert');
    tickOn(p, '2028-03-17');
    expect(auditPayloads(p, 'coverage.alert')).toEqual([
      { alert: 'bridge-letter-expiring', from: '2028-01-01', to: '2028-03-31' },
    ]);
    expect(emailSubjects(p)).toContain('[SOC 2 program] Bridge letter runs out on 2028-03-31');
    // The gap task from readiness is still open and overdue too.
    expect(p.snapshot()).toMatchObject({
      atRisk: true,
      atRiskReasons: ['overdue-tasks:1', 'bridge-letter-expiring:2028-03-31'],
    });
    tickOn(p, '2028-03-18');
    expect(auditPayloads(p, 'coverage.alert')).toHaveLength(1); // raised once
    at('2028-03-31');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-03-31', coversTo: '2028-03-31' });

    at('2028-04-01');
    const april = p.snapshot();
    expect(april.atRiskReasons).toEqual(['overdue-tasks:1']);
    expect(april.coverage.segments).toEqual([
      { kind: 'covered', from: '2027-01-01', to: '2027-12-31' },
      { kind: 'bridged', from: '2028-01-01', to: '2028-03-31' },
      { kind: 'pending', from: '2028-04-01', to: '2028-04-01' },
    ]);
  });

  it('a missing report turns the period into a gap and alerts once it is overdue', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2028-01-05');
    tickOn(p, '2028-01-29');
    expect(p.state.missedDeadlines).toEqual(['fieldwork']);
    tickOn(p, '2028-02-26');
    expect(p.state.missedDeadlines).toEqual(['fieldwork', 'report']);
    expect(auditPayloads(p, 'coverage.alert')).toEqual([
      { alert: 'gap', from: '2027-01-01', to: '2027-12-31' },
    ]);
    expect(p.snapshot().atRiskReasons).toEqual(
      expect.arrayContaining(['missed:fieldwork', 'missed:report', 'coverage-gap:365']),
    );
  });

  it('an adverse opinion leaves its period uncovered and tells the program manager', () => {
    const p = newProgram({ config: { periodMonths: 3 } });
    ready(p);
    tickOn(p, '2027-04-02');
    expect(p.state.period).toMatchObject({ start: '2027-01-01', end: '2027-03-31' });
    p.applyScheduleFieldwork({ actor, startsOn: '2027-04-05' });
    at('2027-04-09');
    p.applyCompleteFieldwork({ actor, lastDay: '2027-04-09' });
    at('2027-05-03');
    p.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2027-05-03', opinion: 'ADVERSE' });
    expect(emailSubjects(p)).toContain('[SOC 2 program] Type II report issued with a adverse opinion');
    const next = continueAsNew(p);
    expect(next.state.period).toMatchObject({ number: 2, start: '2027-04-01', end: '2027-06-30' });
    next.tick();
    expect(auditPayloads(next, 'coverage.alert')).toEqual([
      { alert: 'gap', from: '2027-01-01', to: '2027-03-31' },
    ]);
  });

  it('control exceptions during observation and in the report become remediation tasks', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-06-10');
    p.applyRecordControlException({
      actor,
      observedOn: '2027-06-01',
      description: 'Two leavers kept VPN access for 10 days',
      requirementIds: ['soc2:CC6.2'],
      ownerEmail: 'it@acme.test',
    });
    const exception = p.state.exceptions[0];
    expect(exception).toMatchObject({
      periodNumber: 1,
      source: 'observation',
      requirementIds: ['soc2:CC6.2'],
    });
    const task = p.tasks.get(exception!.taskId);
    expect(task).toMatchObject({
      ownerEmail: 'it@acme.test',
      dueDate: '2027-07-10',
      source: { kind: 'finding', findingId: exception!.id },
    });
    expect(auditTypes(p).slice(-2)).toEqual(['finding.raised', 'task.created']);

    // Observed after the period ended: it belongs to the next, already running period.
    tickOn(p, '2028-01-05');
    p.applyRecordControlException({
      actor,
      observedOn: '2028-01-03',
      description: 'Backup job failed silently',
    });
    expect(p.state.exceptions[1]).toMatchObject({ periodNumber: 2 });
    expect(p.tasks.get(p.state.exceptions[1]!.taskId)?.ownerEmail).toBe('pm@acme.test');
  });
});

describe('SOC 2 program: period lengths', () => {
  it('a 6-month first period from 2027-08-31 ends on 2028-02-29, followed by 12-month periods', () => {
    const p = newProgram({ startDate: '2027-07-01', config: { firstPeriodMonths: 6, periodMonths: 12 } });
    at('2027-07-15');
    p.applyCompleteReadinessAssessment({ actor, completedOn: '2027-07-15', firstPeriodStart: '2027-08-31' });
    expect(p.state.period).toMatchObject({ start: '2027-08-31', end: '2028-02-29', months: 6 });
    tickOn(p, '2028-02-29');
    expect(p.state.stage).toBe('OBSERVATION'); // the period's last day
    tickOn(p, '2028-03-01');
    expect(auditPayloads(p, 'cycle.started').at(-1)).toEqual({
      period: 2,
      start: '2028-03-01',
      end: '2029-02-28',
      months: 12,
    });
  });

  it('runs recorded before the month convention keep clamped period ends', () => {
    const p = newProgram(
      { startDate: '2027-07-01', config: { firstPeriodMonths: 6 } },
      (id) => id !== 'month-window-convention',
    );
    at('2027-07-15');
    p.applyCompleteReadinessAssessment({ actor, completedOn: '2027-07-15', firstPeriodStart: '2027-08-31' });
    expect(p.state.period).toMatchObject({ end: '2028-02-28' });
  });

  it('3-month periods run back to back', () => {
    const p = newProgram({ config: { periodMonths: 3 } });
    ready(p);
    expect(p.state.period).toMatchObject({
      start: '2027-01-01',
      end: '2027-03-31',
      fieldworkDue: '2027-04-28',
      reportDue: '2027-05-26',
    });
    tickOn(p, '2027-04-01');
    expect(auditPayloads(p, 'cycle.started').at(-1)).toEqual({
      period: 2,
      start: '2027-04-01',
      end: '2027-06-30',
      months: 3,
    });
  });
});

describe('SOC 2 program: Type I', () => {
  it('schedules, moves and records a Type I as of a date', () => {
    const p = newProgram();
    ready(p);
    p.applyScheduleTypeI({ actor, asOf: '2026-12-15' });
    expect(p.nextMilestone()).toEqual({ kind: 'type1-as-of', due: '2026-12-15' });
    p.applyScheduleTypeI({ actor, asOf: '2026-12-31' });
    expect(auditPayloads(p, 'audit.scheduled').slice(-2)).toEqual([
      { audit: 'type1', date: '2026-12-15', previous: null },
      { audit: 'type1', date: '2026-12-31', previous: '2026-12-15' },
    ]);
    at('2027-01-20');
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-20', opinion: 'UNMODIFIED' });
    expect(p.state.typeI?.report).toMatchObject({ type: 'TYPE1', start: '2026-12-31', end: '2026-12-31' });
    expect(p.transition).toEqual({ kind: 'none' });
    expect(p.state.reports).toEqual([]); // a Type I is point in time: no coverage
  });
});

describe('SOC 2 program: reminders and escalation of remediation tasks', () => {
  it('reminds 14, 7 and 1 days before the due date and escalates the day after', () => {
    const p = newProgram();
    ready(p); // task due 2026-12-15
    for (const day of ['2026-12-01', '2026-12-08', '2026-12-14', '2026-12-16']) tickOn(p, day);
    expect(auditPayloads(p, 'reminder.sent').map((r) => r.daysBefore)).toEqual([14, 7, 1]);
    expect(auditPayloads(p, 'escalation.sent')).toEqual([
      {
        taskId: 'id-1',
        reason: 'remediation-task-overdue',
        dueDate: '2026-12-15',
        ownerEmail: 'it@acme.test',
      },
    ]);
    expect(p.snapshot().atRiskReasons).toEqual(['overdue-tasks:1']);
  });
});
