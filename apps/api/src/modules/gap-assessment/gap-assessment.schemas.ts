import {
  finaliseGapAssessmentSchema,
  gapAnswersUpdateSchema,
  gapAssessmentStatuses,
  implementationStatusSchema,
  prefillBases,
  startGapAssessmentSchema,
} from '@certflow/contracts/implementation';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

const hopSchema = z.object({
  crosswalk: z.string(),
  from: z.string(),
  to: z.string(),
  relation: z.string().describe('Relation of from to to: equal, subset, superset or intersect'),
  source: z.string().describe('published:<who>, derived:<method> or analysis'),
  rationale: z.string(),
});

const chainSchema = z
  .object({
    source: z.string().describe('The requirement whose status carries over'),
    sourceStatus: implementationStatusSchema,
    strength: z.enum(['full', 'partial']).describe('full only if every hop is equal or superset'),
    yields: z.enum(['satisfied', 'partial', 'open']),
    hops: z.array(hopSchema),
  })
  .meta({ id: 'CoverageChain' });

const suggestionSchema = z.object({
  basis: z
    .enum(prefillBases)
    .describe(
      'recorded: the organisation’s own status; carried-over / partly / open: from the other frameworks',
    ),
  status: implementationStatusSchema,
  chains: z.array(chainSchema).describe('The strongest chains that justify it, strongest first'),
  moreChains: z.number().int().describe('Contributing chains not listed'),
  candidates: z.array(z.string()).describe('Requirements that would carry over if implemented'),
});

const answerSchema = z.object({
  status: implementationStatusSchema,
  ownerEmail: z.string().nullable(),
  evidence: z.string().nullable(),
  note: z.string().nullable(),
  justification: z.string().nullable(),
  task: z
    .object({
      title: z.string().nullable(),
      ownerEmail: z.string().nullable(),
      dueDate: z.string().nullable(),
    })
    .describe('The remediation task planned for a gap; empty fields take the finalisation defaults'),
  suggestedStatus: implementationStatusSchema.describe('What the pre-fill suggested when it was answered'),
  suggestedBasis: z.enum(prefillBases),
  answeredBy: z.string(),
  answeredAt: z.iso.datetime(),
});

const itemSchema = z
  .object({
    requirementId: z.string(),
    framework: z.string(),
    suggestion: suggestionSchema,
    answer: answerSchema.nullable().describe('null until someone confirms or changes it'),
    taskId: z.string().nullable().describe('The workflow’s remediation task, once finalised'),
  })
  .meta({ id: 'GapAssessmentItem' });

const countsSchema = z.object({
  total: z.number().int(),
  answered: z.number().int(),
  recorded: z.number().int(),
  carriedOver: z.number().int(),
  partly: z.number().int(),
  open: z.number().int(),
  gaps: z.number().int().describe('Answered partial or not implemented: each becomes a task'),
});

export const gapAssessmentViewSchema = z.object({
  id: z.uuid().nullable().describe('null while not started (the items are then a preview)'),
  programId: z.uuid(),
  status: z.enum(['NOT_STARTED', ...gapAssessmentStatuses]),
  update: z.enum(['completeGapAssessment', 'completeReadinessAssessment']),
  frameworks: z.array(z.string()),
  soc2Categories: z.array(z.string()),
  startedBy: z.string().nullable(),
  completedOn: z.string().nullable(),
  finalisedBy: z.string().nullable(),
  finalisedAt: z.iso.datetime().nullable(),
  summary: z.record(z.string(), countsSchema).describe('Counts per framework'),
  items: z.array(itemSchema),
});
export type GapAssessmentView = z.infer<typeof gapAssessmentViewSchema>;

const createdTaskSchema = z.object({
  id: z.string().nullable().describe('The workflow’s task id (null only if the workflow did not report it)'),
  title: z.string(),
  ownerEmail: z.string(),
  dueDate: z.string(),
  requirementIds: z.array(z.string()),
  links: z
    .array(z.object({ from: z.string(), to: z.string(), relation: z.string(), crosswalk: z.string() }))
    .describe('Crosswalk links the workflow added'),
});

const finalisedSchema = z.object({
  assessment: gapAssessmentViewSchema,
  tasks: z.array(createdTaskSchema).describe('The remediation tasks the workflow created from the gaps'),
  replayed: z.boolean().describe('true when it was already finalised and nothing was sent again'),
});
export type GapFinalised = z.infer<typeof finalisedSchema>;

// DTO class names become the OpenAPI component names (and so the generated client's type names).
export class GapAssessment extends createZodDto(gapAssessmentViewSchema) {}
export class StartGapAssessment extends createZodDto(startGapAssessmentSchema) {}
export class AnswerGapItems extends createZodDto(gapAnswersUpdateSchema) {}
export class FinaliseGapAssessment extends createZodDto(finaliseGapAssessmentSchema) {}
export class GapAssessmentFinalised extends createZodDto(finalisedSchema) {}
