import { IDEMPOTENCY_KEY_HEADER } from '@certflow/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import type { TaskDetail } from './get-task';

/**
 * Completing and reassigning are workflow actions (`POST /programs/{id}/actions/…`): the workflow decides,
 * keeps the due dates and reminders, and the read model follows. One Idempotency-Key per intention.
 */
export function useCompleteTask(task: TaskDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ completedOn, key }: { completedOn: string; key: string }) =>
      unwrap(
        api.POST('/programs/{id}/actions/complete-task', {
          params: { path: { id: task.program.id } },
          headers: { [IDEMPOTENCY_KEY_HEADER]: key },
          body: {
            taskId: task.id,
            completedOn,
            // Every piece of evidence of the task, as the Certflow download the workflow records.
            evidence: task.evidence.map((e) => ({ title: e.title, uri: e.downloadUrl })),
          },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries(),
  });
}

export function useReassignTask(task: TaskDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ownerEmail, dueDate, key }: { ownerEmail: string; dueDate: string; key: string }) =>
      unwrap(
        api.POST('/programs/{id}/actions/reassign-task', {
          params: { path: { id: task.program.id } },
          headers: { [IDEMPOTENCY_KEY_HEADER]: key },
          body: { taskId: task.id, ownerEmail, ...(dueDate ? { dueDate } : {}) },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries(),
  });
}
