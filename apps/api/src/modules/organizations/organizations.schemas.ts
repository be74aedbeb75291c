import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z
    .string()
    .min(2)
    .max(63)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens only'),
});

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  createdAt: z.iso.datetime(),
});

// DTO class names become the OpenAPI component names (and so the generated client's type names).
export class CreateOrganization extends createZodDto(createOrganizationSchema) {}
export class Organization extends createZodDto(organizationSchema) {}
