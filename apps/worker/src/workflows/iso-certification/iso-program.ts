import {
  addDays,
  type CalendarDate,
  type CloseFindingInput,
  closeFindingInputSchema,
  type CompleteGapAssessmentInput,
  completeGapAssessmentInputSchema,
  type EndProgramInput,
  endProgramInputSchema,
  type FindingState,
  initialCycleDates,
  type IsoAuditKind,
  type IsoCertificationProgramInput,
  type IsoMilestone,
  type IsoProgramState,
  type IsoStage,
  isoProgramConfigSchema,
  type IsoSuspensionCause,
  majorClosureDeadline,
  nextCycleDates,
  type OverrideRuleInput,
  overrideRuleInputSchema,
  type RecordAuditOutcomeInput,
  recordAuditOutcomeInputSchema,
  type RecordCertificationDecisionInput,
  recordCertificationDecisionInputSchema,
  restorationDeadline,
  type ScheduleAuditInput,
  scheduleAuditInputSchema,
  stage1ValidUntil,
  surveillance2Window,
  type ChangeScopeInput,
  changeScopeInputSchema,
  addMonths,
  type ReinstateCertificationInput,
  reinstateCertificationInputSchema,
  type SuspendCertificationInput,
  suspendCertificationInputSchema,
  type WithdrawCertificationInput,
  withdrawCertificationInputSchema,
} from '@certflow/contracts';
import type { z } from 'zod';
import { EffectQueue } from '../shared/effects.js';
import { parseOrReject } from '../shared/program-messages.js';
import { reject } from '../shared/rejected-action.js';
import { RemediationTaskBook } from '../shared/remediation-tasks.js';
import { isoPatches } from './patches.js';

const cbAudits: readonly IsoAuditKind[] = [
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
];

const auditLabels: Record<IsoAuditKind, string> = {
  'internal-audit': 'the internal audit',
  'management-review': 'the management review',
  stage1: 'Stage 1',
  stage2: 'Stage 2',
  surveillance1: 'surveillance audit 1',
  surveillance2: 'surveillance audit 2',
  recertification: 'the recertification audit',
};

/** Which audit each stage is waiting for (the internal audit and management review belong to remediation). */
const auditOfStage: Partial<Record<IsoStage, IsoAuditKind[]>> = {
  REMEDIATION: ['internal-audit', 'management-review', 'stage1'],
  STAGE1: ['stage1'],
  STAGE2: ['stage2'],
  SURVEILLANCE_1: ['surveillance1'],
  SURVEILLANCE_2: ['surveillance2'],
  RECERTIFICATION: ['recertification'],
  LAPSED: ['recertification'],
};

/** Stages in which the organisation holds a certificate the CB can suspend or withdraw. */
const certifiedStages: readonly IsoStage[] = ['SURVEILLANCE_1', 'SURVEILLANCE_2', 'RECERTIFICATION'];

export type CycleTransition = { kind: 'none' } | { kind: 'next-cycle' } | { kind: 'ended' };

/**
 * The ISO certification rules as a synchronous state machine. `check*` methods are the update validators (they
 * throw `RejectedAction` and change nothing); `apply*` methods change state and queue effects; `tick` applies
 * whatever the calendar makes due. It never reads a clock itself: the workflow passes its own.
 */
export class IsoProgram {
  readonly effects: EffectQueue;
  readonly tasks: RemediationTaskBook;
  transition: CycleTransition = { kind: 'none' };

  constructor(
    readonly state: IsoProgramState,
    private readonly clock: () => number,
    private readonly newId: () => string,
    /** `patched()` inside the workflow; everything is "patched" when the rules run outside Temporal. */
    private readonly isPatched: (patchId: string) => boolean = () => true,
  ) {
    // Runs carried over from older code lack policy fields added since; the schema fills in their defaults.
    state.config = isoProgramConfigSchema.parse(state.config);
    this.effects = new EffectQueue(state.lastEventSequence, clock);
    this.tasks = new RemediationTaskBook(state.tasks, this.effects, {
      reminderDaysBefore: state.config.reminderDaysBefore,
      escalateTo: () => this.state.programManagerEmail,
      programLabel: `${state.frameworks.join(' + ')} program`,
    });
  }

  static initialState(input: IsoCertificationProgramInput, today: CalendarDate): IsoProgramState {
    return {
      programId: input.programId,
      organizationId: input.organizationId,
      frameworks: input.frameworks,
      programManagerEmail: input.programManagerEmail,
      config: input.config,
      cycle: 1,
      stage: 'GAP_ASSESSMENT',
      today,
      dates: {
        startDate: input.startDate,
        gapAssessmentDue: addDays(input.startDate, input.config.gapAssessmentDays),
      },
      audits: {},
      findings: [],
      tasks: [],
      overrides: [],
      atRisk: false,
      atRiskReasons: [],
      nextMilestone: null,
      lastEventSequence: 0,
      missedDeadlines: [],
    };
  }

  get today(): CalendarDate {
    return new Date(this.clock()).toISOString().slice(0, 10);
  }

  private get policy() {
    return this.state.config.policy;
  }

  /** The state as clients see it, with the derived fields filled in. */
  snapshot(): IsoProgramState {
    const today = this.today;
    const reasons = this.atRiskReasons(today);
    // structuredClone is not available in the workflow sandbox; the state is plain JSON anyway.
    return JSON.parse(
      JSON.stringify({
        ...this.state,
        today,
        lastEventSequence: this.effects.sequence,
        atRisk: reasons.length > 0,
        atRiskReasons: reasons,
        nextMilestone: this.nextMilestone(),
      }),
    ) as IsoProgramState;
  }

  // ---- stage bookkeeping ------------------------------------------------------------------------------

