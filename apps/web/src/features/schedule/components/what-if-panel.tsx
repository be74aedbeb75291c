import { Button, Card, ErrorSummary, SelectField, TextField } from '@certflow/ui';
import { type FormEvent, useEffect, useState } from 'react';

import { type ScheduleItem, useScheduleAudit, useWhatIf, type WhatIfResult } from '../api/schedule-api';
import styles from '../routes/schedule.module.css';

const label = (i: ScheduleItem) => `${i.programName}: ${i.kind} (${i.date ?? 'no date'})`;

function WhatIfOutcome({ result }: { result: WhatIfResult }) {
  const before = result.cost.before.map((c) => `${c.year}: ${c.cost}`).join(', ') || 'none';
  const after = result.cost.after.map((c) => `${c.year}: ${c.cost}`).join(', ') || 'none';
  return (
    <div role="status" aria-label="What-if result" className={styles.outcome}>
      <p>
        {result.item.programName}: {result.item.kind} from {result.from ?? 'no date'} to {result.to}.
      </p>
      {result.refusals.length > 0 ? (
        <ul aria-label="Rules that would refuse it">
          {result.refusals.map((r) => (
            <li key={r.rule}>
              <strong>{r.rule}</strong>: {r.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>No rule would refuse this date.</p>
      )}
      {result.missedDeadlines.map((m) => (
        <p key={m.itemId}>
          Misses its deadline {m.deadline} by {m.daysLate} day(s) ({m.rule}).
        </p>
      ))}
      <p>
        Conflicts added: {result.conflictsAdded.map((c) => c.reason).join(' ') || 'none'}. Removed:{' '}
        {result.conflictsRemoved.map((c) => c.reason).join(' ') || 'none'}.
      </p>
      <p>
        Planned audit cost per year before: {before}; after: {after}.
      </p>
    </div>
  );
}

/** Pick an audit and a day, see what would happen, and only then confirm it through the workflow. */
export function WhatIfPanel({
  organizationId,
  items,
  proposal,
  canConfirm,
}: {
  organizationId: string;
  items: ScheduleItem[];
  proposal: { itemId: string; date: string } | undefined;
  canConfirm: boolean;
}) {
  const [itemId, setItemId] = useState(proposal?.itemId ?? items[0]?.id ?? '');
  const [date, setDate] = useState(proposal?.date ?? '');
  const whatIf = useWhatIf(organizationId);
  const { mutate } = whatIf;
  const confirm = useScheduleAudit(organizationId);
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (!proposal) return;
    setItemId(proposal.itemId);
    setDate(proposal.date);
    mutate(proposal);
  }, [proposal, mutate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.reset();
    whatIf.mutate({ itemId, date });
  };
  const item = items.find((i) => i.id === itemId);
  const result = whatIf.data;
  return (
    <Card title="What if">
      <form aria-label="What if" onSubmit={submit} className={styles.inline}>
        <SelectField
          label="Audit"
          value={itemId}
          onChange={(e) => setItemId(e.target.value)}
          options={items.map((i) => ({ value: i.id, label: label(i) }))}
        />
        <TextField
          label="New date"
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <Button type="submit" busy={whatIf.isPending}>
          Show what-if
        </Button>
      </form>
      {whatIf.isError ? (
        <ErrorSummary title="Could not compute the what-if" messages={[whatIf.error.message]} />
      ) : null}
      {result ? <WhatIfOutcome result={result} /> : null}
      {result && item && canConfirm && result.item.id === itemId && result.to === date ? (
        <Button
          variant="secondary"
          busy={confirm.isPending}
          disabled={result.refusals.length > 0}
          onClick={() =>
            confirm.mutate({ item, date, key }, { onSuccess: () => setKey(crypto.randomUUID()) })
          }
        >
          Confirm {date}
        </Button>
      ) : null}
      {confirm.isError ? (
        <ErrorSummary title="The workflow refused" messages={[confirm.error.message]} />
      ) : null}
      {confirm.isSuccess ? <p role="status">Scheduled on {date}.</p> : null}
    </Card>
  );
}
