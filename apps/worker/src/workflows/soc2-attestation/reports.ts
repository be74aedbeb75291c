import {
  addDays,
  addMonths,
  type ControlExceptionInput,
  controlExceptionInputSchema,
  type IssueBridgeLetterInput,
  issueBridgeLetterInputSchema,
  monthWindowEnd,
  opinionGivesAssurance,
  type RecordControlExceptionInput,
  recordControlExceptionInputSchema,
  type RecordReportInput,
  recordReportInputSchema,
  type Soc2BridgeLetter,
  type Soc2ReportRecord,
} from '@certflow/contracts';
import type { z } from 'zod';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject, violates } from '../shared/rejected-action.js';
import type { Soc2Context } from './soc2-context.js';

/**
 * What the service auditor and management issue: Type I and Type II reports, bridge letters, and the control
 * exceptions observed during a period or reported, each of which becomes a remediation task.
 */

export function checkRecordReport(c: Soc2Context, raw: RecordReportInput) {
  const input = parseOrReject(recordReportInputSchema, raw);
  const { stage, period, typeI } = c.state;
  if (input.reportType === 'TYPE1') {
    if (!typeI) reject('No Type I examination is scheduled.', conflict('not-scheduled'));
    if (typeI.report)
      reject(
        `The Type I report is already recorded (issued ${typeI.report.issuedOn}).`,
        conflict('already-recorded'),
      );
    if (input.issuedOn < typeI.asOf) {
      reject(
        `A Type I report as of ${typeI.asOf} cannot be issued before that date (${input.issuedOn}).`,
        violates('date-order', 'issuedOn'),
      );
    }
  } else {
    if (stage !== 'REPORTING' || !period?.fieldworkCompletedOn) {
      reject(
        `The Type II report is recorded once fieldwork is complete; the program is in ${stage}.`,
        conflict('action-not-in-stage'),
      );
    }
    if (input.issuedOn < period.fieldworkCompletedOn) {
      reject(
        `The report cannot be issued (${input.issuedOn}) before fieldwork ended (${period.fieldworkCompletedOn}).`,
        violates('date-order', 'issuedOn'),
      );
    }
  }
  c.notAfterToday(input.issuedOn, 'The issue date', 'issuedOn');
  c.checkExceptionDueDates(input.exceptions, 'exceptions');
  return input;
}

export function applyRecordReport(c: Soc2Context, raw: RecordReportInput): void {
  const input = checkRecordReport(c, raw);
  const { actor, issuedOn, opinion } = input;
  const typeII = input.reportType === 'TYPE2';
  const period = c.state.period!;
  const asOf = c.state.typeI?.asOf ?? issuedOn;
  const record: Soc2ReportRecord = {
    type: input.reportType,
    periodNumber: typeII ? period.number : 0,
    start: typeII ? period.start : asOf,
    end: typeII ? period.end : asOf,
    issuedOn,
    opinion,
    exceptionCount: input.exceptions.length,
  };
  const seq = c.effects.audit('report.issued', actor, {
    type: record.type,
    period: record.periodNumber,
    start: record.start,
    end: record.end,
    issuedOn,
    opinion,
    exceptions: record.exceptionCount,
  });
  if (!opinionGivesAssurance(opinion)) {
    c.effects.email(
      seq,
      c.state.programManagerEmail,
      `[${c.label}] ${record.type === 'TYPE1' ? 'Type I' : 'Type II'} report issued with a ${opinion.toLowerCase()} opinion`,
      `The service auditor's report for ${record.start}..${record.end} carries a ${opinion.toLowerCase()} opinion; it gives customers no assurance.`,
    );
  }
  for (const exception of input.exceptions)
    raiseException(c, record.periodNumber, 'report', issuedOn, exception, actor);
  if (!typeII) {
    c.state.typeI = { asOf, report: record };
    return;
  }
  c.state.reports.push(record);
  const following = c.followingPeriod()!;
  c.state.period = following;
  delete c.state.nextPeriodPlan;
  // Overrides of the reported period stay: a bridge letter for it is issued in the next run.
  c.state.overrides = c.state.overrides.filter((o) => o.periodNumber >= period.number);
  c.state.missedDeadlines = [];
  // A planned gap: the next period has not started yet, so the program waits for it as before the first one.
  const waiting = following.start > c.today;
  c.setStage(
    waiting ? 'REMEDIATION' : 'OBSERVATION',
    actor,
    `Type II report for period ${period.number} issued`,
  );
  c.transition = { kind: 'next-period' };
}

// ---- bridge letters ---------------------------------------------------------------------------------------

