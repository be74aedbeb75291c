import { beforeEach, describe, expect, it } from 'vitest';
import * as iso from '../../../../test/support/iso-rules.js';
import * as soc2 from '../../../../test/support/soc2-rules.js';
import { isoReadModelRows } from './iso-rows.js';
import { ReadModelProjector } from './projector.js';
import { soc2ReadModelRows } from './soc2-rows.js';

beforeEach(() => {
  iso.resetIds();
  soc2.resetIds();
});

const milestone = (rows: ReturnType<typeof isoReadModelRows>, kind: string) =>
  rows.milestones.find((m) => m.kind === kind);

describe('ISO read-model rows', () => {
  it('start at the gap assessment with its due date and no certificate', () => {
    const rows = isoReadModelRows(iso.newProgram().snapshot());
    expect(rows.program).toMatchObject({ stage: 'GAP_ASSESSMENT', status: 'RUNNING', cycle: 1 });
    expect(rows.program.nextMilestone).toEqual({ kind: 'gap-assessment-due', due: '2026-08-30' });
    expect(milestone(rows, 'gap-assessment')).toMatchObject({
      category: 'assessment',
      due: '2026-08-30',
      actual: null,
    });
    expect(milestone(rows, 'stage1')).toMatchObject({ scheduled: null, actual: null });
    expect(rows.certificates).toEqual([]);
    expect(rows.completeCycles).toEqual([1]);
  });

  it('carry planned and actual dates of every audit, the deadlines they meet, and the certificate once granted', () => {
    const p = iso.certified({
      settings: { personsInScope: 40, terms: { currency: 'EUR', dayRate: 1500 } },
    });
    const rows = isoReadModelRows(p.snapshot());
    expect(milestone(rows, 'stage1')).toMatchObject({
      category: 'audit',
      scheduled: '2026-08-03',
      actual: '2026-08-04',
      currency: 'EUR',
    });
    expect(milestone(rows, 'stage1')?.plannedDays).toBeGreaterThan(0);
    expect(milestone(rows, 'stage2')).toMatchObject({ scheduled: '2026-09-28', actual: '2026-09-30' });
    // The decision cleared the Stage 1 validity limit; the milestone shows what the rules hold today.
    expect(milestone(rows, 'stage2')?.deadline).toBeNull();
    expect(milestone(rows, 'certification-decision')).toMatchObject({ actual: '2026-10-01' });
    expect(milestone(rows, 'surveillance1')).toMatchObject({ due: '2027-10-01', deadline: '2027-10-01' });
    expect(milestone(rows, 'certificate-expiry')).toMatchObject({ category: 'deadline', due: '2029-09-30' });
    expect(rows.certificates).toEqual([
      expect.objectContaining({
        cycle: 1,
        status: 'VALID',
        frameworks: ['iso27001'],
        decisionDate: '2026-10-01',
        expiryDate: '2029-09-30',
      }),
    ]);
  });

  it('carry findings with their corrective-action tasks and crosswalk links', () => {
    const p = iso.newProgram();
    iso.throughStage2(p, [
      { severity: 'MAJOR', description: 'No access reviews', requirementIds: ['iso27001:A.5.15'] },
    ]);
    const rows = isoReadModelRows(p.snapshot());
    const [finding] = rows.findings;
    expect(finding).toMatchObject({
      kind: 'audit-finding',
      auditId: 'stage2',
      severity: 'MAJOR',
      status: 'OPEN',
      raisedOn: '2026-09-30',
    });
    const task = rows.tasks.find((t) => t.id === finding!.taskId);
    expect(task).toMatchObject({ source: 'finding', findingId: finding!.id, status: 'OPEN' });
    expect(task!.links.length).toBeGreaterThan(0);
  });
});