  private setStage(stage: IsoStage, actor: string | null, reason: string): void {
    const from = this.state.stage;
    if (from === stage) return;
    this.state.stage = stage;
    this.effects.audit('stage.changed', actor, { from, to: stage, reason, cycle: this.state.cycle });
  }

  private setDate(
    key: keyof IsoProgramState['dates'],
    value: CalendarDate | undefined,
    actor: string | null,
  ): void {
    const from = this.state.dates[key];
    if (from === value) return;
    if (value === undefined) delete this.state.dates[key];
    else this.state.dates[key] = value;
    this.effects.audit('due-date.changed', actor, { what: key, from: from ?? null, to: value ?? null });
  }

  private missDeadline(key: string, due: CalendarDate, message: string): void {
    if (this.state.missedDeadlines.includes(key)) return;
    this.state.missedDeadlines.push(key);
    const seq = this.effects.audit('deadline.missed', null, { deadline: key, due });
    this.effects.email(
      seq,
      this.state.programManagerEmail,
      `[${this.label}] Missed deadline: ${key}`,
      message,
    );
  }

  private get label(): string {
    return `${this.state.frameworks.join(' + ')} program`;
  }

  private hasOverride(rule: OverrideRuleInput['rule']): boolean {
    return this.state.overrides.some((o) => o.rule === rule);
  }

  private openMajors(): FindingState[] {
    return this.state.findings.filter((f) => f.severity === 'MAJOR' && f.status !== 'CLOSED');
  }

  private minorsWithoutPlan(): FindingState[] {
    return this.state.findings.filter((f) => f.severity === 'MINOR' && f.status === 'OPEN');
  }

  private stage1Concerns(): FindingState[] {
    return this.state.findings.filter(
      (f) =>
        f.auditId === 'stage1' &&
        f.cycle === this.state.cycle &&
        f.severity !== 'OBSERVATION' &&
        f.status !== 'CLOSED',
    );
  }

  /**
   * Audits the current stage waits for. While suspended for a missed surveillance, that audit can still take
   * place (and lifts the suspension); a missed surveillance 2 can also be covered by the recertification audit.
   */
  private expectedAudits(): IsoAuditKind[] {
    const { stage, suspension } = this.state;
    if (stage !== 'SUSPENDED') return auditOfStage[stage] ?? [];
    if (suspension?.cause !== 'missed-surveillance' || !suspension.missedAudit) return [];
    return suspension.missedAudit === 'surveillance2'
      ? ['surveillance2', 'recertification']
      : [suspension.missedAudit];
  }

  /** Requirements must belong to a framework the program carries. */
  private inScope(requirementIds: readonly string[], what: string): void {
    const outside = requirementIds.find((id) => !this.state.frameworks.some((f) => id.startsWith(`${f}:`)));
    if (outside) {
      reject(
        `${what} links ${outside}, which is outside the program's scope (${this.state.frameworks.join(', ')}).`,
      );
    }
  }

  private notAfterToday(date: CalendarDate, what: string): void {
    if (date > this.today) reject(`${what} (${date}) cannot be later than today (${this.today}).`);
  }

  // ---- gap assessment ---------------------------------------------------------------------------------

  checkCompleteGapAssessment(raw: CompleteGapAssessmentInput) {
    const input = parseOrReject(completeGapAssessmentInputSchema, raw);
    if (this.state.stage !== 'GAP_ASSESSMENT') {
      reject(`The gap assessment is already complete; the program is in ${this.state.stage}.`);
    }
    this.notAfterToday(input.completedOn, 'The completion date');
    if (input.completedOn < this.state.dates.startDate) {
      reject(
        `The gap assessment cannot finish (${input.completedOn}) before the program started (${this.state.dates.startDate}).`,
      );
    }
    const early = input.gaps.find((g) => g.dueDate < input.completedOn);
    if (early) reject(`Task "${early.title}" is due ${early.dueDate}, before the gap assessment finished.`);
    for (const gap of input.gaps) this.inScope(gap.requirementIds, `Task "${gap.title}"`);
    return input;
  }

  applyCompleteGapAssessment(raw: CompleteGapAssessmentInput): void {
    const input = this.checkCompleteGapAssessment(raw);
    this.state.gapAssessmentCompletedOn = input.completedOn;
    this.effects.audit('audit.completed', input.actor, {
      audit: 'gap-assessment',
      lastDay: input.completedOn,
      gaps: input.gaps.length,
    });
    for (const gap of input.gaps)
      this.tasks.create(this.newId(), gap, { kind: 'gap-assessment' }, input.actor);
    this.setStage('REMEDIATION', input.actor, 'gap assessment completed');
  }

  // ---- audits -----------------------------------------------------------------------------------------

