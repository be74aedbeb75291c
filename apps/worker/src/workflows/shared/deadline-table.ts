import { addDays, type CalendarDate } from '@certflow/contracts';

/**
 * One place per program kind that says, for each stage, what is due by when and what a miss does. The calendar
 * (`tick`), the timer (`nextWakeUp`) and the detail view (`nextMilestone`) all read the same table, so a new
 * deadline is written once instead of in three switch statements that must agree.
 *
 * A deadline's `due` is the last day still in time: the workflow wakes at 00:00 UTC the day after and, if the
 * deadline is still `pending`, applies `onMiss`.
 */
export interface Deadline<P> {
  /** Stable name, used in `deadline.missed` events and at-risk reasons. */
  key: string;
  /** Shown as the next milestone while this is the earliest thing the stage waits for; omitted: never shown. */
  milestone?: string;
  due(program: P): CalendarDate | undefined;
  /** Whether a passed due date still counts as a miss (e.g. majors still open, no override); default: yes. */
  pending?(program: P): boolean;
  /** What a miss does. `'stop'` when it replaced the stage, so nothing else of the old stage applies today. */
  onMiss(program: P, due: CalendarDate, today: CalendarDate): void | 'stop';
}

export interface StageDeadlines<P> {
  /** What the stage is planned to do next (a scheduled audit), shown before any deadline. */
  planned?(program: P): { kind: string; due: CalendarDate | undefined } | undefined;
  deadlines: readonly Deadline<P>[];
}

export type DeadlineTable<P, Stage extends string> = Partial<Record<Stage, StageDeadlines<P>>>;

export interface Milestone {
  kind: string;
  due: CalendarDate;
}

/** Applies every miss of `stage` reached by `today`, in table order; true when one of them stopped the tick. */
export function applyMissedDeadlines<P, Stage extends string>(
  table: DeadlineTable<P, Stage>,
  stage: Stage,
  program: P,
  today: CalendarDate,
): boolean {
  for (const deadline of table[stage]?.deadlines ?? []) {
    const due = deadline.due(program);
    if (due === undefined || today <= due || !(deadline.pending?.(program) ?? true)) continue;
    if (deadline.onMiss(program, due, today) === 'stop') return true;
  }
  return false;
}

/** The days after `stage`'s due dates, when a miss may have to be applied. */
export function deadlineWakeUps<P, Stage extends string>(
  table: DeadlineTable<P, Stage>,
  stage: Stage,
  program: P,
): CalendarDate[] {
  return (table[stage]?.deadlines ?? []).flatMap((d) => {
    const due = d.due(program);
    return due === undefined ? [] : [addDays(due, 1)];
  });
}

/** The planned step of `stage`, else its first deadline (in table order) that has a milestone and a date. */
export function stageMilestone<P, Stage extends string>(
  table: DeadlineTable<P, Stage>,
  stage: Stage,
  program: P,
): Milestone | null {
  const rules = table[stage];
  if (!rules) return null;
  const planned = rules.planned?.(program);
  if (planned?.due) return { kind: planned.kind, due: planned.due };
  for (const d of rules.deadlines) {
    const due = d.milestone ? d.due(program) : undefined;
    if (d.milestone && due) return { kind: d.milestone, due };
  }
  return null;
}

/** The earliest candidate strictly after `today`. */
export function earliestAfter(
  today: CalendarDate,
  candidates: (CalendarDate | undefined)[],
): CalendarDate | undefined {
  return candidates.filter((d): d is CalendarDate => d !== undefined && d > today).sort()[0];
}
