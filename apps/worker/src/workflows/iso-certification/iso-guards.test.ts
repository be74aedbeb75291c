import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  inRecertification,
  justification,
  newProgram,
  rejects,
  resetIds,
  runUntil,
  throughStage1,
  throughStage2,
} from '../../../test/support/iso-rules.js';

// Rules that had no test failing when they broke (issue 13), each reached through the rule methods.

beforeEach(() => {
  resetIds();
});

describe('ISO program: a refused initial decision', () => {
  it('drops the Stage 1 validity limit: the repeated Stage 2 may come after it, and the calendar does not send the program back to Stage 1', () => {
    const p = newProgram();
    throughStage2(p, [{ severity: 'MAJOR', description: 'Risk treatment plan never approved' }]);
    expect(p.state.dates.stage1ValidUntil).toBe('2027-02-04');
    at('2026-10-15');
    p.applyRecordCertificationDecision({
      actor,
      decidedOn: '2026-10-15',
      outcome: 'REFUSED',
      reason: 'The major nonconformity shows the ISMS is not effective yet.',
    });
    expect(p.state.dates.stage1ValidUntil).toBeUndefined();
    // After the old limit: allowed, and still allowed once the calendar has passed it.
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2027-03-01' });
    runUntil(p, '2027-03-01');
    expect(p.state.stage).toBe('STAGE2');
    expect(p.state.missedDeadlines).toEqual([]);
    p.applyRecordAuditOutcome({
      actor,
      audit: 'stage2',
      lastDay: '2027-03-01',
      verifiedFindingIds: [p.state.findings[0]!.id],
    });
    expect(p.state.stage).toBe('CERTIFICATION_DECISION');
  });
});

describe('ISO program: which Stage 1 findings hold up Stage 2', () => {
  it('counts unresolved nonconformities of this Stage 1 only: not its observations, not what other audits raised', () => {
    const p = newProgram();
    throughStage1(p, [
      { severity: 'OBSERVATION', description: 'Consider automating the access review' },
      { severity: 'MINOR', description: 'Scope statement unclear' },
      { severity: 'MAJOR', description: 'No risk assessment' },
    ]);
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage2', date: '2026-09-01' }),
      /while 2 Stage 1 concern\(s\) are unresolved/,
    );
    const [observation, minor, major] = p.state.findings;
    p.applyCloseFinding({ actor, findingId: minor!.id, on: '2026-08-04', resolution: 'CLOSED' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'stage2', date: '2026-09-01' }),
      /while 1 Stage 1 concern\(s\) are unresolved/,
    );
    p.applyCloseFinding({ actor, findingId: major!.id, on: '2026-08-04', resolution: 'CLOSED' });
    // The observation is still open and does not hold up Stage 2.
    expect(observation).toMatchObject({ severity: 'OBSERVATION', status: 'OPEN' });
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2026-09-01' });
  });

  it('an observation alone never holds up Stage 2', () => {
    const p = newProgram();
    throughStage1(p, [{ severity: 'OBSERVATION', description: 'Consider automating the access review' }]);
    p.applyScheduleAudit({ actor, audit: 'stage2', date: '2026-09-01' });
    expect(p.state.audits.stage2?.scheduledOn).toBe('2026-09-01');
  });

  it("an added standard's Stage 1 concern holds up its Stage 2 in its cycle; after recertification opens the next cycle it no longer does", () => {
    const p = inRecertification();
    at('2028-07-01');
    p.applyChangeScope({ actor, frameworks: ['iso27001', 'iso42001'], justification });
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2028-07-10' });
    at('2028-07-10');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'extension-stage1',
      lastDay: '2028-07-10',
      findings: [{ severity: 'MINOR', description: 'AI policy not yet approved' }],
    });
    const concern = p.state.findings.at(-1)!;
    p.applyCloseFinding({ actor, findingId: concern.id, on: '2028-07-10', resolution: 'PLAN_ACCEPTED' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'extension-stage2', date: '2028-10-20' }),
      /waits for 1 Stage 1 concern\(s\) to be resolved/,
    );
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2028-10-01' });
    at('2028-10-01');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2028-10-01' });
    p.applyRecordCertificationDecision({ actor, decidedOn: '2028-10-01' });
    expect(p.state).toMatchObject({ cycle: 2, stage: 'SURVEILLANCE_1' });
    expect(p.state.extension).toMatchObject({ stage: 'STAGE2', stage1ValidUntil: '2029-01-10' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2028-10-20' });
  });
});

describe('ISO program: dropping a standard from the scope', () => {
  it('cancels only the tasks that name nothing but its requirements; tasks without requirement ids stay open', () => {
    const p = newProgram({ frameworks: ['iso27001', 'iso42001'] });
    at('2026-07-01');
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-07-01',
      gaps: [
        {
          title: 'Inventory the AI systems',
          ownerEmail: 'ai@acme.test',
          dueDate: '2026-09-01',
          requirementIds: ['iso42001:A.4.2'],
        },
        { title: 'Appoint a security officer', ownerEmail: 'ceo@acme.test', dueDate: '2026-09-01' },
        {
          title: 'Review access to AI training data',
          ownerEmail: 'it@acme.test',
          dueDate: '2026-09-01',
          requirementIds: ['iso27001:A.5.15', 'iso42001:A.4.2'],
        },
      ],
    });
    p.applyChangeScope({
      actor,
      frameworks: ['iso27001'],
      justification: 'AI work moved to a sister company.',
    });
    expect(p.state.tasks.map((t) => [t.title, t.status])).toEqual([
      ['Inventory the AI systems', 'CANCELLED'],
      ['Appoint a security officer', 'OPEN'],
      ['Review access to AI training data', 'OPEN'],
    ]);
  });
});
