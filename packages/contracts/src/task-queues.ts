/** The one task queue that program workflows and their activities run on. */
export const PROGRAM_TASK_QUEUE = 'certflow-programs';
