import {
  type CalendarDate,
  type CompleteGapAssessmentInput,
  completeGapAssessmentInputSchema,
  type IsoAuditKind,
  type RecordAuditOutcomeInput,
  recordAuditOutcomeInputSchema,
  type ScheduleAuditInput,
  scheduleAuditInputSchema,
} from '@certflow/contracts';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject, violates } from '../shared/rejected-action.js';
import { checkVerifiedFindings, closeFinding, raiseFinding } from './findings.js';
import { auditLabels, capitalise, cbAudits, type IsoContext } from './iso-context.js';
import { reinstate } from './suspension.js';
import { plannedFigures } from './settings.js';

/**
 * The audits of a cycle: the gap assessment, the internal audit and management review before Stage 1, Stage 1 and
 * Stage 2, surveillance, recertification, and the Stage 1 / Stage 2 of a standard added to a certified program.
 */

// ---- gap assessment -------------------------------------------------------------------------------------

export function checkCompleteGapAssessment(c: IsoContext, raw: CompleteGapAssessmentInput) {
  const input = parseOrReject(completeGapAssessmentInputSchema, raw);
  if (c.state.stage !== 'GAP_ASSESSMENT') {
    reject(
      `The gap assessment is already complete; the program is in ${c.state.stage}.`,
      conflict('already-recorded'),
    );
  }
  c.notAfterToday(input.completedOn, 'The completion date', 'completedOn');
  if (input.completedOn < c.state.dates.startDate) {
    reject(
      `The gap assessment cannot finish (${input.completedOn}) before the program started (${c.state.dates.startDate}).`,
      violates('date-order', 'completedOn'),
    );
  }
  const early = input.gaps.find((g) => g.dueDate < input.completedOn);
  if (early)
    reject(
      `Task "${early.title}" is due ${early.dueDate}, before the gap assessment finished.`,
      violates('date-order', 'gaps'),
    );
  for (const gap of input.gaps) c.inScope(gap.requirementIds, `Task "${gap.title}"`, 'gaps');
  return input;
}

export function applyCompleteGapAssessment(c: IsoContext, raw: CompleteGapAssessmentInput): void {
  const input = checkCompleteGapAssessment(c, raw);
  c.state.gapAssessmentCompletedOn = input.completedOn;
  c.effects.audit('audit.completed', input.actor, {
    audit: 'gap-assessment',
    lastDay: input.completedOn,
    gaps: input.gaps.length,
  });
  for (const gap of input.gaps) {
    c.tasks.create(c.nextId(), gap, { kind: 'gap-assessment' }, input.actor, c.linksFor(gap.requirementIds));
  }
  c.setStage('REMEDIATION', input.actor, 'gap assessment completed');
}

// ---- scheduling -----------------------------------------------------------------------------------------