  checkScheduleAudit(raw: ScheduleAuditInput) {
    const input = parseOrReject(scheduleAuditInputSchema, raw);
    const { audit, date } = input;
    const label = auditLabels[audit];
    if (!this.expectedAudits().includes(audit)) {
      reject(`${capitalise(label)} cannot be scheduled while the program is in ${this.state.stage}.`);
    }
    if (this.state.audits[audit]?.lastDay)
      reject(`${capitalise(label)} has already taken place in this cycle.`);
    if (date < this.today) reject(`${capitalise(label)} cannot be scheduled in the past (${date}).`);
    const { dates, audits, suspension } = this.state;
    // A suspended certificate's overdue surveillance has until the end of the suspension.
    const surveillanceLimit = (due: CalendarDate | undefined) =>
      this.state.stage === 'SUSPENDED' && suspension ? suspension.until : due;
    switch (audit) {
      case 'stage1': {
        const ia = audits['internal-audit']?.lastDay;
        const mr = audits['management-review']?.lastDay;
        if (!ia || !mr) {
          const missing = [!ia && 'the internal audit', !mr && 'the management review']
            .filter(Boolean)
            .join(' and ');
          reject(`Stage 1 needs ${missing} to be completed first.`);
        }
        break;
      }
      case 'stage2': {
        const concerns = this.stage1Concerns();
        if (concerns.length > 0) {
          reject(`Stage 2 cannot be scheduled while ${concerns.length} Stage 1 concern(s) are unresolved.`);
        }
        if (dates.stage1ValidUntil && date > dates.stage1ValidUntil && !this.hasOverride('stage1-validity')) {
          reject(
            `Stage 2 on ${date} is past ${dates.stage1ValidUntil}, the certification body's limit after Stage 1; ` +
              'Stage 1 would have to be repeated.',
          );
        }
        break;
      }
      case 'surveillance1': {
        const limit = surveillanceLimit(dates.surveillance1Due);
        if (limit && date > limit) {
          reject(
            this.state.stage === 'SUSPENDED'
              ? `The overdue surveillance audit 1 must take place by ${limit}, when the suspension ends in withdrawal.`
              : `Surveillance audit 1 must take place by ${limit} (12 months after the certification decision).`,
          );
        }
        break;
      }
      case 'surveillance2': {
        if (dates.surveillance2Earliest && date < dates.surveillance2Earliest) {
          reject(
            `Surveillance audit 2 must fall in a later calendar year than surveillance audit 1 (from ${dates.surveillance2Earliest}).`,
          );
        }
        const limit = surveillanceLimit(dates.surveillance2Due);
        if (limit && date > limit) reject(`Surveillance audit 2 must take place by ${limit}.`);
        break;
      }
      case 'recertification': {
        const limit = this.state.stage === 'LAPSED' ? dates.restorationDeadline : dates.expiryDate;
        if (limit && date > limit) {
          reject(
            this.state.stage === 'LAPSED'
              ? `Restoration is only possible until ${limit}.`
              : `The recertification audit must take place before the certificate expires on ${limit}.`,
          );
        }
        break;
      }
      default:
        break;
    }
    return input;
  }

  applyScheduleAudit(raw: ScheduleAuditInput): void {
    const input = this.checkScheduleAudit(raw);
    const current = (this.state.audits[input.audit] ??= {});
    const previous = current.scheduledOn;
    current.scheduledOn = input.date;
    this.effects.audit('audit.scheduled', input.actor, {
      audit: input.audit,
      date: input.date,
      previous: previous ?? null,
    });
    if (input.audit === 'stage1') this.setStage('STAGE1', input.actor, 'Stage 1 scheduled');
  }

  checkRecordAuditOutcome(raw: RecordAuditOutcomeInput) {
    const input = parseOrReject(recordAuditOutcomeInputSchema, raw);
    const { audit, lastDay } = input;
    const label = auditLabels[audit];
    if (
      !this.expectedAudits().includes(audit) ||
      (audit === 'stage1' && this.state.stage === 'REMEDIATION')
    ) {
      reject(`The outcome of ${label} cannot be recorded while the program is in ${this.state.stage}.`);
    }
    const current = this.state.audits[audit];
    if (current?.lastDay) reject(`The outcome of ${label} is already recorded (${current.lastDay}).`);
    if (cbAudits.includes(audit) && !current?.scheduledOn)
      reject(`${capitalise(label)} was never scheduled.`);
    if (current?.scheduledOn && lastDay < current.scheduledOn) {
      reject(
        `${capitalise(label)} cannot end (${lastDay}) before it was scheduled to start (${current.scheduledOn}).`,
      );
    }
    this.notAfterToday(lastDay, `The last day of ${label}`);
    if (audit === 'stage2') {
      const validUntil = this.state.dates.stage1ValidUntil;
      if (validUntil && lastDay > validUntil && !this.hasOverride('stage1-validity')) {
        reject(
          `Stage 2 ended after ${validUntil}, when Stage 1 results were no longer valid; repeat Stage 1.`,
        );
      }
    }
    for (const f of input.findings) this.inScope(f.requirementIds, `Finding "${f.description}"`);
    for (const id of input.verifiedFindingIds) {
      const finding = this.state.findings.find((f) => f.id === id);
      if (!finding) reject(`There is no finding ${id} in this program.`);
      if (finding.status === 'CLOSED') reject(`Finding "${finding.description}" is already closed.`);
      if (finding.severity === 'MINOR' && finding.status !== 'PLAN_ACCEPTED') {
        reject(`Minor finding "${finding.description}" has no accepted corrective-action plan to verify.`);
      }
    }
    return input;
  }

