import {
  addDays,
  type CalendarDate,
  type ExistingCertificate,
  type IsoAuditState,
  type IsoCertificationProgramInput,
  type IsoProgramState,
  type IsoStage,
  monthsAfter,
  recertificationEarliest,
  surveillance2Window,
} from '@certflow/contracts';
import { raiseFinding } from './findings.js';
import type { IsoContext } from './iso-context.js';

/**
 * Where a program starts: at the gap assessment, or from a certificate the organisation already holds (its cycle,
 * the surveillance audits already held and the findings still open), with every rule applying from there on.
 */

export function initialIsoState(input: IsoCertificationProgramInput, today: CalendarDate): IsoProgramState {
  const state: IsoProgramState = {
    programId: input.programId,
    organizationId: input.organizationId,
    frameworks: input.frameworks,
    programManagerEmail: input.programManagerEmail,
    config: input.config,
    settings: input.settings,
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
    certificate: { frameworks: [], origin: 'gap-assessment' },
  };
  const certificate = input.existingCertificate;
  return certificate ? fromCertificate(state, input, certificate) : state;
}

function fromCertificate(
  state: IsoProgramState,
  input: IsoCertificationProgramInput,
  cert: ExistingCertificate,
): IsoProgramState {
  const policy = input.config.policy;
  const cycleStart = cert.cycleStart ?? cert.decisionDate;
  // A recertified cycle starts after its decision: surveillance then counts from the cycle start (inside it).
  const clockFrom = cycleStart > cert.decisionDate ? addDays(cycleStart, -1) : cert.decisionDate;
  const held = new Map(cert.surveillanceAudits.map((a) => [a.audit, a.lastDay]));
  const audits: Partial<Record<'surveillance1' | 'surveillance2', IsoAuditState>> = {};
  for (const [audit, lastDay] of held) audits[audit] = { scheduledOn: lastDay, lastDay };
  const s1 = held.get('surveillance1');
  const window = s1 ? surveillance2Window(s1, cert.expiryDate, policy) : undefined;
  const stage: IsoStage = held.has('surveillance2')
    ? 'RECERTIFICATION'
    : s1
      ? 'SURVEILLANCE_2'
      : 'SURVEILLANCE_1';
  const onCertificate = cert.frameworks ?? input.frameworks;
  const added = input.frameworks.find((f) => !onCertificate.includes(f));
  return {
    ...state,
    cycle: cert.cycle,
    stage,
    dates: {
      ...state.dates,
      decisionDate: cert.decisionDate,
      cycleStart,
      expiryDate: cert.expiryDate,
      surveillance1Due: monthsAfter(clockFrom, policy.firstSurveillanceWithinMonths),
      ...(window && { surveillance2Earliest: window.earliest, surveillance2Due: window.due }),
      recertificationEarliest: recertificationEarliest(cert.expiryDate, policy.recertificationWindowMonths),
    },
    audits,
    certificate: {
      frameworks: [...onCertificate],
      number: cert.certificateNumber,
      origin: 'existing-certificate',
    },
    ...(added && { extension: { framework: added, requestedOn: input.startDate, stage: 'STAGE1' as const } }),
  };
}

/** The first events of a new program: its start and, for an imported certificate, the findings still open. */
export function beginIsoProgram(c: IsoContext, input: IsoCertificationProgramInput): void {
  const cert = input.existingCertificate;
  c.effects.audit('program.started', null, {
    frameworks: input.frameworks,
    startDate: input.startDate,
    gapAssessmentDue: c.state.dates.gapAssessmentDue,
    certificationBody: input.config.certificationBody ?? null,
    ...(cert && {
      origin: 'existing-certificate',
      certificateNumber: cert.certificateNumber,
      certifiedFrameworks: c.state.certificate?.frameworks ?? [],
      cycle: cert.cycle,
      decisionDate: cert.decisionDate,
      expiryDate: cert.expiryDate,
      surveillanceAudits: cert.surveillanceAudits.map((a) => ({ ...a })),
    }),
  });
  if (!cert) return;
  if (c.state.extension) {
    c.effects.audit('scope.changed', null, {
      from: c.state.certificate?.frameworks ?? [],
      to: c.state.frameworks,
      justification: 'standard not yet on the imported certificate: its own Stage 1 and Stage 2 follow',
      extension: c.state.extension.framework,
    });
  }
  // Findings of the certificate's last audit; the latest surveillance held, else the audit that opened the cycle.
  const auditId =
    cert.surveillanceAudits
      .map((a) => a.audit)
      .sort()
      .at(-1) ?? (cert.cycle > 1 ? 'recertification' : 'stage2');
  for (const finding of cert.openFindings) {
    raiseFinding(c, auditId, finding.raisedOn, finding, null, finding.status);
  }
}
