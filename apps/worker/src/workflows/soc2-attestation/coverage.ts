import {
  addDays,
  addMonths,
  bridgedDays,
  bridgeLetterWindow,
  type CalendarDate,
  computeCoverage,
  type Coverage,
  type CoveragePeriod,
  type CoverageSegment,
  daysBetween,
  gapsBetweenPeriods,
  type Soc2BridgeLetter,
} from '@certflow/contracts';
import type { Soc2Context } from './soc2-context.js';

/**
 * Which days customers have assurance for: reported periods, bridge letters, periods still running or awaiting
 * their report, and gaps (days no period, report or valid bridge letter covers), reported with their date range.
 */

function knownPeriods(c: Soc2Context, today: CalendarDate): CoveragePeriod[] {
  // `reports` holds only Type II reports (a Type I is kept in `typeI`).
  const periods: CoveragePeriod[] = c.state.reports.map((r) => ({
    start: r.start,
    end: r.end,
    opinion: r.opinion,
    reportDue: r.end,
  }));
  const p = c.state.period;
  if (p) {
    periods.push({ start: p.start, end: p.end, reportDue: p.reportDue });
    const following = c.followingPeriod();
    if (following && today >= following.start) {
      periods.push({ start: following.start, end: following.end, reportDue: following.reportDue });
    }
  }
  return periods;
}

export function coverage(c: Soc2Context, today: CalendarDate): Coverage {
  const p = c.state.period;
  const letters = c.state.bridgeLetters.map((b) => (c.bridgeLettersToIssueDate ? bridgedDays(b) : b));
  return computeCoverage({
    from: p ? (c.state.firstPeriodStart ?? p.start) : null,
    periods: knownPeriods(c, today),
    bridgeLetters: letters,
    asOf: today,
  });
}

/** Gaps between the periods already known (reported, running and planned) that end after today. */
export function plannedGaps(c: Soc2Context, today: CalendarDate): CoverageSegment[] {
  const p = c.state.period;
  if (!p) return [];
  const periods = [
    ...c.state.reports.map((r) => ({ start: r.start, end: r.end })),
    { start: p.start, end: p.end },
    ...(c.followingPeriod() ? [c.followingPeriod()!] : []),
  ];
  return gapsBetweenPeriods(periods).filter((g) => g.to >= today);
}

/**
 * Before `soc2-bridge-letter-to-issue-date`: the latest bridge letter running out within the warning window. Since:
 * the span bridge letters may cover after the last report, ending within the warning window. No report can have
 * taken over the day after yet: a Type II report is recorded only after its period ended, so while today is still
 * inside the span, the period holding the day after it has no report.
 */
export function expiringBridge(
  c: Soc2Context,
  today: CalendarDate,
): { from: CalendarDate; to: CalendarDate } | undefined {
  const span = c.bridgeLettersToIssueDate ? bridgeSpan(c) : latestLetter(c);
  if (!span) return undefined;
  if (today > span.to || today < addDays(span.to, -c.config.bridgeLetterWarningDays)) return undefined;
  return span;
}

/** Each letter reaches further than the ones before it (checkIssueBridgeLetter), so the last one issued. */
function latestLetter(c: Soc2Context): Soc2BridgeLetter | undefined {
  return c.state.bridgeLetters.at(-1);
}

/** The days bridge letters may cover after the last Type II report (only once one has been issued). */
function bridgeSpan(c: Soc2Context): { from: CalendarDate; to: CalendarDate } | undefined {
  const last = c.lastTypeII();
  if (!last || !c.state.bridgeLetters.some((b) => b.afterPeriod === last.periodNumber)) return undefined;
  const following = c.state.period?.number === last.periodNumber + 1 ? c.state.period : null;
  const followingEnd = following?.end ?? c.windowEnd(addDays(last.end, 1), c.config.periodMonths);
  const window = bridgeLetterWindow(last.end, followingEnd, c.config.bridgeLetterMaxMonths);
  return { from: window.from, to: window.latestTo };
}

/** Days worth a wake-up for the coverage alerts (a bridging span's warning day and the day after it ends). */
export function coverageWakeUps(c: Soc2Context): CalendarDate[] {
  const spans = c.bridgeLettersToIssueDate
    ? [bridgeSpan(c)].filter((s) => s !== undefined)
    : c.state.bridgeLetters;
  return spans.flatMap((s) => [addDays(s.to, -c.config.bridgeLetterWarningDays), addDays(s.to, 1)]);
}

/** Alerts a gap once when it begins (with its planned end when known), and a bridging span about to run out. */
export function raiseCoverageAlerts(c: Soc2Context, today: CalendarDate): void {
  const planned = plannedGaps(c, today);
  for (const gap of coverage(c, today).segments.filter((seg) => seg.kind === 'gap')) {
    const to = planned.find((g) => g.from === gap.from)?.to ?? gap.to;
    alert(
      c,
      `gap:${gap.from}`,
      { alert: 'gap', from: gap.from, to },
      `Coverage gap from ${gap.from}`,
      `No SOC 2 report or bridge letter covers ${gap.from}..${to}.`,
    );
  }
  const expiring = expiringBridge(c, today);
  if (expiring) {
    alert(
      c,
      `bridge-expiring:${expiring.to}`,
      { alert: 'bridge-letter-expiring', from: expiring.from, to: expiring.to },
      `Bridge letter runs out on ${expiring.to}`,
      `The bridge letter covering ${expiring.from}..${expiring.to} runs out and no report takes over from ${addDays(expiring.to, 1)}.`,
    );
  }
}

function alert(
  c: Soc2Context,
  key: string,
  payload: { [k: string]: string },
  subject: string,
  text: string,
): void {
  if (c.state.alertsRaised.includes(key)) return;
  c.state.alertsRaised.push(key);
  const seq = c.effects.audit('coverage.alert', null, payload);
  c.effects.email(seq, c.state.programManagerEmail, `[${c.label}] ${subject}`, text);
}

/** Days of gap that still flag the program: an old gap stops flagging a year after it closed. */
export function recentGapDays(coverageNow: Coverage, today: CalendarDate): number {
  const recent = addMonths(today, -12);
  return coverageNow.segments
    .filter((seg) => seg.kind === 'gap' && seg.to >= recent)
    .reduce((sum, seg) => sum + daysBetween(seg.from, seg.to) + 1, 0);
}
