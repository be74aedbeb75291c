import {
  type FrameworkId,
  isFrameworkId,
  listFrameworks,
  requirementGroup,
  requirementsOf,
} from '@certflow/catalog';
import { Button, Card, EmptyState, ErrorSummary, Loading, PageHeader, SelectField } from '@certflow/ui';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';

import { ApiError } from '@/lib/api-error';
import { implementationStatusLabels, implementationStatuses, statusOptions } from '@/lib/implementation';
import { canIn, type Me } from '@/lib/me';

import { useRequirementStatuses, useSaveRequirementStatuses } from '../api/requirement-statuses';
import styles from '../components/implementation.module.css';
import { StatusRow } from '../components/status-row';
import { draftOf, issueTarget, sameDraft, type StatusDraft, toItem } from '../utils/drafts';

const frameworkOptions = listFrameworks().map((f) => ({ value: f.id, label: f.shortName }));

/**
 * The organisation's implementation status per catalog requirement, one framework at a time. Statuses recorded
 * here are reused by every program: a gap assessment for another framework is pre-filled from them.
 */
export function ImplementationRoute({ me }: { me: Me }) {
  const { organizationId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('framework') ?? 'iso27001';
  const framework: FrameworkId = isFrameworkId(requested) ? requested : 'iso27001';
  const editable = canIn(me, organizationId, 'implementation.manage');
  const statuses = useRequirementStatuses(organizationId, framework);
  const save = useSaveRequirementStatuses(organizationId);
  const [drafts, setDrafts] = useState<Record<string, StatusDraft>>({});
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const [bulk, setBulk] = useState('implemented');
  const [message, setMessage] = useState<string | null>(null);

  const requirements = useMemo(() => requirementsOf(framework, { assessableOnly: true }), [framework]);
  const saved = useMemo(
    () => new Map((statuses.data ?? []).map((row) => [row.requirementId, row])),
    [statuses.data],
  );
  const draftFor = (id: string) => drafts[id] ?? draftOf(saved.get(id));
  const changedIds = requirements
    .map((r) => r.id)
    .filter((id) => drafts[id] !== undefined && !sameDraft(drafts[id], draftOf(saved.get(id))));

  const setDraft = (id: string, draft: StatusDraft) => {
    setMessage(null);
    setDrafts((current) => ({ ...current, [id]: draft }));
  };

  const applyBulk = () => {
    const status = bulk as StatusDraft['status'];
    const next = { ...drafts };
    for (const r of requirements) {
      if (!saved.has(r.id) && draftFor(r.id).status === '') next[r.id] = { ...draftFor(r.id), status };
    }
    setMessage(null);
    setDrafts(next);
  };

  const onSave = () => {
    const items = changedIds.flatMap((id) => {
      const item = toItem(id, draftFor(id));
      return item ? [item] : [];
    });
    if (items.length === 0) return;
    setErrors({});
    save.mutate(
      { items },
      {
        onSuccess: (result) => {
          setDrafts({});
          setMessage(`Saved: ${result.changed} requirement${result.changed === 1 ? '' : 's'} changed.`);
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const next: Record<string, Record<string, string>> = {};
          for (const issue of error.issues) {
            const target = issueTarget(
              issue.path,
              items.map((i) => i.requirementId),
            );
            if (target) (next[target.requirementId] ??= {})[target.field] ??= issue.message;
          }
          setErrors(next);
        },
      },
    );
  };

  const counts = implementationStatuses.map((s) => ({
    status: s,
    count: (statuses.data ?? []).filter((row) => row.status === s).length,
  }));
  const unrecorded = requirements.length - saved.size;
  let lastGroup = '';

  return (
    <>
      <PageHeader
        title="Implementation"
        description="What the organisation has in place, per requirement. Every program reuses it: a gap assessment for another framework is pre-filled from these statuses."
      />
      <Card>
        <div className={styles.toolbar}>
          <SelectField
            label="Framework"
            options={frameworkOptions}
            value={framework}
            onChange={(e) => {
              setDrafts({});
              setErrors({});
              setSearch({ framework: e.currentTarget.value });
            }}
          />
          {editable ? (
            <>
              <SelectField
                label="Status for every requirement not yet recorded"
                options={statusOptions.filter((o) => o.value !== 'not_applicable')}
                value={bulk}
                onChange={(e) => setBulk(e.currentTarget.value)}
              />
              <Button variant="secondary" onClick={applyBulk} disabled={unrecorded === 0}>
                Apply to {unrecorded} unrecorded
              </Button>
            </>
          ) : null}
        </div>
      </Card>
      {statuses.isPending ? (
        <Loading>Loading the statuses…</Loading>
      ) : statuses.isError ? (
        <ErrorSummary title="Could not load the statuses" messages={[statuses.error.message]} />
      ) : (
        <Card title={`${frameworkOptions.find((o) => o.value === framework)?.label} requirements`}>
          <ul className={styles.counts} aria-label="Recorded statuses">
            {counts.map((c) => (
              <li key={c.status}>
                {implementationStatusLabels[c.status]}: <strong>{c.count}</strong>
              </li>
            ))}
            <li>
              Not recorded: <strong>{unrecorded}</strong>
            </li>
          </ul>
          {saved.size === 0 && changedIds.length === 0 ? (
            <EmptyState title="Nothing recorded for this framework yet">
              <p>
                {editable
                  ? 'Set each requirement’s status below, or apply one status to all of them and adjust.'
                  : 'A program manager records what is in place.'}
              </p>
            </EmptyState>
          ) : null}
          <table className={styles.table}>
            <caption className="cf-visually-hidden">Implementation status per requirement</caption>
            <thead>
              <tr>
                <th scope="col">Requirement</th>
                <th scope="col">Status</th>
                <th scope="col">Owner</th>
                <th scope="col">Evidence</th>
                <th scope="col">Note or justification</th>
              </tr>
            </thead>
            <tbody>
              {requirements.flatMap((requirement) => {
                const group = requirementGroup(requirement.id);
                const heading =
                  group.id === lastGroup ? null : (
                    <tr key={`group-${group.id}`} className={styles.group}>
                      <th scope="colgroup" colSpan={5}>
                        {group.ref} {group.title}
                      </th>
                    </tr>
                  );
                lastGroup = group.id;
                const draft = draftFor(requirement.id);
                return [
                  heading,
                  <StatusRow
                    key={requirement.id}
                    requirement={requirement}
                    saved={saved.get(requirement.id)}
                    draft={draft}
                    changed={changedIds.includes(requirement.id)}
                    errors={errors[requirement.id] ?? {}}
                    editable={editable}
                    onChange={(next) => setDraft(requirement.id, next)}
                  />,
                ];
              })}
            </tbody>
          </table>
          {editable ? (
            <div className={styles.saveBar}>
              <Button onClick={onSave} busy={save.isPending} disabled={changedIds.length === 0}>
                {save.isPending
                  ? 'Saving…'
                  : `Save ${changedIds.length} change${changedIds.length === 1 ? '' : 's'}`}
              </Button>
              <p role="status" className={styles.muted}>
                {message ??
                  (Object.keys(errors).length > 0
                    ? 'Some rows need attention (marked below each field).'
                    : '')}
              </p>
            </div>
          ) : null}
          {save.isError && !(save.error instanceof ApiError && save.error.issues.length > 0) ? (
            <ErrorSummary title="The statuses were not saved" messages={[save.error.message]} />
          ) : null}
        </Card>
      )}
    </>
  );
}
