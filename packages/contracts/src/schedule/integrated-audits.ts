import { combinedAuditDays, MAX_INTEGRATION_REDUCTION_PERCENT } from '../audit-time.js';
import { fromCents, toCents } from '../audit-cost.js';
import type { CalendarDate } from '../calendar-date.js';
import { byText, epochDay, type ScheduleItem, type ScheduleProgram } from './schedule-items.js';

/** ISO audits a certification body can combine into one visit (IAF MD 11). */
export const combinableAuditKinds: readonly string[] = [
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
];

export interface SuggestionOptions {
  today: CalendarDate;
  /** Audits planned at most this many days apart are candidates. */
  windowDays: number;
  /** The integration level the organisation claims; IAF MD 11 caps the reduction at 20 %. */
  integrationReductionPercent: number;
}

export const defaultSuggestionOptions = { windowDays: 120, integrationReductionPercent: 20 } as const;

export interface IntegratedAuditPart {
  itemId: string;
  programId: string;
  programName: string;
  /** The workflow action's audit kind. */
  audit: string;
  cycle: number;
  plannedOn: CalendarDate;
  earliest: CalendarDate | null;
  deadline: CalendarDate | null;
  days: number | null;
}

export interface IntegratedAuditSuggestion {
  /** Stable for the same pair of audits: accepting names it. */
  id: string;
  certificationBody: string;
  /** One day that meets both audits' windows and deadlines. */
  date: CalendarDate;
  /** The range of days that would do, for a planner who prefers another one. */
  window: { from: CalendarDate; to: CalendarDate };
  audits: [IntegratedAuditPart, IntegratedAuditPart];
  /** Null when either audit's days are not known yet. */
  separateDays: number | null;
  combinedDays: number | null;
  daysSaved: number | null;
  appliedReductionPercent: number;
  /** The claimed integration asked for more than IAF MD 11's 20 %. */
  capped: boolean;
  /** Days saved × the programs' day rate; null when rates or currencies are unknown or differ. */
  costSaved: number | null;
  currency: string | null;
  reason: string;
}

const later = (a: CalendarDate, b: CalendarDate) => (a > b ? a : b);
const earlier = (a: CalendarDate, b: CalendarDate) => (a < b ? a : b);

/** An open ISO audit the CB still has to hold, with the day it is planned for (scheduled, else due). */
function part(item: ScheduleItem): IntegratedAuditPart | undefined {
  if (item.held || !combinableAuditKinds.includes(item.kind)) return undefined;
  const plannedOn = item.scheduled ?? item.due ?? item.deadline;
  if (!plannedOn) return undefined;
  return {
    itemId: item.id,
    programId: item.programId,
    programName: item.programName,
    audit: item.kind,
    cycle: item.cycle,
    plannedOn,
    earliest: item.earliest,
    deadline: item.deadline,
    days: item.plannedDays,
  };
}

/**
 * The day to propose: the later of the two planned days (neither team loses preparation time), pulled back into
 * the range both audits allow. Undefined when no day meets both: such a pair is never offered.
 */
export function combinedAuditWindow(
  a: IntegratedAuditPart,
  b: IntegratedAuditPart,
  today: CalendarDate,
): { date: CalendarDate; from: CalendarDate; to: CalendarDate } | undefined {
  const from = [a.earliest, b.earliest].reduce<CalendarDate>((d, e) => (e ? later(d, e) : d), today);
  const deadlines = [a.deadline, b.deadline].filter((d): d is CalendarDate => d !== null);
  const target = later(a.plannedOn, b.plannedOn);
  const to = deadlines.length ? deadlines.reduce(earlier) : target > from ? target : from;
  if (from > to) return undefined;
  return { date: target < from ? from : target > to ? to : target, from, to };
}

