import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  newProgram,
  payloads,
  rejects,
  resetIds,
  runUntil,
} from '../../../test/support/iso-rules.js';
import { isoPatches } from './patches.js';

// The deadlines of a standard added to a certified program, each on its last day and the day after
// (iso-boundaries.test.ts has the rest of the ISO table).

beforeEach(() => {
  resetIds();
});

const missed = (p: ReturnType<typeof newProgram>) => payloads(p, 'deadline.missed').map((e) => e['deadline']);

describe('ISO deadlines of an added standard', () => {
  const addAims = {
    actor,
    frameworks: ['iso27001', 'iso42001'] as ['iso27001', 'iso42001'],
    justification: 'The organisation now develops AI systems.',
  };

  /** Certified 2026-10-01; ISO/IEC 42001 added 2027-01-10, its Stage 1 held 2027-02-01 (valid through 2027-08-01). */
  function withExtensionStage1() {
    const p = certified();
    at('2027-01-10');
    p.applyChangeScope(addAims);
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-02-01' });
    at('2027-02-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-02-01' });
    expect(p.state.extension?.stage1ValidUntil).toBe('2027-08-01');
    return p;
  }

  it('its Stage 1 is valid through the last day of the window; the day after it is repeated', () => {
    const p = withExtensionStage1();
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-08-02' }),
      /must take place by 2027-08-01, while its Stage 1 is valid/,
    );
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-08-01' });
    runUntil(p, '2027-08-01');
    expect(p.state.extension?.stage).toBe('STAGE2');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage2', lastDay: '2027-08-01' });
    expect(p.state.extension?.stage).toBe('DECISION');

    const late = withExtensionStage1();
    runUntil(late, '2027-08-02');
    expect(late.state.extension).toEqual({
      framework: 'iso42001',
      requestedOn: '2027-01-10',
      stage: 'STAGE1',
    });
    expect(late.state.audits['extension-stage1']).toBeUndefined();
    expect(missed(late)).toEqual(['extension-stage1-validity']);
  });

  it('its majors must be verified closed by the last day of the window; the day after, its Stage 2 is repeated', () => {
    const major = { severity: 'MAJOR' as const, description: 'No AI impact assessment' };
    const held = () => {
      const p = withExtensionStage1();
      p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-03-01' });
      at('2027-03-01');
      p.applyRecordAuditOutcome({
        actor,
        audit: 'extension-stage2',
        lastDay: '2027-03-01',
        findings: [major],
      });
      expect(p.state.extension?.majorClosureDeadline).toBe('2027-09-01');
      return p;
    };
    const p = held();
    runUntil(p, '2027-09-01');
    expect(p.state.extension?.stage).toBe('DECISION');
    const finding = p.state.findings.find((f) => f.description === major.description)!;
    p.applyCloseFinding({ actor, findingId: finding.id, on: '2027-09-01', resolution: 'CLOSED' });
    at('2027-09-02');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-09-02', framework: 'iso42001' }),
      /More than 6 months have passed since its Stage 2/,
    );
    at('2027-09-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-09-01', framework: 'iso42001' });
    expect(p.state.certificate?.frameworks).toEqual(['iso27001', 'iso42001']);

    // The repeated Stage 2 re-audits implementation: its Stage 1 limit (2027-08-01, long past) no longer applies,
    // as for the initial certification, so the calendar does not send it back to Stage 1.
    const late = held();
    runUntil(late, '2027-09-02');
    expect(late.state.extension).toEqual({
      framework: 'iso42001',
      requestedOn: '2027-01-10',
      stage: 'STAGE2',
    });
    expect(missed(late)).toEqual(['extension-major-closure']);
    runUntil(late, '2027-09-10');
    expect(late.state.extension?.stage).toBe('STAGE2');
    late.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-09-20' });
  });

  it('a refused extension repeats its Stage 2 without the Stage 1 limit', () => {
    const p = withExtensionStage1();
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-03-01' });
    at('2027-03-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage2', lastDay: '2027-03-01' });
    at('2027-03-15');
    p.applyRecordCertificationDecision({
      actor,
      decidedOn: '2027-03-15',
      framework: 'iso42001',
      outcome: 'REFUSED',
      reason: 'The AI impact assessment was not performed.',
    });
    expect(p.state.extension).toEqual({ framework: 'iso42001', requestedOn: '2027-01-10', stage: 'STAGE2' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-08-02' });
    runUntil(p, '2027-08-02');
    expect(p.state.extension?.stage).toBe('STAGE2');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage2', lastDay: '2027-08-02' });
    expect(p.state.extension?.stage).toBe('DECISION');
  });

  it('runs recorded before the fix keep the Stage 1 limit for the repeated Stage 2 of an added standard', () => {
    const p = certified({}, (id) => id !== isoPatches.extensionRepeatWithoutStage1Limit);
    at('2027-01-10');
    p.applyChangeScope(addAims);
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-02-01' });
    at('2027-02-01');
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-02-01' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-03-01' });
    at('2027-03-01');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'extension-stage2',
      lastDay: '2027-03-01',
      findings: [{ severity: 'MAJOR', description: 'No AI impact assessment' }],
    });
    runUntil(p, '2027-09-02');
    expect(p.state.extension?.stage).toBe('STAGE1');
  });
});
