import {
  type ConflictOptions,
  type ScheduleConflict,
  scheduleConflicts,
  type ScheduleSoc2Coverage,
  type ScheduleTask,
  type ScheduleTaskLoad,
} from './conflicts.js';
import {
  type IntegratedAuditSuggestion,
  integratedAuditSuggestions,
  type SuggestionOptions,
} from './integrated-audits.js';
import {
  type ScheduleItem,
  scheduleItems,
  type ScheduleMilestone,
  type ScheduleProgram,
} from './schedule-items.js';

export interface ScheduleInput {
  programs: readonly ScheduleProgram[];
  milestones: readonly ScheduleMilestone[];
  coverage: readonly ScheduleSoc2Coverage[];
  /** Open tasks (the calendar feed lists them); may be empty when `taskLoads` are given. */
  tasks: readonly ScheduleTask[];
  /** The open tasks already counted per owner and ISO week, e.g. by PostgreSQL. */
  taskLoads?: readonly ScheduleTaskLoad[] | undefined;
}

export type ScheduleOptions = ConflictOptions & Omit<SuggestionOptions, 'today'>;

export interface CombinedSchedule {
  items: ScheduleItem[];
  conflicts: ScheduleConflict[];
  suggestions: IntegratedAuditSuggestion[];
}

/** The whole schedule of the given programs: items, conflicts and integrated-audit suggestions. */
export function combinedSchedule(input: ScheduleInput, options: ScheduleOptions): CombinedSchedule {
  const items = scheduleItems(input.programs, input.milestones);
  return {
    items,
    conflicts: scheduleConflicts({ ...input, items }, options),
    suggestions: integratedAuditSuggestions(input.programs, items, options),
  };
}

/** Planned audit cost per calendar year of the items' dates (held audits count where they took place). */
export function plannedCostByYear(items: readonly ScheduleItem[]): { year: number; cost: number }[] {
  const cents = new Map<number, number>();
  for (const item of items) {
    if (item.plannedCost === null || item.date === null) continue;
    const year = Number(item.date.slice(0, 4));
    cents.set(year, (cents.get(year) ?? 0) + Math.round(item.plannedCost * 100));
  }
  return [...cents].sort(([a], [b]) => a - b).map(([year, c]) => ({ year, cost: c / 100 }));
}
