import {
  addDays,
  type CalendarDate,
  type CancelTaskInput,
  cancelTaskInputSchema,
  type CompleteTaskInput,
  completeTaskInputSchema,
  type ReassignTaskInput,
  reassignTaskInputSchema,
  type Evidence,
  reminderDates,
  type RemediationTaskSource,
  type RemediationTaskState,
  type RequirementLink,
} from '@certflow/contracts';
import type { EffectQueue } from './effects.js';
import { parseOrReject } from './program-messages.js';
import { conflict, reject, violates } from './rejected-action.js';

/**
 * Remediation tasks kept inside the program workflow (docs/adr/0006-remediation-tasks-in-program-timers.md):
 * one timer for the earliest pending reminder or escalation instead of a child workflow per task.
 * Shared by every program kind; it works on plain state so it survives continue-as-new unchanged.
 */
export class RemediationTaskBook {
  constructor(
    readonly tasks: RemediationTaskState[],
    private readonly effects: EffectQueue,
    private readonly options: {
      reminderDaysBefore: readonly number[];
      escalateTo: () => string;
      programLabel: string;
    },
  ) {}

  get(taskId: string): RemediationTaskState | undefined {
    return this.tasks.find((t) => t.id === taskId);
  }

  // ---- user actions, the same for every program kind (validators check*, handlers apply*) ----------------

  checkComplete(raw: CompleteTaskInput, today: CalendarDate) {
    const input = parseOrReject(completeTaskInputSchema, raw);
    this.requireOpen(input.taskId);
    if (input.completedOn > today)
      reject(
        `The completion date (${input.completedOn}) cannot be later than today (${today}).`,
        violates('not-in-the-future', 'completedOn'),
      );
    return input;
  }

  applyComplete(raw: CompleteTaskInput, today: CalendarDate): void {
    const input = this.checkComplete(raw, today);
    this.complete(input.taskId, input.completedOn, input.evidence, input.actor);
  }

  checkReassign(raw: ReassignTaskInput, today: CalendarDate) {
    const input = parseOrReject(reassignTaskInputSchema, raw);
    const task = this.requireOpen(input.taskId);
    if (
      input.ownerEmail === task.ownerEmail &&
      (input.dueDate === undefined || input.dueDate === task.dueDate)
    ) {
      reject(
        `Task "${task.title}" is already owned by ${task.ownerEmail} with that due date.`,
        conflict('no-change'),
      );
    }
    if (input.dueDate !== undefined && input.dueDate < today)
      reject(`The new due date ${input.dueDate} is in the past.`, violates('date-in-the-past', 'dueDate'));
    return input;
  }

  applyReassign(raw: ReassignTaskInput, today: CalendarDate): void {
    const input = this.checkReassign(raw, today);
    this.reassign(input.taskId, input.ownerEmail, input.dueDate, input.actor);
  }

  checkCancel(raw: CancelTaskInput) {
    const input = parseOrReject(cancelTaskInputSchema, raw);
    this.requireOpen(input.taskId);
    return input;
  }

  applyCancel(raw: CancelTaskInput): void {
    const input = this.checkCancel(raw);
    this.cancel(input.taskId, input.reason, input.actor);
  }

  /** Throws a readable error unless the task exists and is open (for validators). */
  requireOpen(taskId: string): RemediationTaskState {
    const task = this.get(taskId);
    if (!task) reject(`There is no remediation task ${taskId} in this program.`, conflict('unknown-task'));
    if (task.status !== 'OPEN')
      reject(
        `Task "${task.title}" is already ${task.status === 'DONE' ? 'done' : 'cancelled'}.`,
        conflict('task-closed'),
      );
    return task;
  }

  open(): RemediationTaskState[] {
    return this.tasks.filter((t) => t.status === 'OPEN');
  }

  create(
    id: string,
    input: { title: string; ownerEmail: string; dueDate: CalendarDate; requirementIds: string[] },
    source: RemediationTaskSource,
    actor: string | null,
    /** Crosswalk links of `requirementIds`, so other programs see the same remediation. */
    links?: RequirementLink[],
  ): RemediationTaskState {
    const task: RemediationTaskState = {
      id,
      title: input.title,
      ownerEmail: input.ownerEmail,
      dueDate: input.dueDate,
      requirementIds: input.requirementIds,
      source,
      status: 'OPEN',
      remindersSent: [],
      escalated: false,
      evidence: [],
      ...(links && { links }),
    };
    this.tasks.push(task);
    const seq = this.effects.audit('task.created', actor, {
      taskId: id,
      title: task.title,
      ownerEmail: task.ownerEmail,
      dueDate: task.dueDate,
      requirementIds: task.requirementIds,
      source:
        source.kind === 'finding' ? { kind: 'finding', findingId: source.findingId } : { kind: source.kind },
      ...(links && { links: links.map((l) => ({ ...l })) }),
    });
    this.effects.email(
      seq,
      task.ownerEmail,
      `[${this.options.programLabel}] New remediation task: ${task.title}`,
      `You own the remediation task "${task.title}", due ${task.dueDate}.`,
    );
    return task;
  }

