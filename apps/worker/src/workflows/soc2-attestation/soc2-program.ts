import {
  addDays,
  addMonths,
  type CalendarDate,
  completeFieldworkInputSchema,
  type CompleteFieldworkInput,
  completeReadinessAssessmentInputSchema,
  type CompleteReadinessAssessmentInput,
  computeCoverage,
  daysBetween,
  type ControlExceptionInput,
  type Coverage,
  type CoveragePeriod,
  endProgramInputSchema,
  type EndProgramInput,
  issueBridgeLetterInputSchema,
  type IssueBridgeLetterInput,
  nextObservationPeriod,
  observationPeriod,
  opinionGivesAssurance,
  recordControlExceptionInputSchema,
  type RecordControlExceptionInput,
  recordReportInputSchema,
  type RecordReportInput,
  reportingDeadlines,
  scheduleFieldworkInputSchema,
  type ScheduleFieldworkInput,
  scheduleTypeIInputSchema,
  type ScheduleTypeIInput,
  type Soc2AttestationProgramInput,
  type Soc2BridgeLetter,
  type Soc2Milestone,
  soc2OverrideInputSchema,
  type Soc2OverrideInput,
  type Soc2OverrideRule,
  type Soc2PeriodState,
  type Soc2ProgramState,
  type Soc2ReportRecord,
  type Soc2Stage,
} from '@certflow/contracts';
import { EffectQueue } from '../shared/effects.js';
import { parseOrReject } from '../shared/program-messages.js';
import { reject } from '../shared/rejected-action.js';
import { RemediationTaskBook } from '../shared/remediation-tasks.js';
import { soc2Patches } from './patches.js';

export type PeriodTransition = { kind: 'none' } | { kind: 'next-period' } | { kind: 'ended' };

const label = 'SOC 2 program';

/**
 * The SOC 2 Type II rules as a synchronous state machine, like `IsoProgram`: `check*` are the update validators
 * (throw `RejectedAction`, change nothing), `apply*` change state and queue effects, `tick` applies what the
 * calendar made due. Dates and coverage come from the pure helpers in @certflow/contracts (soc2-period-dates).
 *
 * A run attests one observation period (`state.period`). The next period starts, back to back, the day after it
 * ends, while fieldwork and the report of this one are still under way; the run continues as new once this
 * period's Type II report is recorded.
 */
export class Soc2Program {
  readonly effects: EffectQueue;
  readonly tasks: RemediationTaskBook;
  transition: PeriodTransition = { kind: 'none' };

  constructor(
    readonly state: Soc2ProgramState,
    private readonly clock: () => number,
    private readonly newId: () => string,
    /** `patched()` inside the workflow; everything is "patched" when the rules run outside Temporal. */
    private readonly isPatched: (patchId: string) => boolean = () => true,
  ) {
    this.effects = new EffectQueue(state.lastEventSequence, clock);
    this.tasks = new RemediationTaskBook(state.tasks, this.effects, {
      reminderDaysBefore: state.config.reminderDaysBefore,
      escalateTo: () => this.state.programManagerEmail,
      programLabel: label,
    });
  }

