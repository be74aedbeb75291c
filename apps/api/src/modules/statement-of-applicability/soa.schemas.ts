import { implementationStatusSchema, soaSources, soaUpdateSchema } from '@certflow/contracts/implementation';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

const soaTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['OPEN', 'DONE', 'CANCELLED']),
  ownerEmail: z.string(),
  dueDate: z.string(),
});

export const soaLineSchema = z
  .object({
    requirementId: z.string(),
    framework: z.string(),
    ref: z.string(),
    title: z.string(),
    theme: z.object({ ref: z.string(), title: z.string() }).describe('Annex A theme or objective'),
    applicable: z.boolean(),
    justification: z.string().nullable().describe('Why it is included or excluded'),
    source: z
      .enum(soaSources)
      .describe(
        'statement: set on this SoA; implementation-status: excluded by a not-applicable status; default: applies',
      ),
    updatedBy: z.string().nullable(),
    implementation: z.object({
      status: implementationStatusSchema
        .nullable()
        .describe('The organisation’s status; null if none recorded'),
      ownerEmail: z.string().nullable(),
      evidence: z.string().nullable(),
      note: z.string().nullable(),
    }),
    task: soaTaskSchema.nullable().describe('The program’s remediation task for this control (open first)'),
  })
  .meta({ id: 'SoaLine' });
export type SoaLine = z.infer<typeof soaLineSchema>;

const soaSummarySchema = z.object({
  controls: z.number().int(),
  applicable: z.number().int(),
  excluded: z.number().int(),
  implemented: z.number().int(),
  partial: z.number().int(),
  notImplemented: z.number().int(),
  unrecorded: z.number().int().describe('Applicable controls with no implementation status yet'),
});

export const soaViewSchema = z.object({
  programId: z.uuid(),
  programName: z.string(),
  frameworks: z.array(z.string()),
  tasksFrom: z.enum(['workflow', 'database']).describe('Where the task links were read'),
  summary: z.record(z.string(), soaSummarySchema).describe('Per framework'),
  lines: z.array(soaLineSchema),
});
export type SoaView = z.infer<typeof soaViewSchema>;

// DTO class names become the OpenAPI component names (and so the generated client's type names).
export class StatementOfApplicability extends createZodDto(soaViewSchema) {}
export class UpdateStatementOfApplicability extends createZodDto(soaUpdateSchema) {}
