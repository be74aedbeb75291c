import {
  addDays,
  type CompleteFieldworkInput,
  completeFieldworkInputSchema,
  type CompleteReadinessAssessmentInput,
  completeReadinessAssessmentInputSchema,
  type PlanNextPeriodInput,
  planNextPeriodInputSchema,
  type ScheduleFieldworkInput,
  scheduleFieldworkInputSchema,
  type ScheduleTypeIInput,
  scheduleTypeIInputSchema,
} from '@certflow/contracts';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject, violates } from '../shared/rejected-action.js';
import { plannedFieldwork } from './settings.js';
import type { Soc2Context } from './soc2-context.js';

/**
 * The periods of a SOC 2 program: the readiness assessment that fixes the first one, the optional Type I, the
 * fieldwork after each period, and the plan of the next period when it does not simply follow.
 */

// ---- readiness --------------------------------------------------------------------------------------------

export function checkCompleteReadinessAssessment(c: Soc2Context, raw: CompleteReadinessAssessmentInput) {
  const input = parseOrReject(completeReadinessAssessmentInputSchema, raw);
  if (c.state.stage !== 'READINESS') {
    reject(
      `The readiness assessment is already complete; the program is in ${c.state.stage}.`,
      conflict('already-recorded'),
    );
  }
  c.notAfterToday(input.completedOn, 'The completion date', 'completedOn');
  if (input.completedOn < c.state.startDate) {
    reject(
      `The readiness assessment cannot finish (${input.completedOn}) before the program started (${c.state.startDate}).`,
      violates('date-order', 'completedOn'),
    );
  }
  const early = input.gaps.find((g) => g.dueDate < input.completedOn);
  if (early)
    reject(
      `Task "${early.title}" is due ${early.dueDate}, before the readiness assessment finished.`,
      violates('date-order', 'gaps'),
    );
  const start = input.firstPeriodStart ?? c.state.firstPeriodStart;
  if (!start)
    reject(
      'Give the start date of the first observation period (firstPeriodStart).',
      violates('first-period-start-required', 'firstPeriodStart'),
    );
  if (start < input.completedOn) {
    reject(
      `The first observation period cannot start (${start}) before the readiness assessment finished (${input.completedOn}); give a later firstPeriodStart.`,
      violates('date-order', 'firstPeriodStart'),
    );
  }
  return { ...input, firstPeriodStart: start };
}

export function applyCompleteReadinessAssessment(
  c: Soc2Context,
  raw: CompleteReadinessAssessmentInput,
): void {
  const input = checkCompleteReadinessAssessment(c, raw);
  const { actor } = input;
  c.state.readinessCompletedOn = input.completedOn;
  c.effects.audit('audit.completed', actor, {
    audit: 'readiness',
    lastDay: input.completedOn,
    gaps: input.gaps.length,
  });
  for (const gap of input.gaps) {
    c.tasks.create(c.nextId(), gap, { kind: 'gap-assessment' }, actor, c.linksFor(gap.requirementIds));
  }
  c.state.firstPeriodStart = input.firstPeriodStart;
  const period = c.newPeriod(1, input.firstPeriodStart, c.config.firstPeriodMonths ?? c.config.periodMonths);
  c.state.period = period;
  c.effects.audit('audit.scheduled', actor, {
    audit: 'observation-period',
    period: 1,
    start: period.start,
    end: period.end,
    fieldworkDue: period.fieldworkDue,
    reportDue: period.reportDue,
  });
  c.setStage('REMEDIATION', actor, 'readiness assessment completed');
}

// ---- Type I -----------------------------------------------------------------------------------------------

export function checkScheduleTypeI(c: Soc2Context, raw: ScheduleTypeIInput) {
  const input = parseOrReject(scheduleTypeIInputSchema, raw);
  const { stage, period, typeI } = c.state;
  if (stage === 'READINESS' || !period)
    reject(
      'Complete the readiness assessment before scheduling a Type I examination.',
      conflict('action-not-in-stage'),
    );
  if (
    c.state.reports.length > 0 ||
    period.number !== 1 ||
    (stage !== 'REMEDIATION' && stage !== 'OBSERVATION')
  ) {
    reject(
      'A Type I examination is only scheduled before the first observation period ends.',
      conflict('action-not-in-stage'),
    );
  }
  if (typeI?.report)
    reject(
      `The Type I report is already recorded (issued ${typeI.report.issuedOn}).`,
      conflict('already-recorded'),
    );
  if (input.asOf < c.today)
    reject(`The Type I date ${input.asOf} is in the past.`, violates('date-in-the-past', 'asOf'));
  if (typeI?.asOf === input.asOf)
    reject(`The Type I examination is already scheduled as of ${input.asOf}.`, conflict('no-change'));
  if (input.asOf > period.end) {
    reject(
      `A Type I as of ${input.asOf} would fall after the first observation period ends (${period.end}).`,
      violates('type1-within-first-period', 'asOf'),
    );
  }
  return input;
}

export function applyScheduleTypeI(c: Soc2Context, raw: ScheduleTypeIInput): void {
  const input = checkScheduleTypeI(c, raw);
  const previous = c.state.typeI?.asOf ?? null;
  c.state.typeI = { asOf: input.asOf };
  c.effects.audit('audit.scheduled', input.actor, { audit: 'type1', date: input.asOf, previous });
}

// ---- fieldwork --------------------------------------------------------------------------------------------

