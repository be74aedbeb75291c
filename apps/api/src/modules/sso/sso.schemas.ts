import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

export const ssoSettingsSchema = z.object({
  configured: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  clientSecretSet: z.boolean().describe('The secret itself is never returned'),
  required: z.boolean(),
  redirectUri: z.string().describe('Register this as the redirect URI at the identity provider'),
});

export const updateSsoSettingsSchema = z.object({
  issuer: z.url({ protocol: /^https?$/, error: 'must be the provider’s issuer URL' }).max(500),
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('Needed the first time; leave out to keep the stored one'),
  required: z.boolean().default(false).describe('Members other than admins must then sign in through it'),
});

export const startSsoSchema = z.object({
  organization: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'enter your organisation’s short name')
    .max(63)
    .describe('The organisation’s short name (slug)'),
  returnTo: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])[^\s]*$/, 'must be a path in this app')
    .optional()
    .describe('Where to land after signing in, e.g. /organizations/…/programs'),
});

export const ssoRedirectSchema = z.object({ redirectUrl: z.string().describe('Send the browser here') });

export type SsoSettingsView = z.infer<typeof ssoSettingsSchema>;

export class SsoSettings extends createZodDto(ssoSettingsSchema) {}
export class UpdateSsoSettings extends createZodDto(updateSsoSettingsSchema) {}
export class StartSso extends createZodDto(startSsoSchema) {}
export class SsoRedirect extends createZodDto(ssoRedirectSchema) {}
