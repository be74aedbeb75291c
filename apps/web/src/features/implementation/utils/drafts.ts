import type { ImplementationStatus } from '@/lib/implementation';

import type { RequirementStatus } from '../api/requirement-statuses';

/** What the page edits for one requirement; empty strings are "not given". */
export interface StatusDraft {
  status: ImplementationStatus | '';
  ownerEmail: string;
  evidence: string;
  note: string;
  justification: string;
}

export const emptyDraft: StatusDraft = {
  status: '',
  ownerEmail: '',
  evidence: '',
  note: '',
  justification: '',
};

export function draftOf(row: RequirementStatus | undefined): StatusDraft {
  if (!row) return emptyDraft;
  return {
    status: row.status,
    ownerEmail: row.ownerEmail ?? '',
    evidence: row.evidence ?? '',
    note: row.note ?? '',
    justification: row.justification ?? '',
  };
}

export function sameDraft(a: StatusDraft, b: StatusDraft): boolean {
  return (
    a.status === b.status &&
    a.ownerEmail === b.ownerEmail &&
    a.evidence === b.evidence &&
    a.note === b.note &&
    a.justification === b.justification
  );
}

/** The PUT item of a changed draft; a draft without a status is not sent (there is nothing to record). */
export function toItem(requirementId: string, draft: StatusDraft) {
  if (draft.status === '') return undefined;
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    requirementId,
    status: draft.status,
    ownerEmail: text(draft.ownerEmail),
    evidence: text(draft.evidence),
    note: text(draft.note),
    justification: text(draft.justification),
  };
}

/** `items.3.justification` → the row and field a 400 names. */
export function issueTarget(
  path: string,
  sentIds: readonly string[],
): { requirementId: string; field: string } | undefined {
  const match = /^items\.(\d+)\.?(\w*)/.exec(path);
  const requirementId = match ? sentIds[Number(match[1])] : undefined;
  return requirementId ? { requirementId, field: match?.[2] || 'status' } : undefined;
}
