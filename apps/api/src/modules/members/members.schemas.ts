import { z } from 'zod';

import { roleSchema } from '../../access/access.schemas.js';
import { createZodDto } from '../../common/zod-dto.js';

export const memberSchema = z.object({
  membershipId: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  joinedAt: z.iso.datetime(),
});

export const changeRoleSchema = z.object({ role: roleSchema });

export type MemberView = z.infer<typeof memberSchema>;

export class Member extends createZodDto(memberSchema) {}
export class ChangeRole extends createZodDto(changeRoleSchema) {}
