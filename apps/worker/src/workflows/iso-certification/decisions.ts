import {
  addDays,
  type CalendarDate,
  expiryFor,
  type IsoCycleDates,
  type RecordCertificationDecisionInput,
  recordCertificationDecisionInputSchema,
  recertificationEarliest,
} from '@certflow/contracts';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject, violates } from '../shared/rejected-action.js';
import { frameworkNames, type IsoContext } from './iso-context.js';
import { isoPatches } from './patches.js';

/**
 * Certification decisions: the initial grant, recertification, restoration after a lapse and the extension of a
 * certificate to an added standard, each granted or refused; and the move into the next cycle.
 */

export function checkRecordCertificationDecision(c: IsoContext, raw: RecordCertificationDecisionInput) {
  const input = parseOrReject(recordCertificationDecisionInputSchema, raw);
  const { stage, audits, dates } = c.state;
  const { decidedOn } = input;
  const refused = input.outcome === 'REFUSED';
  c.notAfterToday(decidedOn, 'The decision date', 'decidedOn');
  if (input.framework !== undefined) return checkExtensionDecision(c, input);
  if (stage === 'CERTIFICATION_DECISION') {
    const stage2End = audits.stage2?.lastDay;
    if (stage2End && decidedOn < stage2End)
      reject(
        `The decision cannot precede the end of Stage 2 (${stage2End}).`,
        violates('date-order', 'decidedOn'),
      );
    if (
      !refused &&
      dates.majorClosureDeadline &&
      decidedOn > dates.majorClosureDeadline &&
      !c.hasOverride('major-closure-window')
    ) {
      reject(
        `More than ${c.policy.majorClosureMonthsAfterStage2} months have passed since Stage 2; Stage 2 must be repeated.`,
        violates('major-closure-window', 'decidedOn', 'major-closure-window'),
      );
    }
  } else if (stage === 'RECERTIFICATION' || stage === 'LAPSED') {
    const recert = audits.recertification?.lastDay;
    if (!recert)
      reject('The recertification audit has not been recorded yet.', conflict('audit-outstanding'));
    if (decidedOn < recert)
      reject(
        `The decision cannot precede the end of the recertification audit (${recert}).`,
        violates('date-order', 'decidedOn'),
      );
    const limit = stage === 'LAPSED' ? dates.restorationDeadline : dates.expiryDate;
    if (!refused && limit && decidedOn > limit) {
      reject(
        stage === 'LAPSED'
          ? `Restoration had to be decided by ${limit}; a new initial audit is required.`
          : `Recertification must be decided before the certificate expires (${limit}).`,
        violates(stage === 'LAPSED' ? 'restoration-window' : 'certificate-expiry', 'decidedOn'),
      );
    }
  } else {
    reject(
      `No certification decision is due while the program is in ${stage}.`,
      conflict('action-not-in-stage'),
    );
  }
  // Open nonconformities block a grant; they are often the very reason for a refusal.
  if (!refused) checkNoOpenNonconformities(c);
  return input;
}

function checkNoOpenNonconformities(c: IsoContext): void {
  const majors = c.openMajors();
  if (majors.length > 0) {
    reject(
      `${majors.length} major nonconformity(ies) are not verified closed: ${majors.map((m) => m.description).join('; ')}.`,
      violates('open-majors'),
    );
  }
  const minors = c.minorsWithoutPlan();
  if (minors.length > 0)
    reject(
      `${minors.length} minor nonconformity(ies) have no accepted corrective-action plan yet.`,
      violates('open-minors'),
    );
}

function checkExtensionDecision(
  c: IsoContext,
  input: ReturnType<typeof recordCertificationDecisionInputSchema.parse>,
) {
  const extension = c.state.extension;
  const name = frameworkNames[input.framework!];
  if (!extension || extension.framework !== input.framework)
    reject(`${name} is not being added to the certificate.`, conflict('action-not-in-stage'));
  if (extension.stage !== 'DECISION')
    reject(`${name} needs its own Stage 1 and Stage 2 before a decision.`, conflict('action-not-in-stage'));
  const stage2End = c.state.audits['extension-stage2']?.lastDay;
  if (stage2End && input.decidedOn < stage2End)
    reject(
      `The decision cannot precede the end of its Stage 2 (${stage2End}).`,
      violates('date-order', 'decidedOn'),
    );
  if (input.outcome === 'REFUSED') return input;
  const deadline = extension.majorClosureDeadline;
  if (deadline && input.decidedOn > deadline) {
    reject(
      `More than ${c.policy.majorClosureMonthsAfterStage2} months have passed since its Stage 2; Stage 2 must be repeated.`,
      violates('major-closure-window', 'decidedOn'),
    );
  }
  checkNoOpenNonconformities(c);
  return input;
}

