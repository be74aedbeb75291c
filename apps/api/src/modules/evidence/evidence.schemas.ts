import { requirementRefSchema } from '@certflow/contracts/domain';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

/** The multipart text fields sent before the file. */
export const evidenceFieldsSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional().describe('Defaults to the file name'),
    taskId: z.uuid().optional().describe('A remediation task of this program'),
    requirementId: requirementRefSchema
      .optional()
      .describe('A catalog requirement of the program’s frameworks'),
    auditId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an audit id such as stage1 or surveillance-1')
      .optional()
      .describe('The workflow’s audit id, e.g. stage1'),
  })
  .strict();
export type EvidenceFields = z.output<typeof evidenceFieldsSchema>;

export const evidenceItemSchema = z
  .object({
    id: z.uuid(),
    programId: z.uuid(),
    title: z.string(),
    fileName: z.string(),
    sha256: z.string().describe('Lower-case hex SHA-256 of the bytes'),
    sizeBytes: z.number().int(),
    contentType: z.string().describe('Detected from the bytes'),
    taskId: z.uuid().nullable(),
    requirementId: z.string().nullable(),
    auditId: z.string().nullable(),
    uploadedBy: z.string(),
    createdAt: z.iso.datetime(),
    downloadUrl: z.url().describe('Absolute Certflow download URL (also the URI the workflow records)'),
  })
  .meta({ id: 'EvidenceItem' });
export type EvidenceItemView = z.output<typeof evidenceItemSchema>;

export class EvidenceUploadResult extends createZodDto(
  z.object({
    evidence: evidenceItemSchema,
    storage: z
      .enum(['stored', 'reused'])
      .describe(
        'reused: the organisation already had these exact bytes (same SHA-256); nothing new was stored',
      ),
    duplicate: z
      .boolean()
      .describe('The same bytes were already attached with the same links: the earlier evidence is returned'),
  }),
) {}

export const evidenceListQuerySchema = z.object({
  taskId: z.uuid().optional(),
  requirementId: z.string().min(1).max(100).optional(),
  auditId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export class EvidenceListQuery extends createZodDto(evidenceListQuerySchema) {}

export class EvidencePage extends createZodDto(
  z.object({ items: z.array(evidenceItemSchema), nextCursor: z.string().nullable() }),
) {}
