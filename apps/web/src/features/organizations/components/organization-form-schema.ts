import { z } from 'zod';

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Mirrors the API's rules so most mistakes are caught before a request; the API still has the last word. */
export const organizationFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the organisation’s name')
    .max(200, 'Keep the name under 200 characters'),
  slug: z
    .string()
    .trim()
    .min(2, 'The short name needs at least 2 characters')
    .max(63, 'Keep the short name under 64 characters')
    .regex(slugPattern, 'Use lowercase letters, digits and single hyphens'),
});

export type OrganizationFormValues = z.input<typeof organizationFormSchema>;
export type OrganizationField = keyof OrganizationFormValues;

export const organizationFieldsByPath: Record<string, OrganizationField> = { name: 'name', slug: 'slug' };

/** "Acme Corp." → "acme-corp", so most people never have to think about the short name. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
