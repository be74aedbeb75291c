import {
  soc2AttestationStartInputSchema,
  startOfDayMs,
  type Soc2AttestationStartInput,
} from '@certflow/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { RejectedAction } from '../shared/rejected-action.js';
import { Soc2Program } from './soc2-program.js';

// The SOC 2 rules without Temporal: a fake clock (noon UTC of a chosen day) and counting ids. The time-skipping
// test runs the same machine on the real servers.

let now = 0;
let ids = 0;
const at = (date: string) => {
  now = startOfDayMs(date) + 12 * 3_600_000;
};
const actor = 'lead@acme.test';
const evidence = [{ title: 'Access review export', uri: 'https://docs.acme.test/evidence/1' }];

function newProgram(overrides: Partial<Soc2AttestationStartInput> = {}): Soc2Program {
  const input = soc2AttestationStartInputSchema.parse({
    programId: 'p1',
    organizationId: 'o1',
    startDate: '2026-11-02',
    programManagerEmail: 'pm@acme.test',
    ...overrides,
  });
  at(input.startDate);
  return new Soc2Program(
    Soc2Program.initialState(input, input.startDate),
    () => now,
    () => `id-${++ids}`,
  );
}

/** What the workflow does at the start of each loop: apply the calendar, then carry out the effects. */
function tickOn(p: Soc2Program, date: string): void {
  at(date);
  p.tick();
}

function rejects(fn: () => unknown, message: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RejectedAction);
  expect((error as Error).message).toMatch(message);
}

const auditTypes = (p: Soc2Program) => p.effects.pending.flatMap((e) => (e.kind === 'audit' ? [e.type] : []));
const auditPayloads = (p: Soc2Program, type: string) =>
  p.effects.pending.flatMap((e) => (e.kind === 'audit' && e.type === type ? [e.payload] : []));
const emailSubjects = (p: Soc2Program) =>
  p.effects.pending.flatMap((e) => (e.kind === 'email' ? [e.subject] : []));

/** Readiness on 2026-11-20 with one gap; first 12-month period from 2027-01-01. */
function ready(p: Soc2Program): void {
  at('2026-11-20');
  p.applyCompleteReadinessAssessment({
    actor,
    completedOn: '2026-11-20',
    firstPeriodStart: '2027-01-01',
    gaps: [
      {
        title: 'Quarterly access reviews',
        ownerEmail: 'it@acme.test',
        dueDate: '2026-12-15',
        requirementIds: ['soc2:CC6.1'],
      },
    ],
  });
}

/** Period 1 (2027) observed, fieldwork 2028-01-10..20, report issued 2028-02-20: the run moves to period 2. */
function throughFirstReport(p: Soc2Program): void {
  ready(p);
  tickOn(p, '2027-01-01');
  tickOn(p, '2028-01-05');
  p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
  at('2028-01-20');
  p.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
  at('2028-02-20');
  p.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-02-20', opinion: 'UNMODIFIED' });
}

/** A new run from the carried state, as continue-as-new does. */
function continueAsNew(p: Soc2Program): Soc2Program {
  return new Soc2Program(
    p.carriedState(),
    () => now,
    () => `id-${++ids}`,
  );
}

