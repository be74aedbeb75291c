import { addDays, type CalendarDate } from '../calendar-date.js';
import {
  byText,
  externalAuditKinds,
  isoWeekOf,
  type ScheduleItem,
  type ScheduleProgram,
} from './schedule-items.js';

/** A SOC 2 program's coverage as the read model holds it. */
export interface ScheduleSoc2Coverage {
  programId: string;
  reports: { type: 'TYPE1' | 'TYPE2'; end: CalendarDate; issuedOn: CalendarDate }[];
  bridgeLetters: { issuedOn: CalendarDate; from: CalendarDate; to: CalendarDate }[];
  /** `to` null: the gap is still open. */
  gaps: { from: CalendarDate; to: CalendarDate | null; planned: boolean }[];
  /** The period under observation now, with the day its report is due. */
  currentPeriod: { end: CalendarDate; reportDue: CalendarDate } | null;
}

/** An open remediation task (done and cancelled tasks never overload anyone). */
export interface ScheduleTask {
  programId: string;
  id: string;
  ownerEmail: string;
  dueDate: CalendarDate;
}

export interface ConflictOptions {
  today: CalendarDate;
  /** More open tasks than this due in one ISO week for one owner is a conflict. */
  ownerWeeklyTaskLimit: number;
  /** A bridge letter ending within this many days with no report in sight is a conflict. */
  bridgeLetterWarningDays: number;
}

export const defaultConflictOptions = { ownerWeeklyTaskLimit: 5, bridgeLetterWarningDays: 45 } as const;

