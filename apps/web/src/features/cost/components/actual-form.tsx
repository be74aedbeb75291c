import { Button, ErrorSummary, SelectField, TextField } from '@certflow/ui';
import { useState } from 'react';

import { ApiError } from '@/lib/api-error';

import { type BudgetLine, useRecordActual } from '../api/cost';
import styles from './cost.module.css';

/** Records an amount spent against a budget line (in the line's currency). */
export function ActualForm({ organizationId, lines }: { organizationId: string; lines: BudgetLine[] }) {
  const record = useRecordActual(organizationId);
  const [budgetLineId, setBudgetLineId] = useState(lines[0]?.id ?? '');
  const [incurredOn, setIncurredOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const issues = record.error instanceof ApiError ? record.error.issues : [];
  const fieldError = (path: string) => issues.find((i) => i.path === path)?.message;
  return (
    <form
      noValidate
      aria-label="Record an actual cost"
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate(
          {
            budgetLineId,
            incurredOn,
            amount: amount.trim() === '' ? Number.NaN : Number(amount),
            description,
          },
          {
            onSuccess: () => {
              setAmount('');
              setDescription('');
            },
          },
        );
      }}
    >
      {record.isError && issues.length === 0 ? (
        <ErrorSummary title="The cost was not recorded" messages={[record.error.message]} />
      ) : null}
      <SelectField
        label="Budget line"
        name="budgetLineId"
        options={lines.map((l) => ({ value: l.id, label: `${l.program.name} · ${l.year} · ${l.label}` }))}
        value={budgetLineId}
        error={fieldError('budgetLineId')}
        onChange={(e) => setBudgetLineId(e.currentTarget.value)}
      />
      <TextField
        label="Date"
        name="incurredOn"
        type="date"
        value={incurredOn}
        error={fieldError('incurredOn')}
        onChange={(e) => setIncurredOn(e.currentTarget.value)}
      />
      <TextField
        label="Amount spent"
        name="amount"
        inputMode="decimal"
        value={amount}
        error={fieldError('amount')}
        onChange={(e) => setAmount(e.currentTarget.value)}
      />
      <TextField
        label="Description"
        name="description"
        value={description}
        error={fieldError('description')}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <div>
        <Button type="submit" busy={record.isPending}>
          Record cost
        </Button>
      </div>
    </form>
  );
}
