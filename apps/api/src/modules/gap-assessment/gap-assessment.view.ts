import { type FrameworkId, frameworkOf, type RequirementId } from '@certflow/catalog';
import type { ImplementationStatus, PrefillBasis } from '@certflow/contracts/implementation';
import type { GapAssessment, GapAssessmentItem, Program } from '@certflow/db';

import { utcDay } from '../../common/clock.js';
import type { GapAssessmentView } from './gap-assessment.schemas.js';
import { isGap } from './gap-submission.js';
import { type GapScope, scopeRequirements, suggestions } from './prefill.js';

export type AssessmentRow = GapAssessment & { items: GapAssessmentItem[] };

/** What an assessment of this program covers: its frameworks, and for SOC 2 the chosen categories. */
export function gapScopeOf(program: Program, row: AssessmentRow | null): GapScope {
  return {
    frameworks: (row?.frameworks ?? program.frameworks) as FrameworkId[],
    soc2Categories: row?.scopes ?? [],
  };
}

export function updateOf(program: Program): GapAssessmentView['update'] {
  return program.kind === 'ISO_CERTIFICATION' ? 'completeGapAssessment' : 'completeReadinessAssessment';
}

const basisCounter: Record<PrefillBasis, 'recorded' | 'carriedOver' | 'partly' | 'open'> = {
  recorded: 'recorded',
  'carried-over': 'carriedOver',
  partly: 'partly',
  open: 'open',
};

function answerOf(item: GapAssessmentItem): NonNullable<GapAssessmentView['items'][number]['answer']> {
  return {
    status: item.status,
    ownerEmail: item.ownerEmail,
    evidence: item.evidence,
    note: item.note,
    justification: item.justification,
    task: {
      title: item.taskTitle,
      ownerEmail: item.taskOwnerEmail,
      dueDate: item.taskDueDate ? utcDay(item.taskDueDate) : null,
    },
    suggestedStatus: item.suggestedStatus,
    suggestedBasis: item.suggestedBasis as PrefillBasis,
    answeredBy: item.answeredBy,
    answeredAt: item.answeredAt.toISOString(),
  };
}

/** The answers of a draft, as the pre-fill reads them for the program's other frameworks. */
export function answersOf(row: AssessmentRow | null): Map<string, ImplementationStatus> {
  return new Map((row?.items ?? []).map((item) => [item.requirementId, item.status]));
}

/**
 * The assessment as people work on it: every requirement in scope with its suggestion (computed now, from the
 * organisation's statuses and the draft's answers) and the answer given, with counts per framework.
 */
export function buildView(
  program: Program,
  row: AssessmentRow | null,
  recorded: ReadonlyMap<string, ImplementationStatus>,
): GapAssessmentView {
  const scope = gapScopeOf(program, row);
  const suggested = suggestions(scope, recorded, answersOf(row));
  const answers = new Map((row?.items ?? []).map((item) => [item.requirementId, item]));
  const summary: GapAssessmentView['summary'] = {};
  const items = scopeRequirements(scope).map((requirementId: RequirementId) => {
    const framework = frameworkOf(requirementId);
    const suggestion = suggested.get(requirementId);
    if (suggestion === undefined) throw new Error(`no suggestion for ${requirementId}`);
    const item = answers.get(requirementId);
    const counts = (summary[framework] ??= {
      total: 0,
      answered: 0,
      recorded: 0,
      carriedOver: 0,
      partly: 0,
      open: 0,
      gaps: 0,
    });
    counts.total++;
    counts[basisCounter[suggestion.basis]]++;
    if (item) counts.answered++;
    if (item && isGap(item.status)) counts.gaps++;
    return {
      requirementId,
      framework,
      suggestion,
      answer: item ? answerOf(item) : null,
      taskId: item?.taskId ?? null,
    };
  });
  return {
    id: row?.id ?? null,
    programId: program.id,
    status: row?.status ?? 'NOT_STARTED',
    update: updateOf(program),
    frameworks: [...scope.frameworks],
    soc2Categories: [...scope.soc2Categories],
    startedBy: row?.startedBy ?? null,
    completedOn: row?.completedOn ? utcDay(row.completedOn) : null,
    finalisedBy: row?.finalisedBy ?? null,
    finalisedAt: row?.finalisedAt?.toISOString() ?? null,
    summary,
    items,
  };
}