  complete(taskId: string, completedOn: CalendarDate, evidence: Evidence[], actor: string): void {
    const task = this.requireOpen(taskId);
    task.status = 'DONE';
    task.completedOn = completedOn;
    task.evidence.push(...evidence);
    this.effects.audit('task.completed', actor, {
      taskId,
      completedOn,
      evidence: evidence.map((e) => ({ title: e.title, uri: e.uri })),
    });
  }

  attachEvidence(taskId: string, evidence: Evidence, actor: string): void {
    const task = this.get(taskId);
    if (!task || task.status !== 'OPEN') return; // signals cannot be rejected; late evidence is simply ignored
    task.evidence.push(evidence);
    this.effects.audit('task.evidence-attached', actor, { taskId, title: evidence.title, uri: evidence.uri });
  }

  reassign(taskId: string, ownerEmail: string, dueDate: CalendarDate | undefined, actor: string): void {
    const task = this.requireOpen(taskId);
    const previousOwner = task.ownerEmail;
    task.ownerEmail = ownerEmail;
    const seq = this.effects.audit('task.reassigned', actor, { taskId, from: previousOwner, to: ownerEmail });
    if (dueDate !== undefined && dueDate !== task.dueDate) this.moveDueDate(task, dueDate, actor);
    if (ownerEmail !== previousOwner) {
      this.effects.email(
        seq,
        ownerEmail,
        `[${this.options.programLabel}] Remediation task assigned to you: ${task.title}`,
        `You now own the remediation task "${task.title}", due ${task.dueDate}.`,
      );
    }
  }

  /** A new due date re-arms reminders and the overdue escalation. */
  moveDueDate(task: RemediationTaskState, dueDate: CalendarDate, actor: string | null): void {
    this.effects.audit('due-date.changed', actor, {
      taskId: task.id,
      what: 'remediation-task',
      from: task.dueDate,
      to: dueDate,
    });
    task.dueDate = dueDate;
    task.remindersSent = [];
    task.escalated = false;
  }

  cancel(taskId: string, reason: string, actor: string | null): void {
    const task = this.requireOpen(taskId);
    task.status = 'CANCELLED';
    task.cancelReason = reason;
    this.effects.audit('task.cancelled', actor, { taskId, reason });
  }

  overdue(today: CalendarDate): RemediationTaskState[] {
    return this.open().filter((t) => today > t.dueDate);
  }

  /**
   * Sends what is due on `today`: at most one reminder per task (the most urgent one reached; earlier ones that were
   * skipped, e.g. for a task created a week before its due date, are marked sent) and the escalation once overdue.
   */
  tick(today: CalendarDate): void {
    for (const task of this.open()) {
      if (today > task.dueDate) {
        if (!task.escalated) {
          task.escalated = true;
          const seq = this.effects.audit('escalation.sent', null, {
            taskId: task.id,
            reason: 'remediation-task-overdue',
            dueDate: task.dueDate,
            ownerEmail: task.ownerEmail,
          });
          this.effects.email(
            seq,
            this.options.escalateTo(),
            `[${this.options.programLabel}] Overdue remediation task: ${task.title}`,
            `The remediation task "${task.title}" owned by ${task.ownerEmail} was due ${task.dueDate} and is still open.`,
          );
        }
        continue;
      }
      const reached = reminderDates(task.dueDate, this.options.reminderDaysBefore).filter(
        (r) => r.on <= today && !task.remindersSent.includes(r.daysBefore),
      );
      const latest = reached.at(-1);
      if (!latest) continue;
      task.remindersSent.push(...reached.map((r) => r.daysBefore));
      const seq = this.effects.audit('reminder.sent', null, {
        taskId: task.id,
        daysBefore: latest.daysBefore,
        dueDate: task.dueDate,
        to: task.ownerEmail,
      });
      this.effects.email(
        seq,
        task.ownerEmail,
        `[${this.options.programLabel}] Reminder: "${task.title}" is due ${task.dueDate}`,
        `The remediation task "${task.title}" is due in ${latest.daysBefore} day(s), on ${task.dueDate}.`,
      );
    }
  }

  /** The next day on which `tick` has something to do, after `today`. */
  nextWakeUp(today: CalendarDate): CalendarDate | undefined {
    let next: CalendarDate | undefined;
    for (const task of this.open()) {
      const candidates = [
        ...reminderDates(task.dueDate, this.options.reminderDaysBefore)
          .filter((r) => !task.remindersSent.includes(r.daysBefore))
          .map((r) => r.on),
        ...(task.escalated ? [] : [addDays(task.dueDate, 1)]),
      ].filter((d) => d > today);
      for (const d of candidates) if (next === undefined || d < next) next = d;
    }
    return next;
  }

  /** Finished tasks are in the audit trail; a new run carries only what is still open. */
  compact(): RemediationTaskState[] {
    return this.open();
  }
}
