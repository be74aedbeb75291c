import { beforeEach, describe, expect, it } from 'vitest';
import { actor, newProgram, rejects, resetIds, throughStage2 } from '../../../test/support/iso-rules.js';

beforeEach(() => {
  resetIds();
});

describe('ISO program: validators reject invalid transitions with readable messages (tasks, overrides, ending)', () => {
  it('tasks: completion needs evidence, reassignment must change something, cancelled tasks stay cancelled', () => {
    const p = newProgram();
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [
        {
          title: 'Access policy',
          ownerEmail: 'ciso@acme.test',
          dueDate: '2026-07-01',
          requirementIds: ['iso27001:A.5.15'],
        },
      ],
    });
    const task = p.state.tasks[0]!;
    expect(task.requirementIds).toEqual(['iso27001:A.5.15']);
    rejects(
      () =>
        p.tasks.checkComplete({ actor, taskId: task.id, completedOn: '2026-06-01', evidence: [] }, p.today),
      /at least one piece of evidence/,
    );
    rejects(
      () =>
        p.tasks.checkComplete(
          {
            actor,
            taskId: 'missing',
            completedOn: '2026-06-01',
            evidence: [{ title: 'x', uri: 'https://x.test' }],
          },
          p.today,
        ),
      /no remediation task missing/,
    );
    rejects(
      () => p.tasks.checkReassign({ actor, taskId: task.id, ownerEmail: 'ciso@acme.test' }, p.today),
      /already owned by ciso@acme.test/,
    );
    rejects(
      () =>
        p.tasks.checkReassign(
          { actor, taskId: task.id, ownerEmail: 'x@acme.test', dueDate: '2026-05-01' },
          p.today,
        ),
      /in the past/,
    );
    rejects(
      () =>
        p.checkCompleteGapAssessment({
          actor,
          completedOn: '2026-06-01',
          gaps: [{ title: 'x', ownerEmail: 'a@b.test', dueDate: '2026-07-01', requirementIds: ['A.5.1'] }],
        }),
      /catalog requirement id/,
    );
    p.tasks.applyCancel({ actor, taskId: task.id, reason: 'scope changed: cloud hosting out of scope' });
    rejects(() => p.tasks.checkCancel({ actor, taskId: task.id, reason: 'again' }), /already cancelled/);
    rejects(
      () =>
        p.tasks.checkComplete(
          {
            actor,
            taskId: task.id,
            completedOn: '2026-06-01',
            evidence: [{ title: 'x', uri: 'https://x.test' }],
          },
          p.today,
        ),
      /already cancelled/,
    );
  });

  it('overrides need a justification, fit the stage and are recorded once', () => {
    const p = newProgram();
    rejects(
      () => p.checkOverrideRule({ actor, rule: 'stage1-validity', justification: 'short' }),
      /at least 20 characters/,
    );
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'stage1-validity',
          justification: 'The CB confirmed Stage 1 is still valid.',
        }),
      /between Stage 1 and Stage 2/,
    );
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'major-closure-window',
          justification: 'The CB granted a justified deviation.',
        }),
      /certification decision is pending/,
    );
    throughStage2(p);
    p.applyOverrideRule({
      actor,
      rule: 'major-closure-window',
      justification: 'The CB granted a justified deviation.',
    });
    rejects(
      () =>
        p.checkOverrideRule({
          actor,
          rule: 'major-closure-window',
          justification: 'The CB granted a justified deviation.',
        }),
      /already recorded/,
    );
  });

  it('ending the program cancels open tasks and cannot be repeated', () => {
    const p = newProgram();
    p.applyCompleteGapAssessment({
      actor,
      completedOn: '2026-06-01',
      gaps: [{ title: 'Policy', ownerEmail: 'a@acme.test', dueDate: '2026-07-01' }],
    });
    p.applyEndProgram({ actor, reason: 'organisation withdrew' });
    expect(p.state.stage).toBe('ENDED');
    expect(p.state.tasks[0]?.status).toBe('CANCELLED');
    expect(p.transition).toEqual({ kind: 'ended' });
    rejects(() => p.checkEndProgram({ actor, reason: 'again' }), /already ended/);
    rejects(() => p.checkScheduleAudit({ actor, audit: 'stage1', date: '2026-07-01' }), /in ENDED/);
  });
});