  applyRecordAuditOutcome(raw: RecordAuditOutcomeInput): void {
    const input = this.checkRecordAuditOutcome(raw);
    const { audit, lastDay, actor } = input;
    (this.state.audits[audit] ??= {}).lastDay = lastDay;
    this.effects.audit('audit.completed', actor, {
      audit,
      lastDay,
      findings: input.findings.length,
      verified: input.verifiedFindingIds,
    });
    for (const id of input.verifiedFindingIds) this.closeFindingInternal(id, lastDay, 'CLOSED', actor);
    for (const f of input.findings) this.raiseFinding(audit, lastDay, f, actor);
    if (this.state.stage === 'SUSPENDED') this.reinstate(actor, lastDay, `${auditLabels[audit]} took place`);

    const policy = this.policy;
    switch (audit) {
      case 'stage1':
        this.setDate('stage1ValidUntil', stage1ValidUntil(lastDay, policy.stage1ToStage2MaxGapMonths), actor);
        this.setStage('STAGE2', actor, 'Stage 1 completed');
        break;
      case 'stage2':
        this.setDate(
          'majorClosureDeadline',
          majorClosureDeadline(lastDay, policy.majorClosureMonthsAfterStage2),
          actor,
        );
        this.setStage('CERTIFICATION_DECISION', actor, 'Stage 2 completed');
        break;
      case 'surveillance1': {
        const expiry = this.state.dates.expiryDate;
        if (expiry) {
          const window = surveillance2Window(lastDay, expiry, policy);
          this.setDate('surveillance2Earliest', window.earliest, actor);
          this.setDate('surveillance2Due', window.due, actor);
        }
        this.setStage('SURVEILLANCE_2', actor, 'surveillance audit 1 completed');
        break;
      }
      case 'surveillance2':
        this.setStage('RECERTIFICATION', actor, 'surveillance audit 2 completed');
        break;
      case 'recertification':
        // After a suspension for a missed surveillance 2, the recertification audit covered it.
        if (this.state.stage === 'SURVEILLANCE_2') {
          this.setStage('RECERTIFICATION', actor, 'recertification audit completed');
        }
        break;
      default:
        break;
    }
  }

  private raiseFinding(
    auditId: IsoAuditKind,
    raisedOn: CalendarDate,
    input: z.output<typeof recordAuditOutcomeInputSchema>['findings'][number],
    actor: string,
  ): void {
    const finding: FindingState = {
      id: this.newId(),
      auditId,
      cycle: this.state.cycle,
      severity: input.severity,
      description: input.description,
      requirementIds: input.requirementIds,
      raisedOn,
      responseDue: addDays(raisedOn, this.policy.findingResponseDays),
      status: 'OPEN',
    };
    this.state.findings.push(finding);
    this.effects.audit('finding.raised', actor, {
      findingId: finding.id,
      auditId,
      severity: finding.severity,
      description: finding.description,
      requirementIds: finding.requirementIds,
      responseDue: finding.responseDue,
    });
    if (finding.severity === 'OBSERVATION') return;
    const task = this.tasks.create(
      this.newId(),
      {
        title: `Corrective action (${finding.severity.toLowerCase()}): ${finding.description}`.slice(0, 200),
        ownerEmail: input.ownerEmail ?? this.state.programManagerEmail,
        dueDate: finding.responseDue,
        requirementIds: finding.requirementIds,
      },
      { kind: 'finding', findingId: finding.id },
      actor,
    );
    finding.taskId = task.id;
  }

  // ---- findings ---------------------------------------------------------------------------------------

  checkCloseFinding(raw: CloseFindingInput) {
    const input = parseOrReject(closeFindingInputSchema, raw);
    const finding = this.state.findings.find((f) => f.id === input.findingId);
    if (!finding) reject(`There is no finding ${input.findingId} in this program.`);
    if (finding.status === 'CLOSED') reject(`Finding "${finding.description}" is already closed.`);
    if (input.resolution === 'PLAN_ACCEPTED') {
      if (finding.status === 'PLAN_ACCEPTED')
        reject('The corrective-action plan for this finding is already accepted.');
      if (finding.severity === 'OBSERVATION')
        reject('Observations need no corrective-action plan; close them instead.');
    }
    if (input.resolution === 'CLOSED' && finding.severity === 'MINOR') {
      reject(
        'A minor nonconformity is verified closed at the next audit; record its corrective-action plan as accepted instead.',
      );
    }
    if (input.on < finding.raisedOn)
      reject(`The finding was raised on ${finding.raisedOn}; ${input.on} is earlier.`);
    this.notAfterToday(input.on, 'The date');
    return input;
  }

  applyCloseFinding(raw: CloseFindingInput): void {
    const input = this.checkCloseFinding(raw);
    this.closeFindingInternal(input.findingId, input.on, input.resolution, input.actor);
  }

  private closeFindingInternal(
    findingId: string,
    on: CalendarDate,
    resolution: 'PLAN_ACCEPTED' | 'CLOSED',
    actor: string,
  ): void {
    const finding = this.state.findings.find((f) => f.id === findingId);
    if (!finding) return;
    const from = finding.status;
    finding.status = resolution;
    if (resolution === 'CLOSED') finding.closedOn = on;
    this.effects.audit('finding.updated', actor, { findingId, from, to: resolution, on });
  }

  // ---- certification decision -------------------------------------------------------------------------

  checkRecordCertificationDecision(raw: RecordCertificationDecisionInput) {
    const input = parseOrReject(recordCertificationDecisionInputSchema, raw);
    const { stage, audits, dates } = this.state;
    const { decidedOn } = input;
    const refused = input.outcome === 'REFUSED';
    this.notAfterToday(decidedOn, 'The decision date');
    if (stage === 'CERTIFICATION_DECISION') {
      const stage2End = audits.stage2?.lastDay;
      if (stage2End && decidedOn < stage2End)
        reject(`The decision cannot precede the end of Stage 2 (${stage2End}).`);
      if (
        !refused &&
        dates.majorClosureDeadline &&
        decidedOn > dates.majorClosureDeadline &&
        !this.hasOverride('major-closure-window')
      ) {
        reject(
          `More than ${this.policy.majorClosureMonthsAfterStage2} months have passed since Stage 2; Stage 2 must be repeated.`,
        );
      }
    } else if (stage === 'RECERTIFICATION' || stage === 'LAPSED') {
      const recert = audits.recertification?.lastDay;
      if (!recert) reject('The recertification audit has not been recorded yet.');
      if (decidedOn < recert)
        reject(`The decision cannot precede the end of the recertification audit (${recert}).`);
      const limit = stage === 'LAPSED' ? dates.restorationDeadline : dates.expiryDate;
      if (!refused && limit && decidedOn > limit) {
        reject(
          stage === 'LAPSED'
            ? `Restoration had to be decided by ${limit}; a new initial audit is required.`
            : `Recertification must be decided before the certificate expires (${limit}).`,
        );
      }
    } else {
      reject(`No certification decision is due while the program is in ${stage}.`);
    }
    // Open nonconformities block a grant; they are often the very reason for a refusal.
    if (refused) return input;
    const majors = this.openMajors();
    if (majors.length > 0) {
      reject(
        `${majors.length} major nonconformity(ies) are not verified closed: ${majors.map((m) => m.description).join('; ')}.`,
      );
    }
    const minors = this.minorsWithoutPlan();
    if (minors.length > 0) {
      reject(`${minors.length} minor nonconformity(ies) have no accepted corrective-action plan yet.`);
    }
    return input;
  }

