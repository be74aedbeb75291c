import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { checkIsoStart, isoCertificationStartFields } from './iso-model.js';
import { checkSoc2Start, soc2AttestationStartFields } from './soc2-model.js';

/**
 * What `POST /organizations/{organizationId}/programs` takes: the workflow's own start-input schema (minus the
 * ids the API assigns) with the same cross-field rules, so the API rejects exactly what the workflow would, and
 * the web app's create form checks the same body before sending it. The organisation comes from the path.
 */

const commonFields = {
  name: z.string().trim().min(1).max(200),
};

export const isoProgramCreationSchema = isoCertificationStartFields
  .omit({ programId: true, organizationId: true })
  .extend({
    ...commonFields,
    kind: z.literal('ISO_CERTIFICATION'),
    startDate: calendarDateSchema.describe('First day of the program, YYYY-MM-DD'),
  })
  .superRefine(checkIsoStart);

// A SOC 2 attestation covers exactly one framework. Its workflow input has no frameworks field; the program
// row (and its search attribute) still records it so lists and filters treat every kind alike.
export const soc2ProgramCreationSchema = soc2AttestationStartFields
  .omit({ programId: true, organizationId: true })
  .extend({
    ...commonFields,
    kind: z.literal('SOC2_ATTESTATION'),
    frameworks: z.array(z.literal('soc2')).length(1).describe('Always exactly ["soc2"]'),
    startDate: calendarDateSchema.describe('First day of the program, YYYY-MM-DD'),
  })
  .superRefine(checkSoc2Start);

// Discriminated by `kind`, so each kind's rules (e.g. which frameworks it allows) report the failing path
// such as `frameworks.0` rather than a vague "no union member matched".
export const createProgramSchema = z.discriminatedUnion('kind', [
  isoProgramCreationSchema,
  soc2ProgramCreationSchema,
]);
export type CreateProgramBody = z.input<typeof createProgramSchema>;
