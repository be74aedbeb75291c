import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';
import { evidenceItemSchema } from '../evidence/evidence.schemas.js';

export const taskCommentSchema = z.object({
  id: z.uuid(),
  author: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export class TaskComment extends createZodDto(taskCommentSchema) {}

export class NewTaskComment extends createZodDto(
  z.object({ body: z.string().trim().min(1).max(4000) }).strict(),
) {}

const requirementRef = z.object({
  id: z.string(),
  framework: z.string(),
  title: z.string().nullable().describe('From the catalog; null for an id the catalog no longer has'),
});

export const taskDetailSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['OPEN', 'DONE', 'CANCELLED']),
  ownerEmail: z.string(),
  dueDate: z.string().describe('YYYY-MM-DD; the workflow’s reminders and escalation follow it'),
  overdue: z.boolean(),
  completedOn: z.string().nullable().describe('YYYY-MM-DD, as the workflow recorded it'),
  source: z.string().describe('gap-assessment or finding'),
  program: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), frameworks: z.array(z.string()) }),
  requirements: z.array(requirementRef),
  links: z
    .array(
      requirementRef.extend({
        from: z.string(),
        relation: z.string(),
        crosswalk: z.string(),
      }),
    )
    .describe('The other frameworks’ requirements this task also serves, from the catalog crosswalks'),
  finding: z
    .object({
      id: z.uuid(),
      auditId: z.string(),
      severity: z.string().nullable(),
      description: z.string(),
      status: z.string(),
    })
    .nullable(),
  evidence: z.array(evidenceItemSchema),
  comments: z.array(taskCommentSchema),
  viewer: z.object({
    canComment: z.boolean(),
    canUploadEvidence: z.boolean(),
    canComplete: z.boolean(),
    canReassign: z.boolean(),
  }),
});
export type TaskDetailView = z.output<typeof taskDetailSchema>;
export class TaskDetail extends createZodDto(taskDetailSchema) {}
