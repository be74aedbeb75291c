import { addDays, type CalendarDate } from './calendar-date.js';

/**
 * Leadership's dashboard rules (docs/adr/0019): how ready each framework is and which milestones are at risk.
 * Pure, so the API, the bench and any later report compute them alike.
 */

export interface ReadinessCounts {
  /** Assessable requirements of the framework in scope. */
  requirements: number;
  implemented: number;
  partial: number;
  notApplicable: number;
}

/**
 * Share of the applicable requirements implemented, as a whole percentage rounded down (99.6 % is not 100 %
 * ready); null when no requirement applies.
 */
export function readinessPercent(counts: ReadinessCounts): number | null {
  const applicable = counts.requirements - counts.notApplicable;
  if (applicable <= 0) return null;
  return Math.floor((counts.implemented * 100) / applicable);
}

/** A deadline this close with nothing scheduled is at risk: there is barely time to book an auditor. */
export const UNSCHEDULED_RISK_DAYS = 30;
export const NEXT_DAYS = 90;

export const milestoneRisks = ['overdue', 'scheduled-after-deadline', 'deadline-near-unscheduled'] as const;
export type MilestoneRisk = (typeof milestoneRisks)[number];

export interface DatedMilestone {
  deadline: CalendarDate | null;
  scheduled: CalendarDate | null;
  /** When it took place; a milestone that happened is never at risk. */
  actual: CalendarDate | null;
}

/** Why a milestone not yet done is at risk on `today`, or null. */
export function milestoneRisk(m: DatedMilestone, today: CalendarDate): MilestoneRisk | null {
  if (m.actual !== null || m.deadline === null) return null;
  if (m.deadline < today) return 'overdue';
  if (m.scheduled !== null && m.scheduled > m.deadline) return 'scheduled-after-deadline';
  if (m.scheduled === null && m.deadline <= addDays(today, UNSCHEDULED_RISK_DAYS)) {
    return 'deadline-near-unscheduled';
  }
  return null;
}

/** The last day of the "next 90 days" window starting on `today` (inclusive). */
export const nextDaysEnd = (today: CalendarDate): CalendarDate => addDays(today, NEXT_DAYS);
