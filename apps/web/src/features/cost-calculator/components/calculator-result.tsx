import { getFramework, isFrameworkId } from '@certflow/catalog';
import type { CalculatedPlan, CostCalculation, TypicalRange } from '@certflow/contracts/domain';
import { Card, Table, type TableColumn } from '@certflow/ui';

import styles from './calculator.module.css';

const auditLabels: Record<string, string> = {
  stage1: 'Stage 1',
  stage2: 'Stage 2',
  surveillance1: 'Surveillance 1',
  surveillance2: 'Surveillance 2',
  recertification: 'Recertification',
};
const frameworkName = (id: string) => (isFrameworkId(id) ? getFramework(id).shortName : id);
const planName = (plan: CalculatedPlan) => plan.frameworks.map(frameworkName).join(' + ');

export function money(amount: number | null, currency: string): string {
  if (amount === null) return 'Unknown';
  return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}
const days = (d: number | null) => (d === null ? 'Unknown' : `${d} d`);
const usd = (r: { min: number; max: number } | null) =>
  r ? `${money(r.min, 'USD')} – ${money(r.max, 'USD')}` : 'No published figure';

interface AuditRow {
  audit: string;
  cells: (number | null)[];
}

function IsoTable({ result }: { result: CostCalculation }) {
  const plans = [...result.separate, ...(result.integrated ? [result.integrated] : [])];
  const kinds = Object.keys(auditLabels);
  const rows: AuditRow[] = kinds.map((audit) => ({
    audit,
    cells: plans.map((p) => p.plan.audits.find((a) => a.audit === audit)?.days ?? null),
  }));
  const columns: TableColumn<AuditRow>[] = [
    { key: 'audit', header: 'Audit', cell: (r) => auditLabels[r.audit] },
    ...plans.map((plan, i) => ({
      key: `plan-${i}`,
      header: i < result.separate.length ? planName(plan) : `Integrated ${planName(plan)}`,
      cell: (r: AuditRow) => days(r.cells[i] ?? null),
    })),
  ];
  const notes = [...new Set(plans.flatMap((p) => p.plan.audits.flatMap((a) => a.notes)))];
  return (
    <Card title={`ISO audits over a ${result.cycleYears}-year cycle`}>
      <Table caption="Audit days per audit" columns={columns} rows={rows} rowKey={(r) => r.audit} />
      <div className={styles.figures}>
        {plans.map((plan, i) => (
          <div key={i}>
            <p className={styles.muted}>
              {i < result.separate.length ? planName(plan) : `Integrated ${planName(plan)}`}
            </p>
            <p className={styles.figure}>{money(plan.plan.totalCost, result.currency)}</p>
            <p className={styles.muted}>{days(plan.plan.totalDays)} in the cycle</p>
          </div>
        ))}
      </div>
      {result.integrated ? (
        <p>
          Integrated audit: {result.integrated.appliedReductionPercent}% less than the summed days
          {result.integrated.capped ? ' (IAF MD 11 caps the reduction at 20%)' : ''}.{' '}
          {result.saving
            ? `Saving ${days(result.saving.days)} and ${money(result.saving.cost, result.currency)} over the cycle.`
            : 'The saving is unknown until every figure is.'}
        </p>
      ) : null}
      {notes.length > 0 ? (
        <ul className={styles.muted}>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

const rangeColumns: TableColumn<TypicalRange>[] = [
  { key: 'what', header: 'What', cell: (r) => r.what },
  { key: 'cost', header: 'Typical cost (USD)', cell: (r) => usd(r.costUsd) },
  {
    key: 'months',
    header: 'Typical duration',
    cell: (r) => (r.months ? `${r.months.min}–${r.months.max} months` : '—'),
  },
  {
    key: 'source',
    header: 'Source',
    cell: (r) => `${r.source} (${r.confidence === 'single-source' ? 'one source' : 'unverified estimate'})`,
  },
];

/** What the calculator found, with the published ranges beside it. */
export function CalculatorResult({ result }: { result: CostCalculation }) {
  return (
    <section aria-label="Result" className={styles.layout}>
      {result.separate.length > 0 ? <IsoTable result={result} /> : null}
      {result.soc2 ? (
        <Card title={`SOC 2 Type II over ${result.cycleYears} yearly periods`}>
          <p className={styles.figure}>{money(result.soc2.plan.totalCost, result.currency)}</p>
          <p className={styles.muted}>
            {result.soc2.plan.totalDays === null
              ? 'Enter the fieldwork days a CPA firm quoted to price the fieldwork.'
              : `${days(result.soc2.plan.totalDays)} of fieldwork over the cycle`}
          </p>
        </Card>
      ) : null}
      <Card title="Typical first-year cost and duration">
        <Table
          caption="Published planning ranges"
          columns={rangeColumns}
          rows={result.typicalRanges}
          rowKey={(r) => r.id}
        />
        <p className={styles.muted}>
          Market estimates for the whole first year (audit, readiness, tooling, internal effort), not quotes.
        </p>
      </Card>
    </section>
  );
}
