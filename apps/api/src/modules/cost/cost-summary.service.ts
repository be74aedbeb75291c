import { Inject, Injectable } from '@nestjs/common';
import {
  type ActualEntry,
  type BudgetEntry,
  type CostProgram,
  costSummary,
  type CurrencyCostSummary,
  type PlannedEntry,
} from '@certflow/contracts/domain';
import type { Prisma, PrismaClient } from '@certflow/db';

import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { CLOCK, type Clock, dateOnly, utcDay } from '../../common/clock.js';
import { PRISMA } from '../../database/database.module.js';
import type { ActualCostView, BudgetLineView, CostFilter, CostSummaryView } from './cost.schemas.js';
import { toActualView, toLineView } from './cost.views.js';

export interface CostInputs {
  today: string;
  programs: (CostProgram & { cycle: number | null })[];
  budget: BudgetEntry[];
  /** With `view` only when asked for (the list of actuals); the summary needs the figures alone. */
  actuals: (ActualEntry & { view?: ActualCostView })[];
  planned: PlannedEntry[];
}

interface AuditRow {
  programId: string;
  cycle: number;
  kind: string;
  currency: string;
  actual: string | null;
  plannedOn: string | null;
  plannedCost: number;
}

const heldDescription = (kind: string, cycle: number) => `Audit held: ${kind} (cycle ${cycle})`;

/**
 * Reads of the cost ledger: budget lines, actual costs (recorded ones plus audits the workflows held, whose cost
 * the read model froze), and the summary (monthly burn, forecast from the current cycle's planned audits, totals
 * per program and framework) computed by `costSummary` in `@certflow/contracts`.
 */