export function applyRecordCertificationDecision(c: IsoContext, raw: RecordCertificationDecisionInput): void {
  const input = checkRecordCertificationDecision(c, raw);
  const { actor, decidedOn } = input;
  if (input.framework !== undefined)
    return decideExtension(c, input.outcome === 'GRANTED', actor, decidedOn, input.reason);
  if (input.outcome === 'REFUSED') return refuseCertification(c, actor, decidedOn, input.reason ?? '');
  if (c.state.stage === 'CERTIFICATION_DECISION') return grantInitial(c, actor, decidedOn);
  const previousExpiry = c.state.dates.expiryDate;
  if (!previousExpiry) return;
  const lapsed = c.state.stage === 'LAPSED';
  if (lapsed && c.feature('restorationFromDecision')) {
    const { uncertified, ...next } = restoredDates(c, previousExpiry, decidedOn);
    c.effects.audit('certification.decided', actor, {
      kind: 'restoration',
      ...next,
      uncertified,
      cycle: c.state.cycle + 1,
    });
    (c.state.uncertified ??= []).push({ ...uncertified, reason: 'lapsed' });
    return startNextCycle(c, next, actor, 'restoration');
  }
  const kind = lapsed ? 'restoration' : 'recertification';
  const next = nextDates(c, previousExpiry, decidedOn);
  c.effects.audit('certification.decided', actor, { kind, ...next, cycle: c.state.cycle + 1 });
  startNextCycle(c, next, actor, kind);
}

function grantInitial(c: IsoContext, actor: string, decidedOn: CalendarDate): void {
  const cycle: IsoCycleDates = {
    decisionDate: decidedOn,
    cycleStart: decidedOn,
    expiryDate: expiryFor(decidedOn, c.policy.certificateValidityYears),
    surveillance1Due: c.windows.surveillance1Due(decidedOn),
  };
  c.effects.audit('certification.decided', actor, { kind: 'initial', ...cycle, cycle: c.state.cycle });
  c.setDate('decisionDate', cycle.decisionDate, actor);
  c.setDate('cycleStart', cycle.cycleStart, actor);
  c.setDate('expiryDate', cycle.expiryDate, actor);
  c.setDate('surveillance1Due', cycle.surveillance1Due, actor);
  c.setDate('majorClosureDeadline', undefined, actor);
  c.setDate('stage1ValidUntil', undefined, actor);
  setRecertificationEarliest(c, actor);
  if (c.state.certificate) c.state.certificate.frameworks = [...c.state.frameworks];
  if (c.isPatched(isoPatches.initialCycleStartedEvent)) {
    c.effects.audit('cycle.started', actor, {
      cycle: c.state.cycle,
      reason: 'initial-certification',
      ...cycle,
    });
  }
  c.setStage('SURVEILLANCE_1', actor, 'certification granted');
}

function setRecertificationEarliest(c: IsoContext, actor: string | null): void {
  const expiry = c.state.dates.expiryDate;
  if (!expiry || !c.feature('recertificationWindow')) return;
  c.setDate(
    'recertificationEarliest',
    recertificationEarliest(expiry, c.policy.recertificationWindowMonths),
    actor,
  );
}

/** Recertification on or before expiry: the new cycle runs from the old expiry; surveillance counts inside it. */
function nextDates(c: IsoContext, previousExpiry: CalendarDate, decidedOn: CalendarDate): IsoCycleDates {
  const cycleStart = addDays(previousExpiry, 1);
  const clockFrom =
    c.feature('recertificationWindow') && decidedOn < previousExpiry ? previousExpiry : decidedOn;
  return {
    decisionDate: decidedOn,
    cycleStart,
    expiryDate: expiryFor(cycleStart, c.policy.certificateValidityYears),
    surveillance1Due: c.windows.surveillance1Due(clockFrom),
  };
}