function saving(
  a: IntegratedAuditPart,
  b: IntegratedAuditPart,
  programs: Map<string, ScheduleProgram>,
  reductionPercent: number,
) {
  const requested = Math.max(0, Math.floor(reductionPercent));
  const applied = Math.min(requested, MAX_INTEGRATION_REDUCTION_PERCENT);
  if (a.days === null || b.days === null) {
    return {
      separateDays: null,
      combinedDays: null,
      daysSaved: null,
      appliedReductionPercent: applied,
      capped: requested > MAX_INTEGRATION_REDUCTION_PERCENT,
      costSaved: null,
      currency: null,
    };
  }
  const combined = combinedAuditDays([a.days, b.days], requested);
  const daysSaved = combined.summedDays - combined.days;
  const pa = programs.get(a.programId);
  const pb = programs.get(b.programId);
  const priced =
    pa?.dailyRate != null && pb?.dailyRate != null && pa.currency !== null && pa.currency === pb.currency;
  // Each program saves its share of the days at its own rate (the rates usually match: same CB).
  const costSaved = priced
    ? fromCents(
        Math.round(
          (daysSaved * (a.days * toCents(pa.dailyRate!) + b.days * toCents(pb.dailyRate!))) /
            (a.days + b.days),
        ),
      )
    : null;
  return {
    separateDays: combined.summedDays,
    combinedDays: combined.days,
    daysSaved,
    appliedReductionPercent: combined.appliedReductionPercent,
    capped: combined.capped,
    costSaved,
    currency: priced ? pa.currency : null,
  };
}

/**
 * Integrated-audit suggestions: two ISO programs with the same certification body whose open audits are planned
 * within `windowDays` of each other, on a day that meets both audits' windows and deadlines. A pair already
 * scheduled on the same day is already combined; an audit appears in one suggestion at most (the closest pair).
 */
export function integratedAuditSuggestions(
  programs: readonly ScheduleProgram[],
  items: readonly ScheduleItem[],
  options: SuggestionOptions,
): IntegratedAuditSuggestion[] {
  const byId = new Map(programs.map((p) => [p.id, p]));
  const bodyOf = (id: string) => {
    const p = byId.get(id);
    return p?.kind === 'ISO_CERTIFICATION' ? p.certificationBody?.trim() || null : null;
  };
  const parts = items.flatMap((i) => {
    const p = bodyOf(i.programId) ? part(i) : undefined;
    return p ? [p] : [];
  });
  // Pairs only form inside one certification body, so the parts are grouped by it first.
  const byBody = new Map<string, IntegratedAuditPart[]>();
  for (const p of parts) {
    const key = bodyOf(p.programId)!.toLowerCase();
    const group = byBody.get(key);
    if (group) group.push(p);
    else byBody.set(key, [p]);
  }
  const scheduledOf = new Map(items.map((i) => [i.id, i.scheduled]));
  const candidates: { a: IntegratedAuditPart; b: IntegratedAuditPart; gap: number }[] = [];
  for (const group of byBody.values()) {
    const days = group.map((p) => epochDay(p.plannedOn));
    for (const [i, a] of group.entries()) {
      for (let j = i + 1; j < group.length; j++) {
        const b = group[j]!;
        if (a.programId === b.programId) continue;
        const gap = Math.abs(days[i]! - days[j]!);
        const scheduled = scheduledOf.get(a.itemId);
        const alreadyCombined = scheduled != null && scheduled === scheduledOf.get(b.itemId);
        if (gap <= options.windowDays && !alreadyCombined) candidates.push({ a, b, gap });
      }
    }
  }
  candidates.sort(
    (x, y) => x.gap - y.gap || byText(x.a.itemId, y.a.itemId) || byText(x.b.itemId, y.b.itemId),
  );
  const used = new Set<string>();
  const suggestions: IntegratedAuditSuggestion[] = [];
  for (const { a, b } of candidates) {
    if (used.has(a.itemId) || used.has(b.itemId)) continue;
    const window = combinedAuditWindow(a, b, options.today);
    if (!window) continue;
    used.add(a.itemId).add(b.itemId);
    const [first, second] = a.itemId < b.itemId ? [a, b] : [b, a];
    const figures = saving(first, second, byId, options.integrationReductionPercent);
    suggestions.push({
      id: `${first.itemId}+${second.itemId}`,
      certificationBody: bodyOf(a.programId)!,
      date: window.date,
      window: { from: window.from, to: window.to },
      audits: [first, second],
      ...figures,
      reason:
        `${first.audit} of ${first.programName} (${first.plannedOn}) and ${second.audit} of ${second.programName} ` +
        `(${second.plannedOn}) are with ${bodyOf(a.programId)}: one combined audit on ${window.date} meets both deadlines.`,
    });
  }
  return suggestions.sort((x, y) => byText(x.date, y.date) || byText(x.id, y.id));
}