  applyRecordCertificationDecision(raw: RecordCertificationDecisionInput): void {
    const input = this.checkRecordCertificationDecision(raw);
    const { actor, decidedOn } = input;
    if (input.outcome === 'REFUSED') {
      this.refuseCertification(actor, decidedOn, input.reason ?? '');
      return;
    }
    if (this.state.stage === 'CERTIFICATION_DECISION') {
      const cycle = initialCycleDates(decidedOn, this.policy);
      this.effects.audit('certification.decided', actor, {
        kind: 'initial',
        ...cycle,
        cycle: this.state.cycle,
      });
      this.setDate('decisionDate', cycle.decisionDate, actor);
      this.setDate('cycleStart', cycle.cycleStart, actor);
      this.setDate('expiryDate', cycle.expiryDate, actor);
      this.setDate('surveillance1Due', cycle.surveillance1Due, actor);
      this.setDate('majorClosureDeadline', undefined, actor);
      this.setDate('stage1ValidUntil', undefined, actor);
      if (this.isPatched(isoPatches.initialCycleStartedEvent)) {
        this.effects.audit('cycle.started', actor, {
          cycle: this.state.cycle,
          reason: 'initial-certification',
          ...cycle,
        });
      }
      this.setStage('SURVEILLANCE_1', actor, 'certification granted');
      return;
    }
    const previousExpiry = this.state.dates.expiryDate;
    if (!previousExpiry) return;
    const kind = this.state.stage === 'LAPSED' ? 'restoration' : 'recertification';
    const next = nextCycleDates(previousExpiry, decidedOn, this.policy);
    this.effects.audit('certification.decided', actor, { kind, ...next, cycle: this.state.cycle + 1 });
    this.startNextCycle(next, actor, kind);
  }

  /**
   * A refusal sends the program back to the audit the decision rested on: Stage 2 for an initial certification
   * (its Stage 1 gap limit no longer applies), the recertification audit otherwise. Expiry and restoration
   * deadlines keep running.
   */
  private refuseCertification(actor: string, decidedOn: CalendarDate, reason: string): void {
    const s = this.state;
    const kind =
      s.stage === 'CERTIFICATION_DECISION'
        ? 'initial'
        : s.stage === 'LAPSED'
          ? 'restoration'
          : 'recertification';
    const seq = this.effects.audit('certification.refused', actor, {
      kind,
      decidedOn,
      reason,
      cycle: s.cycle,
    });
    this.effects.email(
      seq,
      s.programManagerEmail,
      `[${this.label}] Certification refused`,
      `The certification body refused the ${kind} certification on ${decidedOn}: ${reason}`,
    );
    if (kind === 'initial') {
      delete s.audits.stage2;
      this.setDate('majorClosureDeadline', undefined, actor);
      this.setDate('stage1ValidUntil', undefined, actor);
      this.setStage('STAGE2', actor, 'certification refused; Stage 2 to be repeated');
    } else {
      delete s.audits.recertification;
    }
  }

  // ---- suspension and withdrawal ----------------------------------------------------------------------

  private suspend(
    cause: IsoSuspensionCause,
    reason: string,
    since: CalendarDate,
    actor: string | null,
    missedAudit?: IsoAuditKind,
  ): void {
    const s = this.state;
    const until = addMonths(since, this.policy.suspensionMaxMonths);
    s.suspension = { cause, reason, since, until, resumeStage: s.stage, ...(missedAudit && { missedAudit }) };
    const seq = this.effects.audit('certification.suspended', actor, {
      cause,
      reason,
      since,
      until,
      ...(missedAudit && { missedAudit }),
    });
    this.effects.email(
      seq,
      s.programManagerEmail,
      `[${this.label}] Certificate suspended`,
      `The certificate is suspended from ${since} (${reason}). Unless the suspension is lifted by ${until}, ` +
        'the certificate will be withdrawn.',
    );
    this.setStage('SUSPENDED', actor, reason);
  }

  private reinstate(actor: string | null, on: CalendarDate, justification: string): void {
    const s = this.state;
    const suspension = s.suspension;
    if (!suspension) return;
    delete s.suspension;
    this.effects.audit('certification.reinstated', actor, {
      on,
      justification,
      cause: suspension.cause,
      suspendedSince: suspension.since,
    });
    this.setStage(suspension.resumeStage, actor, 'suspension lifted');
  }

  /** Withdrawal ends the certificate; the organisation can only start over with a new initial audit. */
  private withdraw(actor: string | null, on: CalendarDate, reason: string): void {
    const s = this.state;
    const seq = this.effects.audit('certification.withdrawn', actor, { on, reason, cycle: s.cycle });
    this.effects.email(
      seq,
      s.programManagerEmail,
      `[${this.label}] Certificate withdrawn`,
      `The certificate was withdrawn on ${on}: ${reason}. A new initial audit (Stage 1 and Stage 2) is required.`,
    );
    delete s.suspension;
    this.startNewInitialAudit(actor, 'certificate-withdrawn', 'new initial audit required after withdrawal');
  }