export const conflictKinds = [
  'audits-same-week',
  'audit-after-deadline',
  'soc2-coverage-gap',
  'bridge-letter-expiring',
  'owner-overloaded',
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

export interface ScheduleConflict {
  /** Stable for the same clash, so the web app can highlight it and the what-if can say what it adds or removes. */
  id: string;
  kind: ConflictKind;
  reason: string;
  programIds: string[];
  /** Timeline items involved. */
  itemIds: string[];
  /** The day (or first day of the week) it concerns. */
  date: CalendarDate;
  /** The rule broken, for deadlines. */
  rule?: string;
  ownerEmail?: string;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const body = (p: ScheduleProgram | undefined) => p?.certificationBody?.trim().toLowerCase() || null;

/** Audits of the organisation booked (not yet held) in the same ISO week by different programs. */
function sameWeekAudits(items: readonly ScheduleItem[], programs: Map<string, ScheduleProgram>) {
  const weeks = new Map<string, ScheduleItem[]>();
  for (const item of items) {
    if (item.held || !item.scheduled || !externalAuditKinds.includes(item.kind)) continue;
    const week = isoWeekOf(item.scheduled);
    const booked = weeks.get(week);
    if (booked) booked.push(item);
    else weeks.set(week, [item]);
  }
  const conflicts: ScheduleConflict[] = [];
  for (const [week, booked] of weeks) {
    // Audits on the same day by the same body are one combined audit, not a clash.
    const visits = unique(
      booked.map((i) => `${i.scheduled}|${body(programs.get(i.programId)) ?? i.programId}`),
    );
    if (unique(booked.map((i) => i.programId)).length < 2 || visits.length < 2) continue;
    conflicts.push({
      id: `audits-same-week:${week}`,
      kind: 'audits-same-week',
      reason: `${booked.length} audits in week ${week}: ${booked.map((i) => `${i.kind} of ${i.programName} on ${i.scheduled}`).join(', ')}.`,
      programIds: unique(booked.map((i) => i.programId)),
      itemIds: booked.map((i) => i.id),
      date: booked.map((i) => i.scheduled!).sort()[0]!,
    });
  }
  return conflicts;
}

const lateReasons: Readonly<Record<string, string>> = {
  surveillance1: 'after its 12-month limit',
  surveillance2: 'after its surveillance limit',
  recertification: 'after the certificate expires',
  stage2: 'past the validity of Stage 1',
  'extension-stage2': 'past the validity of the added standard’s Stage 1',
  fieldwork: 'after the fieldwork is due',
};

/** A scheduled date past the deadline the item must meet (possible after an override or a changed policy). */
function lateAudits(items: readonly ScheduleItem[]): ScheduleConflict[] {
  return items
    .filter((i) => !i.held && i.scheduled && i.mustMeet && i.scheduled > i.mustMeet.date)
    .map((i) => ({
      id: `audit-after-deadline:${i.id}`,
      kind: 'audit-after-deadline' as const,
      reason: `${i.kind} of ${i.programName} is scheduled on ${i.scheduled}, ${lateReasons[i.kind] ?? 'after its deadline'} (${i.mustMeet!.date}).`,
      programIds: [i.programId],
      itemIds: [i.id],
      date: i.scheduled!,
      rule: i.mustMeet!.rule,
    }));
}

function soc2Coverage(
  coverage: readonly ScheduleSoc2Coverage[],
  programs: Map<string, ScheduleProgram>,
  options: ConflictOptions,
): ScheduleConflict[] {
  const conflicts: ScheduleConflict[] = [];
  for (const c of coverage) {
    const name = programs.get(c.programId)?.name ?? c.programId;
    for (const gap of c.gaps) {
      if (gap.to !== null && gap.to < options.today) continue; // a closed gap in the past is history
      conflicts.push({
        id: `soc2-coverage-gap:${c.programId}:${gap.from}`,
        kind: 'soc2-coverage-gap',
        reason: gap.to
          ? `${name}: no SOC 2 report or bridge letter covers ${gap.from} to ${gap.to}${gap.planned ? ' (planned between periods)' : ''}.`
          : `${name}: no SOC 2 report or bridge letter covers the days since ${gap.from}.`,
        programIds: [c.programId],
        itemIds: [],
        date: gap.from,
      });
    }
    const latest = [...c.bridgeLetters].sort((a, b) => byText(a.to, b.to)).at(-1);
    if (
      !latest ||
      latest.to < options.today ||
      latest.to > addDays(options.today, options.bridgeLetterWarningDays)
    )
      continue;
    const reportSince = c.reports.some((r) => r.type === 'TYPE2' && r.issuedOn > latest.issuedOn);
    const reportInTime = c.currentPeriod !== null && c.currentPeriod.reportDue <= latest.to;
    if (reportSince || reportInTime) continue;
    conflicts.push({
      id: `bridge-letter-expiring:${c.programId}:${latest.to}`,
      kind: 'bridge-letter-expiring',
      reason: c.currentPeriod
        ? `${name}: the bridge letter ends on ${latest.to} and the next report is only due ${c.currentPeriod.reportDue}.`
        : `${name}: the bridge letter ends on ${latest.to} and no observation period is under way.`,
      programIds: [c.programId],
      itemIds: [],
      date: latest.to,
    });
  }
  return conflicts;
}

/** One owner's open tasks due in one ISO week: what the overload rule counts (PostgreSQL can count it too). */
export interface ScheduleTaskLoad {
  /** Lower-cased. */
  ownerEmail: string;
  /** `2027-W05`. */
  week: string;
  count: number;
  firstDue: CalendarDate;
  programIds: string[];
}

/** Open tasks counted per owner (case-insensitive) and ISO week. */
export function taskLoads(tasks: readonly ScheduleTask[]): ScheduleTaskLoad[] {
  const groups = new Map<string, ScheduleTaskLoad>();
  for (const task of tasks) {
    const ownerEmail = task.ownerEmail.toLowerCase();
    const week = isoWeekOf(task.dueDate);
    const key = `${ownerEmail}|${week}`;
    const load = groups.get(key);
    if (!load) {
      groups.set(key, { ownerEmail, week, count: 1, firstDue: task.dueDate, programIds: [task.programId] });
      continue;
    }
    load.count += 1;
    if (task.dueDate < load.firstDue) load.firstDue = task.dueDate;
    if (!load.programIds.includes(task.programId)) load.programIds.push(task.programId);
  }
  return [...groups.values()];
}

/** A control owner with more open tasks due in one ISO week than the limit (across all programs). */
function overloadedOwners(loads: readonly ScheduleTaskLoad[], options: ConflictOptions): ScheduleConflict[] {
  return loads
    .filter((load) => load.count > options.ownerWeeklyTaskLimit)
    .map((load) => ({
      id: `owner-overloaded:${load.ownerEmail}:${load.week}`,
      kind: 'owner-overloaded' as const,
      reason: `${load.ownerEmail} has ${load.count} tasks due in week ${load.week} (limit ${options.ownerWeeklyTaskLimit}).`,
      programIds: [...load.programIds].sort(byText),
      itemIds: [],
      date: load.firstDue,
      ownerEmail: load.ownerEmail,
    }));
}

/** Every conflict of the combined schedule, by date. */
export function scheduleConflicts(
  input: {
    programs: readonly ScheduleProgram[];
    items: readonly ScheduleItem[];
    coverage: readonly ScheduleSoc2Coverage[];
    tasks: readonly ScheduleTask[];
    /** Already counted (by the database); otherwise counted from `tasks`. */
    taskLoads?: readonly ScheduleTaskLoad[] | undefined;
  },
  options: ConflictOptions,
): ScheduleConflict[] {
  const programs = new Map(input.programs.map((p) => [p.id, p]));
  return [
    ...sameWeekAudits(input.items, programs),
    ...lateAudits(input.items),
    ...soc2Coverage(input.coverage, programs, options),
    ...overloadedOwners(input.taskLoads ?? taskLoads(input.tasks), options),
  ].sort((a, b) => byText(a.date, b.date) || byText(a.id, b.id));
}
