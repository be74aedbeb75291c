import { describe, expect, it } from 'vitest';

import { organizationFormSchema, slugify } from './organization-form-schema';

describe('slugify', () => {
  it('derives a short name the API accepts', () => {
    expect(slugify('Acme Corp.')).toBe('acme-corp');
    expect(slugify('  Société Générale — Paris ')).toBe('societe-generale-paris');
    for (const name of ['Acme Corp.', 'Société Générale', 'x'.repeat(80) + ' y']) {
      const slug = slugify(name);
      expect(organizationFormSchema.shape.slug.safeParse(slug).success, slug).toBe(true);
    }
  });
});
