import { calendarDateSchema } from '@certflow/contracts/domain';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

const statuses = ['OPEN', 'DONE', 'CANCELLED'] as const;

export const myTasksQuerySchema = z
  .object({
    status: z
      .string()
      .transform((value) => value.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(statuses)).min(1))
      .optional()
      .describe('One status or several, comma-separated (OPEN,DONE)'),
    programId: z.uuid().optional(),
    dueAfter: calendarDateSchema.optional().describe('Due on or after this day'),
    dueBefore: calendarDateSchema.optional().describe('Due on or before this day'),
    overdue: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .describe('true: open and past due (UTC); false: everything else'),
    sort: z
      .enum(['dueDate', '-dueDate'])
      .default('dueDate')
      .describe('By due date, soonest (or latest) first'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .refine((q) => !q.dueAfter || !q.dueBefore || q.dueAfter <= q.dueBefore, {
    path: ['dueBefore'],
    message: 'must not be before dueAfter',
  });
export type MyTasksQuery = z.output<typeof myTasksQuerySchema>;
export class MyTasksQueryDto extends createZodDto(myTasksQuerySchema) {}

export const myTaskSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(statuses),
    dueDate: z.string().describe('YYYY-MM-DD'),
    overdue: z.boolean().describe('Open and past its due date (UTC)'),
    escalated: z.boolean().describe('The workflow escalated it to the program manager'),
    source: z.string().describe('gap-assessment or finding'),
    requirementIds: z.array(z.string()),
    completedOn: z.string().nullable(),
    program: z.object({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: 'MyTask' });
export type MyTaskView = z.output<typeof myTaskSchema>;

export class MyTasksPage extends createZodDto(
  z.object({ items: z.array(myTaskSchema), nextCursor: z.string().nullable() }),
) {}
