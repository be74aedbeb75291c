import { budgetLineKindLabels, budgetLineKinds, type BudgetLineKind } from '@certflow/contracts/domain';
import { Button, ErrorSummary, SelectField, TextField } from '@certflow/ui';
import { useState } from 'react';

import { ApiError } from '@/lib/api-error';

import { type BudgetLineBody, useCreateBudgetLine } from '../api/cost';
import styles from './cost.module.css';

const kindOptions = budgetLineKinds.map((kind) => ({ value: kind, label: budgetLineKindLabels[kind] }));
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Adds a budget line; certification-body and internal-hours lines take the figures their amount comes from. */
export function BudgetLineForm({
  organizationId,
  programs,
}: {
  organizationId: string;
  programs: { id: string; name: string }[];
}) {
  const create = useCreateBudgetLine(organizationId);
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const [kind, setKind] = useState<BudgetLineKind>('certification-body');
  const [year, setYear] = useState(String(new Date().getUTCFullYear()));
  const [label, setLabel] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const issues = create.error instanceof ApiError ? create.error.issues : [];
  const fieldError = (path: string) => issues.find((i) => i.path === path)?.message;
  const body = (): BudgetLineBody => {
    const common = { programId, year: Number(year), label, currency: currency.toUpperCase() };
    if (kind === 'certification-body')
      return { ...common, kind, auditDays: num(first), dayRate: num(second) };
    if (kind === 'internal-hours') return { ...common, kind, hours: num(first), hourlyRate: num(second) };
    return { ...common, kind, amount: num(first) };
  };
  const [firstLabel, firstPath, secondLabel, secondPath] =
    kind === 'certification-body'
      ? ['Audit days', 'auditDays', 'Day rate', 'dayRate']
      : kind === 'internal-hours'
        ? ['Hours', 'hours', 'Hourly rate', 'hourlyRate']
        : ['Amount', 'amount', null, null];
  return (
    <form
      noValidate
      aria-label="Add a budget line"
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(body(), {
          onSuccess: () => {
            setLabel('');
            setFirst('');
            setSecond('');
          },
        });
      }}
    >
      {create.isError && issues.length === 0 ? (
        <ErrorSummary title="The line was not added" messages={[create.error.message]} />
      ) : null}
      <SelectField
        label="Program"
        name="programId"
        options={programs.map((p) => ({ value: p.id, label: p.name }))}
        value={programId}
        error={fieldError('programId')}
        onChange={(e) => setProgramId(e.currentTarget.value)}
      />
      <SelectField
        label="Kind"
        name="kind"
        options={kindOptions}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as BudgetLineKind)}
      />
      <TextField
        label="Year"
        name="year"
        inputMode="numeric"
        value={year}
        error={fieldError('year')}
        onChange={(e) => setYear(e.currentTarget.value)}
      />
      <TextField
        label="Label"
        name="label"
        value={label}
        error={fieldError('label')}
        onChange={(e) => setLabel(e.currentTarget.value)}
      />
      <TextField
        label="Currency"
        name="currency"
        maxLength={3}
        value={currency}
        error={fieldError('currency')}
        onChange={(e) => setCurrency(e.currentTarget.value)}
      />
      <TextField
        label={firstLabel}
        name={firstPath}
        inputMode="decimal"
        value={first}
        error={fieldError(firstPath)}
        onChange={(e) => setFirst(e.currentTarget.value)}
      />
      {secondLabel && secondPath ? (
        <TextField
          label={secondLabel}
          name={secondPath}
          inputMode="decimal"
          value={second}
          error={fieldError(secondPath)}
          onChange={(e) => setSecond(e.currentTarget.value)}
        />
      ) : null}
      <div>
        <Button type="submit" busy={create.isPending}>
          Add budget line
        </Button>
      </div>
    </form>
  );
}
