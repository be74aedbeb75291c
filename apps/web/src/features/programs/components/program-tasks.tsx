import { Card, EmptyState, StageBadge, Table } from '@certflow/ui';

import type { ProgramDetail, WorkflowTask } from '../api/program-schema';
import { formatCalendarDate, humanize } from '../utils/labels';
import styles from './programs.module.css';

const columns = [
  {
    key: 'title',
    header: 'Task',
    cell: (t: WorkflowTask) => <span id={`task-${t.id}`}>{t.title}</span>,
  },
  { key: 'owner', header: 'Owner', cell: (t: WorkflowTask) => t.ownerEmail },
  { key: 'due', header: 'Due', cell: (t: WorkflowTask) => formatCalendarDate(t.dueDate) },
  { key: 'requirements', header: 'Requirements', cell: (t: WorkflowTask) => t.requirementIds.join(', ') },
  {
    key: 'status',
    header: 'Status',
    cell: (t: WorkflowTask) => (
      <StageBadge label={humanize(t.status)} tone={t.status === 'OPEN' ? 'active' : 'done'} />
    ),
  },
];

/** The program's remediation tasks as the workflow holds them (open first, soonest due first). */
export function ProgramTasks({ program }: { program: ProgramDetail }) {
  const tasks = program.state.workflow?.tasks;
  const sorted = [...(tasks ?? [])].sort(
    (a, b) => Number(b.status === 'OPEN') - Number(a.status === 'OPEN') || a.dueDate.localeCompare(b.dueDate),
  );
  return (
    <Card title="Remediation tasks">
      {tasks === undefined ? (
        <p className={styles.muted}>The tasks are shown once the workflow answers.</p>
      ) : sorted.length === 0 ? (
        <EmptyState title="No remediation tasks yet">
          <p>Finalising the gap assessment turns each gap into a task with its owner and due date.</p>
        </EmptyState>
      ) : (
        <Table caption="Remediation tasks" hideCaption columns={columns} rows={sorted} rowKey={(t) => t.id} />
      )}
    </Card>
  );
}
