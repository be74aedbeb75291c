import type { Requirement } from '@certflow/catalog';
import { StageBadge } from '@certflow/ui';

import { implementationStatusLabels, statusOptions, statusTones } from '@/lib/implementation';

import type { RequirementStatus } from '../api/requirement-statuses';
import type { StatusDraft } from '../utils/drafts';
import styles from './implementation.module.css';

export interface StatusRowProps {
  requirement: Requirement;
  saved: RequirementStatus | undefined;
  draft: StatusDraft;
  changed: boolean;
  errors: Record<string, string>;
  editable: boolean;
  onChange: (draft: StatusDraft) => void;
}

function CellError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className={styles.error}>
      {message}
    </p>
  ) : null;
}

/** One requirement: its status, owner, evidence and note (a justification when it does not apply). */
export function StatusRow({
  requirement,
  saved,
  draft,
  changed,
  errors,
  editable,
  onChange,
}: StatusRowProps) {
  const key = requirement.id.replace(/[^A-Za-z0-9]/g, '-');
  const errorId = (field: string) => `${key}-${field}-error`;
  const described = (field: string) => (errors[field] ? errorId(field) : undefined);
  const notApplicable = draft.status === 'not_applicable';
  const name = `${requirement.ref} ${requirement.title}`;
  if (!editable) {
    return (
      <tr>
        <th scope="row" className={styles.requirement}>
          <span className={styles.ref}>{requirement.ref}</span> {requirement.title}
        </th>
        <td>
          {saved ? (
            <StageBadge label={implementationStatusLabels[saved.status]} tone={statusTones[saved.status]} />
          ) : (
            <span className={styles.muted}>Not recorded</span>
          )}
        </td>
        <td>{saved?.ownerEmail ?? '—'}</td>
        <td>{saved?.evidence ?? '—'}</td>
        <td>{saved?.justification ?? saved?.note ?? '—'}</td>
      </tr>
    );
  }
  return (
    <tr className={changed ? styles.changed : undefined}>
      <th scope="row" className={styles.requirement}>
        <span className={styles.ref}>{requirement.ref}</span> {requirement.title}
        {changed ? <span className={styles.changedMark}> (changed)</span> : null}
      </th>
      <td>
        <select
          aria-label={`Status of ${name}`}
          className={styles.input}
          value={draft.status}
          aria-invalid={errors.status ? true : undefined}
          aria-describedby={described('status')}
          onChange={(e) => onChange({ ...draft, status: e.currentTarget.value as StatusDraft['status'] })}
        >
          <option value="">Not recorded</option>
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <CellError id={errorId('status')} message={errors.status} />
      </td>
      <td>
        <input
          type="email"
          aria-label={`Owner of ${name}`}
          className={styles.input}
          value={draft.ownerEmail}
          aria-invalid={errors.ownerEmail ? true : undefined}
          aria-describedby={described('ownerEmail')}
          onChange={(e) => onChange({ ...draft, ownerEmail: e.currentTarget.value })}
        />
        <CellError id={errorId('ownerEmail')} message={errors.ownerEmail} />
      </td>
      <td>
        <input
          aria-label={`Evidence for ${name}`}
          className={styles.input}
          value={draft.evidence}
          aria-invalid={errors.evidence ? true : undefined}
          aria-describedby={described('evidence')}
          onChange={(e) => onChange({ ...draft, evidence: e.currentTarget.value })}
        />
        <CellError id={errorId('evidence')} message={errors.evidence} />
      </td>
      <td>
        {notApplicable ? (
          <>
            <input
              aria-label={`Why ${name} does not apply`}
              className={styles.input}
              value={draft.justification}
              required
              aria-invalid={errors.justification ? true : undefined}
              aria-describedby={described('justification')}
              onChange={(e) => onChange({ ...draft, justification: e.currentTarget.value })}
            />
            <CellError id={errorId('justification')} message={errors.justification} />
          </>
        ) : (
          <>
            <input
              aria-label={`Note on ${name}`}
              className={styles.input}
              value={draft.note}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={described('note')}
              onChange={(e) => onChange({ ...draft, note: e.currentTarget.value })}
            />
            <CellError id={errorId('note')} message={errors.note} />
          </>
        )}
      </td>
    </tr>
  );
}
