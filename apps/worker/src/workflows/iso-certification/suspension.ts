import {
  type CalendarDate,
  type IsoAuditKind,
  type IsoSuspensionCause,
  type ReinstateCertificationInput,
  reinstateCertificationInputSchema,
  type SuspendCertificationInput,
  suspendCertificationInputSchema,
  type WithdrawCertificationInput,
  withdrawCertificationInputSchema,
} from '@certflow/contracts';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject, violates } from '../shared/rejected-action.js';
import { auditLabels, type IsoContext } from './iso-context.js';
import { isoPatches } from './patches.js';

/**
 * Suspension, reinstatement and withdrawal of a certificate (ISO/IEC 17021-1 §9.6.5), and the new initial audit
 * that follows a withdrawal or a lapse past the restoration window.
 */

export function suspend(
  c: IsoContext,
  cause: IsoSuspensionCause,
  reason: string,
  since: CalendarDate,
  actor: string | null,
  missedAudit?: IsoAuditKind,
): void {
  const s = c.state;
  const until = c.windows.suspensionLastDay(since);
  s.suspension = { cause, reason, since, until, resumeStage: s.stage, ...(missedAudit && { missedAudit }) };
  const seq = c.effects.audit('certification.suspended', actor, {
    cause,
    reason,
    since,
    until,
    ...(missedAudit && { missedAudit }),
  });
  c.effects.email(
    seq,
    s.programManagerEmail,
    `[${c.label}] Certificate suspended`,
    `The certificate is suspended from ${since} (${reason}). Unless the suspension is lifted by ${until}, ` +
      'the certificate will be withdrawn.',
  );
  c.setStage('SUSPENDED', actor, reason);
}

/**
 * The CB must suspend a certificate whose surveillance audits are not held at the required frequency
 * (ISO/IEC 17021-1 9.6.5). Runs recorded before this rule only flagged the missed deadline.
 */
export function suspendForMissedSurveillance(
  c: IsoContext,
  audit: 'surveillance1' | 'surveillance2',
  today: CalendarDate,
): void {
  if (!c.isPatched(isoPatches.suspensionOnMissedSurveillance)) return;
  suspend(c, 'missed-surveillance', `${auditLabels[audit]} was not held in time`, today, null, audit);
}

export function reinstate(
  c: IsoContext,
  actor: string | null,
  on: CalendarDate,
  justification: string,
): void {
  const suspension = c.state.suspension;
  if (!suspension) return;
  delete c.state.suspension;
  c.effects.audit('certification.reinstated', actor, {
    on,
    justification,
    cause: suspension.cause,
    suspendedSince: suspension.since,
  });
  c.setStage(suspension.resumeStage, actor, 'suspension lifted');
}

/** Withdrawal ends the certificate; the organisation can only start over with a new initial audit. */
export function withdraw(c: IsoContext, actor: string | null, on: CalendarDate, reason: string): void {
  const s = c.state;
  const seq = c.effects.audit('certification.withdrawn', actor, { on, reason, cycle: s.cycle });
  c.effects.email(
    seq,
    s.programManagerEmail,
    `[${c.label}] Certificate withdrawn`,
    `The certificate was withdrawn on ${on}: ${reason}. A new initial audit (Stage 1 and Stage 2) is required.`,
  );
  delete s.suspension;
  startNewInitialAudit(c, on, actor, 'certificate-withdrawn', 'new initial audit required after withdrawal');
}

/**
 * After a lapse past the restoration window, or a withdrawal, the organisation starts over with Stage 1 and
 * Stage 2 of every standard. It needs an internal audit and a management review held from `endedOn` on; runs
 * recorded before `iso-fresh-readiness-after-lapse` kept those of the certificate that ended.
 */
export function startNewInitialAudit(
  c: IsoContext,
  endedOn: CalendarDate,
  actor: string | null = null,
  reason = 'new-initial-audit',
  stageReason = 'new initial audit required after lapse',
): void {
  const s = c.state;
  s.cycle += 1;
  s.dates = { startDate: s.dates.startDate, gapAssessmentDue: s.dates.gapAssessmentDue };
  const keep = s.audits;
  s.audits = {};
  const fresh = c.feature('freshReadinessAfterLapse');
  if (fresh) {
    s.dates.readinessNotBefore = endedOn;
  } else {
    if (keep['internal-audit']) s.audits['internal-audit'] = keep['internal-audit'];
    if (keep['management-review']) s.audits['management-review'] = keep['management-review'];
  }
  // Every standard of the program is audited from scratch; none is on a certificate until the decision.
  delete s.extension;
  if (s.certificate) s.certificate.frameworks = [];
  s.missedDeadlines = [];
  s.overrides = [];
  c.effects.audit('cycle.started', actor, {
    cycle: s.cycle,
    reason,
    ...(fresh && { readinessNotBefore: endedOn }),
  });
  c.setStage('REMEDIATION', actor, stageReason);
  c.transition = { kind: 'next-cycle' };
}

export function checkSuspendCertification(c: IsoContext, raw: SuspendCertificationInput) {
  const input = parseOrReject(suspendCertificationInputSchema, raw);
  if (!c.isCertified())
    reject(
      `Only a valid certificate can be suspended; the program is in ${c.state.stage}.`,
      conflict('action-not-in-stage'),
    );
  c.notAfterToday(input.on, 'The suspension date', 'on');
  const decided = c.state.dates.decisionDate;
  if (decided && input.on < decided) {
    reject(
      `The suspension (${input.on}) cannot precede the certification decision (${decided}).`,
      violates('date-order', 'on'),
    );
  }
  return input;
}

export function applySuspendCertification(c: IsoContext, raw: SuspendCertificationInput): void {
  const input = checkSuspendCertification(c, raw);
  suspend(c, 'certification-body-decision', input.reason, input.on, input.actor);
}

export function checkReinstateCertification(c: IsoContext, raw: ReinstateCertificationInput) {
  const input = parseOrReject(reinstateCertificationInputSchema, raw);
  const suspension = c.state.suspension;
  if (c.state.stage !== 'SUSPENDED' || !suspension)
    reject('The certificate is not suspended.', conflict('action-not-in-stage'));
  if (suspension.cause === 'missed-surveillance' && suspension.missedAudit) {
    reject(
      `The suspension lifts when the overdue ${auditLabels[suspension.missedAudit]} is recorded (by ${suspension.until}).`,
      violates('reinstated-by-audit'),
    );
  }
  c.notAfterToday(input.on, 'The reinstatement date', 'on');
  if (input.on < suspension.since) {
    reject(
      `The reinstatement (${input.on}) cannot precede the suspension (${suspension.since}).`,
      violates('date-order', 'on'),
    );
  }
  return input;
}

export function applyReinstateCertification(c: IsoContext, raw: ReinstateCertificationInput): void {
  const input = checkReinstateCertification(c, raw);
  reinstate(c, input.actor, input.on, input.justification);
}

export function checkWithdrawCertification(c: IsoContext, raw: WithdrawCertificationInput) {
  const input = parseOrReject(withdrawCertificationInputSchema, raw);
  if (!c.isCertified() && c.state.stage !== 'SUSPENDED') {
    reject(
      `There is no certificate to withdraw while the program is in ${c.state.stage}.`,
      conflict('action-not-in-stage'),
    );
  }
  c.notAfterToday(input.on, 'The withdrawal date', 'on');
  return input;
}

export function applyWithdrawCertification(c: IsoContext, raw: WithdrawCertificationInput): void {
  const input = checkWithdrawCertification(c, raw);
  withdraw(c, input.actor, input.on, input.reason);
}
