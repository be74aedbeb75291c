import { isoUpdates } from '@certflow/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  newProgram,
  payloads,
  rejects,
  resetIds,
  throughStage2,
} from '../../../test/support/iso-rules.js';

beforeEach(() => {
  resetIds();
});

const evidence = [{ title: 'Signed policy', uri: 'https://docs.acme.test/policy' }];

describe('ISO program: the update handlers the workflow registers', () => {
  it('has a validator and a handler for every ISO update', () => {
    const handlers = newProgram().updateHandlers();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(isoUpdates).sort());
    for (const handler of Object.values(handlers)) {
      expect(typeof handler.check).toBe('function');
      expect(typeof handler.apply).toBe('function');
    }
  });

  it('runs the task and ending rules through the shared handlers: validators refuse, handlers change state', () => {
    const p = newProgram();
    const h = p.updateHandlers();
    at('2026-07-01');
    h.completeGapAssessment.apply({
      actor,
      completedOn: '2026-07-01',
      gaps: ['Policy', 'Asset inventory', 'Training', 'Supplier review'].map((title) => ({
        title,
        ownerEmail: 'it@acme.test',
        dueDate: '2026-07-20',
      })),
    });
    const [policy, assets, training, suppliers] = p.state.tasks;

    rejects(
      () => h.completeTask.check({ actor, taskId: policy!.id, completedOn: '2026-07-02', evidence }),
      /cannot be later than today \(2026-07-01\)/,
    );
    h.completeTask.apply({ actor, taskId: policy!.id, completedOn: '2026-07-01', evidence });
    rejects(
      () => h.reassignTask.check({ actor, taskId: assets!.id, ownerEmail: 'it@acme.test' }),
      /already owned by it@acme.test/,
    );
    h.reassignTask.apply({ actor, taskId: assets!.id, ownerEmail: 'cfo@acme.test', dueDate: '2026-07-25' });
    rejects(
      () => h.cancelTask.check({ actor, taskId: policy!.id, reason: 'done already' }),
      /is already done/,
    );
    h.cancelTask.apply({ actor, taskId: training!.id, reason: 'Merged into onboarding' });
    expect(p.state.tasks.map((t) => [t.title, t.status, t.ownerEmail, t.dueDate])).toEqual([
      ['Policy', 'DONE', 'it@acme.test', '2026-07-20'],
      ['Asset inventory', 'OPEN', 'cfo@acme.test', '2026-07-25'],
      ['Training', 'CANCELLED', 'it@acme.test', '2026-07-20'],
      ['Supplier review', 'OPEN', 'it@acme.test', '2026-07-20'],
    ]);

    expect(h.endProgram.check({ actor, reason: 'Not pursued' })).toMatchObject({ reason: 'Not pursued' });
    h.endProgram.apply({ actor, reason: 'Not pursued' });
    expect(p.state.stage).toBe('ENDED');
    expect(p.transition).toEqual({ kind: 'ended' });
    // The tasks still open are cancelled with the program, then the end is recorded with the cycle.
    expect(payloads(p, 'task.cancelled').slice(1)).toEqual([
      { taskId: assets!.id, reason: 'program ended' },
      { taskId: suppliers!.id, reason: 'program ended' },
    ]);
    expect(payloads(p, 'program.ended')).toEqual([{ reason: 'Not pursued', cycle: 1 }]);
    rejects(() => h.endProgram.check({ actor, reason: 'again' }), /already ended/);
  });

  it('runs each ISO rule through its own handler', () => {
    const p = newProgram();
    const h = p.updateHandlers();
    at('2026-07-01');
    rejects(
      () => h.completeGapAssessment.check({ actor, completedOn: '2026-07-02', gaps: [] }),
      /later than today/,
    );
    h.completeGapAssessment.apply({ actor, completedOn: '2026-07-01', gaps: [] });
    h.recordAuditOutcome.apply({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    h.recordAuditOutcome.apply({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    rejects(() => h.scheduleAudit.check({ actor, audit: 'stage1', date: '2026-06-30' }), /in the past/);
    h.scheduleAudit.apply({ actor, audit: 'stage1', date: '2026-08-03' });
    at('2026-08-04');
    rejects(
      () => h.recordAuditOutcome.check({ actor, audit: 'stage2', lastDay: '2026-08-04' }),
      /cannot be recorded|cannot be scheduled|while the program is in STAGE1/,
    );
    h.recordAuditOutcome.apply({ actor, audit: 'stage1', lastDay: '2026-08-04' });
    h.scheduleAudit.apply({ actor, audit: 'stage2', date: '2026-09-28' });
    at('2026-09-30');
    h.recordAuditOutcome.apply({
      actor,
      audit: 'stage2',
      lastDay: '2026-09-30',
      findings: [{ severity: 'MAJOR', description: 'No risk treatment plan' }],
    });
    const major = p.state.findings[0]!;
    rejects(
      () => h.recordCertificationDecision.check({ actor, decidedOn: '2026-09-30' }),
      /1 major nonconformity\(ies\) are not verified closed: No risk treatment plan\./,
    );
    rejects(
      () => h.closeFinding.check({ actor, findingId: major.id, on: '2026-09-29', resolution: 'CLOSED' }),
      /raised on 2026-09-30/,
    );
    h.closeFinding.apply({ actor, findingId: major.id, on: '2026-09-30', resolution: 'CLOSED' });
    h.recordCertificationDecision.apply({ actor, decidedOn: '2026-09-30' });
    expect(p.state.stage).toBe('SURVEILLANCE_1');

    at('2026-10-05');
    rejects(
      () => h.overrideRule.check({ actor, rule: 'stage1-validity', justification: 'x'.repeat(30) }),
      /The Stage 1 validity limit can only be overridden between Stage 1 and Stage 2/,
    );
    rejects(
      () => h.changeSettings.check({ actor, settings: { personsInScope: 0 }, reason: 'typo' }),
      /settings\.personsInScope/,
    );
    h.changeSettings.apply({ actor, settings: { personsInScope: 40 }, reason: 'Headcount' });
    expect(p.settings.personsInScope).toBe(40);
    rejects(
      () => h.reinstateCertification.check({ actor, on: '2026-10-05', justification: 'not suspended' }),
      /The certificate is not suspended/,
    );
    h.suspendCertification.apply({ actor, on: '2026-10-05', reason: 'Misuse of the certification mark' });
    expect(p.state.stage).toBe('SUSPENDED');
    h.reinstateCertification.apply({ actor, on: '2026-10-05', justification: 'Mark use corrected' });
    expect(p.state.stage).toBe('SURVEILLANCE_1');
    rejects(
      () =>
        h.changeScope.check({
          actor,
          frameworks: ['iso27001'],
          justification: 'The same standard as before.',
        }),
      /The program already covers exactly iso27001/,
    );
    h.changeScope.apply({
      actor,
      frameworks: ['iso27001', 'iso42001'],
      justification: 'The organisation now develops AI systems.',
    });
    expect(p.state.extension?.framework).toBe('iso42001');
    h.withdrawCertification.apply({ actor, on: '2026-10-05', reason: 'The organisation asked to withdraw' });
    // A withdrawn certificate needs a new initial audit.
    expect(p.state.stage).toBe('REMEDIATION');
  });
});

describe('ISO program: the state carried into the next run', () => {
  it('drops closed findings, keeps open ones and drops the audit plan', () => {
    const p = newProgram();
    throughStage2(p, [
      { severity: 'MAJOR', description: 'No risk treatment plan' },
      { severity: 'MINOR', description: 'Asset register stale' },
    ]);
    const [major, minor] = p.state.findings;
    p.applyCloseFinding({ actor, findingId: major!.id, on: '2026-09-30', resolution: 'CLOSED' });
    p.applyCloseFinding({ actor, findingId: minor!.id, on: '2026-09-30', resolution: 'PLAN_ACCEPTED' });
    const carried = p.carriedState();
    expect(carried.findings.map((f) => [f.description, f.status])).toEqual([
      ['Asset register stale', 'PLAN_ACCEPTED'],
    ]);
    expect(carried.auditPlan).toBeUndefined();
    expect(p.state.findings).toHaveLength(2);
  });
});
