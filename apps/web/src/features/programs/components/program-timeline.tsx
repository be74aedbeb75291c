import { Card, EmptyState, ErrorSummary, Loading, StageBadge, Table, type TableColumn } from '@certflow/ui';

import { type Milestone, useProgramRecords } from '../api/get-program-records';
import { formatCalendarDate, milestoneLabel, milestoneOrder } from '../utils/labels';
import styles from './programs.module.css';

const date = (d: string | null) => (d ? formatCalendarDate(d) : '—');

function status(m: Milestone, today: string) {
  const limit = m.deadline ?? (m.category === 'deadline' ? m.due : null);
  if (m.actual) {
    return m.deadline && m.actual > m.deadline ? (
      <StageBadge tone="warning" label="Done late" />
    ) : (
      <StageBadge tone="done" label="Done" />
    );
  }
  if (limit && today > limit && m.category !== 'deadline')
    return <StageBadge tone="danger" label="Overdue" />;
  if (m.scheduled) return <StageBadge tone="active" label="Scheduled" />;
  return <StageBadge tone="neutral" label="Planned" />;
}

function windowOf(m: Milestone): string {
  if (m.earliest && m.deadline) return `${date(m.earliest)} – ${date(m.deadline)}`;
  if (m.deadline) return `by ${date(m.deadline)}`;
  if (m.earliest) return `from ${date(m.earliest)}`;
  return '—';
}

const rank = (kind: string) => {
  const index = milestoneOrder.indexOf(kind);
  return index === -1 ? milestoneOrder.length : index;
};

/** A cycle's milestones in the order they happen. */
function ordered(milestones: Milestone[]): Milestone[] {
  return [...milestones].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || (a.due ?? '').localeCompare(b.due ?? ''),
  );
}

/** Planned against actual dates of every audit, decision and deadline, cycle by cycle (newest first). */
export function ProgramTimeline({ programId, today }: { programId: string; today: string }) {
  const records = useProgramRecords(programId);
  const columns: TableColumn<Milestone>[] = [
    { key: 'kind', header: 'Milestone', cell: (m) => milestoneLabel(m.kind) },
    { key: 'window', header: 'Window', cell: (m) => windowOf(m) },
    { key: 'planned', header: 'Planned', cell: (m) => date(m.scheduled ?? m.due) },
    { key: 'actual', header: 'Actual', cell: (m) => date(m.actual) },
    {
      key: 'days',
      header: 'Audit days',
      cell: (m) =>
        m.plannedDays === null
          ? '—'
          : `${m.plannedDays}${m.plannedCost !== null && m.currency ? ` (${m.plannedCost.toLocaleString()} ${m.currency})` : ''}`,
    },
    { key: 'status', header: 'Status', cell: (m) => status(m, today) },
  ];
  if (records.isPending) {
    return (
      <Card title="Timeline">
        <Loading>Loading the timeline…</Loading>
      </Card>
    );
  }
  if (records.isError) {
    return (
      <Card title="Timeline">
        <ErrorSummary title="Could not load the timeline" messages={[records.error.message]} />
      </Card>
    );
  }
  const cycles = [...new Set(records.data.milestones.map((m) => m.cycle))].sort((a, b) => b - a);
  return (
    <Card title="Timeline">
      {cycles.length === 0 ? (
        <EmptyState title="Nothing on the timeline yet">
          The worker records the program’s audits and deadlines moments after it starts.
        </EmptyState>
      ) : (
        cycles.map((cycle) => (
          <div key={cycle} className={styles.cycle}>
            <Table
              caption={`Cycle ${cycle}`}
              columns={columns}
              rows={ordered(records.data.milestones.filter((m) => m.cycle === cycle))}
              rowKey={(m) => `${m.cycle}:${m.kind}`}
            />
          </div>
        ))
      )}
    </Card>
  );
}
