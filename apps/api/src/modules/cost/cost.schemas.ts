import {
  actualCostInputSchema,
  actualCostSources,
  budgetLineInputSchema,
  budgetLineKinds,
  calendarDateSchema,
} from '@certflow/contracts/domain';
import { z } from 'zod';

import { createUnionZodDto, createZodDto } from '../../common/zod-dto.js';

const day = z.string().describe('YYYY-MM-DD');

export const budgetLineSchema = z.object({
  id: z.uuid(),
  program: z.object({ id: z.uuid(), name: z.string() }),
  year: z.int(),
  kind: z.enum(budgetLineKinds),
  label: z.string(),
  currency: z.string(),
  amount: z.number().describe('Computed from audit days × day rate or hours × rate where those are given'),
  auditDays: z.number().nullable(),
  dayRate: z.number().nullable(),
  hours: z.number().nullable(),
  hourlyRate: z.number().nullable(),
  actual: z.number().describe('Actual costs recorded against this line'),
  updatedBy: z.string(),
  updatedAt: z.iso.datetime(),
});

export type BudgetLineView = z.infer<typeof budgetLineSchema>;

export const actualCostSchema = z.object({
  id: z.string().describe('A UUID for recorded costs; `audit:<program>:<cycle>:<kind>` for audits held'),
  source: z.enum(actualCostSources),
  program: z.object({ id: z.uuid(), name: z.string() }),
  budgetLineId: z.uuid().nullable(),
  incurredOn: day,
  amount: z.number(),
  currency: z.string(),
  description: z.string(),
  recordedBy: z.string().nullable().describe('Null for audits held (the workflow froze their cost)'),
});

export type ActualCostView = z.infer<typeof actualCostSchema>;

const figures = z.object({
  budget: z.number(),
  budgetToDate: z.number().describe('Budget of the months up to and including the current one'),
  actual: z.number(),
  forecast: z.number().describe('Planned cost of the current cycle’s audits not held yet'),
  forecastUndated: z
    .number()
    .describe('The part of forecast whose audits the workflow has not dated yet (in no month)'),
  projected: z.number().describe('actual + forecast'),
  variance: z.number().describe('budget − projected; negative: expected overrun'),
});

export const costSummarySchema = z.object({
  generatedAt: z.iso.datetime(),
  today: day,
  currencies: z.array(
    z.object({
      currency: z.string(),
      totals: figures,
      months: z.array(
        z.object({
          month: z.string().describe('YYYY-MM'),
          budget: z.number(),
          actual: z.number(),
          forecast: z.number(),
          cumulativeBudget: z.number(),
          cumulativeProjected: z.number().describe('Actuals, then actuals plus forecast from this month on'),
        }),
      ),
      programs: z.array(
        figures.extend({ programId: z.uuid(), name: z.string(), frameworks: z.array(z.string()) }),
      ),
      frameworks: z.array(figures.extend({ framework: z.string() })),
    }),
  ),
});

export type CostSummaryView = z.infer<typeof costSummarySchema>;

export const costFilterSchema = z.object({
  programId: z.uuid().optional().describe('Only this program'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Only this calendar year'),
});
export type CostFilter = z.output<typeof costFilterSchema>;

export const actualsQuerySchema = costFilterSchema.extend({
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
});

export class CostFilterQuery extends createZodDto(costFilterSchema) {}
export class ActualsQuery extends createZodDto(actualsQuerySchema) {}
/** Documents the body; the routes validate with `budgetLineInputSchema` itself (a union). */
export class BudgetLineBody extends createUnionZodDto(budgetLineInputSchema) {}
export { budgetLineInputSchema };
export class ActualCostBody extends createZodDto(actualCostInputSchema) {}
export class BudgetLine extends createZodDto(budgetLineSchema) {}
export class BudgetLineList extends createZodDto(z.object({ items: z.array(budgetLineSchema) })) {}
export class ActualCost extends createZodDto(actualCostSchema) {}
export class ActualCostList extends createZodDto(z.object({ items: z.array(actualCostSchema) })) {}
export class CostSummary extends createZodDto(costSummarySchema) {}
export class BudgetLineParams extends createZodDto(
  z.object({ organizationId: z.uuid(), lineId: z.uuid() }),
) {}
export class ActualParams extends createZodDto(z.object({ organizationId: z.uuid(), actualId: z.uuid() })) {}
