import { beforeEach, describe, expect, it } from 'vitest';
import { actor, at, newProgram, rejects, resetIds, runUntil } from '../../../test/support/iso-rules.js';
import type { IsoProgram } from '../iso-certification/iso-program.js';

// A remediation task's own calendar through the rule methods: reminders 14, 7 and 1 days before, the due day
// still in time, the escalation the day after; and every change a user makes to a task, as the trail records it.

beforeEach(() => {
  resetIds();
});

function withTasks(): IsoProgram {
  const p = newProgram();
  at('2026-07-01');
  p.applyCompleteGapAssessment({
    actor,
    completedOn: '2026-07-01',
    gaps: [
      { title: 'Write the access policy', ownerEmail: 'it@acme.test', dueDate: '2026-08-31' },
      { title: 'Name asset owners', ownerEmail: 'ops@acme.test', dueDate: '2026-09-30' },
    ],
  });
  return p;
}

const trail = (p: IsoProgram, from: number) =>
  p.effects.pending
    .slice(from)
    .map((e) =>
      e.kind === 'audit'
        ? `${e.type} by ${e.actor ?? 'the calendar'} ${JSON.stringify(e.payload)}`
        : `  email to ${e.to}: ${e.subject} | ${e.text}`,
    );

describe('remediation task days', () => {
  it('reminds on the 14th, 7th and last day before, is not overdue on its due day, and escalates the day after', () => {
    const p = withTasks();
    const [policy] = p.state.tasks;
    const wakeUps: string[] = [];
    for (let wake = p.nextWakeUp(); wake && wake <= '2026-09-02'; wake = p.nextWakeUp()) {
      wakeUps.push(wake);
      at(wake);
      p.tick();
    }
    expect(wakeUps.slice(0, 4)).toEqual(['2026-08-17', '2026-08-24', '2026-08-30', '2026-09-01']);
    at('2026-08-31');
    expect(p.tasks.overdue('2026-08-31')).toEqual([]);
    expect(p.tasks.overdue('2026-09-01').map((t) => t.id)).toEqual([policy!.id]);
    expect(p.state.tasks[0]).toMatchObject({ remindersSent: [14, 7, 1], escalated: true });
  });

  it('records completion with its evidence, reassignment with a new due date, cancellation and late evidence', () => {
    const p = withTasks();
    const [policy, owners] = p.state.tasks;
    const mark = p.effects.pending.length;
    at('2026-07-10');
    p.tasks.attachEvidence(policy!.id, { title: 'Draft', uri: 'https://docs.acme.test/draft' }, actor);
    p.tasks.applyReassign(
      { actor, taskId: policy!.id, ownerEmail: 'ciso@acme.test', dueDate: '2026-09-15' },
      p.today,
    );
    p.tasks.applyReassign(
      { actor, taskId: owners!.id, ownerEmail: 'ops@acme.test', dueDate: '2026-07-10' },
      p.today,
    );
    p.tasks.applyReassign({ actor, taskId: owners!.id, ownerEmail: 'cfo@acme.test' }, p.today);
    rejects(
      () =>
        p.tasks.checkReassign(
          { actor, taskId: owners!.id, ownerEmail: 'cfo@acme.test', dueDate: '2026-07-10' },
          p.today,
        ),
      /already owned by cfo@acme.test with that due date/,
    );
    rejects(
      () =>
        p.tasks.checkReassign(
          { actor, taskId: owners!.id, ownerEmail: 'cfo@acme.test', dueDate: '2026-07-09' },
          p.today,
        ),
      /The new due date 2026-07-09 is in the past/,
    );
    p.tasks.applyComplete(
      {
        actor,
        taskId: policy!.id,
        completedOn: '2026-07-10',
        evidence: [{ title: 'Signed policy', uri: 'https://docs.acme.test/policy' }],
      },
      p.today,
    );
    p.tasks.attachEvidence(policy!.id, { title: 'Too late', uri: 'https://docs.acme.test/late' }, actor);
    p.tasks.applyCancel({ actor, taskId: owners!.id, reason: 'Merged into the asset inventory task' });
    expect(
      p.state.tasks.map((t) => [t.status, t.ownerEmail, t.dueDate, t.evidence.map((e) => e.title)]),
    ).toEqual([
      ['DONE', 'ciso@acme.test', '2026-09-15', ['Draft', 'Signed policy']],
      ['CANCELLED', 'cfo@acme.test', '2026-07-10', []],
    ]);
    expect(trail(p, mark)).toMatchSnapshot();
    runUntil(p, '2026-12-31');
    expect(
      p.effects.pending.slice(mark).filter((e) => e.kind === 'audit' && e.type === 'reminder.sent'),
    ).toEqual([]);
  });

  it('a new due date re-arms the reminders and the escalation', () => {
    const p = withTasks();
    const [policy] = p.state.tasks;
    runUntil(p, '2026-09-01');
    expect(p.state.tasks[0]).toMatchObject({ escalated: true, remindersSent: [14, 7, 1] });
    p.tasks.applyReassign(
      { actor, taskId: policy!.id, ownerEmail: 'it@acme.test', dueDate: '2026-09-20' },
      p.today,
    );
    expect(p.state.tasks[0]).toMatchObject({ escalated: false, remindersSent: [], dueDate: '2026-09-20' });
    expect(p.tasks.nextWakeUp('2026-09-01')).toBe('2026-09-06');
    expect(p.tasks.nextWakeUp('2026-09-19')).toBe('2026-09-21');
  });
});
