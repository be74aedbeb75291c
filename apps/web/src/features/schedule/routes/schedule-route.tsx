import { frameworkIds, getFramework, isFrameworkId } from '@certflow/catalog';
import {
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
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';

import { canIn, useMe } from '@/lib/me';

import {
  type CombinedSchedule,
  type ScheduleFilters,
  type ScheduleItem,
  useCombinedSchedule,
} from '../api/schedule-api';
import { CalendarFeedCard } from '../components/calendar-feed-card';
import { SuggestionsCard } from '../components/suggestions-card';
import { Timeline, type TimelineEntry } from '../components/timeline';
import { WhatIfPanel } from '../components/what-if-panel';
import styles from './schedule.module.css';

type RegulatoryDate = CombinedSchedule['regulatoryDates'][number];
const movable = (i: ScheduleItem) => (i.category === 'audit' || i.category === 'assessment') && !i.held;

const statusLabels: Record<string, string> = {
  superseded: 'Superseded',
  repealed_never_effective: 'Repealed, never effective',
  adopted_pending_oj: 'Adopted, awaiting the Official Journal',
  enacted_not_yet_effective: 'Enacted, not yet effective',
  in_force: 'In force',
};

function entriesOf(data: CombinedSchedule): TimelineEntry[] {
  const conflicted = new Set(data.conflicts.flatMap((c) => c.itemIds));
  const suggested = new Set(data.suggestions.flatMap((s) => s.audits.map((a) => a.itemId)));
  const items = data.items
    .filter((i) => i.date !== null && i.category !== 'period')
    .map((i) => ({
      id: i.id,
      name: `${i.programName}: ${i.kind}`,
      date: i.date!,
      movable: movable(i),
      // The most pressing state wins the colour.
      tone: conflicted.has(i.id)
        ? 'conflict'
        : suggested.has(i.id)
          ? 'suggested'
          : i.held
            ? 'held'
            : i.category === 'deadline'
              ? 'deadline'
              : undefined,
    }));
  const regulatory = data.regulatoryDates.map((d) => ({
    id: d.id,
    name: d.title,
    date: d.date,
    movable: false,
    tone: d.status === 'superseded' || d.status === 'repealed_never_effective' ? 'superseded' : 'regulatory',
  }));
  return [...items, ...regulatory].sort((a, b) => a.date.localeCompare(b.date));
}

const regulatoryColumns: TableColumn<RegulatoryDate>[] = [
  { key: 'date', header: 'Date', cell: (d) => d.date },
  { key: 'title', header: 'What', cell: (d) => d.title },
  { key: 'basis', header: 'Legal basis', cell: (d) => d.legalBasis },
  {
    key: 'status',
    header: 'Status',
    cell: (d) => (
      <StageBadge
        tone={d.status === 'superseded' || d.status === 'repealed_never_effective' ? 'neutral' : 'warning'}
        label={statusLabels[d.status] ?? d.status}
      />
    ),
  },
];

/** Leadership's combined schedule: every program's audits and deadlines, with clashes and savings highlighted. */
export function ScheduleRoute() {
  const { organizationId = '' } = useParams();
  const me = useMe();
  // Half a year back by default: recent audits stay in view, older history is one field away.
  const [filters, setFilters] = useState<ScheduleFilters>(() => ({
    from: new Date(Date.now() - 183 * 86_400_000).toISOString().slice(0, 10),
  }));
  const [proposal, setProposal] = useState<{ itemId: string; date: string }>();
  const schedule = useCombinedSchedule(organizationId, filters);
  const entries = useMemo(() => (schedule.data ? entriesOf(schedule.data) : []), [schedule.data]);
  const canOperate = canIn(me.data, organizationId, 'programs.operate');

  const itemColumns: TableColumn<ScheduleItem>[] = [
    { key: 'program', header: 'Program', cell: (i) => i.programName },
    { key: 'kind', header: 'Audit or deadline', cell: (i) => i.kind },
    { key: 'date', header: 'Date', cell: (i) => (i.date ? `${i.date} (${i.dateSource})` : 'Not planned') },
    {
      key: 'deadline',
      header: 'Must meet',
      cell: (i) => (i.mustMeet ? `${i.mustMeet.date} (${i.mustMeet.rule})` : '—'),
    },
  ];

  const header = (
    <PageHeader
      title="Schedule"
      description="Every program's audits and deadlines on one axis, with the regulatory dates."
    />
  );
  if (schedule.isPending)
    return (
      <>
        {header}
        <Loading>Loading the schedule…</Loading>
      </>
    );
  if (schedule.isError)
    return (
      <>
        {header}
        <ErrorSummary title="Could not load the schedule" messages={[schedule.error.message]} />
      </>
    );
  const { data } = schedule;
  const frameworks = frameworkIds.filter((id) => isFrameworkId(id));
  return (
    <>
      {header}
      <form aria-label="Filter the schedule" className={styles.inline} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Framework"
          value={filters.framework ?? ''}
          placeholder="All frameworks"
          onChange={(e) =>
            setFilters({
              ...filters,
              ...(e.target.value ? { framework: e.target.value } : { framework: undefined }),
            })
          }
          options={frameworks.map((id) => ({ value: id, label: getFramework(id).shortName }))}
        />
        <TextField
          label="From"
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => setFilters({ ...filters, from: e.target.value || undefined })}
        />
        <TextField
          label="To"
          type="date"
          value={filters.to ?? ''}
          onChange={(e) => setFilters({ ...filters, to: e.target.value || undefined })}
        />
      </form>
      <div className={styles.sections}>
        <Card title="Conflicts">
          {data.conflicts.length === 0 ? (
            <EmptyState title="No conflicts">
              <p>No clashes, late audits, coverage gaps or overloaded owners in this range.</p>
            </EmptyState>
          ) : (
            <ul aria-label="Conflicts" className={styles.conflicts}>
              {data.conflicts.map((c) => (
                <li key={c.id}>
                  <StageBadge tone="warning" label={c.kind.replaceAll('-', ' ')} /> {c.reason}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <SuggestionsCard organizationId={organizationId} suggestions={data.suggestions} />
        <Card title="Timeline">
          {entries.length === 0 ? (
            <EmptyState title="Nothing planned">
              <p>Programs with audits or deadlines in this range appear here.</p>
            </EmptyState>
          ) : (
            <>
              <p className={styles.legend}>
                Red: conflict · purple: can be combined · green: held · orange: deadline · blue: regulatory
                date (grey: superseded or never effective). Drag an audit to see its what-if.
              </p>
              <Timeline entries={entries} onMove={(itemId, date) => setProposal({ itemId, date })} />
            </>
          )}
        </Card>
        <WhatIfPanel
          organizationId={organizationId}
          items={data.items.filter(movable)}
          proposal={proposal}
          canConfirm={canOperate}
        />
        <Card title="Audits and deadlines">
          <Table
            caption="Audits and deadlines"
            hideCaption
            columns={itemColumns}
            rows={data.items}
            rowKey={(i) => i.id}
          />
        </Card>
        <Card title="Regulatory dates">
          <Table
            caption="Regulatory dates"
            hideCaption
            columns={regulatoryColumns}
            rows={data.regulatoryDates}
            rowKey={(d) => d.id}
          />
        </Card>
        <CalendarFeedCard organizationId={organizationId} />
      </div>
    </>
  );
}

export default ScheduleRoute;
