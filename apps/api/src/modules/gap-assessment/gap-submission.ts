import { getFramework, getRequirement, type RequirementId } from '@certflow/catalog';
import { addDays, type CalendarDate, type RemediationTaskInput } from '@certflow/contracts/domain';
import type { ImplementationStatus } from '@certflow/contracts/implementation';

/**
 * What finalising a gap assessment hands to the workflow: every requirement answered `partial` or
 * `not_implemented` becomes one remediation task naming that requirement (the workflow adds its crosswalk links
 * to the other frameworks). Pure, so the same draft always gives the same submission.
 */

export const DEFAULT_DUE_DAYS = 90;

export interface AnsweredItem {
  requirementId: string;
  status: ImplementationStatus;
  ownerEmail: string | null;
  taskTitle: string | null;
  taskOwnerEmail: string | null;
  taskDueDate: CalendarDate | null;
}

export interface SubmissionDefaults {
  completedOn: CalendarDate;
  /** Owner of a gap whose item names no task owner and no owner. */
  ownerEmail: string;
  dueDate?: CalendarDate;
}

/** The workflow update that takes the gaps, by program kind, and its input without the actor. */
export type GapSubmission =
  | {
      update: 'completeGapAssessment';
      input: { completedOn: CalendarDate; gaps: RemediationTaskInput[] };
    }
  | {
      update: 'completeReadinessAssessment';
      input: { completedOn: CalendarDate; gaps: RemediationTaskInput[]; firstPeriodStart?: CalendarDate };
    };

export function isGap(status: ImplementationStatus): boolean {
  return status === 'partial' || status === 'not_implemented';
}

/** "Implement ISO/IEC 42001 A.6.2.8 Event logs" / "Close the gap on ISO/IEC 42001 9.2.1 Internal audit". */
export function defaultTaskTitle(requirementId: string, status: ImplementationStatus): string {
  const requirement = getRequirement(requirementId);
  if (!requirement) return requirementId;
  // "9.2.1 General" says little on its own: name its clause too ("9.2.1 Internal audit: general").
  const parent = requirement.parent === null ? undefined : getRequirement(requirement.parent);
  const title = parent && requirement.title === 'General' ? `${parent.title}: general` : requirement.title;
  const name = `${getFramework(requirement.framework).shortName} ${requirement.ref} ${title}`;
  return (status === 'partial' ? `Close the gap on ${name}` : `Implement ${name}`).slice(0, 200);
}

export function gapTasks(
  items: readonly AnsweredItem[],
  defaults: SubmissionDefaults,
): RemediationTaskInput[] {
  const dueDate = defaults.dueDate ?? addDays(defaults.completedOn, DEFAULT_DUE_DAYS);
  return items
    .filter((item) => isGap(item.status))
    .map((item) => ({
      title: item.taskTitle ?? defaultTaskTitle(item.requirementId, item.status),
      ownerEmail: item.taskOwnerEmail ?? item.ownerEmail ?? defaults.ownerEmail,
      dueDate: item.taskDueDate ?? dueDate,
      requirementIds: [item.requirementId as RequirementId],
    }));
}

export function gapSubmission(
  kind: 'ISO_CERTIFICATION' | 'SOC2_ATTESTATION',
  items: readonly AnsweredItem[],
  defaults: SubmissionDefaults & { firstPeriodStart?: CalendarDate },
): GapSubmission {
  const gaps = gapTasks(items, defaults);
  if (kind === 'ISO_CERTIFICATION') {
    return { update: 'completeGapAssessment', input: { completedOn: defaults.completedOn, gaps } };
  }
  return {
    update: 'completeReadinessAssessment',
    input: {
      completedOn: defaults.completedOn,
      gaps,
      ...(defaults.firstPeriodStart && { firstPeriodStart: defaults.firstPeriodStart }),
    },
  };
}
