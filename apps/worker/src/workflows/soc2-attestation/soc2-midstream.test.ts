import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  auditPayloads,
  auditTypes,
  newProgram,
  rejects,
  resetIds,
  tickOn,
} from '../../../test/support/soc2-rules.js';

// Most organisations already are in a SOC 2 period, or hold a report, when they start using Certflow.

beforeEach(() => {
  resetIds();
});

describe('SOC 2 program started mid-stream', () => {
  it('joins a period already under way without a readiness assessment, and is not at risk for it', () => {
    const p = newProgram({
      startDate: '2027-05-03',
      currentPeriod: { start: '2027-01-01', end: '2027-12-31' },
    });
    expect(p.state).toMatchObject({
      origin: 'current-period',
      stage: 'OBSERVATION',
      firstPeriodStart: '2027-01-01',
      period: { number: 1, start: '2027-01-01', end: '2027-12-31', months: 12, fieldworkDue: '2028-01-28' },
    });
    p.tick();
    expect(p.snapshot()).toMatchObject({ atRisk: false, atRiskReasons: [] });
    expect(p.snapshot().coverage.segments).toEqual([
      { kind: 'pending', from: '2027-01-01', to: '2027-05-03' },
    ]);
    expect(p.nextMilestone()).toEqual({ kind: 'observation-end', due: '2027-12-31' });
    tickOn(p, '2028-01-01');
    expect(p.state.stage).toBe('FIELDWORK');
  });

  it('takes a period that already ended as awaiting fieldwork, with the next one back to back', () => {
    const p = newProgram({
      startDate: '2028-01-10',
      currentPeriod: { start: '2027-04-01', end: '2027-12-31' },
    });
    expect(p.state.period).toMatchObject({ months: 9, end: '2027-12-31' });
    p.tick();
    expect(p.state.stage).toBe('FIELDWORK');
    expect(auditPayloads(p, 'cycle.started')).toEqual([
      { period: 2, start: '2028-01-01', end: '2028-12-31', months: 12 },
    ]);
  });

  it('continues after a report already issued: the next period follows it and a bridge letter can extend it', () => {
    const p = newProgram({
      startDate: '2027-03-15',
      lastReport: {
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        issuedOn: '2027-02-20',
        opinion: 'UNMODIFIED',
      },
    });
    expect(p.state).toMatchObject({
      origin: 'last-report',
      stage: 'OBSERVATION',
      firstPeriodStart: '2026-01-01',
      reports: [
        { type: 'TYPE2', periodNumber: 1, start: '2026-01-01', end: '2026-12-31', issuedOn: '2027-02-20' },
      ],
      period: { number: 2, start: '2027-01-01', end: '2027-12-31' },
    });
    p.applyIssueBridgeLetter({ actor, issuedOn: '2027-03-15', coversTo: '2027-03-15' });
    expect(p.snapshot().coverage.segments).toEqual([
      { kind: 'covered', from: '2026-01-01', to: '2026-12-31' },
      { kind: 'bridged', from: '2027-01-01', to: '2027-03-15' },
    ]);
    rejects(
      () => p.checkScheduleTypeI({ actor, asOf: '2027-04-01' }),
      /only scheduled before the first observation period ends/,
    );
  });

  it('reports the days between the last report and a later period as a coverage gap with its range', () => {
    const p = newProgram({
      startDate: '2027-06-01',
      lastReport: {
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        issuedOn: '2026-08-15',
        opinion: 'QUALIFIED',
      },
      currentPeriod: { start: '2026-10-01', end: '2027-09-30' },
    });
    p.tick();
    const coverage = p.snapshot().coverage;
    expect(coverage.segments).toEqual([
      { kind: 'covered', from: '2026-01-01', to: '2026-06-30' },
      { kind: 'gap', from: '2026-07-01', to: '2026-09-30' },
      { kind: 'pending', from: '2026-10-01', to: '2027-06-01' },
    ]);
    expect(coverage.days.gap).toBe(92);
    expect(auditPayloads(p, 'coverage.alert')).toEqual([
      { alert: 'gap', from: '2026-07-01', to: '2026-09-30' },
    ]);
    expect(p.snapshot().atRiskReasons).toEqual(['coverage-gap:92']);
    expect(auditTypes(p)).not.toContain('deadline.missed');
  });
});
