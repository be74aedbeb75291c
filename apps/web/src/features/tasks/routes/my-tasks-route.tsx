import {
  Button,
  Card,
  EmptyState,
  ErrorSummary,
  Loading,
  PageHeader,
  SelectField,
  StageBadge,
  Table,
  type TableColumn,
  TextField,
} from '@certflow/ui';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';

import { type MyTask, type MyTaskFilters, useMyTasks } from '../api/get-my-tasks';
import { useProgramOptions } from '../api/get-program-options';
import { formatDay, statusLabels } from '../components/format';
import styles from '../components/tasks.module.css';

const columns: TableColumn<MyTask>[] = [
  { key: 'title', header: 'Task', cell: (t) => <Link to={paths.task(t.id)}>{t.title}</Link> },
  {
    key: 'program',
    header: 'Program',
    cell: (t) => <Link to={paths.program(t.program.id)}>{t.program.name}</Link>,
  },
  { key: 'due', header: 'Due', cell: (t) => formatDay(t.dueDate) },
  {
    key: 'status',
    header: 'Status',
    cell: (t) =>
      t.overdue ? (
        <StageBadge tone="danger" label={t.escalated ? 'Overdue, escalated' : 'Overdue'} />
      ) : (
        <StageBadge
          tone={t.status === 'OPEN' ? 'active' : 'done'}
          label={statusLabels[t.status] ?? t.status}
        />
      ),
  },
];

const statusOptions = [
  { value: 'OPEN', label: 'Open' },
  { value: 'DONE', label: 'Done' },
  { value: 'CANCELLED', label: 'Cancelled' },
  { value: 'OPEN,DONE,CANCELLED', label: 'Any status' },
];

/** A control owner's inbox: the remediation tasks assigned to them across programs, soonest due first. */
export function MyTasksRoute({ email }: { email: string }) {
  const { organizationId = '' } = useParams();
  const [filters, setFilters] = useState<MyTaskFilters>({ status: 'OPEN' });
  const tasks = useMyTasks(organizationId, filters);
  const programs = useProgramOptions(organizationId);
  const set = (patch: Partial<MyTaskFilters>) =>
    setFilters((current) => {
      const next = { ...current, ...patch };
      for (const key of Object.keys(next) as (keyof MyTaskFilters)[]) if (!next[key]) delete next[key];
      return next;
    });
  const rows = tasks.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title="My tasks" description="Remediation work assigned to you, soonest due first." />
      <Card>
        <form className={styles.filters} aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label="Status"
            options={statusOptions}
            value={filters.status ?? 'OPEN,DONE,CANCELLED'}
            onChange={(e) => set({ status: e.target.value })}
          />
          <SelectField
            label="Program"
            placeholder="All programs"
            options={programs.data ?? []}
            value={filters.programId ?? ''}
            onChange={(e) => set({ programId: e.target.value })}
          />
          <TextField
            label="Due from"
            type="date"
            value={filters.dueAfter ?? ''}
            onChange={(e) => set({ dueAfter: e.target.value })}
          />
          <TextField
            label="Due until"
            type="date"
            value={filters.dueBefore ?? ''}
            onChange={(e) => set({ dueBefore: e.target.value })}
          />
          <label className={styles.checkbox}>
            <input
              type="checkbox"
              checked={filters.overdue === 'true'}
              onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
            />
            Overdue only
          </label>
        </form>
      </Card>
      {tasks.isPending ? (
        <Loading>Loading your tasks…</Loading>
      ) : tasks.isError ? (
        <ErrorSummary title="Could not load your tasks" messages={[tasks.error.message]} />
      ) : rows.length === 0 ? (
        <Card>
          <EmptyState title="No tasks here">
            <p>
              When a program manager assigns remediation work to {email}, it appears here with its due date
              and program. Change the filters to see done or cancelled tasks.
            </p>
          </EmptyState>
        </Card>
      ) : (
        <Card>
          <Table caption="My tasks" hideCaption columns={columns} rows={rows} rowKey={(t) => t.id} />
          {tasks.hasNextPage ? (
            <Button
              variant="secondary"
              className={styles.more}
              busy={tasks.isFetchingNextPage}
              onClick={() => void tasks.fetchNextPage()}
            >
              Show more tasks
            </Button>
          ) : null}
        </Card>
      )}
    </>
  );
}
