import { z } from 'zod';

import { permissionSchema, roleSchema } from '../../access/access.schemas.js';
import { createZodDto } from '../../common/zod-dto.js';

/** Emails are compared lower-cased everywhere (accounts, invitations, task owners). */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(254));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'enter your password').max(1024),
});

export const membershipViewSchema = z.object({
  organization: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  role: roleSchema,
  permissions: z.array(permissionSchema).describe('What this role may do here (the shared access table)'),
  ssoRequired: z.boolean(),
  access: z
    .enum(['granted', 'sso_required'])
    .describe('sso_required: this session must come from the organisation’s single sign-on to use it'),
});

export const meSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable() }).nullable(),
  apiToken: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Set when called with a token'),
  session: z
    .object({
      method: z.enum(['password', 'oidc', 'invitation']),
      expiresAt: z.iso.datetime().describe('Absolute end; the session also ends when unused for a while'),
    })
    .nullable(),
  memberships: z.array(membershipViewSchema),
});

export type MeView = z.infer<typeof meSchema>;
export type MembershipView = z.infer<typeof membershipViewSchema>;

// DTO class names become the OpenAPI component names (and so the generated client's type names).
export class SignIn extends createZodDto(signInSchema) {}
export class Me extends createZodDto(meSchema) {}
