import { budgetLineKindLabels } from '@certflow/contracts/domain';
import {
  Button,
  buttonClassName,
  Card,
  EmptyState,
  ErrorSummary,
  Loading,
  PageHeader,
  SelectField,
  Table,
  type TableColumn,
} from '@certflow/ui';
import { useState } from 'react';
import { useParams } from 'react-router';

import { canIn, type Me } from '@/lib/me';

import {
  type ActualCost,
  type BudgetLine,
  costCsvUrl,
  useActuals,
  useBudgetLines,
  useCostSummary,
  useDeleteActual,
  useDeleteBudgetLine,
  useProgramChoices,
} from '../api/cost';
import { ActualForm } from '../components/actual-form';
import { BudgetLineForm } from '../components/budget-line-form';
import styles from '../components/cost.module.css';
import { CurrencySummary } from '../components/cost-summary-view';
import { formatMoney } from '../components/money';

/** Budget vs actual vs forecast by month, per program and in total; budget lines and actual costs. */
export function CostRoute({ me }: { me: Me }) {
  const { organizationId = '' } = useParams();
  const manage = canIn(me, organizationId, 'cost.manage');
  const [programId, setProgramId] = useState('');
  const filter = programId ? { programId } : {};
  const summary = useCostSummary(organizationId, filter);
  const lines = useBudgetLines(organizationId, filter);
  const actuals = useActuals(organizationId, filter);
  const programs = useProgramChoices(organizationId);
  const deleteLine = useDeleteBudgetLine(organizationId);
  const deleteActual = useDeleteActual(organizationId);

  const lineColumns: TableColumn<BudgetLine>[] = [
    { key: 'program', header: 'Program', cell: (l) => l.program.name },
    { key: 'year', header: 'Year', cell: (l) => l.year },
    { key: 'kind', header: 'Kind', cell: (l) => budgetLineKindLabels[l.kind] },
    { key: 'label', header: 'Label', cell: (l) => l.label },
    {
      key: 'basis',
      header: 'From',
      cell: (l) =>
        l.auditDays !== null && l.dayRate !== null
          ? `${l.auditDays} d × ${formatMoney(l.dayRate, l.currency)}`
          : l.hours !== null && l.hourlyRate !== null
            ? `${l.hours} h × ${formatMoney(l.hourlyRate, l.currency)}`
            : '—',
    },
    { key: 'amount', header: 'Budget', cell: (l) => formatMoney(l.amount, l.currency) },
    { key: 'actual', header: 'Spent', cell: (l) => formatMoney(l.actual, l.currency) },
    ...(manage
      ? [
          {
            key: 'delete',
            header: 'Actions',
            cell: (l: BudgetLine) => (
              <Button variant="secondary" disabled={l.actual > 0} onClick={() => deleteLine.mutate(l.id)}>
                Delete <span className="cf-visually-hidden">{l.label}</span>
              </Button>
            ),
          },
        ]
      : []),
  ];
  const actualColumns: TableColumn<ActualCost>[] = [
    { key: 'on', header: 'Date', cell: (a) => a.incurredOn },
    { key: 'program', header: 'Program', cell: (a) => a.program.name },
    { key: 'description', header: 'Description', cell: (a) => a.description },
    { key: 'source', header: 'Source', cell: (a) => (a.source === 'audit-held' ? 'Audit held' : 'Recorded') },
    { key: 'amount', header: 'Amount', cell: (a) => formatMoney(a.amount, a.currency) },
    ...(manage
      ? [
          {
            key: 'delete',
            header: 'Actions',
            cell: (a: ActualCost) =>
              a.source === 'manual' ? (
                <Button variant="secondary" onClick={() => deleteActual.mutate(a.id)}>
                  Delete <span className="cf-visually-hidden">{a.description}</span>
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div className={styles.layout}>
      <PageHeader
        title="Cost"
        description="Certification cost against budget: spent, forecast from the planned audits of each program’s current cycle."
        actions={
          <a
            className={buttonClassName('secondary')}
            href={costCsvUrl(organizationId, programId || undefined)}
            download
          >
            Download CSV
          </a>
        }
      />
      {programs.data && programs.data.length > 0 ? (
        <SelectField
          label="Program"
          name="program"
          placeholder="All programs"
          options={programs.data.map((p) => ({ value: p.id, label: p.name }))}
          value={programId}
          onChange={(e) => setProgramId(e.currentTarget.value)}
        />
      ) : null}
      {summary.isPending ? <Loading>Loading the cost summary…</Loading> : null}
      {summary.isError ? (
        <ErrorSummary title="Could not load the cost summary" messages={[summary.error.message]} />
      ) : null}
      {summary.data && summary.data.currencies.length === 0 ? (
        <Card>
          <EmptyState title="No cost recorded yet">
            <p>Budget lines, recorded costs and the planned audits’ cost appear here.</p>
          </EmptyState>
        </Card>
      ) : null}
      {summary.data?.currencies.map((c) => (
        <CurrencySummary key={c.currency} summary={c} />
      ))}
      <Card title="Budget lines">
        {lines.isError ? (
          <ErrorSummary title="Could not load the budget lines" messages={[lines.error.message]} />
        ) : null}
        <Table
          caption="Budget lines"
          hideCaption
          columns={lineColumns}
          rows={lines.data ?? []}
          rowKey={(l) => l.id}
          empty="No budget lines yet."
        />
        {manage && programs.data && programs.data.length > 0 ? (
          <BudgetLineForm organizationId={organizationId} programs={programs.data} />
        ) : null}
      </Card>
      <Card title="Actual costs">
        {actuals.isError ? (
          <ErrorSummary title="Could not load the actual costs" messages={[actuals.error.message]} />
        ) : null}
        <Table
          caption="Actual costs"
          hideCaption
          columns={actualColumns}
          rows={actuals.data ?? []}
          rowKey={(a) => a.id}
          empty="Nothing spent yet."
        />
        {manage && lines.data && lines.data.length > 0 ? (
          <ActualForm key={lines.data.length} organizationId={organizationId} lines={lines.data} />
        ) : null}
      </Card>
    </div>
  );
}
