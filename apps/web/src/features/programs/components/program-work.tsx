import { Card, Table, type TableColumn } from '@certflow/ui';

import type { ProgramDetail, WorkflowFinding, WorkflowTask } from '../api/program-schema';
import { formatCalendarDate, humanize, milestoneLabel } from '../utils/labels';
import { openFindings, openTasks } from '../utils/open-work';

const findingColumns: TableColumn<WorkflowFinding>[] = [
  {
    key: 'severity',
    header: 'Severity',
    cell: (f) => (f.severity ? humanize(f.severity) : 'Control exception'),
  },
  { key: 'description', header: 'Finding', cell: (f) => f.description },
  { key: 'audit', header: 'Raised by', cell: (f) => milestoneLabel(f.auditId ?? f.source ?? '—') },
  { key: 'raised', header: 'Raised', cell: (f) => formatCalendarDate(f.raisedOn ?? f.observedOn ?? '') },
  {
    key: 'due',
    header: 'Response due',
    cell: (f) => (f.responseDue ? formatCalendarDate(f.responseDue) : '—'),
  },
  { key: 'status', header: 'Status', cell: (f) => humanize(f.status ?? 'OPEN') },
];

const taskColumns = (today: string): TableColumn<WorkflowTask>[] => [
  { key: 'title', header: 'Task', cell: (t) => t.title },
  { key: 'owner', header: 'Owner', cell: (t) => t.ownerEmail },
  {
    key: 'due',
    header: 'Due',
    cell: (t) => `${formatCalendarDate(t.dueDate)}${t.dueDate < today ? ' (overdue)' : ''}`,
  },
  { key: 'requirements', header: 'Requirements', cell: (t) => t.requirementIds.join(', ') || '—' },
];

/** What is still open: findings (or SOC 2 control exceptions) and remediation tasks, from the live state. */
export function ProgramWork({ program, today }: { program: ProgramDetail; today: string }) {
  const workflow = program.state.workflow;
  if (!workflow) return null;
  const findings = openFindings(workflow);
  const tasks = openTasks(workflow);
  return (
    <>
      <Card title="Open findings">
        <Table
          caption="Open findings"
          hideCaption
          columns={findingColumns}
          rows={findings}
          rowKey={(f) => f.id}
          empty="No open findings."
        />
      </Card>
      <Card title="Open tasks">
        <Table
          caption="Open tasks"
          hideCaption
          columns={taskColumns(today)}
          rows={tasks}
          rowKey={(t) => t.id}
          empty="No open tasks."
        />
      </Card>
    </>
  );
}
