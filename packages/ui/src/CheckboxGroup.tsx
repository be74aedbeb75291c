import type { ReactNode } from 'react';

import styles from './Field.module.css';
import { useFieldIds } from './field-ids';

export interface CheckboxOption {
  value: string;
  label: string;
  description?: string;
}

export interface CheckboxGroupProps {
  legend: ReactNode;
  name: string;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A fieldset of checkboxes: the legend names the group, so tests and screen readers find it as a group. */
export function CheckboxGroup({ legend, name, options, value, onChange, hint, error }: CheckboxGroupProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  const toggle = (option: string, checked: boolean) => {
    // Keep the options' order rather than the click order, so the submitted list is stable.
    const next = new Set(value);
    if (checked) next.add(option);
    else next.delete(option);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <fieldset
      className={error ? `${styles.field} ${styles.invalid}` : styles.field}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend className={styles.label}>{legend}</legend>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <div className={styles.options}>
        {options.map((option) => (
          <label key={option.value} className={styles.option}>
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              aria-describedby={option.description ? `${id}-${option.value}-description` : undefined}
            />
            <span>
              {option.label}
              {option.description ? (
                <span id={`${id}-${option.value}-description`} className={styles.optionDescription}>
                  {option.description}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
