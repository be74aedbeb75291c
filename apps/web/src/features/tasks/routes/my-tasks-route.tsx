import {
  Card,
  EmptyState,
  ErrorSummary,
  Loading,
  PageHeader,
  StageBadge,
  Table,
  type TableColumn,
} from '@certflow/ui';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';

import { type MyTask, useMyTasks } from '../api/get-my-tasks';

function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

const columns: TableColumn<MyTask>[] = [
  { key: 'title', header: 'Task', cell: (t) => t.title },
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
        <StageBadge tone="danger" label="Overdue" />
      ) : (
        <StageBadge
          tone={t.status === 'OPEN' ? 'active' : 'done'}
          label={t.status === 'OPEN' ? 'Open' : t.status === 'DONE' ? 'Done' : 'Cancelled'}
        />
      ),
  },
];

/** A control owner's home: the remediation tasks assigned to their email address. */
export function MyTasksRoute({ email }: { email: string }) {
  const { organizationId = '' } = useParams();
  const tasks = useMyTasks(organizationId);
  return (
    <>
      <PageHeader title="My tasks" description="Remediation work assigned to you, soonest due first." />
      {tasks.isPending ? (
        <Loading>Loading your tasks…</Loading>
      ) : tasks.isError ? (
        <ErrorSummary title="Could not load your tasks" messages={[tasks.error.message]} />
      ) : tasks.data.length === 0 ? (
        <Card>
          <EmptyState title="No tasks assigned to you">
            <p>
              When a program manager assigns remediation work to {email}, it appears here with its due date
              and program.
            </p>
          </EmptyState>
        </Card>
      ) : (
        <Card>
          <Table caption="My tasks" hideCaption columns={columns} rows={tasks.data} rowKey={(t) => t.id} />
        </Card>
      )}
    </>
  );
}
