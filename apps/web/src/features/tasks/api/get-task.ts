import type { components } from '@certflow/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type TaskDetail = components['schemas']['TaskDetail_Output'];
export type EvidenceItem = TaskDetail['evidence'][number];

export const taskQueryKey = (taskId: string) => ['task', taskId] as const;

export const taskQueryOptions = (taskId: string) =>
  queryOptions({
    queryKey: taskQueryKey(taskId),
    queryFn: () => unwrap(api.GET('/tasks/{id}', { params: { path: { id: taskId } } })),
  });

export const useTask = (taskId: string) => useQuery(taskQueryOptions(taskId));

export function useAddComment(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(api.POST('/tasks/{id}/comments', { params: { path: { id: taskId } }, body: { body } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskQueryKey(taskId) }),
  });
}
