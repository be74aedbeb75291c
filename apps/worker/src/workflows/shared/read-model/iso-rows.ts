import type {
  CertificateStatus,
  FindingState,
  IsoAuditKind,
  IsoProgramState,
  IsoStage,
  ReadModelCertificateRow,
  ReadModelFindingRow,
  ReadModelRows,
} from '@certflow/contracts';
import { MilestoneRows, programRow, taskRow } from './rows.js';

/** The read-model rows of an ISO certification program, from its snapshot (pure, so unit-tested directly). */
export function isoReadModelRows(s: IsoProgramState): ReadModelRows {
  return {
    program: programRow(s, s.cycle),
    tasks: s.tasks.map((t) => taskRow(t, s.cycle)),
    findings: s.findings.map(findingRow),
    milestones: isoMilestones(s),
    completeCycles: [s.cycle],
    certificates: isoCertificates(s),
    periods: [],
    reports: [],
    bridgeLetters: [],
  };
}

function findingRow(f: FindingState): ReadModelFindingRow {
  return {
    id: f.id,
    kind: 'audit-finding',
    auditId: f.auditId,
    cycle: f.cycle,
    severity: f.severity,
    description: f.description,
    requirementIds: f.requirementIds,
    links: f.links ?? [],
    raisedOn: f.raisedOn,
    responseDue: f.responseDue,
    status: f.status,
    closedOn: f.closedOn ?? null,
    taskId: f.taskId ?? null,
    overdueEscalated: f.overdueEscalated ?? false,
  };
}

const initialStages: readonly IsoStage[] = [
  'GAP_ASSESSMENT',
  'REMEDIATION',
  'STAGE1',
  'STAGE2',
  'CERTIFICATION_DECISION',
];
const initialAudits: readonly IsoAuditKind[] = ['internal-audit', 'management-review', 'stage1', 'stage2'];

/** Every audit, assessment, decision and deadline of the current cycle, with the dates the rules give it. */
function isoMilestones(s: IsoProgramState) {
  const { dates, audits } = s;
  const m = new MilestoneRows(s.cycle, s.auditPlan);
  const audit = (kind: IsoAuditKind, extra: Parameters<MilestoneRows['add']>[2] = {}) => {
    const held = audits[kind];
    m.add(
      kind,
      'audit',
      { scheduled: held?.scheduledOn, actual: held?.lastDay, ...extra },
      held?.planned ?? kind,
    );
  };
  if (s.cycle === 1 && s.certificate?.origin !== 'existing-certificate') {
    m.add('gap-assessment', 'assessment', {
      due: dates.gapAssessmentDue,
      deadline: dates.gapAssessmentDue,
      actual: s.gapAssessmentCompletedOn,
    });
  }
  const initial = initialStages.includes(s.stage) || initialAudits.some((kind) => audits[kind] !== undefined);
  if (initial) {
    audit('internal-audit', { earliest: dates.readinessNotBefore });
    audit('management-review', { earliest: dates.readinessNotBefore });
    audit('stage1');
    audit('stage2', { deadline: dates.stage1ValidUntil });
  }
  if (initial || dates.decisionDate) {
    // The decision that opened (or will open) this cycle's certificate; majors must be closed by the deadline.
    m.add('certification-decision', 'decision', {
      deadline: dates.majorClosureDeadline,
      actual: dates.decisionDate,
    });
  }
  if (dates.expiryDate) {
    audit('surveillance1', {
      earliest: dates.cycleStart,
      due: dates.surveillance1Due,
      deadline: dates.surveillance1Due,
    });
    audit('surveillance2', {
      earliest: dates.surveillance2Earliest,
      due: dates.surveillance2Due,
      deadline: dates.surveillance2Due,
    });
    audit('recertification', { earliest: dates.recertificationEarliest, deadline: dates.expiryDate });
    m.add('certificate-expiry', 'deadline', { due: dates.expiryDate, deadline: dates.expiryDate });
  }
  if (dates.restorationDeadline) {
    m.add('restoration', 'deadline', { due: dates.restorationDeadline, deadline: dates.restorationDeadline });
  }
  if (s.suspension) {
    m.add('suspension', 'deadline', {
      earliest: s.suspension.since,
      due: s.suspension.until,
      deadline: s.suspension.until,
    });
  }
  if (s.extension || audits['extension-stage1'] || audits['extension-stage2']) {
    audit('extension-stage1');
    audit('extension-stage2', { deadline: s.extension?.stage1ValidUntil });
    if (s.extension) {
      m.add('extension-decision', 'decision', { deadline: s.extension.majorClosureDeadline });
    }
  }
  return m.rows;
}

const certificateStatusOf: Partial<Record<IsoStage, CertificateStatus>> = {
  SURVEILLANCE_1: 'VALID',
  SURVEILLANCE_2: 'VALID',
  RECERTIFICATION: 'VALID',
  SUSPENDED: 'SUSPENDED',
  LAPSED: 'EXPIRED',
  ENDED: 'ENDED',
};

/** The certificate of the current cycle, once one was granted (or imported); withdrawal is taken from its event. */
function isoCertificates(s: IsoProgramState): ReadModelCertificateRow[] {
  const { dates } = s;
  const status = certificateStatusOf[s.stage];
  if (!dates.decisionDate || !status) return [];
  return [
    {
      cycle: s.cycle,
      frameworks: s.certificate?.frameworks ?? s.frameworks,
      number: s.certificate?.number ?? null,
      origin: s.certificate?.origin ?? 'gap-assessment',
      status,
      decisionDate: dates.decisionDate,
      cycleStart: dates.cycleStart ?? null,
      expiryDate: dates.expiryDate ?? null,
      suspendedSince: s.suspension?.since ?? null,
      suspendedUntil: s.suspension?.until ?? null,
    },
  ];
}
