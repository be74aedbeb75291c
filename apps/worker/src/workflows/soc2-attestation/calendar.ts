import { addDays, type CalendarDate, type Soc2Milestone, type Soc2Stage } from '@certflow/contracts';
import {
  applyMissedDeadlines,
  type Deadline,
  type DeadlineTable,
  deadlineWakeUps,
  earliestAfter,
  stageMilestone,
} from '../shared/deadline-table.js';
import { coverage, coverageWakeUps, expiringBridge, raiseCoverageAlerts, recentGapDays } from './coverage.js';
import { soc2Patches } from './patches.js';
import type { Soc2Context } from './soc2-context.js';

/**
 * The SOC 2 program's calendar: per stage, the day that moves it on (a period starts, a period ends) or the
 * deadline it may miss (readiness, fieldwork start, report). `tick`, `nextWakeUp` and `nextMilestone` all read
 * this one table; coverage alerts are checked on every tick whatever the stage.
 */

const report = (milestone?: string): Deadline<Soc2Context> => ({
  key: 'report',
  ...(milestone && { milestone }),
  due: (c) => c.state.period?.reportDue,
  onMiss(c, due) {
    const p = c.state.period!;
    c.missDeadline('report', due, `The SOC 2 report for ${p.start}..${p.end} was due by ${due}.`);
  },
});

const pendingTypeI = (c: Soc2Context) =>
  c.state.typeI && !c.state.typeI.report ? c.state.typeI.asOf : undefined;

export const soc2Deadlines: DeadlineTable<Soc2Context, Soc2Stage> = {
  READINESS: {
    deadlines: [
      {
        key: 'readiness',
        milestone: 'readiness-due',
        due: (c) => c.state.readinessDue,
        onMiss: (c, due) => c.missDeadline('readiness', due, `The readiness assessment was due ${due}.`),
      },
    ],
  },
  REMEDIATION: {
    planned(c) {
      const p = c.state.period;
      const typeI = pendingTypeI(c);
      return typeI && p && typeI < p.start
        ? { kind: 'type1-as-of', due: typeI }
        : { kind: 'observation-start', due: p?.start };
    },
    deadlines: [
      {
        // Not a miss: the day before the period starts has passed, so observation begins.
        key: 'observation-start',
        due: (c) => (c.state.period ? addDays(c.state.period.start, -1) : undefined),
        onMiss(c) {
          const p = c.state.period!;
          c.effects.audit('cycle.started', null, {
            period: p.number,
            start: p.start,
            end: p.end,
            months: p.months,
          });
          c.setStage('OBSERVATION', null, `observation period ${p.number} started`);
        },
      },
    ],
  },
  OBSERVATION: {
    planned(c) {
      const p = c.state.period;
      const typeI = pendingTypeI(c);
      return typeI && p && typeI <= p.end
        ? { kind: 'type1-as-of', due: typeI }
        : { kind: 'observation-end', due: p?.end };
    },
    deadlines: [
      {
        // Not a miss: the period is over and fieldwork is due; the next period starts unless a gap was planned.
        key: 'observation-end',
        due: (c) => c.state.period?.end,
        onMiss(c, _due, today) {
          const p = c.state.period!;
          const seq = c.setStage('FIELDWORK', null, `observation period ${p.number} ended`);
          if (seq !== undefined && c.isPatched(soc2Patches.periodEndNotice)) {
            c.effects.email(
              seq,
              c.state.programManagerEmail,
              `[${c.label}] Observation period ${p.number} ended`,
              `Observation period ${p.number} (${p.start}..${p.end}) has ended. Fieldwork must start by ${p.fieldworkDue}; the report is expected by ${p.reportDue}.`,
            );
          }
          const next = c.followingPeriod()!;
          if (next.start <= today) {
            c.effects.audit('cycle.started', null, {
              period: next.number,
              start: next.start,
              end: next.end,
              months: next.months,
            });
          }
        },
      },
    ],
  },
  FIELDWORK: {
    planned: (c) => ({ kind: 'fieldwork', due: c.state.period?.fieldworkScheduledOn }),
    deadlines: [
      {
        key: 'fieldwork',
        milestone: 'fieldwork-due',
        due: (c) => c.state.period?.fieldworkDue,
        pending(c) {
          const p = c.state.period!;
          const today = c.today;
          return !(
            p.fieldworkCompletedOn !== undefined ||
            (p.fieldworkScheduledOn !== undefined && p.fieldworkScheduledOn <= today) ||
            c.hasOverride('fieldwork-window', p.number)
          );
        },
        onMiss(c, due) {
          const p = c.state.period!;
          c.missDeadline(
            'fieldwork',
            due,
            `Fieldwork for period ${p.number} (${p.start}..${p.end}) was due to start by ${due}.`,
          );
        },
      },
      report(),
    ],
  },
  REPORTING: { deadlines: [report('report-due')] },
};

/** Applies everything that became due on or before today; a stage reached today applies its own table too. */
export function tick(c: Soc2Context): void {
  const today = c.today;
  c.tasks.tick(today);
  if (c.state.stage === 'ENDED') return;
  let stage = c.state.stage;
  for (;;) {
    applyMissedDeadlines(soc2Deadlines, stage, c, today);
    if (c.state.stage === stage) break;
    stage = c.state.stage;
  }
  raiseCoverageAlerts(c, today);
}

/** The next day on which `tick` may change something (strictly after today). */
export function nextWakeUp(c: Soc2Context): CalendarDate | undefined {
  const { stage } = c.state;
  const coverageDays = stage === 'ENDED' ? [] : coverageWakeUps(c);
  return earliestAfter(c.today, [
    c.tasks.nextWakeUp(c.today),
    ...deadlineWakeUps(soc2Deadlines, stage, c),
    ...coverageDays,
  ]);
}

export function nextMilestone(c: Soc2Context): Soc2Milestone | null {
  return stageMilestone(soc2Deadlines, c.state.stage, c);
}

export function atRiskReasons(c: Soc2Context, today: CalendarDate): string[] {
  const reasons = c.state.missedDeadlines.map((k) => `missed:${k}`);
  const overdue = c.tasks.overdue(today).length;
  if (overdue > 0) reasons.push(`overdue-tasks:${overdue}`);
  const gapDays = recentGapDays(coverage(c, today), today);
  if (gapDays > 0) reasons.push(`coverage-gap:${gapDays}`);
  const expiring = expiringBridge(c, today);
  if (expiring) reasons.push(`bridge-letter-expiring:${expiring.to}`);
  return reasons;
}
