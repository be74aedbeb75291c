import { type CalendarDate, daysBetween } from '../calendar-date.js';
import {
  type CombinedSchedule,
  combinedSchedule,
  plannedCostByYear,
  type ScheduleInput,
  type ScheduleOptions,
} from './combined-schedule.js';
import type { ScheduleConflict } from './conflicts.js';
import type { IntegratedAuditSuggestion } from './integrated-audits.js';
import { deadlineRules, earliestRules, type ScheduleItem, scheduleItemId } from './schedule-items.js';

/** Audits and assessments are moved by scheduling them; deadlines and decisions follow from them. */
export const movableCategories: readonly string[] = ['audit', 'assessment'];

export interface ScheduleMove {
  itemId: string;
  date: CalendarDate;
}

export interface WhatIfRefusal {
  rule: string;
  message: string;
}

export interface WhatIfResult {
  item: ScheduleItem;
  from: CalendarDate | null;
  to: CalendarDate;
  /** The rules the workflow would apply to this date (empty: it would accept it, all else equal). */
  refusals: WhatIfRefusal[];
  /** Deadlines the moved item would miss, with the days late. */
  missedDeadlines: { itemId: string; rule: string; deadline: CalendarDate; daysLate: number }[];
  conflictsAdded: ScheduleConflict[];
  conflictsRemoved: ScheduleConflict[];
  suggestions: IntegratedAuditSuggestion[];
  cost: { before: { year: number; cost: number }[]; after: { year: number; cost: number }[] };
  schedule: CombinedSchedule;
}

export class UnknownScheduleItemError extends Error {
  constructor(
    readonly itemId: string,
    readonly why: 'unknown' | 'not-movable',
  ) {
    super(
      why === 'unknown'
        ? `No item ${itemId} in the schedule.`
        : `Item ${itemId} is a deadline or decision; move the audit it follows from instead.`,
    );
  }
}

/**
 * The rules a workflow applies when an audit is scheduled, checked against the windows and deadlines it already
 * computed with the shared date functions: never in the past, not before its window opens, not after its deadline.
 * The workflow stays the judge when the change is made (it also knows prerequisites and overrides).
 */
export function schedulingRefusals(
  item: ScheduleItem,
  date: CalendarDate,
  today: CalendarDate,
): WhatIfRefusal[] {
  const refusals: WhatIfRefusal[] = [];
  if (item.held)
    refusals.push({
      rule: 'already-recorded',
      message: `${item.kind} already took place on ${item.actual}.`,
    });
  if (date < today) refusals.push({ rule: 'date-in-the-past', message: `${date} is in the past.` });
  if (item.earliest && date < item.earliest) {
    refusals.push({
      rule: earliestRules[item.kind] ?? 'earliest',
      message: `${item.kind} cannot be held before ${item.earliest}.`,
    });
  }
  if (item.deadline && date > item.deadline) {
    refusals.push({
      rule: deadlineRules[item.kind] ?? 'deadline',
      message: `${item.kind} must take place by ${item.deadline}.`,
    });
  }
  return refusals;
}

/** What the schedule would look like with one audit moved; the input is left untouched. */
export function whatIf(input: ScheduleInput, move: ScheduleMove, options: ScheduleOptions): WhatIfResult {
  const before = combinedSchedule(input, options);
  const item = before.items.find((i) => i.id === move.itemId);
  if (!item) throw new UnknownScheduleItemError(move.itemId, 'unknown');
  if (!movableCategories.includes(item.category))
    throw new UnknownScheduleItemError(move.itemId, 'not-movable');
  const milestones = input.milestones.map((m) =>
    scheduleItemId(m.programId, m.cycle, m.kind) === move.itemId ? { ...m, scheduled: move.date } : m,
  );
  const after = combinedSchedule({ ...input, milestones }, options);
  const moved = after.items.find((i) => i.id === move.itemId)!;
  const beforeIds = new Set(before.conflicts.map((c) => c.id));
  const afterIds = new Set(after.conflicts.map((c) => c.id));
  return {
    item: moved,
    from: item.scheduled ?? item.date,
    to: move.date,
    refusals: schedulingRefusals(item, move.date, options.today),
    missedDeadlines:
      moved.mustMeet && move.date > moved.mustMeet.date
        ? [
            {
              itemId: moved.id,
              rule: moved.mustMeet.rule,
              deadline: moved.mustMeet.date,
              daysLate: daysBetween(moved.mustMeet.date, move.date),
            },
          ]
        : [],
    conflictsAdded: after.conflicts.filter((c) => !beforeIds.has(c.id)),
    conflictsRemoved: before.conflicts.filter((c) => !afterIds.has(c.id)),
    suggestions: after.suggestions,
    cost: { before: plannedCostByYear(before.items), after: plannedCostByYear(after.items) },
    schedule: after,
  };
}