  checkSuspendCertification(raw: SuspendCertificationInput) {
    const input = parseOrReject(suspendCertificationInputSchema, raw);
    if (!certifiedStages.includes(this.state.stage)) {
      reject(`Only a valid certificate can be suspended; the program is in ${this.state.stage}.`);
    }
    this.notAfterToday(input.on, 'The suspension date');
    const decided = this.state.dates.decisionDate;
    if (decided && input.on < decided)
      reject(`The suspension (${input.on}) cannot precede the certification decision (${decided}).`);
    return input;
  }

  applySuspendCertification(raw: SuspendCertificationInput): void {
    const input = this.checkSuspendCertification(raw);
    this.suspend('certification-body-decision', input.reason, input.on, input.actor);
  }

  checkReinstateCertification(raw: ReinstateCertificationInput) {
    const input = parseOrReject(reinstateCertificationInputSchema, raw);
    const suspension = this.state.suspension;
    if (this.state.stage !== 'SUSPENDED' || !suspension) reject('The certificate is not suspended.');
    if (suspension.cause === 'missed-surveillance' && suspension.missedAudit) {
      reject(
        `The suspension lifts when the overdue ${auditLabels[suspension.missedAudit]} is recorded (by ${suspension.until}).`,
      );
    }
    this.notAfterToday(input.on, 'The reinstatement date');
    if (input.on < suspension.since)
      reject(`The reinstatement (${input.on}) cannot precede the suspension (${suspension.since}).`);
    return input;
  }

  applyReinstateCertification(raw: ReinstateCertificationInput): void {
    const input = this.checkReinstateCertification(raw);
    this.reinstate(input.actor, input.on, input.justification);
  }

  checkWithdrawCertification(raw: WithdrawCertificationInput) {
    const input = parseOrReject(withdrawCertificationInputSchema, raw);
    if (!certifiedStages.includes(this.state.stage) && this.state.stage !== 'SUSPENDED') {
      reject(`There is no certificate to withdraw while the program is in ${this.state.stage}.`);
    }
    this.notAfterToday(input.on, 'The withdrawal date');
    return input;
  }

  applyWithdrawCertification(raw: WithdrawCertificationInput): void {
    const input = this.checkWithdrawCertification(raw);
    this.withdraw(input.actor, input.on, input.reason);
  }

  /** Moves the state into the next cycle; the workflow then continues as new. */
  private startNextCycle(
    next: ReturnType<typeof nextCycleDates>,
    actor: string | null,
    reason: string,
  ): void {
    const s = this.state;
    s.cycle += 1;
    s.dates = {
      startDate: s.dates.startDate,
      gapAssessmentDue: s.dates.gapAssessmentDue,
      decisionDate: next.decisionDate,
      cycleStart: next.cycleStart,
      expiryDate: next.expiryDate,
      surveillance1Due: next.surveillance1Due,
    };
    s.audits = {};
    s.missedDeadlines = [];
    s.overrides = [];
    delete s.suspension;
    this.effects.audit('cycle.started', actor, { cycle: s.cycle, reason, ...next });
    this.setStage('SURVEILLANCE_1', actor, reason);
    this.transition = { kind: 'next-cycle' };
  }

  // ---- overrides and ending ---------------------------------------------------------------------------

  checkOverrideRule(raw: OverrideRuleInput) {
    const input = parseOrReject(overrideRuleInputSchema, raw);
    if (this.hasOverride(input.rule))
      reject(`An override for ${input.rule} is already recorded in this cycle.`);
    if (input.rule === 'stage1-validity' && this.state.stage !== 'STAGE2') {
      reject('The Stage 1 validity limit can only be overridden between Stage 1 and Stage 2.');
    }
    if (input.rule === 'major-closure-window' && this.state.stage !== 'CERTIFICATION_DECISION') {
      reject('The major-closure window can only be overridden while the certification decision is pending.');
    }
    return input;
  }

  applyOverrideRule(raw: OverrideRuleInput): void {
    const input = this.checkOverrideRule(raw);
    this.state.overrides.push({
      rule: input.rule,
      justification: input.justification,
      actor: input.actor,
      on: this.today,
    });
    this.effects.audit('override.recorded', input.actor, {
      rule: input.rule,
      justification: input.justification,
    });
  }

  checkChangeScope(raw: ChangeScopeInput) {
    const input = parseOrReject(changeScopeInputSchema, raw);
    if (this.state.stage === 'ENDED') reject('The program has ended.');
    const current = [...this.state.frameworks].sort().join(',');
    if ([...input.frameworks].sort().join(',') === current) {
      reject(`The program already covers exactly ${this.state.frameworks.join(' and ')}.`);
    }
    return input;
  }

  /**
   * Frameworks share the program's single cycle (aligned dates, one integrated audit of clauses 4-10); an added
   * framework is audited as an extension at the next audit. Open tasks tied only to a dropped framework are cancelled.
   */
  applyChangeScope(raw: ChangeScopeInput): void {
    const input = this.checkChangeScope(raw);
    const from = [...this.state.frameworks];
    const dropped = from.filter((f) => !input.frameworks.includes(f));
    this.state.frameworks = input.frameworks;
    this.effects.audit('scope.changed', input.actor, {
      from,
      to: input.frameworks,
      justification: input.justification,
    });
    for (const task of this.tasks.open()) {
      const onlyDropped =
        task.requirementIds.length > 0 &&
        task.requirementIds.every((id) => dropped.some((f) => id.startsWith(`${f}:`)));
      if (onlyDropped)
        this.tasks.cancel(task.id, `scope changed: ${dropped.join(', ')} removed`, input.actor);
    }
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
    this.effects.audit('program.ended', input.actor, { reason: input.reason, cycle: this.state.cycle });
    this.transition = { kind: 'ended' };
  }

