import { createProgramSchema, programKinds } from '@certflow/contracts/domain';
import { z } from 'zod';

import { createUnionZodDto, createZodDto } from '../../common/zod-dto.js';

const programKindSchema = z.enum(programKinds).meta({ id: 'ProgramKind' });

/**
 * The creation body is the workflow's own start-input schema (minus the ids the API assigns) with the same
 * cross-field rules, defined in the contracts so the web app's form checks the same thing: the API rejects exactly
 * what the workflow would, and a 400 names the field instead of a workflow failing later.
 */
export { createProgramSchema };
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
