import {
  calendarDateSchema,
  checkIsoStart,
  checkSoc2Start,
  isoCertificationStartFields,
  programKinds,
  soc2AttestationStartFields,
} from '@certflow/contracts/domain';
import { z } from 'zod';

import { createUnionZodDto, createZodDto } from '../../common/zod-dto.js';

const programKindSchema = z.enum(programKinds).meta({ id: 'ProgramKind' });

// The organisation comes from the path (`/organizations/{organizationId}/programs`), never from the body.
const commonFields = {
  name: z.string().trim().min(1).max(200),
};

/**
 * The workflow's own start-input schema (minus the ids the API assigns) with the same cross-field rules, so the
 * API rejects exactly what the workflow would reject, and a 400 names the field instead of a workflow failing
 * later. An existing certificate (`existingCertificate`) and its open findings' requirement ids are checked here.
 */
const isoProgramSchema = isoCertificationStartFields
  .omit({ programId: true, organizationId: true })
  .extend({
    ...commonFields,
    kind: z.literal('ISO_CERTIFICATION'),
    startDate: calendarDateSchema.describe('First day of the program, YYYY-MM-DD'),
  })
  .superRefine(checkIsoStart);

// A SOC 2 attestation covers exactly one framework. Its workflow input has no frameworks field; the program
// row (and its search attribute) still records it so lists and filters treat every kind alike.
const soc2ProgramSchema = soc2AttestationStartFields
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
export const createProgramSchema = z.discriminatedUnion('kind', [isoProgramSchema, soc2ProgramSchema]);
export type CreateProgramInput = z.output<typeof createProgramSchema>;

export const programStatuses = ['PENDING', 'RUNNING', 'COMPLETED', 'CANCELLED', 'FAILED'] as const;

export const programSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  kind: programKindSchema,
  frameworks: z.array(z.string()),
  workflowId: z.string(),
  status: z.enum(programStatuses).describe('PENDING: saved, workflow start not yet confirmed'),
  stage: z.string().nullable().describe('Last stage recorded in the database projection'),
  parameters: z
    .record(z.string(), z.unknown())
    .describe('Kind-specific start parameters (dates, program manager, policy) after defaults'),
  startedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  // The read model's summary, projected by the worker with every change (docs/adr/0014).
  cycle: z.int().nullable().describe('ISO: certification cycle; SOC 2: attested observation period'),
  atRisk: z.boolean(),
  atRiskReasons: z.array(z.string()),
  nextMilestone: z
    .object({ kind: z.string(), due: z.string().describe('YYYY-MM-DD') })
    .nullable()
    .meta({ id: 'NextMilestone' }),
});

export const programStateViewSchema = z
  .object({
    source: z
      .enum(['workflow', 'database'])
      .describe(
        'workflow: answered live by the workflow; database: the last projection because no worker answered',
      ),
    stage: z.string().nullable(),
    workflow: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('The workflow state query result (getProgramState) when source is workflow'),
    unavailableReason: z.string().optional().describe('Why the live state could not be read'),
  })
  .meta({ id: 'ProgramStateView' });

export type ProgramStateView = z.infer<typeof programStateViewSchema>;

export const programDetailSchema = programSchema.extend({
  state: programStateViewSchema,
  links: z.object({
    temporalUi: z
      .url()
      .nullable()
      .describe(
        'The workflow in the Temporal web UI (TEMPORAL_UI_URL); null for callers who cannot operate it',
      ),
  }),
});

// DTO class names become the OpenAPI component names (and so the generated client's type names).
/** Documents the request body; POST /programs validates with `createProgramSchema` itself (a union). */
export class CreateProgram extends createUnionZodDto(createProgramSchema) {}
export class Program extends createZodDto(programSchema) {}
export class ProgramDetail extends createZodDto(programDetailSchema) {}
