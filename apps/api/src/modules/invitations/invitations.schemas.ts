import { z } from 'zod';

import { roleSchema } from '../../access/access.schemas.js';
import { createZodDto } from '../../common/zod-dto.js';
import { emailSchema } from '../auth/auth.schemas.js';
import { newPasswordSchema } from '../auth/passwords.js';

export const createInvitationSchema = z.object({ email: emailSchema, role: roleSchema });

export const invitationStatuses = ['pending', 'accepted', 'revoked', 'expired'] as const;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(invitationStatuses),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  delivery: z
    .enum(['sent', 'failed'])
    .optional()
    .describe('On create and resend: whether the mail server accepted the invitation mail'),
});

const tokenSchema = z.string().trim().min(1, 'paste the whole invitation link').max(200);

export const inspectInvitationSchema = z.object({ token: tokenSchema });

export const invitationPreviewSchema = z.object({
  organization: z.object({ name: z.string() }),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.iso.datetime(),
  accountExists: z
    .boolean()
    .describe(
      'true: accept with the existing account’s password; false: choose a password for a new account',
    ),
});

export const acceptInvitationSchema = z.object({
  token: tokenSchema,
  password: newPasswordSchema,
  name: z.string().trim().min(1).max(200).optional(),
});

export type InvitationView = z.infer<typeof invitationSchema>;
export type InvitationPreviewView = z.infer<typeof invitationPreviewSchema>;

export class CreateInvitation extends createZodDto(createInvitationSchema) {}
export class Invitation extends createZodDto(invitationSchema) {}
export class InspectInvitation extends createZodDto(inspectInvitationSchema) {}
export class InvitationPreview extends createZodDto(invitationPreviewSchema) {}
export class AcceptInvitation extends createZodDto(acceptInvitationSchema) {}