export function checkIssueBridgeLetter(c: Soc2Context, raw: IssueBridgeLetterInput) {
  const input = parseOrReject(issueBridgeLetterInputSchema, raw);
  const last = c.lastTypeII();
  if (!last)
    reject(
      'A bridge letter extends an issued Type II report; none has been issued yet.',
      conflict('action-not-in-stage'),
    );
  if (c.state.stage === 'ENDED') reject('The program has ended.', conflict('program-ended'));
  c.notAfterToday(input.issuedOn, 'The issue date', 'issuedOn');
  if (input.issuedOn < last.issuedOn) {
    reject(
      `A bridge letter extends the report issued on ${last.issuedOn}; it cannot be dated earlier (${input.issuedOn}).`,
      violates('date-order', 'issuedOn'),
    );
  }
  const from = addDays(last.end, 1);
  if (input.coversTo < from)
    reject(
      `A bridge letter covers days from ${from}; ${input.coversTo} is earlier.`,
      violates('date-order', 'coversTo'),
    );
  if (c.bridgeLettersToIssueDate && input.coversTo > input.issuedOn) {
    reject(
      `A bridge letter speaks only for days up to its own issue date (${input.issuedOn}); it cannot cover through ${input.coversTo}.`,
      violates('bridge-letter-to-issue-date', 'coversTo'),
    );
  }
  const following = c.state.period?.number === last.periodNumber + 1 ? c.state.period : null;
  const followingEnd = following?.end ?? c.windowEnd(addDays(last.end, 1), c.config.periodMonths);
  if (input.coversTo > followingEnd) {
    reject(
      `A bridge letter cannot reach past the end of the next observation period (${followingEnd}); its report takes over.`,
      violates('bridge-letter-period-end', 'coversTo'),
    );
  }
  const maxTo = c.monthWindows
    ? monthWindowEnd(from, c.config.bridgeLetterMaxMonths)
    : addDays(addMonths(from, c.config.bridgeLetterMaxMonths), -1);
  if (input.coversTo > maxTo && !c.hasOverride('bridge-letter-length', last.periodNumber)) {
    reject(
      `A bridge letter may cover at most ${c.config.bridgeLetterMaxMonths} months (through ${maxTo}); record an override with a justification to cover longer.`,
      violates('bridge-letter-length', 'coversTo', 'bridge-letter-length'),
    );
  }
  const previous = c.state.bridgeLetters
    .filter((b) => b.afterPeriod === last.periodNumber)
    .map((b) => b.to)
    .sort()
    .at(-1);
  if (previous && input.coversTo <= previous)
    reject(
      `An earlier bridge letter already covers through ${previous}.`,
      violates('bridge-letter-overlap', 'coversTo'),
    );
  return { ...input, from, afterPeriod: last.periodNumber };
}

export function applyIssueBridgeLetter(c: Soc2Context, raw: IssueBridgeLetterInput): void {
  const input = checkIssueBridgeLetter(c, raw);
  const letter: Soc2BridgeLetter = {
    afterPeriod: input.afterPeriod,
    issuedOn: input.issuedOn,
    from: input.from,
    to: input.coversTo,
  };
  c.state.bridgeLetters.push(letter);
  c.effects.audit('bridge-letter.issued', input.actor, { ...letter });
}

// ---- control exceptions -----------------------------------------------------------------------------------

export function checkRecordControlException(c: Soc2Context, raw: RecordControlExceptionInput) {
  const input = parseOrReject(recordControlExceptionInputSchema, raw);
  const { stage, period } = c.state;
  if (!period || stage === 'READINESS' || stage === 'REMEDIATION' || stage === 'ENDED') {
    reject(
      'Control exceptions are recorded against a running observation period; none is running.',
      conflict('action-not-in-stage'),
    );
  }
  c.notAfterToday(input.observedOn, 'The observation date', 'observedOn');
  if (input.observedOn < period.start) {
    reject(
      `The exception was observed (${input.observedOn}) before observation period ${period.number} started (${period.start}).`,
      violates('date-order', 'observedOn'),
    );
  }
  c.checkExceptionDueDates([input], 'dueDate');
  return input;
}

export function applyRecordControlException(c: Soc2Context, raw: RecordControlExceptionInput): void {
  const input = checkRecordControlException(c, raw);
  const period = c.state.period!;
  const periodNumber = input.observedOn <= period.end ? period.number : period.number + 1;
  raiseException(c, periodNumber, 'observation', input.observedOn, input, input.actor);
}

function raiseException(
  c: Soc2Context,
  periodNumber: number,
  source: 'observation' | 'report',
  observedOn: string,
  input: ControlExceptionInput | z.output<typeof controlExceptionInputSchema>,
  actor: string,
): void {
  const id = c.nextId();
  const requirementIds = input.requirementIds ?? [];
  const links = c.linksFor(requirementIds);
  c.effects.audit('finding.raised', actor, {
    findingId: id,
    kind: 'control-exception',
    period: periodNumber,
    source,
    description: input.description,
    requirementIds,
    observedOn,
  });
  const task = c.tasks.create(
    c.nextId(),
    {
      title: `Remediate control exception: ${input.description}`.slice(0, 200),
      ownerEmail: input.ownerEmail ?? c.state.programManagerEmail,
      dueDate: input.dueDate ?? addDays(c.today, c.config.exceptionRemediationDays),
      requirementIds,
    },
    { kind: 'finding', findingId: id },
    actor,
    links,
  );
  c.state.exceptions.push({
    id,
    periodNumber,
    source,
    description: input.description,
    requirementIds,
    observedOn,
    taskId: task.id,
    ...(links && { links }),
  });
}