@Injectable()
export class CostSummaryService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
  ) {}

  async lines(caller: Caller, filter: CostFilter): Promise<BudgetLineView[]> {
    const rows = await this.prisma.budgetLine.findMany({
      where: { organizationId: caller.organizationId, programId: filter.programId, year: filter.year },
      include: { program: { select: { id: true, name: true } } },
      orderBy: [{ year: 'asc' }, { program: { name: 'asc' } }, { kind: 'asc' }, { createdAt: 'asc' }],
    });
    const spent = await this.prisma.costActual.groupBy({
      by: ['budgetLineId'],
      where: { budgetLineId: { in: rows.map((r) => r.id) } },
      _sum: { amount: true },
    });
    const byLine = new Map(spent.map((s) => [s.budgetLineId, Number(s._sum.amount ?? 0)]));
    return rows.map((row) => toLineView(row, byLine.get(row.id) ?? 0));
  }

  /** Everything the figures are computed from, for the visible programs (optionally one program or year). */
  async inputs(caller: Caller, filter: CostFilter, { views = false } = {}): Promise<CostInputs> {
    const today = utcDay(this.clock.now());
    const programRows = await this.prisma.program.findMany({
      where: { AND: [this.visibility.where(caller), filter.programId ? { id: filter.programId } : {}] },
      select: { id: true, name: true, frameworks: true, cycle: true },
    });
    const programIds = programRows.map((p) => p.id);
    const names = new Map(programRows.map((p) => [p.id, p.name]));
    const programRef = (id: string) => ({ id, name: names.get(id) ?? '' });
    const yearRange: Prisma.DateTimeFilter | undefined = filter.year
      ? { gte: dateOnly(`${filter.year}-01-01`), lte: dateOnly(`${filter.year}-12-31`) }
      : undefined;
    const year = filter.year ?? null;
    const [budget, recorded, audits] = await Promise.all([
      // Budget per program, currency and year, summed by PostgreSQL.
      this.prisma.$queryRaw<{ programId: string; currency: string; year: number; amount: string }[]>`
        SELECT program_id::text AS "programId", currency, year, sum(amount)::text AS amount
        FROM budget_lines
        WHERE program_id = ANY(${programIds}::uuid[]) AND (${year}::int IS NULL OR year = ${year}::int)
        GROUP BY 1, 2, 3`,
      views ? this.recordedRows(programIds, yearRange) : this.recordedPerMonth(programIds, year),
      this.auditRows(programIds, views),
    ]);
    const currentCycle = new Map(programRows.map((p) => [p.id, p.cycle]));
    const actuals: CostInputs['actuals'] = recorded.map(({ row, ...entry }) => ({
      ...entry,
      ...(row ? { view: toActualView({ ...row, program: programRef(row.programId) }) } : {}),
    }));
    const planned: PlannedEntry[] = [];
    for (const m of audits) {
      const amount = m.plannedCost;
      const currency = m.currency;
      if (m.actual) {
        const on = m.actual;
        if (filter.year && !on.startsWith(`${filter.year}-`)) continue;
        actuals.push({
          programId: m.programId,
          currency,
          on,
          amount,
          ...(views
            ? {
                view: {
                  id: `audit:${m.programId}:${m.cycle}:${m.kind}`,
                  source: 'audit-held' as const,
                  program: programRef(m.programId),
                  budgetLineId: null,
                  incurredOn: on,
                  amount,
                  currency,
                  description: heldDescription(m.kind, m.cycle),
                  recordedBy: null,
                },
              }
            : {}),
        });
      } else if (m.cycle === currentCycle.get(m.programId)) {
        // Only the current cycle's audits are forecast: later cycles are not planned by the workflow yet. One
        // the workflow cannot date yet (a second surveillance) counts in the totals of an unfiltered summary.
        if (!m.plannedOn) {
          if (!filter.year) planned.push({ programId: m.programId, currency, on: null, amount });
          continue;
        }
        const on = m.plannedOn;
        // An audit whose day passed without being held is forecast in the current month (costSummary).
        const forecastOn = on < today ? today : on;
        if (filter.year && !forecastOn.startsWith(`${filter.year}-`)) continue;
        planned.push({ programId: m.programId, currency, on, amount });
      }
    }
    actuals.sort((a, b) => a.on.localeCompare(b.on));
    return {
      today,
      programs: programRows,
      budget: budget.map((b) => ({ ...b, amount: Number(b.amount) })),
      actuals,
      planned,
    };
  }

  /**
   * Audits with a planned cost: one by one for the list of actuals (which names each audit held), else summed per
   * program, cycle, currency and month (the 1st), which is all the summary needs.
   */
  private async auditRows(programIds: string[], views: boolean): Promise<AuditRow[]> {
    if (views) {
      const rows = await this.prisma.programMilestone.findMany({
        where: {
          programId: { in: programIds },
          category: 'audit',
          plannedCost: { not: null },
          currency: { not: null },
        },
        select: {
          programId: true,
          cycle: true,
          kind: true,
          actual: true,
          plannedOn: true,
          plannedCost: true,
          currency: true,
        },
      });
      return rows.map((m) => ({
        ...m,
        actual: m.actual ? utcDay(m.actual) : null,
        plannedOn: m.plannedOn ? utcDay(m.plannedOn) : null,
        plannedCost: Number(m.plannedCost),
        currency: m.currency!,
      }));
    }
    const rows = await this.prisma.$queryRaw<(Omit<AuditRow, 'plannedCost'> & { plannedCost: string })[]>`
      SELECT program_id::text AS "programId", cycle, currency, 'audits' AS kind,
             to_char(date_trunc('month', actual), 'YYYY-MM-DD') AS actual,
             to_char(date_trunc('month', planned_on), 'YYYY-MM-DD') AS "plannedOn",
             sum(planned_cost)::text AS "plannedCost"
      FROM program_milestones
      WHERE program_id = ANY(${programIds}::uuid[]) AND category = 'audit'
        AND planned_cost IS NOT NULL AND currency IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6`;
    return rows.map((r) => ({ ...r, plannedCost: Number(r.plannedCost) }));
  }

  /** Recorded costs one by one, for the list of actuals. */
  private async recordedRows(programIds: string[], incurredOn: Prisma.DateTimeFilter | undefined) {
    const rows = await this.prisma.costActual.findMany({
      where: { programId: { in: programIds }, incurredOn },
      orderBy: [{ incurredOn: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map((row) => ({
      programId: row.programId,
      currency: row.currency,
      on: utcDay(row.incurredOn),
      amount: Number(row.amount),
      row,
    }));
  }

  /** Recorded costs summed per program, currency and month (dated the 1st): all the summary needs. */
  private async recordedPerMonth(programIds: string[], year: number | null) {
    const rows = await this.prisma.$queryRaw<
      { programId: string; currency: string; on: string; amount: string }[]
    >`
      SELECT program_id::text AS "programId", currency,
             to_char(date_trunc('month', incurred_on), 'YYYY-MM-DD') AS "on", sum(amount)::text AS amount
      FROM cost_actuals
      WHERE program_id = ANY(${programIds}::uuid[])
        AND (${year}::int IS NULL OR extract(year FROM incurred_on)::int = ${year}::int)
      GROUP BY 1, 2, 3`;
    return rows.map((r) => ({ ...r, amount: Number(r.amount), row: undefined }));
  }

  async actuals(
    caller: Caller,
    filter: CostFilter & { from?: string; to?: string },
  ): Promise<ActualCostView[]> {
    const { actuals } = await this.inputs(caller, filter, { views: true });
    return actuals.flatMap((a) =>
      a.view && (!filter.from || a.on >= filter.from) && (!filter.to || a.on <= filter.to) ? [a.view] : [],
    );
  }

  summarise(inputs: CostInputs): CurrencyCostSummary[] {
    return costSummary(inputs);
  }

  async summary(caller: Caller, filter: CostFilter): Promise<CostSummaryView> {
    const inputs = await this.inputs(caller, filter);
    return {
      generatedAt: this.clock.now().toISOString(),
      today: inputs.today,
      currencies: this.summarise(inputs),
    };
  }
}
