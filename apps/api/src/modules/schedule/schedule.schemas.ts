import {
  calendarDateSchema,
  conflictKinds,
  defaultConflictOptions,
  defaultSuggestionOptions,
  milestoneCategories,
} from '@certflow/contracts/domain';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

const day = z.string().describe('YYYY-MM-DD');

/** What the schedule's rules are tuned with; every query and what-if may set them. */
const optionsShape = {
  ownerWeeklyTaskLimit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(defaultConflictOptions.ownerWeeklyTaskLimit)
    .describe('More open tasks than this due in one ISO week for one owner is a conflict'),
  bridgeLetterWarningDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(defaultConflictOptions.bridgeLetterWarningDays)
    .describe('A bridge letter ending within this many days with no report in sight is a conflict'),
  windowDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(defaultSuggestionOptions.windowDays)
    .describe('Audits planned at most this many days apart may be combined'),
  integrationReductionPercent: z.coerce
    .number()
    .int()
    .min(0)
    .max(100)
    .default(defaultSuggestionOptions.integrationReductionPercent)
    .describe('The integration level claimed; IAF MD 11 caps the reduction at 20 %'),
};

export const combinedScheduleQuerySchema = z
  .object({
    from: calendarDateSchema.optional().describe('First day (YYYY-MM-DD), inclusive'),
    to: calendarDateSchema.optional().describe('Last day (YYYY-MM-DD), inclusive'),
    framework: z.string().trim().min(1).max(50).optional().describe('Catalog framework id, e.g. iso42001'),
    programId: z.uuid().optional(),
    ...optionsShape,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export class CombinedScheduleQuery extends createZodDto(combinedScheduleQuerySchema) {}

export const scheduleItemSchema = z
  .object({
    id: z.string().describe('programId:cycle:kind — stable across reschedules'),
    programId: z.uuid(),
    programName: z.string(),
    frameworks: z.array(z.string()),
    cycle: z.int(),
    kind: z.string(),
    category: z.enum(milestoneCategories),
    date: day.nullable().describe('Actual, else scheduled, else due, else earliest day'),
    dateSource: z.enum(['actual', 'scheduled', 'due', 'earliest']).nullable(),
    earliest: day.nullable(),
    due: day.nullable(),
    deadline: day.nullable(),
    scheduled: day.nullable(),
    actual: day.nullable(),
    mustMeet: z.object({ date: day, rule: z.string() }).nullable().describe('The deadline it must meet'),
    held: z.boolean(),
    plannedDays: z.number().nullable(),
    plannedCost: z.number().nullable().describe('Null without the cost.read permission'),
  })
  .meta({ id: 'ScheduleItem' });

export const regulatoryDateSchema = z
  .object({
    id: z.string(),
    source: z.enum(['eu-ai-act', 'colorado-ai-act']),
    date: day,
    title: z.string(),
    legalBasis: z.string(),
    status: z
      .enum([
        'in_force',
        'adopted_pending_oj',
        'superseded',
        'enacted_not_yet_effective',
        'repealed_never_effective',
      ])
      .describe('superseded and repealed_never_effective dates are history, shown as such'),
    supersededBy: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'RegulatoryDate' });

export const scheduleConflictSchema = z
  .object({
    id: z.string(),
    kind: z.enum(conflictKinds),
    reason: z.string(),
    programIds: z.array(z.uuid()),
    itemIds: z.array(z.string()),
    date: day,
    rule: z.string().optional(),
    ownerEmail: z.string().optional(),
  })
  .meta({ id: 'ScheduleConflict' });

const suggestionPartSchema = z.object({
  itemId: z.string(),
  programId: z.uuid(),
  programName: z.string(),
  audit: z.string(),
  cycle: z.int(),
  plannedOn: day,
  earliest: day.nullable(),
  deadline: day.nullable(),
  days: z.number().nullable(),
});

export const integratedAuditSuggestionSchema = z
  .object({
    id: z.string().describe('Accept it by this id'),
    certificationBody: z.string(),
    date: day,
    window: z.object({ from: day, to: day }),
    audits: z.array(suggestionPartSchema),
    separateDays: z.number().nullable(),
    combinedDays: z.number().nullable(),
    daysSaved: z.number().nullable(),
    appliedReductionPercent: z.int(),
    capped: z.boolean(),
    costSaved: z.number().nullable().describe('Null without the cost.read permission or known rates'),
    currency: z.string().nullable(),
    reason: z.string(),
    acceptableBy: z.array(z.string()).describe('Roles that may accept it (programs.operate)'),
    canAccept: z.boolean().describe('Whether the caller may accept it'),
  })
  .meta({ id: 'IntegratedAuditSuggestion' });

export const combinedScheduleSchema = z.object({
  today: day,
  items: z.array(scheduleItemSchema),
  regulatoryDates: z.array(regulatoryDateSchema),
  conflicts: z.array(scheduleConflictSchema),
  suggestions: z.array(integratedAuditSuggestionSchema),
});
export class CombinedScheduleView extends createZodDto(combinedScheduleSchema) {}

export const whatIfBodySchema = z.object({
  itemId: z.string().min(3).max(200).describe('The schedule item to move (an audit or assessment)'),
  date: calendarDateSchema,
  ...optionsShape,
});
export class WhatIfBody extends createZodDto(whatIfBodySchema) {}

const yearCost = z.object({ year: z.int(), cost: z.number() });
export const whatIfResultSchema = z.object({
  item: scheduleItemSchema,
  from: day.nullable(),
  to: day,
  refusals: z
    .array(z.object({ rule: z.string(), message: z.string() }))
    .describe('Rules the workflow would apply to this date; the workflow decides when it is confirmed'),
  missedDeadlines: z.array(
    z.object({ itemId: z.string(), rule: z.string(), deadline: day, daysLate: z.int() }),
  ),
  conflictsAdded: z.array(scheduleConflictSchema),
  conflictsRemoved: z.array(scheduleConflictSchema),
  suggestions: z.array(integratedAuditSuggestionSchema),
  cost: z
    .object({ before: z.array(yearCost), after: z.array(yearCost) })
    .describe('Planned audit cost per year'),
});
export class WhatIfResultView extends createZodDto(whatIfResultSchema) {}

export const acceptSuggestionBodySchema = z.object({
  suggestionId: z.string().min(3).max(400),
  date: calendarDateSchema
    .optional()
    .describe('Another day inside the suggestion’s window; default its date'),
  ...optionsShape,
});
export class AcceptSuggestionBody extends createZodDto(acceptSuggestionBodySchema) {}

export const acceptedSuggestionSchema = z.object({
  suggestionId: z.string(),
  date: day,
  scheduled: z.array(z.object({ programId: z.uuid(), audit: z.string(), date: day })),
});
export class AcceptedSuggestion extends createZodDto(acceptedSuggestionSchema) {}