  // ---- the calendar -----------------------------------------------------------------------------------

  /** Applies everything that became due on or before today. */
  tick(): void {
    const today = this.today;
    const s = this.state;
    const { dates } = s;
    this.tasks.tick(today);

    for (const finding of s.findings) {
      if (
        finding.status === 'OPEN' &&
        finding.severity !== 'OBSERVATION' &&
        today > finding.responseDue &&
        !finding.overdueEscalated
      ) {
        finding.overdueEscalated = true;
        const seq = this.effects.audit('escalation.sent', null, {
          findingId: finding.id,
          reason: 'finding-response-overdue',
          responseDue: finding.responseDue,
        });
        this.effects.email(
          seq,
          s.programManagerEmail,
          `[${this.label}] Finding response overdue`,
          `The ${finding.severity.toLowerCase()} finding "${finding.description}" needed a response by ${finding.responseDue}.`,
        );
      }
    }

    switch (s.stage) {
      case 'GAP_ASSESSMENT':
        if (today > dates.gapAssessmentDue) {
          this.missDeadline(
            'gap-assessment',
            dates.gapAssessmentDue,
            `The gap assessment was due ${dates.gapAssessmentDue}.`,
          );
        }
        break;
      case 'STAGE2':
        if (
          dates.stage1ValidUntil &&
          today > dates.stage1ValidUntil &&
          !this.hasOverride('stage1-validity')
        ) {
          const due = dates.stage1ValidUntil;
          this.missDeadline(
            'stage1-validity',
            due,
            `Stage 2 did not finish by ${due}; Stage 1 must be repeated.`,
          );
          delete s.audits.stage1;
          delete s.audits.stage2;
          s.missedDeadlines = s.missedDeadlines.filter((k) => k !== 'stage1-validity');
          this.setDate('stage1ValidUntil', undefined, null);
          this.setStage('STAGE1', null, 'Stage 1 results expired before Stage 2');
        }
        break;
      case 'CERTIFICATION_DECISION':
        if (
          dates.majorClosureDeadline &&
          today > dates.majorClosureDeadline &&
          this.openMajors().length > 0 &&
          !this.hasOverride('major-closure-window')
        ) {
          const due = dates.majorClosureDeadline;
          this.missDeadline(
            'major-closure',
            due,
            `Major nonconformities were not verified closed by ${due}; Stage 2 must be repeated.`,
          );
          delete s.audits.stage2;
          s.missedDeadlines = s.missedDeadlines.filter((k) => k !== 'major-closure');
          this.setDate('majorClosureDeadline', undefined, null);
          // The repeat re-audits implementation; the Stage 1 gap limit governs only the first Stage 2.
          this.setDate('stage1ValidUntil', undefined, null);
          this.setStage('STAGE2', null, 'majors not closed within the window after Stage 2');
        }
        break;
      case 'SURVEILLANCE_1':
        if (dates.surveillance1Due && today > dates.surveillance1Due) {
          this.missDeadline(
            'surveillance1',
            dates.surveillance1Due,
            `Surveillance audit 1 was due by ${dates.surveillance1Due}.`,
          );
          this.suspendForMissedSurveillance('surveillance1', today);
        }
        break;
      case 'SURVEILLANCE_2':
        if (dates.surveillance2Due && today > dates.surveillance2Due) {
          this.missDeadline(
            'surveillance2',
            dates.surveillance2Due,
            `Surveillance audit 2 was due by ${dates.surveillance2Due}.`,
          );
          this.suspendForMissedSurveillance('surveillance2', today);
        }
        break;
      case 'SUSPENDED':
        if (s.suspension && today > s.suspension.until) {
          const { until } = s.suspension;
          this.missDeadline('suspension', until, `The suspension was not lifted by ${until}.`);
          this.withdraw(
            null,
            today,
            `suspension not lifted within ${this.policy.suspensionMaxMonths} months`,
          );
          return;
        }
        break;
      case 'LAPSED':
        if (dates.restorationDeadline && today > dates.restorationDeadline) {
          const due = dates.restorationDeadline;
          this.missDeadline(
            'restoration',
            due,
            `Certification was not restored by ${due}; a new initial audit is required.`,
          );
          this.startNewInitialAudit();
          return;
        }
        break;
      default:
        break;
    }

    const certified = certifiedStages.includes(s.stage) || s.stage === 'SUSPENDED';
    if (certified && dates.expiryDate && today > dates.expiryDate) {
      delete s.suspension;
      this.missDeadline(
        'certificate-expiry',
        dates.expiryDate,
        `The certificate expired on ${dates.expiryDate} without recertification.`,
      );
      this.setDate(
        'restorationDeadline',
        restorationDeadline(dates.expiryDate, this.policy.restorationWindowMonths),
        null,
      );
      this.setStage('LAPSED', null, 'certificate expired before recertification was decided');
    }
  }

  /**
   * The CB must suspend a certificate whose surveillance audits are not held at the required frequency
   * (ISO/IEC 17021-1 9.6.5). Runs recorded before this rule only flagged the missed deadline.
   */
  private suspendForMissedSurveillance(audit: 'surveillance1' | 'surveillance2', today: CalendarDate): void {
    if (!this.isPatched(isoPatches.suspensionOnMissedSurveillance)) return;
    this.suspend('missed-surveillance', `${auditLabels[audit]} was not held in time`, today, null, audit);
  }

