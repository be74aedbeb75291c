import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  justification,
  newProgram,
  resetIds,
  runUntil,
  throughStage1,
  throughStage2,
} from '../../../test/support/iso-rules.js';
import type { IsoProgram } from './iso-program.js';

// What each missed ISO deadline does, event by event, and that a deadline missed once can be missed again on the
// next attempt (its key is cleared for the repeat). Hand-checked dates as in iso-boundaries.test.ts.

beforeEach(() => {
  resetIds();
});

/** The effects queued from `from` on (the miss and what follows from it). */
function since(p: IsoProgram, from: number) {
  return p.effects.pending
    .slice(from)
    .map((e) =>
      e.kind === 'audit'
        ? `${e.type} ${JSON.stringify(e.payload)}`
        : `  email to ${e.to}: ${e.subject} | ${e.text}`,
    );
}

describe('missed ISO deadlines, and missing them again', () => {
  it('Stage 1 validity: Stage 1 is repeated, and its new limit can be missed again', () => {
    const p = newProgram();
    throughStage1(p);
    const mark = p.effects.pending.length;
    runUntil(p, '2027-02-05');
    expect(p.state.missedDeadlines).toEqual([]);
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2027-02-10' });
    at('2027-02-10');
    p.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2027-02-10' });
    expect(p.state.dates.stage1ValidUntil).toBe('2027-08-10');
    runUntil(p, '2027-08-11');
    expect(p.state.stage).toBe('STAGE1');
    expect(since(p, mark)).toMatchSnapshot();
  });

  it('major closure: Stage 2 is repeated unless the majors are closed or the window overridden', () => {
    const major = { severity: 'MAJOR' as const, description: 'No risk assessment' };
    const p = newProgram();
    throughStage2(p, [major]);
    const mark = p.effects.pending.length;
    runUntil(p, '2027-04-01');
    expect(p.state).toMatchObject({ stage: 'STAGE2', missedDeadlines: [] });
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-04-10' });
    at('2027-04-10');
    p.applyRecordAuditOutcome({ actor, audit: 'stage2', lastDay: '2027-04-10' });
    runUntil(p, '2027-10-11');
    expect(p.state.stage).toBe('STAGE2');
    expect(since(p, mark)).toMatchSnapshot();

    const overridden = newProgram();
    throughStage2(overridden, [major]);
    overridden.applyOverrideRule({ actor, rule: 'major-closure-window', justification });
    runUntil(overridden, '2027-04-01');
    expect(overridden.state).toMatchObject({ stage: 'CERTIFICATION_DECISION', missedDeadlines: [] });

    const closed = newProgram();
    throughStage2(closed, [{ severity: 'MINOR', description: 'Training records incomplete' }]);
    runUntil(closed, '2027-04-01');
    expect(closed.state).toMatchObject({ stage: 'CERTIFICATION_DECISION', missedDeadlines: [] });
  });

  it('surveillance 2 and the expiry: each suspends or lapses with its own words', () => {
    const p = certified();
    at('2027-06-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-06-14' });
    at('2027-06-15');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-06-15' });
    const mark = p.effects.pending.length;
    runUntil(p, '2028-06-16');
    expect(p.state.stage).toBe('SUSPENDED');
    runUntil(p, '2028-12-16');
    expect(p.state).toMatchObject({ stage: 'REMEDIATION', cycle: 2 });
    expect(since(p, mark)).toMatchSnapshot();
  });

  it("an added standard's Stage 1 validity and majors, each missed twice", () => {
    const p = certified();
    at('2027-01-10');
    p.applyChangeScope({ actor, frameworks: ['iso27001', 'iso42001'], justification });
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-01-20' });
    at('2027-01-20');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-01-20' });
    const mark = p.effects.pending.length;
    runUntil(p, '2027-07-21');
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-07-25' });
    at('2027-07-25');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-07-25' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-07-26' });
    at('2027-07-26');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'extension-stage2',
      lastDay: '2027-07-26',
      findings: [{ severity: 'MAJOR', description: 'No AI impact assessment' }],
    });
    // Held with surveillance 1 and 2, so the certificate stays valid and the extension's deadlines apply.
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-07-26' });
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-07-26' });
    runUntil(p, '2027-09-30');
    expect(p.state.extension).toMatchObject({ stage: 'DECISION', majorClosureDeadline: '2028-01-26' });
    runUntil(p, '2028-01-27');
    expect(p.state.extension).toMatchObject({ stage: 'STAGE2' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2028-02-01' });
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-02-01' });
    at('2028-02-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage2', lastDay: '2028-02-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance2', lastDay: '2028-02-01' });
    runUntil(p, '2028-08-02');
    expect(p.state.extension).toMatchObject({ stage: 'STAGE2' });
    expect(since(p, mark)).toMatchSnapshot();
  });

  it('the restoration window: a new initial audit the day after, from the day after the old expiry', () => {
    const p = certified();
    at('2027-06-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-06-14' });
    at('2027-06-15');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-06-15' });
    at('2028-06-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-06-13' });
    at('2028-06-14');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance2', lastDay: '2028-06-14' });
    const mark = p.effects.pending.length;
    runUntil(p, '2030-04-01');
    expect(p.state).toMatchObject({ stage: 'REMEDIATION', cycle: 2 });
    expect(p.state.dates.readinessNotBefore).toBe('2029-10-01');
    expect(since(p, mark)).toMatchSnapshot();
  });
});
