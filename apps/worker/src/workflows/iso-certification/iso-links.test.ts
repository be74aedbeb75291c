import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  newProgram,
  payloads,
  rejects,
  resetIds,
} from '../../../test/support/iso-rules.js';
import { sharedPatches } from '../shared/patches.js';

beforeEach(() => {
  resetIds();
});

describe('ISO program: requirements checked against the catalog and linked across frameworks', () => {
  it('rejects a gap or finding naming a requirement the catalog does not have', () => {
    const p = newProgram();
    rejects(
      () =>
        p.checkCompleteGapAssessment({
          actor,
          completedOn: '2026-06-01',
          gaps: [
            {
              title: 'Access reviews',
              ownerEmail: 'it@acme.test',
              dueDate: '2026-08-01',
              requirementIds: ['iso27001:A.5.99'],
            },
          ],
        }),
      /Invalid input: gaps\.0\.requirementIds\.0: iso27001:A\.5\.99 is not a requirement in the catalog/,
    );
    const q = certified();
    at('2027-03-01');
    q.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-03-01' });
    rejects(
      () =>
        q.checkRecordAuditOutcome({
          actor,
          audit: 'surveillance1',
          lastDay: '2027-03-01',
          findings: [{ severity: 'MINOR', description: 'x', requirementIds: ['iso27001:9.4'] }],
        }),
      /findings\.0\.requirementIds\.0: iso27001:9\.4 is not a requirement in the catalog/,
    );
  });

  it('gives a task and a finding the crosswalk links of their requirements, with the relation', () => {
    const p = newProgram({ frameworks: ['iso27001', 'iso42001'] });
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [
        {
          title: 'Internal audit programme',
          ownerEmail: 'qa@acme.test',
          dueDate: '2026-08-01',
          requirementIds: ['iso42001:9.2.2'],
        },
      ],
    });
    expect(p.state.tasks[0]?.links).toEqual([
      { from: 'iso42001:9.2.2', to: 'iso27001:9.2.2', relation: 'intersect', crosswalk: 'iso42001-iso27001' },
      {
        from: 'iso42001:9.2.2',
        to: 'nist-ai-rmf:MEASURE-1.3',
        relation: 'intersect',
        crosswalk: 'nist-ai-rmf-iso42001',
      },
    ]);
    expect(payloads(p, 'task.created')[0]?.links).toEqual(p.state.tasks[0]?.links);

    const q = certified();
    at('2027-03-01');
    q.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-03-01' });
    q.applyRecordAuditOutcome({
      actor,
      audit: 'surveillance1',
      lastDay: '2027-03-01',
      findings: [
        { severity: 'MINOR', description: 'Access rights not reviewed', requirementIds: ['iso27001:A.5.18'] },
      ],
    });
    const finding = q.state.findings[0]!;
    // The SOC 2 criteria the same corrective action serves.
    expect(finding.links).toEqual([
      { from: 'iso27001:A.5.18', to: 'soc2:CC6.2', relation: 'intersect', crosswalk: 'soc2-iso27001' },
      { from: 'iso27001:A.5.18', to: 'soc2:CC6.3', relation: 'intersect', crosswalk: 'soc2-iso27001' },
    ]);
    expect(q.state.tasks.find((t) => t.id === finding.taskId)?.links).toEqual(finding.links);
  });

  it('runs recorded before the links keep tasks without them', () => {
    const p = newProgram({}, (id) => id !== sharedPatches.requirementLinks);
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [
        {
          title: 'Access reviews',
          ownerEmail: 'it@acme.test',
          dueDate: '2026-08-01',
          requirementIds: ['iso27001:A.5.18'],
        },
      ],
    });
    expect(p.state.tasks[0]?.links).toBeUndefined();
    expect(payloads(p, 'task.created')[0]).not.toHaveProperty('links');
  });
});
