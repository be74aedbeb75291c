import type { WorkflowFinding, WorkflowState, WorkflowTask } from '../api/program-schema';

/** Open remediation tasks, soonest due first. */
export function openTasks(workflow: WorkflowState | null): WorkflowTask[] {
  return (workflow?.tasks ?? [])
    .filter((t) => t.status === 'OPEN')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/**
 * Unresolved findings: ISO findings not closed, and SOC 2 control exceptions whose remediation task is still open
 * (an exception has no status of its own).
 */
export function openFindings(workflow: WorkflowState | null): WorkflowFinding[] {
  const tasks = new Map((workflow?.tasks ?? []).map((t) => [t.id, t.status]));
  const iso = (workflow?.findings ?? []).filter((f) => f.status !== 'CLOSED');
  const exceptions = (workflow?.exceptions ?? []).filter(
    (e) => !e.taskId || (tasks.get(e.taskId) ?? 'OPEN') === 'OPEN',
  );
  return [...iso, ...exceptions];
}
