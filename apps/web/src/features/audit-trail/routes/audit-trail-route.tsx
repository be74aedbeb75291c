import { programTrailEventTypes } from '@certflow/contracts/domain';
import {
  Button,
  buttonClassName,
  Card,
  EmptyState,
  ErrorSummary,
  Loading,
  PageHeader,
  SelectField,
  Table,
  type TableColumn,
  TextField,
} from '@certflow/ui';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-error';

import {
  type AuditTrailEvent,
  type AuditTrailFilters,
  auditEventsCsvUrl,
  useAuditEvents,
  useProgramChoices,
} from '../api/get-audit-events';
import styles from '../components/audit-trail.module.css';

const typeOptions = programTrailEventTypes.map((type) => ({ value: type, label: type }));

function summary(payload: Record<string, unknown>): string {
  const text = JSON.stringify(payload);
  return text === '{}' ? '' : text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

const columns: TableColumn<AuditTrailEvent>[] = [
  {
    key: 'when',
    header: 'When',
    cell: (e) =>
      new Date(e.occurredAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
  },
  {
    key: 'program',
    header: 'Program',
    cell: (e) => <Link to={paths.program(e.program.id)}>{e.program.name}</Link>,
  },
  { key: 'type', header: 'Event', cell: (e) => e.type },
  { key: 'actor', header: 'By', cell: (e) => e.actor ?? 'Certflow (timer)' },
  {
    key: 'details',
    header: 'Details',
    cell: (e) => <code className={styles.details}>{summary(e.payload)}</code>,
  },
];

/** The program audit trail the person may read, with filters, more on demand, and a CSV of the same. */
export function AuditTrailRoute() {
  const { organizationId = '' } = useParams();
  const [filters, setFilters] = useState<AuditTrailFilters>({});
  const events = useAuditEvents(organizationId, filters);
  const programs = useProgramChoices(organizationId);
  const set = (patch: Partial<Record<keyof AuditTrailFilters, string>>) =>
    setFilters((current) => {
      const next = { ...current, ...patch } as Record<string, string | undefined>;
      for (const key of Object.keys(next)) if (!next[key]) delete next[key];
      return next;
    });
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const fieldError = (path: string) =>
    (events.error instanceof ApiError ? events.error.issues : []).find((issue) => issue.path === path)
      ?.message;

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Everything that happened in the programs you may see, newest first."
        actions={
          <a
            className={buttonClassName('secondary')}
            href={auditEventsCsvUrl(organizationId, filters)}
            download
          >
            Export CSV
          </a>
        }
      />
      <Card>
        <form
          className={styles.filters}
          aria-label="Filter the audit trail"
          onSubmit={(e) => e.preventDefault()}
        >
          <SelectField
            label="Program"
            placeholder="All programs"
            options={programs.data ?? []}
            value={filters.programId ?? ''}
            onChange={(e) => set({ programId: e.target.value })}
            error={fieldError('programId')}
          />
          <SelectField
            label="Event"
            placeholder="Any event"
            options={typeOptions}
            value={filters.type ?? ''}
            onChange={(e) => set({ type: e.target.value })}
            error={fieldError('type')}
          />
          <TextField
            label="By (email or token:name)"
            defaultValue={filters.actor ?? ''}
            onBlur={(e) => set({ actor: e.target.value.trim() })}
            error={fieldError('actor')}
          />
          <TextField
            label="From"
            type="date"
            value={filters.from ?? ''}
            onChange={(e) => set({ from: e.target.value })}
            error={fieldError('from')}
          />
          <TextField
            label="To"
            type="date"
            value={filters.to ?? ''}
            onChange={(e) => set({ to: e.target.value })}
            error={fieldError('to')}
          />
        </form>
      </Card>
      {events.isPending ? (
        <Loading>Loading the audit trail…</Loading>
      ) : events.isError ? (
        <ErrorSummary title="Could not load the audit trail" messages={[events.error.message]} />
      ) : rows.length === 0 ? (
        <Card>
          <EmptyState title="No events">
            <p>Nothing matches these filters in the programs you may see.</p>
          </EmptyState>
        </Card>
      ) : (
        <Card>
          <Table caption="Audit events" hideCaption columns={columns} rows={rows} rowKey={(e) => e.id} />
          {events.hasNextPage ? (
            <Button
              variant="secondary"
              className={styles.more}
              busy={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              Show older events
            </Button>
          ) : null}
        </Card>
      )}
    </>
  );
}
