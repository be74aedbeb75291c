import type {
  CalendarDate,
  ChangeSoc2SettingsInput,
  CompleteFieldworkInput,
  CompleteReadinessAssessmentInput,
  Coverage,
  IssueBridgeLetterInput,
  PlanNextPeriodInput,
  RecordControlExceptionInput,
  RecordReportInput,
  ScheduleFieldworkInput,
  ScheduleTypeIInput,
  Soc2AttestationProgramInput,
  Soc2Milestone,
  Soc2OverrideInput,
  Soc2ProgramState,
} from '@certflow/contracts';
import { jsonCopy } from '../shared/program-rules.js';
import * as calendar from './calendar.js';
import * as cover from './coverage.js';
import * as periods from './periods.js';
import * as reports from './reports.js';
import * as settings from './settings.js';
import { Soc2Context } from './soc2-context.js';
import { beginSoc2Program, initialSoc2State } from './start.js';

export type PeriodTransition = Soc2Context['transition'];

/**
 * The SOC 2 Type II rules as a synchronous state machine, like `IsoProgram`, split by concern: `periods.ts`
 * (readiness, Type I, fieldwork, planning the next period), `reports.ts` (reports, bridge letters, control
 * exceptions), `coverage.ts`, `settings.ts` and the deadline table in `calendar.ts`. Dates and coverage come from
 * the pure helpers in @certflow/contracts (soc2-period-dates).
 *
 * A run attests one observation period (`state.period`); it continues as new once that period's Type II report is
 * recorded.
 */
export class Soc2Program extends Soc2Context {
  static initialState(input: Soc2AttestationProgramInput, today: CalendarDate): Soc2ProgramState {
    return initialSoc2State(input, today);
  }

  begin(input: Soc2AttestationProgramInput): void {
    beginSoc2Program(this, input);
  }

  snapshot(): Soc2ProgramState {
    const today = this.today;
    const coverage = this.coverage(today);
    const reasons = calendar.atRiskReasons(this, today);
    const plannedGaps = cover.plannedGaps(this, today);
    const auditPlan = settings.periodPlan(this);
    return jsonCopy({
      ...this.state,
      today,
      coverage,
      ...(plannedGaps.length > 0 && { plannedGaps }),
      lastEventSequence: this.effects.sequence,
      atRisk: reasons.length > 0,
      atRiskReasons: reasons,
      nextMilestone: this.nextMilestone(),
      ...(auditPlan && { auditPlan }),
    });
  }

  /** State for the next run: finished tasks and their exceptions live on in the audit trail. */
  carriedState(): Soc2ProgramState {
    const snap = this.snapshot();
    snap.tasks = this.tasks.compact();
    const openTaskIds = new Set(snap.tasks.map((t) => t.id));
    snap.exceptions = snap.exceptions.filter((e) => openTaskIds.has(e.taskId));
    snap.alertsRaised = snap.alertsRaised.slice(-20);
    delete snap.auditPlan;
    delete snap.plannedGaps;
    return snap;
  }

  coverage(today: CalendarDate): Coverage {
    return cover.coverage(this, today);
  }

  tick(): void {
    calendar.tick(this);
  }

  nextWakeUp(): CalendarDate | undefined {
    return calendar.nextWakeUp(this);
  }

  nextMilestone(): Soc2Milestone | null {
    return calendar.nextMilestone(this);
  }

  checkCompleteReadinessAssessment = (i: CompleteReadinessAssessmentInput) =>
    periods.checkCompleteReadinessAssessment(this, i);
  applyCompleteReadinessAssessment = (i: CompleteReadinessAssessmentInput) =>
    periods.applyCompleteReadinessAssessment(this, i);
  checkScheduleTypeI = (i: ScheduleTypeIInput) => periods.checkScheduleTypeI(this, i);
  applyScheduleTypeI = (i: ScheduleTypeIInput) => periods.applyScheduleTypeI(this, i);
  checkScheduleFieldwork = (i: ScheduleFieldworkInput) => periods.checkScheduleFieldwork(this, i);
  applyScheduleFieldwork = (i: ScheduleFieldworkInput) => periods.applyScheduleFieldwork(this, i);
  checkCompleteFieldwork = (i: CompleteFieldworkInput) => periods.checkCompleteFieldwork(this, i);
  applyCompleteFieldwork = (i: CompleteFieldworkInput) => periods.applyCompleteFieldwork(this, i);
  checkPlanNextPeriod = (i: PlanNextPeriodInput) => periods.checkPlanNextPeriod(this, i);
  applyPlanNextPeriod = (i: PlanNextPeriodInput) => periods.applyPlanNextPeriod(this, i);
  checkRecordReport = (i: RecordReportInput) => reports.checkRecordReport(this, i);
  applyRecordReport = (i: RecordReportInput) => reports.applyRecordReport(this, i);
  checkIssueBridgeLetter = (i: IssueBridgeLetterInput) => reports.checkIssueBridgeLetter(this, i);
  applyIssueBridgeLetter = (i: IssueBridgeLetterInput) => reports.applyIssueBridgeLetter(this, i);
  checkRecordControlException = (i: RecordControlExceptionInput) =>
    reports.checkRecordControlException(this, i);
  applyRecordControlException = (i: RecordControlExceptionInput) =>
    reports.applyRecordControlException(this, i);
  checkOverrideRule = (i: Soc2OverrideInput) => settings.checkOverrideRule(this, i);
  applyOverrideRule = (i: Soc2OverrideInput) => settings.applyOverrideRule(this, i);
  checkChangeSettings = (i: ChangeSoc2SettingsInput) => settings.checkChangeSettings(this, i);
  applyChangeSettings = (i: ChangeSoc2SettingsInput) => settings.applyChangeSettings(this, i);

  /** Every update of the SOC 2 workflow, by the name of its definition in `soc2Updates`. */
  updateHandlers() {
    const pair = <I>(check: (i: I) => unknown, apply: (i: I) => void) => ({ check, apply });
    return {
      ...this.sharedHandlers(),
      completeReadinessAssessment: pair(
        this.checkCompleteReadinessAssessment,
        this.applyCompleteReadinessAssessment,
      ),
      scheduleTypeI: pair(this.checkScheduleTypeI, this.applyScheduleTypeI),
      scheduleFieldwork: pair(this.checkScheduleFieldwork, this.applyScheduleFieldwork),
      completeFieldwork: pair(this.checkCompleteFieldwork, this.applyCompleteFieldwork),
      recordReport: pair(this.checkRecordReport, this.applyRecordReport),
      issueBridgeLetter: pair(this.checkIssueBridgeLetter, this.applyIssueBridgeLetter),
      recordControlException: pair(this.checkRecordControlException, this.applyRecordControlException),
      overrideRule: pair(this.checkOverrideRule, this.applyOverrideRule),
      planNextPeriod: pair(this.checkPlanNextPeriod, this.applyPlanNextPeriod),
      changeSettings: pair(this.checkChangeSettings, this.applyChangeSettings),
    };
  }
}
