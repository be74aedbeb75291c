import { Button, Card, EmptyState, ErrorSummary } from '@certflow/ui';

import { type Suggestion, useAcceptSuggestion } from '../api/schedule-api';

const roleNames: Record<string, string> = { admin: 'admins', program_manager: 'program managers' };

function SuggestionEntry({ organizationId, s }: { organizationId: string; s: Suggestion }) {
  const accept = useAcceptSuggestion(organizationId);
  const saving =
    s.daysSaved === null
      ? 'Audit days are not known yet.'
      : `${s.separateDays} audit days become ${s.combinedDays} (${s.daysSaved} saved, ${s.appliedReductionPercent} % under IAF MD 11${s.capped ? ', capped' : ''})` +
        (s.costSaved !== null ? `, saving ${s.costSaved} ${s.currency ?? ''}.` : '.');
  return (
    <li>
      <p>
        <strong>Combined audit on {s.date}</strong> with {s.certificationBody}: {s.reason}
      </p>
      <p>{saving}</p>
      {s.canAccept ? (
        <Button busy={accept.isPending} disabled={accept.isSuccess} onClick={() => accept.mutate(s.id)}>
          Accept combined audit on {s.date}
        </Button>
      ) : (
        <p>Only {s.acceptableBy.map((r) => roleNames[r] ?? r).join(' and ')} can accept it.</p>
      )}
      {accept.isError ? <ErrorSummary title="Not accepted" messages={[accept.error.message]} /> : null}
      {accept.isSuccess ? <p role="status">Both audits are scheduled on {accept.data.date}.</p> : null}
    </li>
  );
}

export function SuggestionsCard({
  organizationId,
  suggestions,
}: {
  organizationId: string;
  suggestions: Suggestion[];
}) {
  return (
    <Card title="Integrated-audit suggestions">
      {suggestions.length === 0 ? (
        <EmptyState title="No suggestions">
          <p>No two ISO audits of one certification body can be combined in this range.</p>
        </EmptyState>
      ) : (
        <ul aria-label="Suggestions">
          {suggestions.map((s) => (
            <SuggestionEntry key={s.id} organizationId={organizationId} s={s} />
          ))}
        </ul>
      )}
    </Card>
  );
}
