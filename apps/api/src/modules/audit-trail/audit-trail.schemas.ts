import { calendarDateSchema, programTrailEventTypes } from '@certflow/contracts/domain';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

const filterFields = z.object({
  programId: z.uuid().optional(),
  actor: z.string().trim().min(1).max(200).optional().describe('Exact actor: an email or token:<name>'),
  type: z.enum(programTrailEventTypes).optional(),
  from: calendarDateSchema.optional().describe('First UTC day, YYYY-MM-DD (inclusive)'),
  to: calendarDateSchema.optional().describe('Last UTC day, YYYY-MM-DD (inclusive)'),
});
const orderedDays = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const daysMessage = { path: ['to'], message: 'must not be before from' };

export const auditTrailQuerySchema = filterFields
  .extend({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(300).optional(),
  })
  .refine(orderedDays, daysMessage);
export type AuditTrailQuery = z.output<typeof auditTrailQuerySchema>;
export class AuditTrailQueryDto extends createZodDto(auditTrailQuerySchema) {}

export class AuditTrailExportQueryDto extends createZodDto(filterFields.refine(orderedDays, daysMessage)) {}

export const auditTrailEventSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    actor: z.string().nullable().describe('An email, token:<name>, or null for the workflow’s own timers'),
    occurredAt: z.iso.datetime(),
    recordedAt: z.iso.datetime(),
    program: z.object({ id: z.uuid(), name: z.string() }),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditTrailEvent' });
export type AuditTrailEventView = z.output<typeof auditTrailEventSchema>;

export class AuditTrailPage extends createZodDto(
  z.object({ items: z.array(auditTrailEventSchema), nextCursor: z.string().nullable() }),
) {}
