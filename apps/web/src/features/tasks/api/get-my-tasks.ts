import type { MyTask } from '@certflow/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { MyTask };

export const myTasksQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: ['my-tasks', organizationId],
    queryFn: () =>
      unwrap(api.GET('/organizations/{organizationId}/my-tasks', { params: { path: { organizationId } } })),
    refetchInterval: 30_000,
  });

export const useMyTasks = (organizationId: string) => useQuery(myTasksQueryOptions(organizationId));