export function checkScheduleFieldwork(c: Soc2Context, raw: ScheduleFieldworkInput) {
  const input = parseOrReject(scheduleFieldworkInputSchema, raw);
  const { stage, period } = c.state;
  if (!period || stage === 'READINESS' || stage === 'REMEDIATION') {
    reject(
      'Fieldwork is scheduled for an observation period; none has started yet.',
      conflict('action-not-in-stage'),
    );
  }
  if (stage === 'REPORTING')
    reject(
      `Fieldwork for period ${period.number} is already complete (${period.fieldworkCompletedOn}).`,
      conflict('already-recorded'),
    );
  if (stage === 'ENDED') reject('The program has ended.', conflict('program-ended'));
  if (input.startsOn <= period.end) {
    reject(
      `Fieldwork for a Type II period starts after the period ends (${period.end}); ${input.startsOn} is too early.`,
      violates('fieldwork-after-period', 'startsOn'),
    );
  }
  if (input.startsOn < c.today)
    reject(`The fieldwork date ${input.startsOn} is in the past.`, violates('date-in-the-past', 'startsOn'));
  if (period.fieldworkScheduledOn === input.startsOn)
    reject(`Fieldwork is already scheduled to start on ${input.startsOn}.`, conflict('no-change'));
  if (input.startsOn > period.fieldworkDue && !c.hasOverride('fieldwork-window', period.number)) {
    reject(
      `Fieldwork must start by ${period.fieldworkDue} (${c.config.fieldworkWithinWeeks} weeks after the period ends); record an override with a justification to plan it later.`,
      violates('fieldwork-window', 'startsOn', 'fieldwork-window'),
    );
  }
  return input;
}

export function applyScheduleFieldwork(c: Soc2Context, raw: ScheduleFieldworkInput): void {
  const input = checkScheduleFieldwork(c, raw);
  const period = c.state.period!;
  const previous = period.fieldworkScheduledOn ?? null;
  period.fieldworkScheduledOn = input.startsOn;
  c.effects.audit('audit.scheduled', input.actor, {
    audit: 'fieldwork',
    period: period.number,
    date: input.startsOn,
    previous,
  });
}

export function checkCompleteFieldwork(c: Soc2Context, raw: CompleteFieldworkInput) {
  const input = parseOrReject(completeFieldworkInputSchema, raw);
  const { stage, period } = c.state;
  if (stage === 'OBSERVATION' && period)
    reject(
      `Fieldwork is completed after the observation period ends (${period.end}).`,
      conflict('action-not-in-stage'),
    );
  if (stage === 'REPORTING' && period) {
    reject(
      `Fieldwork for period ${period.number} is already complete (${period.fieldworkCompletedOn}).`,
      conflict('already-recorded'),
    );
  }
  if (stage !== 'FIELDWORK' || !period)
    reject(`No fieldwork is under way while the program is in ${stage}.`, conflict('action-not-in-stage'));
  if (!period.fieldworkScheduledOn) reject('Fieldwork was never scheduled.', conflict('not-scheduled'));
  if (input.lastDay < period.fieldworkScheduledOn) {
    reject(
      `Fieldwork cannot end (${input.lastDay}) before it was scheduled to start (${period.fieldworkScheduledOn}).`,
      violates('date-order', 'lastDay'),
    );
  }
  c.notAfterToday(input.lastDay, 'The last day of fieldwork', 'lastDay');
  return input;
}

export function applyCompleteFieldwork(c: Soc2Context, raw: CompleteFieldworkInput): void {
  const input = checkCompleteFieldwork(c, raw);
  const period = c.state.period!;
  period.fieldworkCompletedOn = input.lastDay;
  period.planned = plannedFieldwork(c);
  c.effects.audit('audit.completed', input.actor, {
    audit: 'fieldwork',
    period: period.number,
    lastDay: input.lastDay,
  });
  c.setStage('REPORTING', input.actor, 'fieldwork completed');
}

// ---- the next period --------------------------------------------------------------------------------------

export function checkPlanNextPeriod(c: Soc2Context, raw: PlanNextPeriodInput) {
  const input = parseOrReject(planNextPeriodInputSchema, raw);
  const { period, stage } = c.state;
  if (!period || stage === 'READINESS' || stage === 'ENDED')
    reject('There is no observation period to plan a next one after.', conflict('action-not-in-stage'));
  const following = c.followingPeriod()!;
  if (following.start <= c.today) {
    reject(
      `Observation period ${following.number} already started on ${following.start}.`,
      conflict('already-started'),
    );
  }
  const earliest = addDays(period.end, 1);
  if (input.start < earliest) {
    reject(
      `Period ${following.number} cannot start before period ${period.number} ends; the earliest start is ${earliest}.`,
      violates('period-order', 'start'),
    );
  }
  if (input.start <= c.today)
    reject(`The next period must start after today (${c.today}).`, violates('date-in-the-past', 'start'));
  return { ...input, number: following.number, earliest };
}

/** Plans the period after the attested one; days left between the two are a coverage gap, reported now. */
export function applyPlanNextPeriod(c: Soc2Context, raw: PlanNextPeriodInput): void {
  const input = checkPlanNextPeriod(c, raw);
  c.state.nextPeriodPlan = { start: input.start, months: input.months };
  const next = c.followingPeriod()!;
  const gap = input.start > input.earliest ? { from: input.earliest, to: addDays(input.start, -1) } : null;
  c.effects.audit('period.planned', input.actor, {
    period: next.number,
    start: next.start,
    end: next.end,
    months: next.months,
    reason: input.reason,
    gap,
  });
  if (gap) {
    const seq = c.effects.audit('coverage.alert', null, { alert: 'gap-planned', from: gap.from, to: gap.to });
    c.effects.email(
      seq,
      c.state.programManagerEmail,
      `[${c.label}] Coverage gap planned from ${gap.from} to ${gap.to}`,
      `Observation period ${next.number} starts on ${next.start}; no SOC 2 period covers ${gap.from}..${gap.to}.`,
    );
  }
}
