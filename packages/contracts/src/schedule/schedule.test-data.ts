import type { ScheduleMilestone, ScheduleProgram } from './schedule-items.js';

/** Builders for the schedule's unit tests (not exported from the package). */
export function program(id: string, overrides: Partial<ScheduleProgram> = {}): ScheduleProgram {
  return {
    id,
    name: `Program ${id}`,
    kind: 'ISO_CERTIFICATION',
    frameworks: ['iso27001'],
    certificationBody: 'Example CB',
    dailyRate: 1400,
    currency: 'EUR',
    ...overrides,
  };
}

export function audit(
  programId: string,
  kind: string,
  overrides: Partial<ScheduleMilestone> = {},
): ScheduleMilestone {
  return {
    programId,
    cycle: 1,
    kind,
    category: 'audit',
    earliest: null,
    due: null,
    deadline: null,
    scheduled: null,
    actual: null,
    plannedDays: null,
    plannedCost: null,
    ...overrides,
  };
}
