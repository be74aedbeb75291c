import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AddNoteSignalInput,
  AttachEvidenceSignalInput,
  CancelTaskInput,
  CompleteTaskInput,
  EndProgramInput,
  ReassignTaskInput,
} from './program-inputs.js';

/** Message definitions every program kind answers to (inputs in `program-inputs.ts`). */

/** Fire-and-forget: a note for the audit trail. */
export const addNoteSignal = defineSignal<[AddNoteSignalInput]>('addNote');

/** Fire-and-forget: evidence uploaded for an open task (completing it is an update). */
export const attachEvidenceSignal = defineSignal<[AttachEvidenceSignalInput]>('attachEvidence');

/**
 * The updates both kinds offer, typed by the kind's state. The names are the same for every kind, so the API can
 * route an action to any program alike.
 */
export function sharedProgramUpdates<S>() {
  return {
    completeTask: defineUpdate<S, [CompleteTaskInput]>('completeTask'),
    reassignTask: defineUpdate<S, [ReassignTaskInput]>('reassignTask'),
    cancelTask: defineUpdate<S, [CancelTaskInput]>('cancelTask'),
    endProgram: defineUpdate<S, [EndProgramInput]>('endProgram'),
  };
}
