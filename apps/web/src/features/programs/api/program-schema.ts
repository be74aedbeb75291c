import { z } from 'zod';

export const programKinds = ['ISO_CERTIFICATION', 'SOC2_ATTESTATION'] as const;
export type ProgramKind = (typeof programKinds)[number];

export const programSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  kind: z.enum(programKinds),
  frameworks: z.array(z.string()),
  status: z.string(),
  /** Last stage the database projection saw; null until the workflow reports one. */
  stage: z.string().nullable(),
  parameters: z.record(z.string(), z.unknown()),
  startedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Program = z.infer<typeof programSchema>;

const milestoneSchema = z.object({ kind: z.string(), due: z.string() });

const taskSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  ownerEmail: z.string(),
  dueDate: z.string(),
  status: z.string(),
  requirementIds: z.array(z.string()),
});
export type WorkflowTask = z.infer<typeof taskSchema>;

/** The parts of the workflow's state query this app shows; the rest is ignored rather than rejected. */
export const workflowStateSchema = z.looseObject({
  stage: z.string().optional(),
  today: z.string().optional(),
  nextMilestone: milestoneSchema.nullable().optional(),
  atRisk: z.boolean().optional(),
  atRiskReasons: z.array(z.string()).optional(),
  tasks: z.array(taskSchema).optional(),
});
export type WorkflowState = z.infer<typeof workflowStateSchema>;

export const programDetailSchema = programSchema.extend({
  state: z.object({
    source: z.enum(['workflow', 'database']),
    stage: z.string().nullable(),
    workflow: workflowStateSchema.nullable(),
    unavailableReason: z.string().optional(),
  }),
});
export type ProgramDetail = z.infer<typeof programDetailSchema>;
