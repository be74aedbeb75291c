import { getFramework, isFrameworkId } from '@certflow/catalog';
import type { MilestoneRisk } from '@certflow/contracts/domain';
import { Card, EmptyState, ErrorSummary, Loading, StageBadge, Table, type TableColumn } from '@certflow/ui';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { type Dashboard, useCostTotals, useDashboard } from '../api/get-dashboard';
import styles from './overview.module.css';

type Readiness = Dashboard['readiness'][number];
type Item = Dashboard['next90Days'][number];
type RiskItem = Dashboard['atRisk'][number];

const frameworkName = (id: string) => (isFrameworkId(id) ? getFramework(id).shortName : id);
const humanize = (code: string) => {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const riskLabels: Record<MilestoneRisk, string> = {
  overdue: 'Deadline passed',
  'scheduled-after-deadline': 'Scheduled after its deadline',
  'deadline-near-unscheduled': 'Deadline within 30 days, not scheduled',
};

const readinessColumns: TableColumn<Readiness>[] = [
  { key: 'framework', header: 'Framework', cell: (r) => frameworkName(r.framework) },
  {
    key: 'ready',
    header: 'Implemented',
    cell: (r) =>
      r.readinessPercent === null
        ? 'Nothing applies'
        : `${r.readinessPercent}% (${r.implemented} of ${r.requirements - r.notApplicable})`,
  },
  { key: 'partial', header: 'Partly', cell: (r) => r.partial },
  { key: 'tasks', header: 'Open tasks', cell: (r) => r.openTasks },
  { key: 'major', header: 'Open majors', cell: (r) => r.openMajorFindings },
  { key: 'minor', header: 'Open minors', cell: (r) => r.openMinorFindings },
];

const itemColumns: TableColumn<Item>[] = [
  { key: 'on', header: 'Planned', cell: (m) => m.plannedOn ?? '—' },
  {
    key: 'program',
    header: 'Program',
    cell: (m) => <Link to={paths.program(m.program.id)}>{m.program.name}</Link>,
  },
  { key: 'kind', header: 'What', cell: (m) => humanize(m.kind) },
  { key: 'deadline', header: 'Deadline', cell: (m) => m.deadline ?? '—' },
];

const riskColumns: TableColumn<RiskItem>[] = [
  {
    key: 'program',
    header: 'Program',
    cell: (m) => <Link to={paths.program(m.program.id)}>{m.program.name}</Link>,
  },
  { key: 'kind', header: 'What', cell: (m) => humanize(m.kind) },
  { key: 'deadline', header: 'Deadline', cell: (m) => m.deadline ?? '—' },
  { key: 'risk', header: 'Why', cell: (m) => <StageBadge tone="warning" label={riskLabels[m.risk]} /> },
];

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

function CostToDate({ organizationId }: { organizationId: string }) {
  const cost = useCostTotals(organizationId);
  return (
    <Card title="Cost to date vs budget" actions={<Link to={paths.cost(organizationId)}>Cost details</Link>}>
      {cost.isPending ? <Loading>Loading cost…</Loading> : null}
      {cost.isError ? <ErrorSummary title="Could not load cost" messages={[cost.error.message]} /> : null}
      {cost.data && cost.data.currencies.length === 0 ? (
        <p className={styles.muted}>No cost recorded yet.</p>
      ) : null}
      {cost.data?.currencies.map(({ currency, totals }) => (
        <p key={currency}>
          <strong>{money(totals.actual, currency)}</strong> spent against{' '}
          <strong>{money(totals.budgetToDate, currency)}</strong> budgeted to date (
          {money(totals.budget, currency)} in all); {money(totals.forecast, currency)} forecast to the end of
          the current cycles.
        </p>
      ))}
    </Card>
  );
}

/** Readiness, risks, the next 90 days and cost, beside the programs per framework. */
export function DashboardSections({ organizationId }: { organizationId: string }) {
  const dashboard = useDashboard(organizationId);
  if (dashboard.isPending) return <Loading>Loading readiness and deadlines…</Loading>;
  if (dashboard.isError)
    return (
      <ErrorSummary title="Could not load readiness and deadlines" messages={[dashboard.error.message]} />
    );
  const { data } = dashboard;
  return (
    <>
      <Card title="Readiness per framework">
        <Table
          caption="Readiness per framework"
          hideCaption
          columns={readinessColumns}
          rows={data.readiness}
          rowKey={(r) => r.framework}
          empty="No programs yet."
        />
      </Card>
      <Card title="At risk">
        {data.atRisk.length === 0 ? (
          <EmptyState title="Nothing at risk">
            <p>No deadline passed, none close without a date.</p>
          </EmptyState>
        ) : (
          <Table
            caption="Milestones at risk"
            hideCaption
            columns={riskColumns}
            rows={data.atRisk}
            rowKey={(m) => `${m.program.id}-${m.cycle}-${m.kind}`}
          />
        )}
      </Card>
      <Card title="Next 90 days">
        <Table
          caption="Planned in the next 90 days"
          hideCaption
          columns={itemColumns}
          rows={data.next90Days}
          rowKey={(m) => `${m.program.id}-${m.cycle}-${m.kind}`}
          empty="Nothing planned in the next 90 days."
        />
      </Card>
      <CostToDate organizationId={organizationId} />
    </>
  );
}
