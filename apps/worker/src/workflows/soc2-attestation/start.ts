import {
  addDays,
  type CalendarDate,
  observationPeriod,
  reportingDeadlines,
  type Soc2AttestationProgramInput,
  type Soc2PeriodState,
  type Soc2ProgramState,
} from '@certflow/contracts';
import { monthsSpanned, type Soc2Context } from './soc2-context.js';

/**
 * Where a SOC 2 program starts: with a readiness assessment, inside an observation period already under way, or
 * after a report already issued (the next period and any bridge letter follow from it).
 */

export function initialSoc2State(input: Soc2AttestationProgramInput, today: CalendarDate): Soc2ProgramState {
  const state: Soc2ProgramState = {
    programId: input.programId,
    organizationId: input.organizationId,
    programManagerEmail: input.programManagerEmail,
    config: input.config,
    settings: input.settings,
    stage: 'READINESS',
    today,
    startDate: input.startDate,
    readinessDue: addDays(input.startDate, input.config.readinessDays),
    ...(input.firstPeriodStart ? { firstPeriodStart: input.firstPeriodStart } : {}),
    period: null,
    reports: [],
    bridgeLetters: [],
    exceptions: [],
    tasks: [],
    overrides: [],
    coverage: {
      from: null,
      through: today,
      days: { covered: 0, bridged: 0, pending: 0, gap: 0 },
      segments: [],
    },
    atRisk: false,
    atRiskReasons: [],
    nextMilestone: null,
    lastEventSequence: 0,
    missedDeadlines: [],
    alertsRaised: [],
  };
  const { currentPeriod, lastReport } = input;
  if (!currentPeriod && !lastReport) return { ...state, origin: 'readiness' };

  const period = (number: number, start: CalendarDate, end: CalendarDate): Soc2PeriodState => ({
    number,
    start,
    end,
    months: monthsSpanned(start, end),
    ...reportingDeadlines(end, input.config),
  });
  const reports = lastReport
    ? [
        {
          type: 'TYPE2' as const,
          periodNumber: 1,
          start: lastReport.periodStart,
          end: lastReport.periodEnd,
          issuedOn: lastReport.issuedOn,
          opinion: lastReport.opinion,
          exceptionCount: 0,
        },
      ]
    : [];
  const number = lastReport ? 2 : 1;
  const running = currentPeriod
    ? period(number, currentPeriod.start, currentPeriod.end)
    : (() => {
        const start = addDays(lastReport!.periodEnd, 1);
        const months = input.config.periodMonths;
        // Back to back after the reported period, by the same month rule as every other period.
        return { ...period(number, start, observationPeriod(start, months).end), months };
      })();
  return {
    ...state,
    origin: currentPeriod && !lastReport ? 'current-period' : 'last-report',
    stage: running.start <= today ? 'OBSERVATION' : 'REMEDIATION',
    firstPeriodStart: lastReport?.periodStart ?? running.start,
    period: running,
    reports,
  };
}

/** The first events of a new program; a program started mid-stream also records the period it joined. */
export function beginSoc2Program(c: Soc2Context, input: Soc2AttestationProgramInput): void {
  const s = c.state;
  c.effects.audit('program.started', null, {
    frameworks: ['soc2'],
    startDate: input.startDate,
    readinessDue: s.readinessDue,
    firstPeriodStart: input.firstPeriodStart ?? null,
    periodMonths: input.config.periodMonths,
    cpaFirm: input.config.cpaFirm ?? null,
    ...(s.origin !== 'readiness' && s.origin !== undefined && { origin: s.origin }),
  });
  const last = s.reports[0];
  if (last) {
    c.effects.audit('report.issued', null, {
      type: 'TYPE2',
      period: last.periodNumber,
      start: last.start,
      end: last.end,
      issuedOn: last.issuedOn,
      opinion: last.opinion,
      exceptions: 0,
      imported: true,
    });
  }
  const p = s.period;
  if (p && s.stage === 'OBSERVATION') {
    c.effects.audit('cycle.started', null, {
      period: p.number,
      start: p.start,
      end: p.end,
      months: p.months,
    });
  }
}
