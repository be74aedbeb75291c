import { frameworkIds, getFramework, isFrameworkId } from '@certflow/catalog';
import type { IsoStage, Soc2Stage } from '@certflow/contracts/domain';
import type { BadgeTone } from '@certflow/ui';

import type { ProgramKind } from '../api/program-schema';

export const programKindLabels: Record<ProgramKind, string> = {
  ISO_CERTIFICATION: 'ISO certification',
  SOC2_ATTESTATION: 'SOC 2 Type II attestation',
};

// Typed by the contracts' stage lists, so a stage added to either program kind fails the build until labelled.
const stageLabels: Record<IsoStage | Soc2Stage, string> = {
  GAP_ASSESSMENT: 'Gap assessment',
  REMEDIATION: 'Remediation',
  STAGE1: 'Stage 1 audit',
  STAGE2: 'Stage 2 audit',
  CERTIFICATION_DECISION: 'Certification decision',
  SURVEILLANCE_1: 'First surveillance',
  SURVEILLANCE_2: 'Second surveillance',
  RECERTIFICATION: 'Recertification',
  SUSPENDED: 'Suspended',
  LAPSED: 'Lapsed',
  ENDED: 'Ended',
  READINESS: 'Readiness assessment',
  OBSERVATION: 'Observation period',
  FIELDWORK: 'Fieldwork',
  REPORTING: 'Reporting',
};

const milestoneLabels: Record<string, string> = {
  'gap-assessment-due': 'Gap assessment due',
  'remediation-task-due': 'Next remediation task due',
  stage1: 'Stage 1 audit',
  stage2: 'Stage 2 audit',
  'stage1-valid-until': 'Stage 1 results expire',
  'major-closure-deadline': 'Major findings must be closed',
  surveillance1: 'First surveillance audit',
  'surveillance1-due': 'First surveillance due',
  surveillance2: 'Second surveillance audit',
  'surveillance2-due': 'Second surveillance due',
  recertification: 'Recertification audit',
  'certificate-expiry': 'Certificate expires',
  'restoration-deadline': 'Restoration deadline',
  'suspension-ends': 'Suspension ends (withdrawal)',
  'readiness-due': 'Readiness assessment due',
  'type1-as-of': 'Type I examination date',
  'observation-start': 'Observation period starts',
  'observation-end': 'Observation period ends',
  fieldwork: 'Fieldwork',
  'fieldwork-due': 'Fieldwork must start',
  'report-due': 'Report due',
  // Read-model milestones (program timeline).
  'gap-assessment': 'Gap assessment',
  'internal-audit': 'Internal audit',
  'management-review': 'Management review',
  'certification-decision': 'Certification decision',
  restoration: 'Restoration deadline',
  suspension: 'Suspension (withdrawal after)',
  'extension-stage1': 'Stage 1 of the added standard',
  'extension-stage2': 'Stage 2 of the added standard',
  'extension-decision': 'Decision on the added standard',
  readiness: 'Readiness assessment',
  type1: 'Type I examination',
  'observation-period': 'Observation period',
  report: 'Report',
};

/** The order a cycle's milestones happen in, for the timeline (kinds not listed follow, by date). */
export const milestoneOrder = [
  'gap-assessment',
  'readiness',
  'internal-audit',
  'management-review',
  'stage1',
  'stage2',
  'certification-decision',
  'type1',
  'observation-period',
  'fieldwork',
  'report',
  'extension-stage1',
  'extension-stage2',
  'extension-decision',
  'surveillance1',
  'surveillance2',
  'recertification',
  'suspension',
  'certificate-expiry',
  'restoration',
];

/** `SOME_CODE` or `some-code` → "Some code", for values this app has no label for yet. */
export function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const stageLabel = (stage: string): string =>
  (stageLabels as Record<string, string>)[stage] ?? humanize(stage);
export const milestoneLabel = (kind: string): string => milestoneLabels[kind] ?? humanize(kind);

export function stageTone(stage: string | null): BadgeTone {
  if (stage === null) return 'neutral';
  if (stage === 'LAPSED' || stage === 'SUSPENDED') return 'danger';
  if (stage === 'ENDED') return 'neutral';
  if (stage.startsWith('SURVEILLANCE') || stage === 'RECERTIFICATION') return 'done';
  return 'active';
}

export function frameworkLabel(id: string): string {
  return isFrameworkId(id) ? getFramework(id).shortName : id;
}

/**
 * Which catalog frameworks a kind of program can carry: ISO certification audits certifiable management-system
 * standards; a SOC 2 attestation reports against attestation criteria.
 */
export function frameworksForKind(
  kind: ProgramKind,
): { value: string; label: string; description: string }[] {
  return frameworkIds
    .map((id) => getFramework(id))
    .filter((framework) =>
      kind === 'ISO_CERTIFICATION'
        ? framework.kind === 'management-system-standard' && framework.certifiable
        : framework.kind === 'attestation-criteria',
    )
    .map((framework) => ({
      value: framework.id,
      label: framework.shortName,
      // The catalog's full name repeats the short name ("ISO/IEC 27001 Information security …"); keep the rest.
      description: framework.name.startsWith(framework.shortName)
        ? framework.name.slice(framework.shortName.length).trim()
        : framework.name,
    }));
}

/** Calendar dates (`YYYY-MM-DD`) are shown as written in the user's locale without shifting time zones. */
export function formatCalendarDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d)).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}
