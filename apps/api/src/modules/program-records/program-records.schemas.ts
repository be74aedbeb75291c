import { findingSeverities, findingStatuses, milestoneCategories } from '@certflow/contracts/domain';
import { z } from 'zod';

import { pageQueryShape, pageSchema } from '../../common/pagination.js';
import { createZodDto } from '../../common/zod-dto.js';

const day = z.string().describe('YYYY-MM-DD');
const programRef = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'ProgramRef' });

export const milestoneSchema = z
  .object({
    cycle: z.int().describe('ISO certification cycle, or SOC 2 observation period'),
    kind: z.string().describe('stage1, surveillance2, certificate-expiry, fieldwork, report, …'),
    category: z.enum(milestoneCategories),
    earliest: day.nullable().describe('First day it may take place'),
    due: day.nullable().describe('When it is expected'),
    deadline: day.nullable().describe('The last day the rules allow'),
    scheduled: day.nullable(),
    actual: day.nullable().describe('When it took place'),
    plannedDays: z.number().nullable(),
    plannedCost: z.number().nullable().describe('Null without the cost.read permission'),
    currency: z.string().nullable(),
  })
  .meta({ id: 'Milestone' });

const certificateSchema = z.object({
  cycle: z.int(),
  frameworks: z.array(z.string()),
  number: z.string().nullable(),
  origin: z.string(),
  status: z.string().describe('VALID, SUSPENDED, EXPIRED, WITHDRAWN or ENDED'),
  decisionDate: day.nullable(),
  cycleStart: day.nullable(),
  expiryDate: day.nullable(),
  suspendedSince: day.nullable(),
  suspendedUntil: day.nullable(),
  endedOn: day.nullable(),
});

const soc2Schema = z.object({
  periods: z.array(
    z.object({
      number: z.int(),
      start: day,
      end: day,
      months: z.int(),
      fieldworkDue: day,
      reportDue: day,
      fieldworkScheduled: day.nullable(),
      fieldworkCompleted: day.nullable(),
    }),
  ),
  reports: z.array(
    z.object({
      type: z.string(),
      periodNumber: z.int(),
      start: day,
      end: day,
      issuedOn: day,
      opinion: z.string(),
      exceptionCount: z.int(),
    }),
  ),
  bridgeLetters: z.array(z.object({ afterPeriod: z.int(), issuedOn: day, from: day, to: day })),
  coverageGaps: z.array(
    z.object({ from: day, to: day.nullable().describe('Null while still open'), planned: z.boolean() }),
  ),
});

export const programRecordsSchema = z.object({
  programId: z.uuid(),
  /** The read model's version: the workflow's last audit sequence it reflects. */
  projectedSequence: z.int(),
  projectedAt: z.iso.datetime().nullable(),
  milestones: z.array(milestoneSchema).describe('Every cycle, oldest first'),
  certificates: z.array(certificateSchema),
  soc2: soc2Schema.nullable(),
});
export class ProgramRecords extends createZodDto(programRecordsSchema) {}

export const findingItemSchema = z.object({
  id: z.uuid(),
  program: programRef,
  kind: z.string().describe('audit-finding or control-exception'),
  auditId: z.string(),
  cycle: z.int(),
  severity: z.enum(findingSeverities).nullable(),
  status: z.enum(findingStatuses),
  description: z.string(),
  requirementIds: z.array(z.string()),
  raisedOn: day,
  responseDue: day.nullable(),
  closedOn: day.nullable(),
  taskId: z.uuid().nullable(),
});
export class FindingPage extends createZodDto(pageSchema(findingItemSchema)) {}

export const findingsQuerySchema = z.object({
  ...pageQueryShape,
  programId: z.uuid().optional(),
  severity: z.enum(findingSeverities).optional(),
  status: z
    .enum([...findingStatuses, 'unresolved'])
    .optional()
    .describe('unresolved: OPEN or PLAN_ACCEPTED'),
  kind: z.enum(['audit-finding', 'control-exception']).optional(),
});
export class FindingsQuery extends createZodDto(findingsQuerySchema) {}

export const scheduleItemSchema = milestoneSchema.extend({
  id: z.uuid(),
  program: programRef,
  plannedOn: day,
});
export class SchedulePage extends createZodDto(pageSchema(scheduleItemSchema)) {}

export const scheduleQuerySchema = z
  .object({
    ...pageQueryShape,
    from: z.iso.date().describe('First day (YYYY-MM-DD), inclusive'),
    to: z.iso.date().describe('Last day (YYYY-MM-DD), inclusive'),
    category: z.enum(milestoneCategories).optional(),
    programId: z.uuid().optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export class ScheduleQuery extends createZodDto(scheduleQuerySchema) {}
