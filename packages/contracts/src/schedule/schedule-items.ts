import type { CalendarDate } from '../calendar-date.js';
import type { ProgramKind } from '../program.js';
import type { MilestoneCategory } from '../read-model.js';

/**
 * The combined schedule's inputs and items. Everything here is pure: the API builds the inputs from the read
 * model, and the same functions answer the schedule, its conflicts, the integrated-audit suggestions and the
 * what-if (docs/adr/0018-combined-schedule.md).
 */

export interface ScheduleProgram {
  id: string;
  name: string;
  kind: ProgramKind;
  frameworks: string[];
  /** ISO: the certification body; SOC 2: the CPA firm. Suggestions pair programs with the same one. */
  certificationBody: string | null;
  /** Auditor-day cost (day rate + travel) from the program's terms, to price days saved; null when unknown. */
  dailyRate: number | null;
  currency: string | null;
}

/** One milestone row of the read model (dates as the workflow computed them with the shared date rules). */
export interface ScheduleMilestone {
  programId: string;
  cycle: number;
  kind: string;
  category: MilestoneCategory;
  earliest: CalendarDate | null;
  due: CalendarDate | null;
  deadline: CalendarDate | null;
  scheduled: CalendarDate | null;
  actual: CalendarDate | null;
  plannedDays: number | null;
  plannedCost: number | null;
}

export type ScheduleDateSource = 'actual' | 'scheduled' | 'due' | 'earliest';

export interface ScheduleItem extends ScheduleMilestone {
  /** Stable across reschedules: program, cycle and kind (also the calendar feed's UID). */
  id: string;
  programName: string;
  frameworks: string[];
  /** Where the item sits on the timeline: when it took place, else when scheduled, else when expected. */
  date: CalendarDate | null;
  dateSource: ScheduleDateSource | null;
  /** The deadline this item must meet and the rule that sets it (null: no rule-given deadline). */
  mustMeet: { date: CalendarDate; rule: string } | null;
  /** Held: it already took place. */
  held: boolean;
}

/** The rule that sets each kind's deadline (the names the workflows use in their refusals). */
export const deadlineRules: Readonly<Record<string, string>> = {
  'gap-assessment': 'gap-assessment-due',
  stage2: 'stage1-validity',
  'certification-decision': 'major-closure-deadline',
  surveillance1: 'surveillance1-due',
  surveillance2: 'surveillance2-due',
  recertification: 'certificate-expiry',
  'certificate-expiry': 'certificate-expiry',
  restoration: 'restoration-window',
  suspension: 'suspension-ends',
  'extension-stage2': 'extension-stage1-validity',
  readiness: 'readiness-due',
  fieldwork: 'fieldwork-due',
  report: 'report-due',
};

/** The rule that sets each audit's first allowed day. */
export const earliestRules: Readonly<Record<string, string>> = {
  'internal-audit': 'readiness-not-before',
  'management-review': 'readiness-not-before',
  surveillance1: 'surveillance1-in-cycle',
  surveillance2: 'surveillance2-window',
  recertification: 'recertification-window',
};

/** Audits a certification body or CPA firm holds on site (internal audits and reviews are the organisation's). */
export const externalAuditKinds: readonly string[] = [
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
  'extension-stage1',
  'extension-stage2',
  'type1',
  'fieldwork',
];

export function scheduleItemId(programId: string, cycle: number, kind: string): string {
  return `${programId}:${cycle}:${kind}`;
}

function placement(m: ScheduleMilestone): {
  date: CalendarDate | null;
  dateSource: ScheduleDateSource | null;
} {
  if (m.actual) return { date: m.actual, dateSource: 'actual' };
  if (m.scheduled) return { date: m.scheduled, dateSource: 'scheduled' };
  if (m.due) return { date: m.due, dateSource: 'due' };
  if (m.earliest) return { date: m.earliest, dateSource: 'earliest' };
  return { date: null, dateSource: null };
}

export function scheduleItem(program: ScheduleProgram, m: ScheduleMilestone): ScheduleItem {
  const rule = deadlineRules[m.kind] ?? 'deadline';
  return {
    ...m,
    id: scheduleItemId(m.programId, m.cycle, m.kind),
    programName: program.name,
    frameworks: program.frameworks,
    ...placement(m),
    mustMeet: m.deadline ? { date: m.deadline, rule } : null,
    held: m.actual !== null,
  };
}

/** Every milestone of the given programs as timeline items, by date (undated last), then program and kind. */
export function scheduleItems(
  programs: readonly ScheduleProgram[],
  milestones: readonly ScheduleMilestone[],
) {
  const byId = new Map(programs.map((p) => [p.id, p]));
  return milestones
    .flatMap((m) => {
      const program = byId.get(m.programId);
      return program ? [scheduleItem(program, m)] : [];
    })
    .sort(
      (a, b) =>
        byText(a.date ?? '9999-12-31', b.date ?? '9999-12-31') ||
        byText(a.programName, b.programName) ||
        byText(a.kind, b.kind),
    );
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (already validated), without the checks of calendar-date.ts. */
export function epochDay(date: CalendarDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/**
 * ISO 8601 week of a day, written `2027-W05` (weeks start on Monday; week 1 holds the year's first Thursday).
 * Plain UTC arithmetic: it runs for every open task of an organisation on each schedule request.
 */
export function isoWeekOf(date: CalendarDate): string {
  const day = epochDay(date);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = day + 3 - weekday;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Code-point order (dates, ids): `localeCompare` would consult the locale for every comparison. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Items whose date falls inside [from, to] (either bound optional); undated items only without bounds. */
export function withinRange<T extends { date: CalendarDate | null }>(
  items: readonly T[],
  from: CalendarDate | undefined,
  to: CalendarDate | undefined,
): T[] {
  if (!from && !to) return [...items];
  return items.filter((i) => i.date !== null && (!from || i.date >= from) && (!to || i.date <= to));
}