  static initialState(input: Soc2AttestationProgramInput, today: CalendarDate): Soc2ProgramState {
    return {
      programId: input.programId,
      organizationId: input.organizationId,
      programManagerEmail: input.programManagerEmail,
      config: input.config,
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
  }

  get today(): CalendarDate {
    return new Date(this.clock()).toISOString().slice(0, 10);
  }

  private get config() {
    return this.state.config;
  }

  snapshot(): Soc2ProgramState {
    const today = this.today;
    const coverage = this.coverage(today);
    const reasons = this.atRiskReasons(today, coverage);
    // structuredClone is not available in the workflow sandbox; the state is plain JSON anyway.
    return JSON.parse(
      JSON.stringify({
        ...this.state,
        today,
        coverage,
        lastEventSequence: this.effects.sequence,
        atRisk: reasons.length > 0,
        atRiskReasons: reasons,
        nextMilestone: this.nextMilestone(),
      }),
    ) as Soc2ProgramState;
  }

  /** State for the next run: finished tasks and their exceptions live on in the audit trail. */
  carriedState(): Soc2ProgramState {
    const snap = this.snapshot();
    snap.tasks = this.tasks.compact();
    const openTaskIds = new Set(snap.tasks.map((t) => t.id));
    snap.exceptions = snap.exceptions.filter((e) => openTaskIds.has(e.taskId));
    snap.alertsRaised = snap.alertsRaised.slice(-20);
    return snap;
  }

  // ---- bookkeeping ------------------------------------------------------------------------------------

  /** Returns the audit sequence of the change, if there was one. */
  private setStage(stage: Soc2Stage, actor: string | null, reason: string): number | undefined {
    const from = this.state.stage;
    if (from === stage) return undefined;
    this.state.stage = stage;
    return this.effects.audit('stage.changed', actor, {
      from,
      to: stage,
      reason,
      period: this.state.period?.number ?? null,
    });
  }

  private missDeadline(key: string, due: CalendarDate, message: string): void {
    if (this.state.missedDeadlines.includes(key)) return;
    this.state.missedDeadlines.push(key);
    const seq = this.effects.audit('deadline.missed', null, { deadline: key, due });
    this.effects.email(seq, this.state.programManagerEmail, `[${label}] Missed deadline: ${key}`, message);
  }

  private alert(key: string, payload: { [k: string]: string | number }, subject: string, text: string): void {
    if (this.state.alertsRaised.includes(key)) return;
    this.state.alertsRaised.push(key);
    const seq = this.effects.audit('coverage.alert', null, payload);
    this.effects.email(seq, this.state.programManagerEmail, `[${label}] ${subject}`, text);
  }

  private newPeriod(number: number, start: CalendarDate, months: 3 | 6 | 12): Soc2PeriodState {
    const { end } = observationPeriod(start, months);
    return { number, start, end, months, ...reportingDeadlines(end, this.config) };
  }

  /** The period after the attested one, once it has started (back to back). */
  private followingPeriod(): Soc2PeriodState | null {
    const p = this.state.period;
    if (!p) return null;
    const next = nextObservationPeriod(p.end, this.config.periodMonths);
    return this.newPeriod(p.number + 1, next.start, this.config.periodMonths);
  }

  private hasOverride(rule: Soc2OverrideRule, periodNumber: number): boolean {
    return this.state.overrides.some((o) => o.rule === rule && o.periodNumber === periodNumber);
  }

  private lastTypeII(): Soc2ReportRecord | undefined {
    return this.state.reports.filter((r) => r.type === 'TYPE2').at(-1);
  }

  private notAfterToday(date: CalendarDate, what: string): void {
    if (date > this.today) reject(`${what} (${date}) cannot be later than today (${this.today}).`);
  }

  private checkExceptionDueDates(
    exceptions: readonly { description: string; dueDate?: CalendarDate | undefined }[],
  ): void {
    const late = exceptions.find((e) => e.dueDate !== undefined && e.dueDate < this.today);
    if (late) reject(`The remediation of "${late.description}" cannot be due in the past (${late.dueDate}).`);
  }

  // ---- coverage ---------------------------------------------------------------------------------------

  coverage(today: CalendarDate): Coverage {
    const periods: CoveragePeriod[] = this.state.reports
      .filter((r) => r.type === 'TYPE2')
      .map((r) => ({ start: r.start, end: r.end, opinion: r.opinion, reportDue: r.end }));
    const p = this.state.period;
    if (p) {
      periods.push({ start: p.start, end: p.end, reportDue: p.reportDue });
      const following = this.followingPeriod();
      if (following && today >= following.start) {
        periods.push({ start: following.start, end: following.end, reportDue: following.reportDue });
      }
    }
    return computeCoverage({
      from: p ? (this.state.firstPeriodStart ?? p.start) : null,
      periods,
      bridgeLetters: this.state.bridgeLetters,
      asOf: today,
    });
  }

  /** The bridge letter running out within the warning window with no report taking over the day after. */
  private expiringBridgeLetter(today: CalendarDate): Soc2BridgeLetter | undefined {
    const latest = [...this.state.bridgeLetters].sort((a, b) => (a.to < b.to ? -1 : 1)).at(-1);
    if (!latest) return undefined;
    if (today > latest.to || today < addDays(latest.to, -this.config.bridgeLetterWarningDays))
      return undefined;
    const dayAfter = addDays(latest.to, 1);
    const takenOver = this.state.reports.some(
      (r) =>
        r.type === 'TYPE2' && r.start <= dayAfter && dayAfter <= r.end && opinionGivesAssurance(r.opinion),
    );
    return takenOver ? undefined : latest;
  }

  // ---- readiness --------------------------------------------------------------------------------------

  checkCompleteReadinessAssessment(raw: CompleteReadinessAssessmentInput) {
    const input = parseOrReject(completeReadinessAssessmentInputSchema, raw);
    if (this.state.stage !== 'READINESS') {
      reject(`The readiness assessment is already complete; the program is in ${this.state.stage}.`);
    }
    this.notAfterToday(input.completedOn, 'The completion date');
    if (input.completedOn < this.state.startDate) {
      reject(
        `The readiness assessment cannot finish (${input.completedOn}) before the program started (${this.state.startDate}).`,
      );
    }
    const early = input.gaps.find((g) => g.dueDate < input.completedOn);
    if (early)
      reject(`Task "${early.title}" is due ${early.dueDate}, before the readiness assessment finished.`);
    const start = input.firstPeriodStart ?? this.state.firstPeriodStart;
    if (!start) reject('Give the start date of the first observation period (firstPeriodStart).');
    if (start < input.completedOn) {
      reject(
        `The first observation period cannot start (${start}) before the readiness assessment finished (${input.completedOn}); give a later firstPeriodStart.`,
      );
    }
    return { ...input, firstPeriodStart: start };
  }

  applyCompleteReadinessAssessment(raw: CompleteReadinessAssessmentInput): void {
    const input = this.checkCompleteReadinessAssessment(raw);
    const { actor } = input;
    this.state.readinessCompletedOn = input.completedOn;
    this.effects.audit('audit.completed', actor, {
      audit: 'readiness',
      lastDay: input.completedOn,
      gaps: input.gaps.length,
    });
    for (const gap of input.gaps) this.tasks.create(this.newId(), gap, { kind: 'gap-assessment' }, actor);
    this.state.firstPeriodStart = input.firstPeriodStart;
    const period = this.newPeriod(
      1,
      input.firstPeriodStart,
      this.config.firstPeriodMonths ?? this.config.periodMonths,
    );
    this.state.period = period;
    this.effects.audit('audit.scheduled', actor, {
      audit: 'observation-period',
      period: 1,
      start: period.start,
      end: period.end,
      fieldworkDue: period.fieldworkDue,
      reportDue: period.reportDue,
    });
    this.setStage('REMEDIATION', actor, 'readiness assessment completed');
  }

  // ---- Type I -----------------------------------------------------------------------------------------

  checkScheduleTypeI(raw: ScheduleTypeIInput) {
    const input = parseOrReject(scheduleTypeIInputSchema, raw);
    const { stage, period, typeI } = this.state;
    if (stage === 'READINESS' || !period)
      reject('Complete the readiness assessment before scheduling a Type I examination.');
    if (
      this.state.reports.length > 0 ||
      period.number !== 1 ||
      (stage !== 'REMEDIATION' && stage !== 'OBSERVATION')
    ) {
      reject('A Type I examination is only scheduled before the first observation period ends.');
    }
    if (typeI?.report) reject(`The Type I report is already recorded (issued ${typeI.report.issuedOn}).`);
    if (input.asOf < this.today) reject(`The Type I date ${input.asOf} is in the past.`);
    if (typeI?.asOf === input.asOf)
      reject(`The Type I examination is already scheduled as of ${input.asOf}.`);
    if (input.asOf > period.end) {
      reject(
        `A Type I as of ${input.asOf} would fall after the first observation period ends (${period.end}).`,
      );
    }
    return input;
  }

  applyScheduleTypeI(raw: ScheduleTypeIInput): void {
    const input = this.checkScheduleTypeI(raw);
    const previous = this.state.typeI?.asOf ?? null;
    this.state.typeI = { asOf: input.asOf };
    this.effects.audit('audit.scheduled', input.actor, { audit: 'type1', date: input.asOf, previous });
  }

  // ---- fieldwork --------------------------------------------------------------------------------------

  checkScheduleFieldwork(raw: ScheduleFieldworkInput) {
    const input = parseOrReject(scheduleFieldworkInputSchema, raw);
    const { stage, period } = this.state;
    if (!period || stage === 'READINESS' || stage === 'REMEDIATION') {
      reject('Fieldwork is scheduled for an observation period; none has started yet.');
    }
    if (stage === 'REPORTING')
      reject(`Fieldwork for period ${period.number} is already complete (${period.fieldworkCompletedOn}).`);
    if (stage === 'ENDED') reject('The program has ended.');
    if (input.startsOn <= period.end) {
      reject(
        `Fieldwork for a Type II period starts after the period ends (${period.end}); ${input.startsOn} is too early.`,
      );
    }
    if (input.startsOn < this.today) reject(`The fieldwork date ${input.startsOn} is in the past.`);
    if (period.fieldworkScheduledOn === input.startsOn)
      reject(`Fieldwork is already scheduled to start on ${input.startsOn}.`);
    if (input.startsOn > period.fieldworkDue && !this.hasOverride('fieldwork-window', period.number)) {
      reject(
        `Fieldwork must start by ${period.fieldworkDue} (${this.config.fieldworkWithinWeeks} weeks after the period ends); record an override with a justification to plan it later.`,
      );
    }
    return input;
  }

  applyScheduleFieldwork(raw: ScheduleFieldworkInput): void {
    const input = this.checkScheduleFieldwork(raw);
    const period = this.state.period!;
    const previous = period.fieldworkScheduledOn ?? null;
    period.fieldworkScheduledOn = input.startsOn;
    this.effects.audit('audit.scheduled', input.actor, {
      audit: 'fieldwork',
      period: period.number,
      date: input.startsOn,
      previous,
    });
  }

  checkCompleteFieldwork(raw: CompleteFieldworkInput) {
    const input = parseOrReject(completeFieldworkInputSchema, raw);
    const { stage, period } = this.state;
    if (stage === 'OBSERVATION' && period)
      reject(`Fieldwork is completed after the observation period ends (${period.end}).`);
    if (stage === 'REPORTING' && period)
      reject(`Fieldwork for period ${period.number} is already complete (${period.fieldworkCompletedOn}).`);
    if (stage !== 'FIELDWORK' || !period)
      reject(`No fieldwork is under way while the program is in ${stage}.`);
    if (!period.fieldworkScheduledOn) reject('Fieldwork was never scheduled.');
    if (input.lastDay < period.fieldworkScheduledOn) {
      reject(
        `Fieldwork cannot end (${input.lastDay}) before it was scheduled to start (${period.fieldworkScheduledOn}).`,
      );
    }
    this.notAfterToday(input.lastDay, 'The last day of fieldwork');
    return input;
  }

  applyCompleteFieldwork(raw: CompleteFieldworkInput): void {
    const input = this.checkCompleteFieldwork(raw);
    const period = this.state.period!;
    period.fieldworkCompletedOn = input.lastDay;
    this.effects.audit('audit.completed', input.actor, {
      audit: 'fieldwork',
      period: period.number,
      lastDay: input.lastDay,
    });
    this.setStage('REPORTING', input.actor, 'fieldwork completed');
  }

  // ---- reports ----------------------------------------------------------------------------------------

  checkRecordReport(raw: RecordReportInput) {
    const input = parseOrReject(recordReportInputSchema, raw);
    const { stage, period, typeI } = this.state;
    if (input.reportType === 'TYPE1') {
      if (!typeI) reject('No Type I examination is scheduled.');
      if (typeI.report) reject(`The Type I report is already recorded (issued ${typeI.report.issuedOn}).`);
      if (input.issuedOn < typeI.asOf) {
        reject(`A Type I report as of ${typeI.asOf} cannot be issued before that date (${input.issuedOn}).`);
      }
    } else {
      if (stage !== 'REPORTING' || !period?.fieldworkCompletedOn) {
        reject(`The Type II report is recorded once fieldwork is complete; the program is in ${stage}.`);
      }
      if (input.issuedOn < period.fieldworkCompletedOn) {
        reject(
          `The report cannot be issued (${input.issuedOn}) before fieldwork ended (${period.fieldworkCompletedOn}).`,
        );
      }
    }
    this.notAfterToday(input.issuedOn, 'The issue date');
    this.checkExceptionDueDates(input.exceptions);
    return input;
  }

  applyRecordReport(raw: RecordReportInput): void {
    const input = this.checkRecordReport(raw);
    const { actor, issuedOn, opinion } = input;
    const typeII = input.reportType === 'TYPE2';
    const period = this.state.period!;
    const asOf = this.state.typeI?.asOf ?? issuedOn;
    const record: Soc2ReportRecord = {
      type: input.reportType,
      periodNumber: typeII ? period.number : 0,
      start: typeII ? period.start : asOf,
      end: typeII ? period.end : asOf,
      issuedOn,
      opinion,
      exceptionCount: input.exceptions.length,
    };
    const seq = this.effects.audit('report.issued', actor, {
      type: record.type,
      period: record.periodNumber,
      start: record.start,
      end: record.end,
      issuedOn,
      opinion,
      exceptions: record.exceptionCount,
    });
    if (!opinionGivesAssurance(opinion)) {
      this.effects.email(
        seq,
        this.state.programManagerEmail,
        `[${label}] ${record.type === 'TYPE1' ? 'Type I' : 'Type II'} report issued with a ${opinion.toLowerCase()} opinion`,
        `The service auditor's report for ${record.start}..${record.end} carries a ${opinion.toLowerCase()} opinion; it gives customers no assurance.`,
      );
    }
    for (const exception of input.exceptions) {
      this.raiseException(record.periodNumber, 'report', issuedOn, exception, actor);
    }
    if (!typeII) {
      this.state.typeI = { asOf, report: record };
      return;
    }
    this.state.reports.push(record);
    const following = this.followingPeriod()!;
    this.state.period = following;
    // Overrides of the reported period stay: a bridge letter for it is issued in the next run.
    this.state.overrides = this.state.overrides.filter((o) => o.periodNumber >= period.number);
    this.state.missedDeadlines = [];
    this.setStage('OBSERVATION', actor, `Type II report for period ${period.number} issued`);
    this.transition = { kind: 'next-period' };
  }

  // ---- bridge letters ---------------------------------------------------------------------------------

  checkIssueBridgeLetter(raw: IssueBridgeLetterInput) {
    const input = parseOrReject(issueBridgeLetterInputSchema, raw);
    const last = this.lastTypeII();
    if (!last) reject('A bridge letter extends an issued Type II report; none has been issued yet.');
    if (this.state.stage === 'ENDED') reject('The program has ended.');
    this.notAfterToday(input.issuedOn, 'The issue date');
    if (input.issuedOn < last.issuedOn) {
      reject(
        `A bridge letter extends the report issued on ${last.issuedOn}; it cannot be dated earlier (${input.issuedOn}).`,
      );
    }
    const from = addDays(last.end, 1);
    const following = this.state.period?.number === last.periodNumber + 1 ? this.state.period : null;
    const followingEnd = following?.end ?? nextObservationPeriod(last.end, this.config.periodMonths).end;
    if (input.coversTo < from)
      reject(`A bridge letter covers days from ${from}; ${input.coversTo} is earlier.`);
    if (input.coversTo > followingEnd) {
      reject(
        `A bridge letter cannot reach past the end of the next observation period (${followingEnd}); its report takes over.`,
      );
    }
    const maxTo = addDays(addMonths(from, this.config.bridgeLetterMaxMonths), -1);
    if (input.coversTo > maxTo && !this.hasOverride('bridge-letter-length', last.periodNumber)) {
      reject(
        `A bridge letter may cover at most ${this.config.bridgeLetterMaxMonths} months (through ${maxTo}); record an override with a justification to cover longer.`,
      );
    }
    const previous = this.state.bridgeLetters
      .filter((b) => b.afterPeriod === last.periodNumber)
      .map((b) => b.to)
      .sort()
      .at(-1);
    if (previous && input.coversTo <= previous)
      reject(`An earlier bridge letter already covers through ${previous}.`);
    return { ...input, from, afterPeriod: last.periodNumber };
  }

  applyIssueBridgeLetter(raw: IssueBridgeLetterInput): void {
    const input = this.checkIssueBridgeLetter(raw);
    const letter: Soc2BridgeLetter = {
      afterPeriod: input.afterPeriod,
      issuedOn: input.issuedOn,
      from: input.from,
      to: input.coversTo,
    };
    this.state.bridgeLetters.push(letter);
    this.effects.audit('bridge-letter.issued', input.actor, { ...letter });
  }

  // ---- control exceptions -----------------------------------------------------------------------------

  checkRecordControlException(raw: RecordControlExceptionInput) {
    const input = parseOrReject(recordControlExceptionInputSchema, raw);
    const { stage, period } = this.state;
    if (!period || stage === 'READINESS' || stage === 'REMEDIATION' || stage === 'ENDED') {
      reject('Control exceptions are recorded against a running observation period; none is running.');
    }
    this.notAfterToday(input.observedOn, 'The observation date');
    if (input.observedOn < period.start) {
      reject(
        `The exception was observed (${input.observedOn}) before observation period ${period.number} started (${period.start}).`,
      );
    }
    this.checkExceptionDueDates([input]);
    return input;
  }

  applyRecordControlException(raw: RecordControlExceptionInput): void {
    const input = this.checkRecordControlException(raw);
    const period = this.state.period!;
    const periodNumber = input.observedOn <= period.end ? period.number : period.number + 1;
    this.raiseException(periodNumber, 'observation', input.observedOn, input, input.actor);
  }

  private raiseException(
    periodNumber: number,
    source: 'observation' | 'report',
    observedOn: CalendarDate,
    input: ControlExceptionInput,
    actor: string,
  ): void {
    const id = this.newId();
    const requirementIds = input.requirementIds ?? [];
    this.effects.audit('finding.raised', actor, {
      findingId: id,
      kind: 'control-exception',
      period: periodNumber,
      source,
      description: input.description,
      requirementIds,
      observedOn,
    });
    const task = this.tasks.create(
      this.newId(),
      {
        title: `Remediate control exception: ${input.description}`.slice(0, 200),
        ownerEmail: input.ownerEmail ?? this.state.programManagerEmail,
        dueDate: input.dueDate ?? addDays(this.today, this.config.exceptionRemediationDays),
        requirementIds,
      },
      { kind: 'finding', findingId: id },
      actor,
    );
    this.state.exceptions.push({
      id,
      periodNumber,
      source,
      description: input.description,
      requirementIds,
      observedOn,
      taskId: task.id,
    });
  }

  // ---- overrides and ending ---------------------------------------------------------------------------

  checkOverrideRule(raw: Soc2OverrideInput) {
    const input = parseOrReject(soc2OverrideInputSchema, raw);
    const { stage, period } = this.state;
    let periodNumber: number;
    if (input.rule === 'fieldwork-window') {
      if (!period || (stage !== 'OBSERVATION' && stage !== 'FIELDWORK')) {
        reject(
          'The fieldwork window can only be overridden while an observation period awaits its fieldwork.',
        );
      }
      periodNumber = period.number;
    } else {
      const last = this.lastTypeII();
      if (!last)
        reject('The bridge-letter length can only be overridden once a Type II report has been issued.');
      periodNumber = last.periodNumber;
    }
    if (this.hasOverride(input.rule, periodNumber)) {
      reject(`An override for ${input.rule} is already recorded for period ${periodNumber}.`);
    }
    return { ...input, periodNumber };
  }

  applyOverrideRule(raw: Soc2OverrideInput): void {
    const input = this.checkOverrideRule(raw);
    this.state.overrides.push({
      rule: input.rule,
      periodNumber: input.periodNumber,
      justification: input.justification,
      actor: input.actor,
      on: this.today,
    });
    this.effects.audit('override.recorded', input.actor, {
      rule: input.rule,
      period: input.periodNumber,
      justification: input.justification,
    });
  }

  checkEndProgram(raw: EndProgramInput) {
    const input = parseOrReject(endProgramInputSchema, raw);
    if (this.state.stage === 'ENDED') reject('The program has already ended.');
    return input;
  }

  applyEndProgram(raw: EndProgramInput): void {
    const input = this.checkEndProgram(raw);
    this.state.endedReason = input.reason;
    for (const task of this.tasks.open()) this.tasks.cancel(task.id, 'program ended', input.actor);
    this.setStage('ENDED', input.actor, input.reason);
    this.effects.audit('program.ended', input.actor, {
      reason: input.reason,
      period: this.state.period?.number ?? null,
    });
    this.transition = { kind: 'ended' };
  }

  // ---- the calendar -----------------------------------------------------------------------------------

  /** Applies everything that became due on or before today. */
  tick(): void {
    const today = this.today;
    const s = this.state;
    this.tasks.tick(today);
    if (s.stage === 'ENDED') return;

    if (s.stage === 'READINESS' && today > s.readinessDue) {
      this.missDeadline('readiness', s.readinessDue, `The readiness assessment was due ${s.readinessDue}.`);
    }
    const p = s.period;
    if (p) {
      if (s.stage === 'REMEDIATION' && today >= p.start) {
        this.effects.audit('cycle.started', null, {
          period: p.number,
          start: p.start,
          end: p.end,
          months: p.months,
        });
        this.setStage('OBSERVATION', null, `observation period ${p.number} started`);
      }
      if (s.stage === 'OBSERVATION' && today > p.end) {
        const seq = this.setStage('FIELDWORK', null, `observation period ${p.number} ended`);
        if (seq !== undefined && this.isPatched(soc2Patches.periodEndNotice)) {
          this.effects.email(
            seq,
            s.programManagerEmail,
            `[${label}] Observation period ${p.number} ended`,
            `Observation period ${p.number} (${p.start}..${p.end}) has ended. Fieldwork must start by ${p.fieldworkDue}; the report is expected by ${p.reportDue}.`,
          );
        }
        const next = this.followingPeriod()!;
        this.effects.audit('cycle.started', null, {
          period: next.number,
          start: next.start,
          end: next.end,
          months: next.months,
        });
      }
      const fieldworkPlanned =
        p.fieldworkCompletedOn !== undefined ||
        (p.fieldworkScheduledOn !== undefined && p.fieldworkScheduledOn <= today) ||
        this.hasOverride('fieldwork-window', p.number);
      if (s.stage === 'FIELDWORK' && today > p.fieldworkDue && !fieldworkPlanned) {
        this.missDeadline(
          'fieldwork',
          p.fieldworkDue,
          `Fieldwork for period ${p.number} (${p.start}..${p.end}) was due to start by ${p.fieldworkDue}.`,
        );
      }
      if ((s.stage === 'FIELDWORK' || s.stage === 'REPORTING') && today > p.reportDue) {
        this.missDeadline(
          'report',
          p.reportDue,
          `The SOC 2 report for ${p.start}..${p.end} was due by ${p.reportDue}.`,
        );
      }
    }

    for (const gap of this.coverage(today).segments.filter((seg) => seg.kind === 'gap')) {
      this.alert(
        `gap:${gap.from}`,
        { alert: 'gap', from: gap.from, to: gap.to },
        `Coverage gap from ${gap.from}`,
        `No SOC 2 report or bridge letter covers ${gap.from}..${gap.to}.`,
      );
    }
    const expiring = this.expiringBridgeLetter(today);
    if (expiring) {
      this.alert(
        `bridge-expiring:${expiring.to}`,
        { alert: 'bridge-letter-expiring', from: expiring.from, to: expiring.to },
        `Bridge letter runs out on ${expiring.to}`,
        `The bridge letter covering ${expiring.from}..${expiring.to} runs out and no report takes over from ${addDays(expiring.to, 1)}.`,
      );
    }
  }

  /** The next day on which `tick` may change something (strictly after today). */
  nextWakeUp(): CalendarDate | undefined {
    const today = this.today;
    const { stage, period: p, readinessDue } = this.state;
    const candidates: (CalendarDate | undefined)[] = [this.tasks.nextWakeUp(today)];
    if (stage === 'READINESS') candidates.push(addDays(readinessDue, 1));
    if (p && stage === 'REMEDIATION') candidates.push(p.start);
    if (p && stage === 'OBSERVATION') candidates.push(addDays(p.end, 1));
    if (p && stage === 'FIELDWORK') candidates.push(addDays(p.fieldworkDue, 1));
    if (p && (stage === 'FIELDWORK' || stage === 'REPORTING')) candidates.push(addDays(p.reportDue, 1));
    if (stage !== 'ENDED') {
      for (const letter of this.state.bridgeLetters) {
        candidates.push(addDays(letter.to, -this.config.bridgeLetterWarningDays), addDays(letter.to, 1));
      }
    }
    return candidates.filter((d): d is CalendarDate => d !== undefined && d > today).sort()[0];
  }

  nextMilestone(): Soc2Milestone | null {
    const { stage, period: p, typeI, readinessDue } = this.state;
    const m = (kind: string, due: CalendarDate | undefined): Soc2Milestone | null =>
      due ? { kind, due } : null;
    const pendingTypeI = typeI && !typeI.report ? typeI.asOf : undefined;
    switch (stage) {
      case 'READINESS':
        return m('readiness-due', readinessDue);
      case 'REMEDIATION':
        return pendingTypeI && p && pendingTypeI < p.start
          ? m('type1-as-of', pendingTypeI)
          : m('observation-start', p?.start);
      case 'OBSERVATION':
        return pendingTypeI && p && pendingTypeI <= p.end
          ? m('type1-as-of', pendingTypeI)
          : m('observation-end', p?.end);
      case 'FIELDWORK':
        return m('fieldwork', p?.fieldworkScheduledOn) ?? m('fieldwork-due', p?.fieldworkDue);
      case 'REPORTING':
        return m('report-due', p?.reportDue);
      default:
        return null;
    }
  }

  private atRiskReasons(today: CalendarDate, coverage: Coverage): string[] {
    const reasons = this.state.missedDeadlines.map((k) => `missed:${k}`);
    const overdue = this.tasks.overdue(today).length;
    if (overdue > 0) reasons.push(`overdue-tasks:${overdue}`);
    // An old gap stays in the record but stops flagging the program once a year has passed since it closed.
    const recent = addMonths(today, -12);
    const gapDays = coverage.segments
      .filter((seg) => seg.kind === 'gap' && seg.to >= recent)
      .reduce((sum, seg) => sum + daysBetween(seg.from, seg.to) + 1, 0);
    if (gapDays > 0) reasons.push(`coverage-gap:${gapDays}`);
    const expiring = this.expiringBridgeLetter(today);
    if (expiring) reasons.push(`bridge-letter-expiring:${expiring.to}`);
    return reasons;
  }
}
