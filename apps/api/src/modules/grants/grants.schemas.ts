import { calendarDateSchema } from '@certflow/contracts';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

export const createGrantSchema = z
  .object({
    programId: z.uuid(),
    userId: z.uuid().describe('A member of the organisation whose role is auditor'),
    validFrom: calendarDateSchema.describe('First day of access, YYYY-MM-DD (UTC)'),
    validUntil: calendarDateSchema.describe('Last day of access, inclusive, YYYY-MM-DD (UTC)'),
  })
  .refine((grant) => grant.validFrom <= grant.validUntil, {
    path: ['validUntil'],
    message: 'must not be before validFrom',
  });

export const grantSchema = z.object({
  id: z.uuid(),
  program: z.object({ id: z.uuid(), name: z.string() }),
  user: z.object({ id: z.uuid(), email: z.string() }),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(['scheduled', 'active', 'ended', 'revoked']),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});

export type GrantView = z.infer<typeof grantSchema>;
export type CreateGrantInput = z.infer<typeof createGrantSchema>;

export class CreateProgramGrant extends createZodDto(createGrantSchema) {}
export class ProgramGrant extends createZodDto(grantSchema) {}