beforeEach(() => {
  ids = 0;
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

  it('bridges 2028-01-01..2028-03-31 after the report, warns 14 days before it runs out, then counts pending days', () => {
    const p1 = newProgram();
    throughFirstReport(p1);
    const p = continueAsNew(p1);
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-03-31' });
    expect(p.state.bridgeLetters).toEqual([
      { afterPeriod: 1, issuedOn: '2028-02-20', from: '2028-01-01', to: '2028-03-31' },
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
  it('a 6-month first period from 2027-08-31 ends 2028-02-28, followed by 12-month periods', () => {
    const p = newProgram({ startDate: '2027-07-01', config: { firstPeriodMonths: 6, periodMonths: 12 } });
    at('2027-07-15');
    p.applyCompleteReadinessAssessment({ actor, completedOn: '2027-07-15', firstPeriodStart: '2027-08-31' });
    expect(p.state.period).toMatchObject({ start: '2027-08-31', end: '2028-02-28', months: 6 });
    tickOn(p, '2028-02-29');
    expect(auditPayloads(p, 'cycle.started').at(-1)).toEqual({
      period: 2,
      start: '2028-02-29',
      end: '2029-02-27',
      months: 12,
    });
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

describe('SOC 2 program: every validator rejection', () => {
  it('completeReadinessAssessment', () => {
    const p = newProgram();
    at('2026-11-20');
    rejects(
      () => p.checkCompleteReadinessAssessment({ actor, completedOn: '2026-11-31' }),
      /Invalid input: completedOn: must be a calendar date/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-21',
          firstPeriodStart: '2027-01-01',
        }),
      /cannot be later than today/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-01',
          firstPeriodStart: '2027-01-01',
        }),
      /before the program started \(2026-11-02\)/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-20',
          firstPeriodStart: '2027-01-01',
          gaps: [{ title: 'Policy', ownerEmail: 'it@acme.test', dueDate: '2026-11-19' }],
        }),
      /Task "Policy" is due 2026-11-19, before the readiness assessment finished/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-20',
          gaps: [
            { title: 'x', ownerEmail: 'it@acme.test', dueDate: '2026-12-01', requirementIds: ['CC6.1'] },
          ],
        }),
      /gaps.0.requirementIds.0: must be a catalog requirement id/,
    );
    rejects(
      () => p.checkCompleteReadinessAssessment({ actor, completedOn: '2026-11-20' }),
      /Give the start date of the first observation period/,
    );
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-20',
          firstPeriodStart: '2026-11-19',
        }),
      /cannot start \(2026-11-19\) before the readiness assessment finished/,
    );
    ready(p);
    rejects(
      () =>
        p.checkCompleteReadinessAssessment({
          actor,
          completedOn: '2026-11-20',
          firstPeriodStart: '2027-01-01',
        }),
      /already complete; the program is in REMEDIATION/,
    );
  });

  it('scheduleTypeI', () => {
    const p = newProgram();
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2026-12-01' }),
      /Complete the readiness assessment before scheduling a Type I/,
    );
    ready(p);
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2026-11-19' }),
      /Type I date 2026-11-19 is in the past/,
    );
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2028-01-01' }),
      /after the first observation period ends \(2027-12-31\)/,
    );
    p.applyScheduleTypeI({ actor, asOf: '2026-12-31' });
    rejects(() => p.checkScheduleTypeI({ actor, asOf: '2026-12-31' }), /already scheduled as of 2026-12-31/);
    at('2027-01-10');
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-10', opinion: 'QUALIFIED' });
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2027-02-01' }),
      /Type I report is already recorded \(issued 2027-01-10\)/,
    );
    const late = newProgram();
    ready(late);
    tickOn(late, '2028-01-02');
    rejects(
      () => late.checkScheduleTypeI({ actor, asOf: '2028-01-03' }),
      /only scheduled before the first observation period ends/,
    );
  });

  it('scheduleFieldwork', () => {
    const p = newProgram();
    ready(p);
    rejects(() => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-10' }), /none has started yet/);
    tickOn(p, '2027-06-01');
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2027-12-31' }),
      /starts after the period ends \(2027-12-31\); 2027-12-31 is too early/,
    );
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-29' }),
      /must start by 2028-01-28 \(4 weeks after the period ends\); record an override/,
    );
    p.applyOverrideRule({
      actor,
      rule: 'fieldwork-window',
      justification: 'The CPA firm has no team free until February.',
    });
    p.applyScheduleFieldwork({ actor, startsOn: '2028-02-07' });
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2028-02-07' }),
      /already scheduled to start on 2028-02-07/,
    );
    tickOn(p, '2028-01-10');
    rejects(() => p.checkScheduleFieldwork({ actor, startsOn: '2028-01-09' }), /2028-01-09 is in the past/);
    at('2028-02-10');
    p.applyCompleteFieldwork({ actor, lastDay: '2028-02-10' });
    rejects(
      () => p.checkScheduleFieldwork({ actor, startsOn: '2028-02-11' }),
      /Fieldwork for period 1 is already complete \(2028-02-10\)/,
    );
  });

  it('completeFieldwork', () => {
    const p = newProgram();
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2026-11-02' }),
      /No fieldwork is under way while the program is in READINESS/,
    );
    ready(p);
    tickOn(p, '2027-06-01');
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2027-06-01' }),
      /completed after the observation period ends \(2027-12-31\)/,
    );
    tickOn(p, '2028-01-05');
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-05' }),
      /Fieldwork was never scheduled/,
    );
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-12');
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-09' }),
      /cannot end \(2028-01-09\) before it was scheduled to start \(2028-01-10\)/,
    );
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-13' }),
      /cannot be later than today \(2028-01-12\)/,
    );
    p.applyCompleteFieldwork({ actor, lastDay: '2028-01-12' });
    rejects(
      () => p.checkCompleteFieldwork({ actor, lastDay: '2028-01-12' }),
      /already complete \(2028-01-12\)/,
    );
  });

  it('recordReport', () => {
    const p = newProgram();
    ready(p);
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2026-11-20', opinion: 'UNMODIFIED' }),
      /No Type I examination is scheduled/,
    );
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2026-11-20', opinion: 'UNMODIFIED' }),
      /once fieldwork is complete; the program is in REMEDIATION/,
    );
    rejects(
      () =>
        p.checkRecordReport({
          actor,
          reportType: 'TYPE2',
          issuedOn: '2026-11-20',
          opinion: 'CLEAN' as 'UNMODIFIED',
        }),
      /Invalid input: opinion/,
    );
    p.applyScheduleTypeI({ actor, asOf: '2026-12-31' });
    at('2027-01-05');
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2026-12-30', opinion: 'UNMODIFIED' }),
      /as of 2026-12-31 cannot be issued before that date/,
    );
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-06', opinion: 'UNMODIFIED' }),
      /cannot be later than today/,
    );
    rejects(
      () =>
        p.checkRecordReport({
          actor,
          reportType: 'TYPE1',
          issuedOn: '2027-01-05',
          opinion: 'QUALIFIED',
          exceptions: [{ description: 'No change approval', dueDate: '2027-01-04' }],
        }),
      /remediation of "No change approval" cannot be due in the past/,
    );
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-05', opinion: 'UNMODIFIED' });
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-05', opinion: 'UNMODIFIED' }),
      /Type I report is already recorded/,
    );
    tickOn(p, '2028-01-05');
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-20');
    p.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
    rejects(
      () =>
        p.checkRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-01-19', opinion: 'UNMODIFIED' }),
      /cannot be issued \(2028-01-19\) before fieldwork ended \(2028-01-20\)/,
    );
  });

  it('issueBridgeLetter', () => {
    const p0 = newProgram();
    ready(p0);
    rejects(
      () => p0.checkIssueBridgeLetter({ actor, issuedOn: '2026-11-20', coversTo: '2027-01-31' }),
      /none has been issued yet/,
    );
    const p1 = newProgram();
    throughFirstReport(p1);
    const p = continueAsNew(p1);
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-19', coversTo: '2028-03-31' }),
      /extends the report issued on 2028-02-20; it cannot be dated earlier/,
    );
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-21', coversTo: '2028-03-31' }),
      /cannot be later than today/,
    );
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2027-12-31' }),
      /covers days from 2028-01-01; 2027-12-31 is earlier/,
    );
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-04-01' }),
      /at most 3 months \(through 2028-03-31\); record an override/,
    );
    p.applyOverrideRule({
      actor,
      rule: 'bridge-letter-length',
      justification: 'Report for 2028 delayed by the auditor rotation.',
    });
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2029-01-01' }),
      /past the end of the next observation period \(2028-12-31\)/,
    );
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-04-30' });
    rejects(
      () => p.checkIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-04-15' }),
      /earlier bridge letter already covers through 2028-04-30/,
    );
  });

  it('recordControlException', () => {
    const p = newProgram();
    ready(p);
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2026-11-20', description: 'x' }),
      /none is running/,
    );
    tickOn(p, '2027-03-01');
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2026-12-31', description: 'x' }),
      /before observation period 1 started \(2027-01-01\)/,
    );
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2027-03-02', description: 'x' }),
      /cannot be later than today/,
    );
    rejects(
      () =>
        p.checkRecordControlException({
          actor,
          observedOn: '2027-02-01',
          description: 'x',
          dueDate: '2027-02-28',
        }),
      /cannot be due in the past/,
    );
    rejects(
      () => p.checkRecordControlException({ actor, observedOn: '2027-02-01', description: '' }),
      /Invalid input: description/,
    );
  });

  it('overrideRule', () => {
    const p = newProgram();
    ready(p);
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'fieldwork-window',
          justification: 'The CPA firm has no team free until February.',
        }),
      /while an observation period awaits its fieldwork/,
    );
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'bridge-letter-length',
          justification: 'Report for 2028 delayed by the auditor rotation.',
        }),
      /once a Type II report has been issued/,
    );
    rejects(
      () => p.checkOverrideRule({ actor, rule: 'fieldwork-window', justification: 'too short' }),
      /justification of at least 20 characters/,
    );
    tickOn(p, '2027-02-01');
    p.applyOverrideRule({
      actor,
      rule: 'fieldwork-window',
      justification: 'The CPA firm has no team free until February.',
    });
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'fieldwork-window',
          justification: 'The CPA firm has no team free until February.',
        }),
      /already recorded for period 1/,
    );
  });

  it('task updates and ending', () => {
    const p = newProgram();
    ready(p);
    const task = p.tasks.open()[0]!;
    rejects(
      () => p.tasks.checkComplete({ actor, taskId: 'nope', completedOn: '2026-11-20', evidence }, p.today),
      /There is no remediation task nope/,
    );
    rejects(
      () =>
        p.tasks.checkComplete({ actor, taskId: task.id, completedOn: '2026-11-20', evidence: [] }, p.today),
      /needs at least one piece of evidence/,
    );
    rejects(
      () => p.tasks.checkComplete({ actor, taskId: task.id, completedOn: '2026-11-21', evidence }, p.today),
      /cannot be later than today/,
    );
    rejects(
      () => p.tasks.checkReassign({ actor, taskId: task.id, ownerEmail: 'it@acme.test' }, p.today),
      /already owned by it@acme.test/,
    );
    rejects(
      () =>
        p.tasks.checkReassign(
          { actor, taskId: task.id, ownerEmail: 'ops@acme.test', dueDate: '2026-11-19' },
          p.today,
        ),
      /in the past/,
    );
    p.tasks.applyComplete({ actor, taskId: task.id, completedOn: '2026-11-20', evidence }, p.today);
    rejects(
      () => p.tasks.checkCancel({ actor, taskId: task.id, reason: 'scope changed' }),
      /is already done/,
    );
    p.applyEndProgram({ actor, reason: 'no longer needed' });
    rejects(() => p.checkEndProgram({ actor, reason: 'again' }), /already ended/);
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
