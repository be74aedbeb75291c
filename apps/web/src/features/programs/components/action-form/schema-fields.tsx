import { Button, CheckboxGroup, SelectField, TextAreaField, TextField } from '@certflow/ui';

import { fieldLabel, optionLabel } from '../../utils/action-labels';
import styles from '../programs.module.css';
import { type FieldSpec, type FormValue, type FormValues, initialValues, textOf } from './fields';

export interface FieldChoices {
  /** Options for a field that names something of the program (a task, a finding) instead of free text. */
  [fieldName: string]: { value: string; label: string }[] | undefined;
}

interface Props {
  fields: FieldSpec[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Field errors by dotted path (`gaps.0.dueDate`). */
  errors: Record<string, string>;
  choices: FieldChoices;
  path?: string;
}

/** Renders the fields of an action's schema; every field is labelled and shows its error next to it. */
export function SchemaFields({ fields, values, onChange, errors, choices, path = '' }: Props) {
  return (
    <>
      {fields.map((field) => (
        <SchemaField
          key={field.name}
          field={field}
          value={values[field.name]}
          onChange={(value) => onChange({ ...values, [field.name]: value })}
          errors={errors}
          choices={choices}
          path={path ? `${path}.${field.name}` : field.name}
        />
      ))}
    </>
  );
}

const inputType = { number: 'number', email: 'email', url: 'url', date: 'date' } as const;

interface FieldProps {
  field: FieldSpec;
  value: FormValue | undefined;
  onChange: (value: FormValue) => void;
  errors: Record<string, string>;
  choices: FieldChoices;
  path: string;
}

function SchemaField({ field, value, onChange, errors, choices, path }: FieldProps) {
  const label = `${fieldLabel(field.name)}${field.optional ? ' (optional)' : ''}`;
  const error = errors[path];
  const choiceList = choices[field.name];
  const text = textOf(value);
  if (choiceList && (field.kind === 'text' || field.kind === 'select')) {
    return (
      <SelectField
        label={label}
        name={path}
        options={choiceList}
        placeholder="Choose…"
        value={text}
        error={error}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  if (field.kind === 'multi' || (field.kind === 'strings' && choiceList)) {
    const options =
      field.kind === 'multi'
        ? field.options.map((o) => ({ value: o, label: optionLabel(field.name, o) }))
        : (choiceList ?? []);
    return (
      <CheckboxGroup
        legend={label}
        name={path}
        options={options}
        value={Array.isArray(value) ? (value as string[]) : []}
        error={error}
        onChange={(next) => onChange(next)}
      />
    );
  }
  switch (field.kind) {
    case 'select':
      return (
        <SelectField
          label={label}
          name={path}
          options={field.options.map((o) => ({ value: o, label: optionLabel(field.name, o) }))}
          placeholder={field.optional ? '—' : 'Choose…'}
          value={text}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'boolean':
      return (
        <CheckboxGroup
          legend={label}
          name={path}
          options={[{ value: 'yes', label: 'Yes' }]}
          value={value === true ? ['yes'] : []}
          error={error}
          onChange={(next) => onChange(next.includes('yes'))}
        />
      );
    case 'group':
      return (
        <fieldset className={styles.fieldset}>
          <legend>{label}</legend>
          {error ? <p className={styles.fieldsetError}>{error}</p> : null}
          <SchemaFields
            fields={field.fields}
            values={(value ?? {}) as FormValues}
            onChange={onChange}
            errors={errors}
            choices={choices}
            path={path}
          />
        </fieldset>
      );
    case 'list':
      return (
        <ListField
          field={field}
          items={(value ?? []) as FormValues[]}
          {...{ onChange, errors, choices, path, label, error }}
        />
      );
    case 'textarea':
      return (
        <TextAreaField
          label={label}
          name={path}
          value={text}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'strings':
      return (
        <TextField
          label={label}
          name={path}
          hint="Separate several with commas or spaces."
          value={text}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    default:
      return (
        <TextField
          label={label}
          name={path}
          type={field.kind === 'text' ? 'text' : inputType[field.kind]}
          step={field.kind === 'number' ? 'any' : undefined}
          value={text}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

function ListField({
  field,
  items,
  onChange,
  errors,
  choices,
  path,
  label,
  error,
}: Omit<FieldProps, 'value' | 'field'> & {
  field: Extract<FieldSpec, { kind: 'list' }>;
  items: FormValues[];
  label: string;
  error: string | undefined;
}) {
  const itemLabel = fieldLabel(field.name).toLowerCase().replace(/s$/, '');
  return (
    <fieldset className={styles.fieldset}>
      <legend>{label}</legend>
      {error ? <p className={styles.fieldsetError}>{error}</p> : null}
      {items.map((item, index) => (
        <fieldset key={index} className={styles.fieldset}>
          <legend>
            {fieldLabel(field.name).replace(/s$/, '')} {index + 1}
          </legend>
          <SchemaFields
            fields={field.item}
            values={item}
            onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))}
            errors={errors}
            choices={choices}
            path={`${path}.${index}`}
          />
          {items.length > field.min ? (
            <Button variant="secondary" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              Remove {itemLabel} {index + 1}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => onChange([...items, initialValues(field.item)])}>
        Add {itemLabel}
      </Button>
    </fieldset>
  );
}
