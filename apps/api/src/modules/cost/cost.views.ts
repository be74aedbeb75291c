import type { BudgetLineKind } from '@certflow/contracts/domain';
import type { Prisma } from '@certflow/db';

import { utcDay } from '../../common/clock.js';
import type { ActualCostView, BudgetLineView } from './cost.schemas.js';

type LineRow = Prisma.BudgetLineGetPayload<{ include: { program: { select: { id: true; name: true } } } }>;
type ActualRow = Prisma.CostActualGetPayload<{ include: { program: { select: { id: true; name: true } } } }>;

const figure = (figures: Prisma.JsonValue, key: string): number | null => {
  const value = (figures as Record<string, unknown> | null)?.[key];
  return typeof value === 'number' ? value : null;
};

export function toLineView(row: LineRow, actual: number): BudgetLineView {
  return {
    id: row.id,
    program: row.program,
    year: row.year,
    kind: row.kind as BudgetLineKind,
    label: row.label,
    currency: row.currency,
    amount: Number(row.amount),
    auditDays: figure(row.figures, 'auditDays'),
    dayRate: figure(row.figures, 'dayRate'),
    hours: figure(row.figures, 'hours'),
    hourlyRate: figure(row.figures, 'hourlyRate'),
    actual,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toActualView(row: ActualRow): ActualCostView {
  return {
    id: row.id,
    source: 'manual',
    program: row.program,
    budgetLineId: row.budgetLineId,
    incurredOn: utcDay(row.incurredOn),
    amount: Number(row.amount),
    currency: row.currency,
    description: row.description,
    recordedBy: row.recordedBy,
  };
}
