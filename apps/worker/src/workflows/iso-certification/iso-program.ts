import type {
  CalendarDate,
  ChangeIsoSettingsInput,
  ChangeScopeInput,
  CloseFindingInput,
  CompleteGapAssessmentInput,
  IsoCertificationProgramInput,
  IsoMilestone,
  IsoProgramState,
  OverrideRuleInput,
  RecordAuditOutcomeInput,
  RecordCertificationDecisionInput,
  ReinstateCertificationInput,
  ScheduleAuditInput,
  SuspendCertificationInput,
  WithdrawCertificationInput,
} from '@certflow/contracts';
import { jsonCopy } from '../shared/program-rules.js';
import * as audits from './audits.js';
import * as calendar from './calendar.js';
import * as decisions from './decisions.js';
import * as findings from './findings.js';
import { IsoContext } from './iso-context.js';
import * as scope from './scope.js';
import * as settings from './settings.js';
import { beginIsoProgram, initialIsoState } from './start.js';
import * as suspension from './suspension.js';

export type CycleTransition = IsoContext['transition'];

/**
 * The ISO certification rules as a synchronous state machine, split by life-cycle concern: `audits.ts`,
 * `findings.ts`, `decisions.ts`, `suspension.ts`, `scope.ts`, `settings.ts` and the deadline table in
 * `calendar.ts`. This class is their public face: `check*` are the update validators (throw `RejectedAction`,
 * change nothing), `apply*` change state and queue effects, `tick` applies what the calendar made due.
 */
export class IsoProgram extends IsoContext {
  static initialState(input: IsoCertificationProgramInput, today: CalendarDate): IsoProgramState {
    return initialIsoState(input, today);
  }

  /** The first events of a new program (not of a run carried over from a previous cycle). */
  begin(input: IsoCertificationProgramInput): void {
    beginIsoProgram(this, input);
  }

  /** The state as clients see it, with the derived fields filled in. */
  snapshot(): IsoProgramState {
    const today = this.today;
    const reasons = calendar.atRiskReasons(this, today);
    return jsonCopy({
      ...this.state,
      today,
      lastEventSequence: this.effects.sequence,
      atRisk: reasons.length > 0,
      atRiskReasons: reasons,
      nextMilestone: this.nextMilestone(),
      auditPlan: settings.cyclePlan(this),
    });
  }

  /** State for the next run: finished tasks and closed findings of earlier cycles live on in the audit trail. */
  carriedState(): IsoProgramState {
    const snap = this.snapshot();
    snap.tasks = this.tasks.compact();
    snap.findings = snap.findings.filter((f) => f.status !== 'CLOSED');
    delete snap.auditPlan;
    return snap;
  }

  tick(): void {
    calendar.tick(this);
  }

  nextWakeUp(): CalendarDate | undefined {
    return calendar.nextWakeUp(this);
  }

  nextMilestone(): IsoMilestone | null {
    return calendar.nextMilestone(this);
  }

  checkCompleteGapAssessment = (i: CompleteGapAssessmentInput) => audits.checkCompleteGapAssessment(this, i);
  applyCompleteGapAssessment = (i: CompleteGapAssessmentInput) => audits.applyCompleteGapAssessment(this, i);
  checkScheduleAudit = (i: ScheduleAuditInput) => audits.checkScheduleAudit(this, i);
  applyScheduleAudit = (i: ScheduleAuditInput) => audits.applyScheduleAudit(this, i);
  checkRecordAuditOutcome = (i: RecordAuditOutcomeInput) => audits.checkRecordAuditOutcome(this, i);
  applyRecordAuditOutcome = (i: RecordAuditOutcomeInput) => audits.applyRecordAuditOutcome(this, i);
  checkCloseFinding = (i: CloseFindingInput) => findings.checkCloseFinding(this, i);
  applyCloseFinding = (i: CloseFindingInput) => findings.applyCloseFinding(this, i);
  checkRecordCertificationDecision = (i: RecordCertificationDecisionInput) =>
    decisions.checkRecordCertificationDecision(this, i);
  applyRecordCertificationDecision = (i: RecordCertificationDecisionInput) =>
    decisions.applyRecordCertificationDecision(this, i);
  checkSuspendCertification = (i: SuspendCertificationInput) => suspension.checkSuspendCertification(this, i);
  applySuspendCertification = (i: SuspendCertificationInput) => suspension.applySuspendCertification(this, i);
  checkReinstateCertification = (i: ReinstateCertificationInput) =>
    suspension.checkReinstateCertification(this, i);
  applyReinstateCertification = (i: ReinstateCertificationInput) =>
    suspension.applyReinstateCertification(this, i);
  checkWithdrawCertification = (i: WithdrawCertificationInput) =>
    suspension.checkWithdrawCertification(this, i);
  applyWithdrawCertification = (i: WithdrawCertificationInput) =>
    suspension.applyWithdrawCertification(this, i);
  checkChangeScope = (i: ChangeScopeInput) => scope.checkChangeScope(this, i);
  applyChangeScope = (i: ChangeScopeInput) => scope.applyChangeScope(this, i);
  checkOverrideRule = (i: OverrideRuleInput) => scope.checkOverrideRule(this, i);
  applyOverrideRule = (i: OverrideRuleInput) => scope.applyOverrideRule(this, i);
  checkChangeSettings = (i: ChangeIsoSettingsInput) => settings.checkChangeSettings(this, i);
  applyChangeSettings = (i: ChangeIsoSettingsInput) => settings.applyChangeSettings(this, i);

  /** Every update of the ISO workflow, by the name of its definition in `isoUpdates`. */
  updateHandlers() {
    const pair = <I>(check: (i: I) => unknown, apply: (i: I) => void) => ({ check, apply });
    return {
      ...this.sharedHandlers(),
      completeGapAssessment: pair(this.checkCompleteGapAssessment, this.applyCompleteGapAssessment),
      scheduleAudit: pair(this.checkScheduleAudit, this.applyScheduleAudit),
      recordAuditOutcome: pair(this.checkRecordAuditOutcome, this.applyRecordAuditOutcome),
      recordCertificationDecision: pair(
        this.checkRecordCertificationDecision,
        this.applyRecordCertificationDecision,
      ),
      closeFinding: pair(this.checkCloseFinding, this.applyCloseFinding),
      overrideRule: pair(this.checkOverrideRule, this.applyOverrideRule),
      changeScope: pair(this.checkChangeScope, this.applyChangeScope),
      suspendCertification: pair(this.checkSuspendCertification, this.applySuspendCertification),
      reinstateCertification: pair(this.checkReinstateCertification, this.applyReinstateCertification),
      withdrawCertification: pair(this.checkWithdrawCertification, this.applyWithdrawCertification),
      changeSettings: pair(this.checkChangeSettings, this.applyChangeSettings),
    };
  }
}
