import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { actorSchema, evidenceSchema } from './remediation.js';

/**
 * Inputs of the messages every program kind takes (task actions, ending, notes, evidence), defined once. The
 * update definitions themselves are typed by each kind's state and live in the Temporal-bound entry
 * (`program-messages.ts`, `iso-messages.ts`, `soc2-messages.ts`).
 */

export const completeTaskInputSchema = z.object({
  actor: actorSchema,
  taskId: z.string().min(1),
  completedOn: calendarDateSchema,
  evidence: z
    .array(evidenceSchema)
    .min(1, { message: 'completing a task needs at least one piece of evidence' })
    .max(50),
});
export type CompleteTaskInput = z.input<typeof completeTaskInputSchema>;

export const reassignTaskInputSchema = z.object({
  actor: actorSchema,
  taskId: z.string().min(1),
  ownerEmail: z.email(),
  /** Optional new due date (moves reminders and escalation). */
  dueDate: calendarDateSchema.optional(),
});
export type ReassignTaskInput = z.input<typeof reassignTaskInputSchema>;

export const cancelTaskInputSchema = z.object({
  actor: actorSchema,
  taskId: z.string().min(1),
  reason: z.string().trim().min(3).max(500),
});
export type CancelTaskInput = z.input<typeof cancelTaskInputSchema>;

export const endProgramInputSchema = z.object({
  actor: actorSchema,
  reason: z.string().trim().min(3).max(500),
});
export type EndProgramInput = z.input<typeof endProgramInputSchema>;

export const addNoteSignalInputSchema = z.object({
  actor: actorSchema,
  note: z.string().trim().min(1).max(2000),
});
export type AddNoteSignalInput = z.input<typeof addNoteSignalInputSchema>;

export const attachEvidenceSignalInputSchema = z.object({
  actor: actorSchema,
  taskId: z.string().min(1),
  evidence: evidenceSchema,
});
export type AttachEvidenceSignalInput = z.input<typeof attachEvidenceSignalInputSchema>;

/** Why a rule is set aside (overrides, scope changes): long enough to be read by an auditor later. */
export const justificationSchema = z
  .string()
  .trim()
  .min(20, { message: 'a justification of at least 20 characters is required' })
  .max(2000);

/** The updates both program kinds offer, by name, with their inputs (the API routes them generically). */
export const sharedUpdateInputSchemas = {
  completeTask: completeTaskInputSchema,
  reassignTask: reassignTaskInputSchema,
  cancelTask: cancelTaskInputSchema,
  endProgram: endProgramInputSchema,
} as const;
