import { frameworkIds } from '@certflow/catalog';
import {
  implementationStatusSchema,
  requirementStatusesUpdateSchema,
} from '@certflow/contracts/implementation';
import type { RequirementStatus } from '@certflow/db';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

export const requirementStatusSchema = z
  .object({
    requirementId: z.string().describe('Catalog requirement id, e.g. iso27001:A.5.15'),
    framework: z.enum(frameworkIds),
    status: implementationStatusSchema,
    ownerEmail: z.string().nullable(),
    evidence: z.string().nullable().describe('Where the evidence is (document, ticket, repository)'),
    note: z.string().nullable(),
    justification: z.string().nullable().describe('Why it does not apply (required for not_applicable)'),
    source: z.string().describe('api, or gap-assessment:<id> when a finalised gap assessment set it'),
    updatedBy: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RequirementStatus' });
export type RequirementStatusView = z.infer<typeof requirementStatusSchema>;

export function toStatusView(row: RequirementStatus): RequirementStatusView {
  return {
    requirementId: row.requirementId,
    framework: row.framework as RequirementStatusView['framework'],
    status: row.status,
    ownerEmail: row.ownerEmail,
    evidence: row.evidence,
    note: row.note,
    justification: row.justification,
    source: row.source,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const listStatusesQuerySchema = z.object({
  framework: z.enum(frameworkIds).optional().describe('Only this framework’s requirements'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
});

const statusPageSchema = z.object({
  items: z.array(requirementStatusSchema),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
});

const updateResultSchema = z.object({
  items: z.array(requirementStatusSchema).describe('Every requirement of the request, as now stored'),
  changed: z.number().int().describe('How many really changed (each one an audit event)'),
});

// DTO class names become the OpenAPI component names (and so the generated client's type names).
export class ListStatusesQuery extends createZodDto(listStatusesQuerySchema) {}
export class RequirementStatusPage extends createZodDto(statusPageSchema) {}
export class UpdateRequirementStatuses extends createZodDto(requirementStatusesUpdateSchema) {}
export class RequirementStatusesUpdated extends createZodDto(updateResultSchema) {}
