import { Button } from '@certflow/ui';
import { type FormEvent, useState } from 'react';

import { ApiError } from '@/lib/api-error';

import type { SoaLine } from '../api/soa';
import styles from './soa.module.css';

export interface SoaLineFormProps {
  line: SoaLine;
  busy: boolean;
  onSave: (entry: { applicable: boolean; justification: string | null }) => Promise<unknown>;
  onCancel: () => void;
}

/** Includes or excludes one control; an exclusion needs a justification (the API says so next to the field). */
export function SoaLineForm({ line, busy, onSave, onCancel }: SoaLineFormProps) {
  const [applicable, setApplicable] = useState(line.applicable);
  const [justification, setJustification] = useState(line.justification ?? '');
  const [error, setError] = useState<string | null>(null);
  const key = line.requirementId.replace(/[^A-Za-z0-9]/g, '-');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await onSave({ applicable, justification: justification.trim() === '' ? null : justification.trim() });
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : 'The change was not saved.');
    }
  };

  return (
    <form
      className={styles.lineForm}
      aria-label={`Applicability of ${line.ref}`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={applicable}
          onChange={(e) => setApplicable(e.currentTarget.checked)}
        />
        Applies to this program
      </label>
      <label htmlFor={`${key}-justification`} className={styles.label}>
        {applicable ? 'Why it is included (optional)' : 'Why it is excluded'}
      </label>
      <input
        id={`${key}-justification`}
        className={styles.input}
        value={justification}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${key}-justification-error` : undefined}
        onChange={(e) => setJustification(e.currentTarget.value)}
      />
      {error ? (
        <p id={`${key}-justification-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
      <div className={styles.formActions}>
        <Button type="submit" busy={busy}>
          Save {line.ref}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