  /** After a lapse past the restoration window, or a withdrawal, the organisation starts over with Stage 1 and Stage 2. */
  private startNewInitialAudit(
    actor: string | null = null,
    reason = 'new-initial-audit',
    stageReason = 'new initial audit required after lapse',
  ): void {
    const s = this.state;
    s.cycle += 1;
    s.dates = { startDate: s.dates.startDate, gapAssessmentDue: s.dates.gapAssessmentDue };
    const keep = s.audits;
    s.audits = {};
    if (keep['internal-audit']) s.audits['internal-audit'] = keep['internal-audit'];
    if (keep['management-review']) s.audits['management-review'] = keep['management-review'];
    s.missedDeadlines = [];
    s.overrides = [];
    this.effects.audit('cycle.started', actor, { cycle: s.cycle, reason });
    this.setStage('REMEDIATION', actor, stageReason);
    this.transition = { kind: 'next-cycle' };
  }

  /** The next day on which `tick` may change something (strictly after today). */
  nextWakeUp(): CalendarDate | undefined {
    const today = this.today;
    const { dates, stage } = this.state;
    const candidates: (CalendarDate | undefined)[] = [this.tasks.nextWakeUp(today)];
    const dayAfter = (d: CalendarDate | undefined) => (d ? addDays(d, 1) : undefined);
    for (const f of this.state.findings) {
      if (f.status === 'OPEN' && f.severity !== 'OBSERVATION' && !f.overdueEscalated)
        candidates.push(dayAfter(f.responseDue));
    }
    if (stage === 'GAP_ASSESSMENT') candidates.push(dayAfter(dates.gapAssessmentDue));
    if (stage === 'STAGE2') candidates.push(dayAfter(dates.stage1ValidUntil));
    if (stage === 'CERTIFICATION_DECISION') candidates.push(dayAfter(dates.majorClosureDeadline));
    if (stage === 'SURVEILLANCE_1') candidates.push(dayAfter(dates.surveillance1Due));
    if (stage === 'SURVEILLANCE_2') candidates.push(dayAfter(dates.surveillance2Due));
    if (stage === 'SURVEILLANCE_1' || stage === 'SURVEILLANCE_2' || stage === 'RECERTIFICATION') {
      candidates.push(dayAfter(dates.expiryDate));
    }
    if (stage === 'LAPSED') candidates.push(dayAfter(dates.restorationDeadline));
    if (stage === 'SUSPENDED') {
      candidates.push(dayAfter(this.state.suspension?.until), dayAfter(dates.expiryDate));
    }
    return candidates.filter((d): d is CalendarDate => d !== undefined && d > today).sort()[0];
  }

  nextMilestone(): IsoMilestone | null {
    const { dates, audits, stage } = this.state;
    const m = (kind: string, due: CalendarDate | undefined): IsoMilestone | null =>
      due ? { kind, due } : null;
    switch (stage) {
      case 'GAP_ASSESSMENT':
        return m('gap-assessment-due', dates.gapAssessmentDue);
      case 'REMEDIATION': {
        const nextTask = this.tasks
          .open()
          .map((t) => t.dueDate)
          .sort()[0];
        return m('stage1', audits.stage1?.scheduledOn) ?? m('remediation-task-due', nextTask);
      }
      case 'STAGE1':
        return m('stage1', audits.stage1?.scheduledOn);
      case 'STAGE2':
        return m('stage2', audits.stage2?.scheduledOn) ?? m('stage1-valid-until', dates.stage1ValidUntil);
      case 'CERTIFICATION_DECISION':
        return m('major-closure-deadline', dates.majorClosureDeadline);
      case 'SURVEILLANCE_1':
        return (
          m('surveillance1', audits.surveillance1?.scheduledOn) ??
          m('surveillance1-due', dates.surveillance1Due)
        );
      case 'SURVEILLANCE_2':
        return (
          m('surveillance2', audits.surveillance2?.scheduledOn) ??
          m('surveillance2-due', dates.surveillance2Due)
        );
      case 'RECERTIFICATION':
        return (
          (audits.recertification?.lastDay
            ? null
            : m('recertification', audits.recertification?.scheduledOn)) ??
          m('certificate-expiry', dates.expiryDate)
        );
      case 'LAPSED':
        return m('restoration-deadline', dates.restorationDeadline);
      case 'SUSPENDED': {
        const missed = this.state.suspension?.missedAudit;
        return (
          (missed ? m(missed, audits[missed]?.scheduledOn) : null) ??
          m('suspension-ends', this.state.suspension?.until)
        );
      }
      default:
        return null;
    }
  }

  private atRiskReasons(today: CalendarDate): string[] {
    const reasons = [...this.state.missedDeadlines.map((k) => `missed:${k}`)];
    const overdue = this.tasks.overdue(today).length;
    if (overdue > 0) reasons.push(`overdue-tasks:${overdue}`);
    const lateFindings = this.state.findings.filter(
      (f) => f.status === 'OPEN' && f.severity !== 'OBSERVATION' && today > f.responseDue,
    ).length;
    if (lateFindings > 0) reasons.push(`overdue-findings:${lateFindings}`);
    if (this.state.stage === 'LAPSED') reasons.push('certificate-lapsed');
    if (this.state.stage === 'SUSPENDED') reasons.push('certificate-suspended');
    return reasons;
  }

  /** State for the next run: finished tasks and closed findings of earlier cycles live on in the audit trail. */
  carriedState(): IsoProgramState {
    const snap = this.snapshot();
    snap.tasks = this.tasks.compact();
    snap.findings = snap.findings.filter((f) => f.status !== 'CLOSED');
    return snap;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
