import type { PrismaClient, Program } from '@certflow/db';
import type { Client } from '@temporalio/client';

import { utcDay } from '../../common/clock.js';
import { queryProgramState } from '../programs/program-workflow.js';

export interface ProgramTask {
  id: string;
  title: string;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  ownerEmail: string;
  dueDate: string;
  requirementIds: string[];
}

/**
 * A program's remediation tasks: live from the workflow's state query, or from the `remediation_tasks` read
 * model when no worker answers in time (the same fallback as `GET /programs/{id}`).
 */
export async function programTasks(
  temporal: Client,
  prisma: PrismaClient,
  program: Program,
  timeoutMs: number,
): Promise<{ from: 'workflow' | 'database'; tasks: ProgramTask[] }> {
  try {
    const handle = temporal.workflow.getHandle(program.workflowId);
    const state = await temporal.connection.withDeadline(Date.now() + timeoutMs, () =>
      queryProgramState(handle, program.kind),
    );
    return {
      from: 'workflow',
      tasks: state.tasks.map((t) => ({
        id: t.id,
        title: t.title,
        status: t.status,
        ownerEmail: t.ownerEmail,
        dueDate: t.dueDate,
        requirementIds: t.requirementIds,
      })),
    };
  } catch {
    const rows = await prisma.remediationTask.findMany({
      where: { programId: program.id },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    });
    return {
      from: 'database',
      tasks: rows.map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status,
        ownerEmail: row.ownerEmail,
        dueDate: utcDay(row.dueDate),
        requirementIds: row.requirementIds,
      })),
    };
  }
}

const rank = { OPEN: 0, DONE: 1, CANCELLED: 2 } as const;

/** Per requirement, the task to show: an open one first (soonest due), else the latest finished. */
export function taskByRequirement(tasks: readonly ProgramTask[]): Map<string, ProgramTask> {
  const sorted = [...tasks].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.status === 'OPEN' ? a.dueDate.localeCompare(b.dueDate) : b.dueDate.localeCompare(a.dueDate)),
  );
  const result = new Map<string, ProgramTask>();
  for (const task of sorted) {
    for (const id of task.requirementIds) if (!result.has(id)) result.set(id, task);
  }
  return result;
}
