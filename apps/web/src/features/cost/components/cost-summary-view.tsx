import { getFramework, isFrameworkId } from '@certflow/catalog';
import { Card, Table, type TableColumn } from '@certflow/ui';

import type { CostSummary } from '../api/cost';
import { BurnChart } from './burn-chart';
import styles from './cost.module.css';
import { formatMoney } from './money';

type Currency = CostSummary['currencies'][number];
type Figures = Currency['totals'];
type Month = Currency['months'][number];

const frameworkName = (id: string) => (isFrameworkId(id) ? getFramework(id).shortName : id);

function figureColumns<Row extends Figures>(currency: string): TableColumn<Row>[] {
  const money = (v: number) => formatMoney(v, currency);
  return [
    { key: 'budget', header: 'Budget', cell: (r) => money(r.budget) },
    { key: 'actual', header: 'Actual', cell: (r) => money(r.actual) },
    { key: 'forecast', header: 'Forecast', cell: (r) => money(r.forecast) },
    { key: 'projected', header: 'Actual + forecast', cell: (r) => money(r.projected) },
    {
      key: 'variance',
      header: 'Variance',
      cell: (r) => <span className={r.variance < 0 ? styles.over : undefined}>{money(r.variance)}</span>,
    },
  ];
}

export function Totals({ totals, currency }: { totals: Figures; currency: string }) {
  const money = (v: number) => formatMoney(v, currency);
  return (
    <dl className={styles.figures}>
      <div>
        <dt>Budget</dt>
        <dd>{money(totals.budget)}</dd>
      </div>
      <div>
        <dt>Spent to date</dt>
        <dd>{money(totals.actual)}</dd>
      </div>
      <div>
        <dt>Budget to date</dt>
        <dd>{money(totals.budgetToDate)}</dd>
      </div>
      <div>
        <dt>Forecast to cycle end</dt>
        <dd>{money(totals.forecast)}</dd>
        {totals.forecastUndated > 0 ? (
          <dd className={styles.muted}>{money(totals.forecastUndated)} of it for audits not dated yet</dd>
        ) : null}
      </div>
      <div>
        <dt>Variance</dt>
        <dd className={totals.variance < 0 ? styles.over : undefined}>{money(totals.variance)}</dd>
      </div>
    </dl>
  );
}

/** One currency's burn: totals, the chart, and the same figures as tables per month, program and framework. */
export function CurrencySummary({ summary }: { summary: Currency }) {
  const { currency } = summary;
  const money = (v: number) => formatMoney(v, currency);
  const monthColumns: TableColumn<Month>[] = [
    { key: 'month', header: 'Month', cell: (m) => m.month },
    { key: 'budget', header: 'Budget', cell: (m) => money(m.budget) },
    { key: 'actual', header: 'Actual', cell: (m) => money(m.actual) },
    { key: 'forecast', header: 'Forecast', cell: (m) => money(m.forecast) },
    { key: 'cumulativeBudget', header: 'Cumulative budget', cell: (m) => money(m.cumulativeBudget) },
    {
      key: 'cumulativeProjected',
      header: 'Cumulative actual + forecast',
      cell: (m) => money(m.cumulativeProjected),
    },
  ];
  type ProgramRow = Currency['programs'][number];
  type FrameworkRow = Currency['frameworks'][number];
  return (
    <>
      <Card title={`Budget vs actual vs forecast (${currency})`}>
        <Totals totals={summary.totals} currency={currency} />
        <BurnChart months={summary.months} currency={currency} />
        <details>
          <summary>The figures per month</summary>
          <Table
            caption={`Per month (${currency})`}
            columns={monthColumns}
            rows={summary.months}
            rowKey={(m) => m.month}
          />
        </details>
      </Card>
      <Card title={`Per program (${currency})`}>
        <Table
          caption={`Cost per program (${currency})`}
          hideCaption
          columns={[
            { key: 'name', header: 'Program', cell: (r: ProgramRow) => r.name },
            ...figureColumns<ProgramRow>(currency),
          ]}
          rows={summary.programs}
          rowKey={(r) => r.programId}
        />
      </Card>
      <Card title={`Per framework (${currency})`}>
        <Table
          caption={`Cost per framework (${currency})`}
          hideCaption
          columns={[
            { key: 'framework', header: 'Framework', cell: (r: FrameworkRow) => frameworkName(r.framework) },
            ...figureColumns<FrameworkRow>(currency),
          ]}
          rows={summary.frameworks}
          rowKey={(r) => r.framework}
        />
        <p className={styles.muted}>A program under two frameworks counts under each of them.</p>
      </Card>
    </>
  );
}
