import { soc2Updates } from '@certflow/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  auditPayloads,
  evidence,
  newProgram,
  ready,
  rejects,
  resetIds,
  tickOn,
} from '../../../test/support/soc2-rules.js';

beforeEach(() => {
  resetIds();
});

describe('SOC 2 program: the update handlers the workflow registers', () => {
  it('has a validator and a handler for every SOC 2 update, each running its own rule', () => {
    const p = newProgram();
    const h = p.updateHandlers();
    expect(Object.keys(h).sort()).toEqual(Object.keys(soc2Updates).sort());
    at('2026-11-20');
    rejects(
      () =>
        h.completeReadinessAssessment.check({
          actor,
          completedOn: '2026-11-21',
          firstPeriodStart: '2027-01-01',
        }),
      /later than today/,
    );
    h.completeReadinessAssessment.apply({ actor, completedOn: '2026-11-20', firstPeriodStart: '2027-01-01' });
    expect(p.state.stage).toBe('REMEDIATION');
    h.changeSettings.apply({ actor, settings: { fieldworkDays: 6 }, reason: 'Quote received' });
    expect(p.settings.fieldworkDays).toBe(6);
    tickOn(p, '2027-06-10');
    h.recordControlException.apply({
      actor,
      observedOn: '2027-06-01',
      description: 'Leavers kept VPN access',
    });
    expect(p.state.exceptions).toHaveLength(1);
    h.endProgram.apply({ actor, reason: 'Customers no longer ask for SOC 2' });
    expect(p.state.stage).toBe('ENDED');
    expect(auditPayloads(p, 'program.ended')).toEqual([
      { reason: 'Customers no longer ask for SOC 2', period: 1 },
    ]);
  });
});

describe('SOC 2 program: the state carried into the next run', () => {
  it('keeps the exceptions of open tasks and the alerts raised, drops the plan and planned gaps', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-06-10');
    for (const description of ['Leavers kept VPN access', 'Backup job failed silently']) {
      p.applyRecordControlException({ actor, observedOn: '2027-06-01', description });
    }
    const [done, open] = p.state.exceptions;
    p.tasks.applyComplete({ actor, taskId: done!.taskId, completedOn: '2027-06-10', evidence }, p.today);
    // The period's report is missed: its days become a gap and an alert.
    tickOn(p, '2028-01-29');
    tickOn(p, '2028-02-26');
    expect(p.state.alertsRaised).toEqual(['gap:2027-01-01']);
    const carried = p.carriedState();
    expect(carried.exceptions.map((e) => e.id)).toEqual([open!.id]);
    // The readiness gap's task is still open too.
    expect(carried.tasks.map((t) => t.title)).toEqual([
      'Quarterly access reviews',
      expect.stringContaining('Backup job failed silently'),
    ]);
    expect(carried.alertsRaised).toEqual(['gap:2027-01-01']);
    expect(carried.auditPlan).toBeUndefined();
    expect(p.state.exceptions).toHaveLength(2);
  });
});