describe('the projector sends only what changed', () => {
  it('sends everything once, then nothing until something changes, then only that', () => {
    const p = iso.newProgram();
    const projector = new ReadModelProjector(isoReadModelRows);
    const first = projector.delta(p.snapshot(), 1, '2026-06-01T12:00:00.000Z');
    expect(first?.program?.stage).toBe('GAP_ASSESSMENT');
    expect(first?.completeCycles).toEqual([1]);
    expect(projector.delta(p.snapshot(), 1, '2026-06-01T12:00:01.000Z')).toBeUndefined();

    iso.at('2026-07-01');
    p.applyCompleteGapAssessment({
      actor: iso.actor,
      completedOn: '2026-07-01',
      gaps: [
        { title: 'Asset inventory', ownerEmail: 'Owner@Acme.test', dueDate: '2026-08-01' },
        { title: 'Access policy', ownerEmail: 'owner@acme.test', dueDate: '2026-08-15' },
      ],
    });
    const second = projector.delta(p.snapshot(), 5, '2026-07-01T12:00:00.000Z');
    expect(second?.tasks?.map((t) => t.title)).toEqual(['Asset inventory', 'Access policy']);
    expect(second?.program?.stage).toBe('REMEDIATION');
    expect(second?.milestones?.map((m) => m.kind)).toEqual(['gap-assessment']);
    expect(second?.completeCycles).toEqual([]);

    const taskId = p.state.tasks[0]!.id;
    p.updateHandlers().reassignTask.apply({ actor: iso.actor, taskId, ownerEmail: 'lead@acme.test' });
    const third = projector.delta(p.snapshot(), 7, '2026-07-01T12:00:01.000Z');
    expect(third?.tasks?.map((t) => [t.id, t.ownerEmail])).toEqual([[taskId, 'lead@acme.test']]);
    expect(third?.findings).toBeUndefined();
  });

  it('sends a cycle whole when its set of milestones changes, so the table can drop the others', () => {
    const p = iso.certified();
    const projector = new ReadModelProjector(isoReadModelRows);
    projector.delta(p.snapshot(), 1, '2026-10-01T12:00:00.000Z');
    iso.at('2027-01-10');
    p.applySuspendCertification({ actor: iso.actor, on: '2027-01-10', reason: 'client request' });
    const delta = projector.delta(p.snapshot(), 2, '2027-01-10T12:00:00.000Z');
    expect(delta?.completeCycles).toEqual([1]);
    expect(delta?.milestones?.map((m) => m.kind)).toContain('suspension');
    expect(delta?.milestones?.length).toBe(isoReadModelRows(p.snapshot()).milestones.length);
    expect(delta?.certificates?.[0]).toMatchObject({ status: 'SUSPENDED', suspendedSince: '2027-01-10' });
  });
});

describe('SOC 2 read-model rows', () => {
  it('hold the readiness assessment, then the period, its fieldwork and report deadlines', () => {
    const p = soc2.newProgram({ config: { periodMonths: 6, cpaFirm: 'CPA LLP' } });
    let rows = soc2ReadModelRows(p.snapshot());
    expect(rows.program).toMatchObject({ stage: 'READINESS', cycle: 0 });
    expect(rows.milestones.map((m) => m.kind)).toEqual(['readiness']);
    soc2.at('2026-12-01');
    p.applyCompleteReadinessAssessment({
      actor: soc2.actor,
      completedOn: '2026-12-01',
      firstPeriodStart: '2027-01-01',
    });
    rows = soc2ReadModelRows(p.snapshot());
    expect(rows.periods).toEqual([
      expect.objectContaining({ number: 1, start: '2027-01-01', end: '2027-06-30', months: 6 }),
    ]);
    expect(rows.milestones.map((m) => m.kind)).toEqual([
      'readiness',
      'observation-period',
      'fieldwork',
      'report',
    ]);
    expect(rows.milestones.find((m) => m.kind === 'readiness')?.actual).toBe('2026-12-01');
  });

  it('turn control exceptions into findings that stay open while their task is', () => {
    const p = soc2.newProgram({ currentPeriod: { start: '2026-10-01', end: '2027-03-31' } });
    soc2.at('2026-11-10');
    p.applyRecordControlException({
      actor: soc2.actor,
      observedOn: '2026-11-09',
      description: 'Quarterly access review skipped',
      requirementIds: ['soc2:CC6.2'],
    });
    const rows = soc2ReadModelRows(p.snapshot());
    expect(rows.findings).toEqual([
      expect.objectContaining({
        kind: 'control-exception',
        severity: null,
        status: 'OPEN',
        auditId: 'observation',
        cycle: 1,
        raisedOn: '2026-11-09',
      }),
    ]);
    expect(rows.findings[0]!.links.map((l) => l.to)).toContain('iso27001:A.5.15');
  });
});
