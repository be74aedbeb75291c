import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  events,
  justification,
  newProgram,
  payloads,
  rejects,
  resetIds,
  throughStage2,
} from '../../../test/support/iso-rules.js';
import { isoPatches } from './patches.js';

beforeEach(() => {
  resetIds();
});

const addAims = { actor, frameworks: ['iso27001', 'iso42001'] as ['iso27001', 'iso42001'], justification };

describe('ISO program: adding a standard to a certified program', () => {
  it('does not certify it until its own Stage 1, Stage 2 (held with surveillance 1) and decision', () => {
    const p = certified(); // ISO/IEC 27001, certified 2026-10-01
    at('2027-01-10');
    p.applyChangeScope(addAims);
    expect(p.state.frameworks).toEqual(['iso27001', 'iso42001']);
    expect(p.state.certificate?.frameworks).toEqual(['iso27001']);
    expect(p.state.extension).toEqual({ framework: 'iso42001', requestedOn: '2027-01-10', stage: 'STAGE1' });
    expect(payloads(p, 'scope.changed').at(-1)).toMatchObject({ extension: 'iso42001' });
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-01-10', framework: 'iso42001' }),
      /ISO\/IEC 42001 needs its own Stage 1 and Stage 2 before a decision/,
    );
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-02-01' }),
      /Stage 2 of the added standard cannot be scheduled while the program is in SURVEILLANCE_1/,
    );
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-02-01' });
    at('2027-02-01');
    p.applyRecordAuditOutcome({
      actor,
      audit: 'extension-stage1',
      lastDay: '2027-02-01',
      findings: [{ severity: 'MINOR', description: 'AI impact assessment process not defined' }],
    });
    expect(p.state.extension).toMatchObject({ stage: 'STAGE2', stage1ValidUntil: '2027-08-01' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-05-10' }),
      /waits for 1 Stage 1 concern/,
    );
    const concern = p.state.findings.find((f) => f.auditId === 'extension-stage1')!;
    at('2027-03-01');
    p.applyCloseFinding({ actor, findingId: concern.id, on: '2027-03-01', resolution: 'CLOSED' });
    rejects(
      () => p.checkScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-08-02' }),
      /must take place by 2027-08-01, while its Stage 1 is valid/,
    );
    // Combined with the surveillance audit: the same visit.
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-05-10' });
    p.applyScheduleAudit({ actor, audit: 'extension-stage2', date: '2027-05-10' });
    at('2027-05-12');
    p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-05-12' });
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage2', lastDay: '2027-05-12' });
    expect(p.state).toMatchObject({
      stage: 'SURVEILLANCE_2',
      extension: { stage: 'DECISION', majorClosureDeadline: '2027-11-12' },
    });
    at('2027-05-20');
    rejects(
      () => p.checkRecordCertificationDecision({ actor, decidedOn: '2027-05-20', framework: 'iso27001' }),
      /ISO\/IEC 27001 is not being added to the certificate/,
    );
    p.applyRecordCertificationDecision({ actor, decidedOn: '2027-05-20', framework: 'iso42001' });
    expect(p.state.certificate?.frameworks).toEqual(['iso27001', 'iso42001']);
    expect(p.state.extension).toBeUndefined();
    // One certificate cycle for both: the added standard takes the running cycle's expiry.
    expect(p.state.dates.expiryDate).toBe('2029-09-30');
    expect(payloads(p, 'certification.decided').at(-1)).toMatchObject({
      kind: 'extension',
      framework: 'iso42001',
      expiryDate: '2029-09-30',
    });
    expect(p.transition).toEqual({ kind: 'none' });
  });

  it("repeats the added standard's Stage 1 when its Stage 2 does not follow in time", () => {
    const p = certified();
    at('2027-01-31');
    p.applyChangeScope(addAims);
    p.applyScheduleAudit({ actor, audit: 'extension-stage1', date: '2027-01-31' });
    p.applyRecordAuditOutcome({ actor, audit: 'extension-stage1', lastDay: '2027-01-31' });
    expect(p.state.extension?.stage1ValidUntil).toBe('2027-07-31');
    at('2027-07-31');
    p.tick();
    expect(p.state.extension?.stage).toBe('STAGE2');
    at('2027-08-01');
    p.tick();
    expect(p.state.extension).toEqual({ framework: 'iso42001', requestedOn: '2027-01-31', stage: 'STAGE1' });
    expect(p.state.audits['extension-stage1']).toBeUndefined();
    expect(payloads(p, 'deadline.missed').at(-1)).toEqual({
      deadline: 'extension-stage1-validity',
      due: '2027-07-31',
    });
  });

  it('lets a standard join the initial audit before Stage 1, and refuses it between Stage 1 and the decision', () => {
    const p = newProgram();
    at('2026-06-10');
    p.applyChangeScope(addAims);
    expect(p.state.extension).toBeUndefined();
    throughStage2(p);
    at('2026-10-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
    expect(p.state.certificate?.frameworks).toEqual(['iso27001', 'iso42001']);

    const q = newProgram();
    at('2026-07-01');
    q.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01' });
    q.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    q.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    q.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-02' });
    q.applyChangeScope(addAims); // Stage 1 scheduled but not held: it covers both
    at('2026-07-02');
    q.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-07-02' });
    expect(q.state).toMatchObject({ stage: 'STAGE2', frameworks: ['iso27001', 'iso42001'] });
    expect(q.state.extension).toBeUndefined();
  });

  it('refuses what a certification body would not accept', () => {
    const p = newProgram();
    throughStage2(p);
    rejects(
      () => p.checkChangeScope(addAims),
      /ISO\/IEC 42001 cannot join this initial audit: Stage 1 was held for ISO\/IEC 27001 only/,
    );

    const q = certified();
    at('2027-02-01');
    q.applySuspendCertification({ actor, on: '2027-02-01', reason: 'Persistent majors' });
    rejects(() => q.checkChangeScope(addAims), /cannot be added while the certificate is suspended/);

    const r = certified();
    at('2027-01-10');
    rejects(
      () => r.checkChangeScope({ actor, frameworks: ['iso42001'], justification }),
      /The certificate would cover no standard while ISO\/IEC 42001 is audited/,
    );
    r.applyChangeScope(addAims);
    // Dropping the standard being added abandons its extension.
    r.applyChangeScope({ actor, frameworks: ['iso27001'], justification });
    expect(r.state.extension).toBeUndefined();
    expect(events(r).filter((t) => t === 'scope.changed')).toHaveLength(2);
  });

  it('runs recorded before the rule let the added standard join the running cycle at once', () => {
    const p = certified({}, (id) => id !== isoPatches.addedStandardInitialAudit);
    at('2027-01-10');
    p.applyChangeScope(addAims);
    expect(p.state.extension).toBeUndefined();
    expect(p.state.frameworks).toEqual(['iso27001', 'iso42001']);
  });
});

describe('ISO program: dropping a standard', () => {
  it('cancels the tasks that only concern it and takes it off the certificate', () => {
    const p = certified({ frameworks: ['iso27001', 'iso42001'] });
    at('2027-03-01');
    p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-03-01' });
    p.applyRecordAuditOutcome({
      actor,
      audit: 'surveillance1',
      lastDay: '2027-03-01',
      findings: [
        {
          severity: 'MINOR',
          description: 'AI system inventory incomplete',
          requirementIds: ['iso42001:A.4.2'],
        },
      ],
    });
    const aiTask = p.state.tasks.find((t) => t.requirementIds.includes('iso42001:A.4.2'))!;
    p.applyChangeScope({
      actor,
      frameworks: ['iso27001'],
      justification: 'AI management system withdrawn from scope.',
    });
    expect(p.state.certificate?.frameworks).toEqual(['iso27001']);
    expect(p.state.tasks.find((t) => t.id === aiTask.id)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'scope changed: iso42001 removed',
    });
    rejects(
      () => p.checkChangeScope({ actor, frameworks: ['iso27001'], justification }),
      /already covers exactly iso27001/,
    );
  });
});