/** The latest day each audit may be scheduled for, with the sentence that explains a later date's refusal. */
function latestDate(
  c: IsoContext,
  audit: IsoAuditKind,
): { limit: CalendarDate; message: string; rule: string } | undefined {
  const { dates, suspension, stage, extension } = c.state;
  // A suspended certificate's overdue surveillance has until the end of the suspension.
  const suspended = stage === 'SUSPENDED' && suspension ? suspension.until : undefined;
  switch (audit) {
    case 'surveillance1': {
      const limit = suspended ?? dates.surveillance1Due;
      if (!limit) return undefined;
      return {
        limit,
        rule: suspended ? 'suspension-ends' : 'surveillance1-due',
        message: suspended
          ? `The overdue surveillance audit 1 must take place by ${limit}, when the suspension ends in withdrawal.`
          : `Surveillance audit 1 must take place by ${limit} (12 months after the certification decision).`,
      };
    }
    case 'surveillance2': {
      const limit = suspended ?? dates.surveillance2Due;
      return limit
        ? {
            limit,
            rule: suspended ? 'suspension-ends' : 'surveillance2-due',
            message: `Surveillance audit 2 must take place by ${limit}.`,
          }
        : undefined;
    }
    case 'recertification': {
      const limit = stage === 'LAPSED' ? dates.restorationDeadline : dates.expiryDate;
      if (!limit) return undefined;
      return {
        limit,
        rule: stage === 'LAPSED' ? 'restoration-window' : 'certificate-expiry',
        message:
          stage === 'LAPSED'
            ? `Restoration is only possible until ${limit}.`
            : `The recertification audit must take place before the certificate expires on ${limit}.`,
      };
    }
    case 'extension-stage2': {
      const limit = extension?.stage1ValidUntil;
      return limit
        ? {
            limit,
            rule: 'extension-stage1-validity',
            message: `Stage 2 of the added standard must take place by ${limit}, while its Stage 1 is valid.`,
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

export function checkScheduleAudit(c: IsoContext, raw: ScheduleAuditInput) {
  const input = parseOrReject(scheduleAuditInputSchema, raw);
  const { audit, date } = input;
  const label = auditLabels[audit];
  if (!c.expectedAudits().includes(audit)) {
    reject(
      `${capitalise(label)} cannot be scheduled while the program is in ${c.state.stage}.`,
      conflict('action-not-in-stage'),
    );
  }
  if (c.state.audits[audit]?.lastDay)
    reject(`${capitalise(label)} has already taken place in this cycle.`, conflict('already-recorded'));
  if (date < c.today)
    reject(
      `${capitalise(label)} cannot be scheduled in the past (${date}).`,
      violates('date-in-the-past', 'date'),
    );
  const { dates, audits } = c.state;
  if (audit === 'stage1') {
    const ia = audits['internal-audit']?.lastDay;
    const mr = audits['management-review']?.lastDay;
    if (!ia || !mr) {
      const missing = [!ia && 'the internal audit', !mr && 'the management review']
        .filter(Boolean)
        .join(' and ');
      reject(`Stage 1 needs ${missing} to be completed first.`, violates('stage1-prerequisites', 'audit'));
    }
  }
  if (audit === 'stage2') {
    const concerns = c.stage1Concerns();
    if (concerns.length > 0) {
      reject(
        `Stage 2 cannot be scheduled while ${concerns.length} Stage 1 concern(s) are unresolved.`,
        violates('stage1-concerns', 'audit'),
      );
    }
    if (dates.stage1ValidUntil && date > dates.stage1ValidUntil && !c.hasOverride('stage1-validity')) {
      reject(
        `Stage 2 on ${date} is past ${dates.stage1ValidUntil}, the certification body's limit after Stage 1; ` +
          'Stage 1 would have to be repeated.',
        violates('stage1-validity', 'date', 'stage1-validity'),
      );
    }
  }
  if (audit === 'extension-stage2') {
    const concerns = c.stage1Concerns('extension-stage1');
    if (concerns.length > 0) {
      reject(
        `Stage 2 of the added standard waits for ${concerns.length} Stage 1 concern(s) to be resolved.`,
        violates('stage1-concerns', 'audit'),
      );
    }
  }
  if (audit === 'surveillance2' && dates.surveillance2Earliest && date < dates.surveillance2Earliest) {
    reject(
      `Surveillance audit 2 must fall in a later calendar year than surveillance audit 1 (from ${dates.surveillance2Earliest}).`,
      violates('surveillance2-window', 'date'),
    );
  }
  if (c.feature('recertificationWindow')) {
    if (audit === 'surveillance1' && dates.cycleStart && date < dates.cycleStart) {
      reject(
        `Surveillance audit 1 of cycle ${c.state.cycle} is held inside that cycle, from ${dates.cycleStart}.`,
        violates('surveillance1-in-cycle', 'date'),
      );
    }
    const earliest = dates.recertificationEarliest;
    if (
      audit === 'recertification' &&
      earliest &&
      date < earliest &&
      !c.hasOverride('recertification-window')
    ) {
      reject(
        `The recertification audit can be held from ${earliest} (the last ${c.policy.recertificationWindowMonths} months before expiry); ` +
          'record a recertification-window override with the certification body’s justification to hold it earlier.',
        violates('recertification-window', 'date', c.isCertified() ? 'recertification-window' : undefined),
      );
    }
  }
  const latest = latestDate(c, audit);
  if (latest && date > latest.limit) reject(latest.message, violates(latest.rule, 'date'));
  return input;
}

export function applyScheduleAudit(c: IsoContext, raw: ScheduleAuditInput): void {
  const input = checkScheduleAudit(c, raw);
  const current = (c.state.audits[input.audit] ??= {});
  const previous = current.scheduledOn;
  current.scheduledOn = input.date;
  c.effects.audit('audit.scheduled', input.actor, {
    audit: input.audit,
    date: input.date,
    previous: previous ?? null,
  });
  if (input.audit === 'stage1') c.setStage('STAGE1', input.actor, 'Stage 1 scheduled');
}

// ---- outcomes -------------------------------------------------------------------------------------------

export function checkRecordAuditOutcome(c: IsoContext, raw: RecordAuditOutcomeInput) {
  const input = parseOrReject(recordAuditOutcomeInputSchema, raw);
  const { audit, lastDay } = input;
  const label = auditLabels[audit];
  if (!c.expectedAudits().includes(audit) || (audit === 'stage1' && c.state.stage === 'REMEDIATION')) {
    reject(
      `The outcome of ${label} cannot be recorded while the program is in ${c.state.stage}.`,
      conflict('action-not-in-stage'),
    );
  }
  const current = c.state.audits[audit];
  if (current?.lastDay)
    reject(`The outcome of ${label} is already recorded (${current.lastDay}).`, conflict('already-recorded'));
  if (cbAudits.includes(audit) && !current?.scheduledOn)
    reject(`${capitalise(label)} was never scheduled.`, conflict('not-scheduled'));
  if (current?.scheduledOn && lastDay < current.scheduledOn) {
    reject(
      `${capitalise(label)} cannot end (${lastDay}) before it was scheduled to start (${current.scheduledOn}).`,
      violates('date-order', 'lastDay'),
    );
  }
  c.notAfterToday(lastDay, `The last day of ${label}`, 'lastDay');
  const notBefore = c.state.dates.readinessNotBefore;
  if ((audit === 'internal-audit' || audit === 'management-review') && notBefore && lastDay < notBefore) {
    reject(
      `${capitalise(label)} of ${lastDay} belongs to the certificate that ended; the new initial audit needs one held from ${notBefore}.`,
      violates('fresh-readiness', 'lastDay'),
    );
  }
  const validUntil =
    audit === 'stage2'
      ? c.hasOverride('stage1-validity')
        ? undefined
        : c.state.dates.stage1ValidUntil
      : audit === 'extension-stage2'
        ? c.state.extension?.stage1ValidUntil
        : undefined;
  if (validUntil && lastDay > validUntil) {
    reject(
      `Stage 2 ended after ${validUntil}, when Stage 1 results were no longer valid; repeat Stage 1.`,
      violates('stage1-validity', 'lastDay', audit === 'stage2' ? 'stage1-validity' : undefined),
    );
  }
  for (const f of input.findings) c.inScope(f.requirementIds, `Finding "${f.description}"`, 'findings');
  checkVerifiedFindings(c, input.verifiedFindingIds);
  return input;
}

export function applyRecordAuditOutcome(c: IsoContext, raw: RecordAuditOutcomeInput): void {
  const input = checkRecordAuditOutcome(c, raw);
  const { audit, lastDay, actor } = input;
  const held = (c.state.audits[audit] ??= {});
  held.lastDay = lastDay;
  const figures = plannedFigures(c, audit);
  if (figures) held.planned = figures;
  c.effects.audit('audit.completed', actor, {
    audit,
    lastDay,
    findings: input.findings.length,
    verified: input.verifiedFindingIds,
  });
  for (const id of input.verifiedFindingIds) closeFinding(c, id, lastDay, 'CLOSED', actor);
  for (const f of input.findings) raiseFinding(c, audit, lastDay, f, actor);
  if (c.state.stage === 'SUSPENDED' && audit !== 'extension-stage1' && audit !== 'extension-stage2') {
    reinstate(c, actor, lastDay, `${auditLabels[audit]} took place`);
  }
  afterAudit(c, audit, lastDay, actor);
}

/** Where the program goes once an audit is held. */
function afterAudit(c: IsoContext, audit: IsoAuditKind, lastDay: CalendarDate, actor: string): void {
  const extension = c.state.extension;
  switch (audit) {
    case 'stage1':
      c.setDate('stage1ValidUntil', c.windows.stage1ValidUntil(lastDay), actor);
      c.setStage('STAGE2', actor, 'Stage 1 completed');
      break;
    case 'stage2':
      c.setDate('majorClosureDeadline', c.windows.majorClosureDeadline(lastDay), actor);
      c.setStage('CERTIFICATION_DECISION', actor, 'Stage 2 completed');
      break;
    case 'surveillance1': {
      const expiry = c.state.dates.expiryDate;
      if (expiry) {
        const window = c.windows.surveillance2Window(lastDay, expiry);
        c.setDate('surveillance2Earliest', window.earliest, actor);
        c.setDate('surveillance2Due', window.due, actor);
      }
      c.setStage('SURVEILLANCE_2', actor, 'surveillance audit 1 completed');
      break;
    }
    case 'surveillance2':
      c.setStage('RECERTIFICATION', actor, 'surveillance audit 2 completed');
      break;
    case 'recertification':
      // After a suspension for a missed surveillance 2, the recertification audit covered it.
      if (c.state.stage === 'SURVEILLANCE_2')
        c.setStage('RECERTIFICATION', actor, 'recertification audit completed');
      break;
    case 'extension-stage1':
      if (extension) {
        extension.stage = 'STAGE2';
        extension.stage1ValidUntil = c.windows.stage1ValidUntil(lastDay);
        c.effects.audit('due-date.changed', actor, {
          what: 'extension-stage1ValidUntil',
          from: null,
          to: extension.stage1ValidUntil,
        });
      }
      break;
    case 'extension-stage2':
      if (extension) {
        extension.stage = 'DECISION';
        extension.majorClosureDeadline = c.windows.majorClosureDeadline(lastDay);
        c.effects.audit('due-date.changed', actor, {
          what: 'extension-majorClosureDeadline',
          from: null,
          to: extension.majorClosureDeadline,
        });
      }
      break;
    default:
      break;
  }
}
