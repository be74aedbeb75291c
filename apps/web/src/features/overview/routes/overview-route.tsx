import { frameworkIds, getFramework, isFrameworkId } from '@certflow/catalog';
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

import { type Overview, useOverview } from '../api/get-overview';
import { DashboardSections } from './dashboard-sections';
import styles from './overview.module.css';

type OverviewProgram = Overview['frameworks'][number]['programs'][number];

const humanize = (code: string) => {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const columns: TableColumn<OverviewProgram>[] = [
  { key: 'name', header: 'Program', cell: (p) => <Link to={paths.program(p.id)}>{p.name}</Link> },
  {
    key: 'stage',
    header: 'Stage',
    cell: (p) =>
      p.stage ? (
        <StageBadge label={humanize(p.stage)} />
      ) : (
        <span className={styles.muted}>Not recorded yet</span>
      ),
  },
  {
    key: 'risk',
    header: 'Health',
    cell: (p) =>
      p.atRisk === null ? (
        <span className={styles.muted}>Unknown</span>
      ) : p.atRisk ? (
        <StageBadge tone="warning" label="At risk" />
      ) : (
        <StageBadge tone="done" label="On track" />
      ),
  },
];

const frameworkName = (id: string) => (isFrameworkId(id) ? getFramework(id).shortName : id);
const frameworkOrder = (id: string) => {
  const index = (frameworkIds as readonly string[]).indexOf(id);
  return index < 0 ? frameworkIds.length : index;
};

/**
 * Leadership's home: readiness per framework, what is at risk, the next 90 days, cost to date against budget, and
 * every program per framework with its stage and whether it is at risk.
 */
export function OverviewRoute() {
  const { organizationId = '' } = useParams();
  const overview = useOverview(organizationId);
  if (overview.isPending) return <Loading>Loading the overview…</Loading>;
  if (overview.isError)
    return <ErrorSummary title="Could not load the overview" messages={[overview.error.message]} />;
  const { data } = overview;
  const frameworks = [...data.frameworks].sort(
    (a, b) => frameworkOrder(a.framework) - frameworkOrder(b.framework),
  );
  return (
    <>
      <PageHeader
        title="Overview"
        description={`${data.totals.programs} program(s), ${data.totals.atRisk} at risk.`}
      />
      <div className={styles.sections}>
        <DashboardSections organizationId={organizationId} />
        {frameworks.length === 0 ? (
          <Card>
            <EmptyState title="No programs yet">
              <p>Program managers create programs; they appear here per framework.</p>
            </EmptyState>
          </Card>
        ) : (
          frameworks.map((framework) => (
            <Card key={framework.framework} title={frameworkName(framework.framework)}>
              <Table
                caption={`${frameworkName(framework.framework)} programs`}
                hideCaption
                columns={columns}
                rows={framework.programs}
                rowKey={(p) => p.id}
              />
            </Card>
          ))
        )}
      </div>
      <p className={styles.muted} role="status">
        {data.source === 'search-attributes'
          ? `Live from the workflows · ${new Date(data.generatedAt).toLocaleTimeString()}`
          : 'The workflow service did not answer, so stages are the last recorded ones and risk is unknown.'}
      </p>
    </>
  );
}