/** Restoration after a lapse (17021-1 §9.6.3): valid from the decision, expiry as if the cycle had rolled on. */
function restoredDates(c: IsoContext, previousExpiry: CalendarDate, decidedOn: CalendarDate) {
  return {
    decisionDate: decidedOn,
    cycleStart: decidedOn,
    expiryDate: expiryFor(addDays(previousExpiry, 1), c.policy.certificateValidityYears),
    surveillance1Due: c.windows.surveillance1Due(decidedOn),
    uncertified: { from: addDays(previousExpiry, 1), to: addDays(decidedOn, -1) },
  };
}

/**
 * A refusal sends the program back to the audit the decision rested on: Stage 2 for an initial certification
 * (its Stage 1 gap limit no longer applies), the recertification audit otherwise. Expiry and restoration
 * deadlines keep running.
 */
function refuseCertification(c: IsoContext, actor: string, decidedOn: CalendarDate, reason: string): void {
  const s = c.state;
  const kind =
    s.stage === 'CERTIFICATION_DECISION'
      ? 'initial'
      : s.stage === 'LAPSED'
        ? 'restoration'
        : 'recertification';
  const seq = c.effects.audit('certification.refused', actor, { kind, decidedOn, reason, cycle: s.cycle });
  c.effects.email(
    seq,
    s.programManagerEmail,
    `[${c.label}] Certification refused`,
    `The certification body refused the ${kind} certification on ${decidedOn}: ${reason}`,
  );
  if (kind === 'initial') {
    delete s.audits.stage2;
    c.setDate('majorClosureDeadline', undefined, actor);
    c.setDate('stage1ValidUntil', undefined, actor);
    c.setStage('STAGE2', actor, 'certification refused; Stage 2 to be repeated');
  } else {
    delete s.audits.recertification;
  }
}

/** The certificate is extended to the added standard (same cycle, same expiry), or its Stage 2 is repeated. */
function decideExtension(
  c: IsoContext,
  granted: boolean,
  actor: string,
  decidedOn: CalendarDate,
  reason?: string,
): void {
  const extension = c.state.extension!;
  if (!granted) {
    c.effects.audit('certification.refused', actor, {
      kind: 'extension',
      framework: extension.framework,
      decidedOn,
      reason: reason ?? '',
    });
    delete c.state.audits['extension-stage2'];
    extension.stage = 'STAGE2';
    delete extension.majorClosureDeadline;
    return;
  }
  const certificate = (c.state.certificate ??= {
    frameworks: [...c.certifiedFrameworks],
    origin: 'gap-assessment',
  });
  certificate.frameworks = [...certificate.frameworks, extension.framework];
  c.effects.audit('certification.decided', actor, {
    kind: 'extension',
    framework: extension.framework,
    decisionDate: decidedOn,
    expiryDate: c.state.dates.expiryDate ?? null,
    cycle: c.state.cycle,
  });
  delete c.state.extension;
}

/** Moves the state into the next cycle; the workflow then continues as new. */
export function startNextCycle(
  c: IsoContext,
  next: IsoCycleDates,
  actor: string | null,
  reason: string,
): void {
  const s = c.state;
  s.cycle += 1;
  s.dates = {
    startDate: s.dates.startDate,
    gapAssessmentDue: s.dates.gapAssessmentDue,
    decisionDate: next.decisionDate,
    cycleStart: next.cycleStart,
    expiryDate: next.expiryDate,
    surveillance1Due: next.surveillance1Due,
  };
  // An added standard's audits still under way carry on into the new cycle.
  const extensionAudits = s.extension
    ? Object.fromEntries(Object.entries(s.audits).filter(([kind]) => kind.startsWith('extension-')))
    : {};
  s.audits = extensionAudits;
  s.missedDeadlines = [];
  s.overrides = [];
  delete s.suspension;
  c.effects.audit('cycle.started', actor, { cycle: s.cycle, reason, ...next });
  setRecertificationEarliest(c, actor);
  c.setStage('SURVEILLANCE_1', actor, reason);
  c.transition = { kind: 'next-cycle' };
}
