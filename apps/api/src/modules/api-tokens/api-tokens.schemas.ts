import { z } from 'zod';

import { apiTokenRoleSchema, roleSchema } from '../../access/access.schemas.js';
import { createZodDto } from '../../common/zod-dto.js';

export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[\w .:@/-]+$/, 'letters, digits, spaces and . _ - : @ / only')
    .describe('Unique in the organisation; audit events name the token as `token:<name>`'),
  role: apiTokenRoleSchema,
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('Optional end of validity'),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string().describe('The first characters of the secret, to tell tokens apart'),
  status: z.enum(['active', 'revoked', 'expired']),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable().describe('To the minute'),
});

export const createdApiTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().describe('Shown this once; send it as `Authorization: Bearer <secret>`'),
});

export type ApiTokenView = z.infer<typeof apiTokenSchema>;

export class CreateApiToken extends createZodDto(createApiTokenSchema) {}
export class ApiToken extends createZodDto(apiTokenSchema) {}
export class CreatedApiToken extends createZodDto(createdApiTokenSchema) {}
