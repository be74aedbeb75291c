import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  auditPayloads,
  newProgram,
  ready,
  resetIds,
  tickOn,
} from '../../../test/support/soc2-rules.js';
import { soc2Patches } from './patches.js';

beforeEach(() => {
  resetIds();
});

type Program = ReturnType<typeof newProgram>;

/** Fieldwork for the period that ended, then its Type II report (unmodified) on `reportOn`. */
function report(p: Program, fieldworkOn: string, reportOn: string): void {
  at(fieldworkOn);
  p.applyScheduleFieldwork({ actor, startsOn: fieldworkOn });
  p.applyCompleteFieldwork({ actor, lastDay: fieldworkOn });
  at(reportOn);
  p.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: reportOn, opinion: 'UNMODIFIED' });
}

describe('SOC 2 coverage: planned gaps and bridging spans', () => {
  it('plans no gap before any period is known', () => {
    const p = newProgram();
    expect(p.snapshot().plannedGaps).toBeUndefined();
    expect(p.snapshot().coverage.segments).toEqual([]);
  });

  it('shows a planned gap through its last day, not after it', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    at('2027-06-01');
    p.applyPlanNextPeriod({
      actor,
      start: '2028-04-01',
      months: 12,
      reason: 'The auditor moves us to April.',
    });
    tickOn(p, '2028-01-05');
    report(p, '2028-01-10', '2028-02-20');
    at('2028-03-31');
    expect(p.snapshot().plannedGaps).toEqual([{ kind: 'gap', from: '2028-01-01', to: '2028-03-31' }]);
    at('2028-04-01');
    expect(p.snapshot().plannedGaps).toBeUndefined();
  });

  it('bridging stops at the end of a shorter period planned after the report, however long letters may be', () => {
    const p = newProgram({ config: { bridgeLetterMaxMonths: 6 } });
    ready(p);
    tickOn(p, '2027-01-01');
    at('2027-06-01');
    p.applyPlanNextPeriod({ actor, start: '2028-01-01', months: 3, reason: 'Moving to quarterly reports.' });
    tickOn(p, '2028-01-05');
    report(p, '2028-01-10', '2028-02-20');
    expect(p.state.period).toMatchObject({ number: 2, start: '2028-01-01', end: '2028-03-31' });
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-02-20' });
    at('2028-03-17');
    expect(p.snapshot().atRiskReasons).toContain('bridge-letter-expiring:2028-03-31');
  });

  it('bridges only after the latest report: a letter for an earlier period opens no span after a later one', () => {
    const p = newProgram({ config: { periodMonths: 3 } });
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2027-04-01');
    report(p, '2027-04-05', '2027-04-10');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2027-04-10', coversTo: '2027-04-10' });
    tickOn(p, '2027-07-01');
    report(p, '2027-07-05', '2027-07-10');
    expect(p.state.period).toMatchObject({ number: 3, start: '2027-07-01', end: '2027-09-30' });
    expect(p.nextWakeUp()).toBe('2027-10-01');
    at('2027-09-20');
    expect(p.snapshot().atRiskReasons.filter((r) => r.startsWith('bridge'))).toEqual([]);
  });

  it('runs recorded before bridging to the issue date warn about the last letter issued', () => {
    const p = newProgram({}, (id) => id !== soc2Patches.bridgeLetterToIssueDate);
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2028-01-05');
    report(p, '2028-01-10', '2028-02-20');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-03-05' });
    at('2028-02-25');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-25', coversTo: '2028-03-10' });
    at('2028-03-01');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-03-01', coversTo: '2028-03-31' });
    tickOn(p, '2028-03-17');
    expect(auditPayloads(p, 'coverage.alert')).toEqual([
      { alert: 'bridge-letter-expiring', from: '2028-01-01', to: '2028-03-31' },
    ]);
  });

  it('an ended program wakes for no bridging span', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-01-01');
    tickOn(p, '2028-01-05');
    report(p, '2028-01-10', '2028-02-20');
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-02-20' });
    expect(p.nextWakeUp()).toBe('2028-03-17');
    p.applyEndProgram({ actor, reason: 'The service is discontinued.' });
    expect(p.nextWakeUp()).toBeUndefined();
  });
});
