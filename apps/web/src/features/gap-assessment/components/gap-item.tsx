import { Button, StageBadge } from '@certflow/ui';
import { useState } from 'react';

import type { GapAnswerInput } from '@certflow/contracts/implementation';

import { ApiError } from '@/lib/api-error';
import {
  type ImplementationStatus,
  implementationStatusLabels,
  prefillBasisLabels,
  prefillBasisTones,
  statusOptions,
  statusTones,
} from '@/lib/implementation';

import type { GapItem as GapItemData } from '../api/gap-assessment';
import { requirementName } from '../utils/requirements';
import { Chain } from './chain';
import styles from './gap-assessment.module.css';

export interface GapItemProps {
  item: GapItemData;
  editable: boolean;
  onSave: (answer: GapAnswerInput) => Promise<unknown>;
}

const isGap = (status: string) => status === 'partial' || status === 'not_implemented';

/** One requirement: what the pre-fill suggests and why, and the answer a person confirms or changes. */
export function GapItem({ item, editable, onSave }: GapItemProps) {
  const { suggestion, answer } = item;
  const [status, setStatus] = useState<ImplementationStatus>(answer?.status ?? suggestion.status);
  const [ownerEmail, setOwnerEmail] = useState(answer?.ownerEmail ?? '');
  const [text, setText] = useState(answer?.justification ?? answer?.note ?? '');
  const [dueDate, setDueDate] = useState(answer?.task.dueDate ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const key = item.requirementId.replace(/[^A-Za-z0-9]/g, '-');
  const name = requirementName(item.requirementId);
  const notApplicable = status === 'not_applicable';
  const untouched =
    answer === null && status === suggestion.status && ownerEmail === '' && text === '' && dueDate === '';

  const save = async () => {
    setBusy(true);
    setErrors({});
    const value = (s: string) => (s.trim() === '' ? null : s.trim());
    try {
      await onSave({
        requirementId: item.requirementId,
        status,
        ownerEmail: value(ownerEmail),
        ...(notApplicable ? { justification: value(text) } : { note: value(text) }),
        ...(isGap(status) && dueDate ? { task: { dueDate } } : {}),
      });
    } catch (error) {
      const next: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const issue of error.issues)
          next[issue.path.replace(/^items\.\d+\.?/, '') || 'status'] ??= issue.message;
        if (error.issues.length === 0) next.status = error.message;
      }
      setErrors(next);
    } finally {
      setBusy(false);
    }
  };

  const field = (id: string) => ({
    id: `${key}-${id}`,
    'aria-invalid': errors[id] ? true : undefined,
    'aria-describedby': errors[id] ? `${key}-${id}-error` : undefined,
  });
  const error = (id: string) =>
    errors[id] ? (
      <p id={`${key}-${id}-error`} className={styles.error}>
        {errors[id]}
      </p>
    ) : null;

  return (
    <li className={styles.item} aria-labelledby={`${key}-title`}>
      <div className={styles.itemHead}>
        <h3 id={`${key}-title`} className={styles.itemTitle}>
          {requirementName(item.requirementId, { framework: false })}
        </h3>
        <StageBadge label={prefillBasisLabels[suggestion.basis]} tone={prefillBasisTones[suggestion.basis]} />
        {answer ? (
          <StageBadge
            label={`Answered: ${implementationStatusLabels[answer.status]}`}
            tone={statusTones[answer.status]}
          />
        ) : (
          <span className={styles.muted}>Not answered yet</span>
        )}
      </div>
      <details className={styles.why}>
        <summary>
          {suggestion.chains.length > 0
            ? `Why: ${prefillBasisLabels[suggestion.basis].toLowerCase()} from ${requirementName(suggestion.chains[0]!.source)}`
            : suggestion.basis === 'recorded'
              ? 'Why: the organisation recorded this requirement itself'
              : 'Why: nothing recorded for another framework covers it'}
        </summary>
        {suggestion.chains.length > 0 ? (
          <ul className={styles.chains}>
            {suggestion.chains.map((chain) => (
              <Chain key={`${chain.source}-${chain.hops.length}`} chain={chain} />
            ))}
          </ul>
        ) : null}
        {suggestion.moreChains > 0 ? <p>and {suggestion.moreChains} weaker chains.</p> : null}
        {suggestion.candidates.length > 0 ? (
          <p>
            Would carry over once implemented:{' '}
            {suggestion.candidates.map((c) => requirementName(c)).join('; ')}.
          </p>
        ) : null}
      </details>
      {editable ? (
        <div className={styles.answer}>
          <div className={styles.answerField}>
            <label htmlFor={`${key}-status`}>Status</label>
            <select
              {...field('status')}
              className={styles.input}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as ImplementationStatus)}
            >
              {statusOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                  {o.value === suggestion.status ? ' (suggested)' : ''}
                </option>
              ))}
            </select>
            {error('status')}
          </div>
          <div className={styles.answerField}>
            <label htmlFor={`${key}-ownerEmail`}>Owner</label>
            <input
              {...field('ownerEmail')}
              type="email"
              className={styles.input}
              value={ownerEmail}
              placeholder="default owner"
              onChange={(e) => setOwnerEmail(e.currentTarget.value)}
            />
            {error('ownerEmail')}
          </div>
          <div className={styles.answerField}>
            <label htmlFor={`${key}-${notApplicable ? 'justification' : 'note'}`}>
              {notApplicable ? 'Why it does not apply' : 'Note'}
            </label>
            <input
              {...field(notApplicable ? 'justification' : 'note')}
              className={styles.input}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            {error(notApplicable ? 'justification' : 'note')}
          </div>
          {isGap(status) ? (
            <div className={styles.answerField}>
              <label htmlFor={`${key}-task.dueDate`}>Task due</label>
              <input
                {...field('task.dueDate')}
                type="date"
                className={styles.input}
                value={dueDate}
                onChange={(e) => setDueDate(e.currentTarget.value)}
              />
              {error('task.dueDate')}
            </div>
          ) : null}
          <Button
            variant={untouched ? 'primary' : 'secondary'}
            busy={busy}
            aria-label={`${untouched ? 'Confirm' : 'Save'} ${name}`}
            onClick={() => void save()}
          >
            {untouched ? 'Confirm' : 'Save'}
          </Button>
        </div>
      ) : answer ? (
        <p className={styles.answered}>
          {implementationStatusLabels[answer.status]} · answered by {answer.answeredBy}
          {answer.justification ? ` · ${answer.justification}` : answer.note ? ` · ${answer.note}` : ''}
          {item.taskId ? ` · remediation task ${item.taskId.slice(0, 8)}` : ''}
        </p>
      ) : null}
    </li>
  );
}
