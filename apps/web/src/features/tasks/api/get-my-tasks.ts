import type { components } from '@certflow/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type MyTask = components['schemas']['MyTask_Output'];

export interface MyTaskFilters {
  status?: string;
  programId?: string;
  dueAfter?: string;
  dueBefore?: string;
  overdue?: 'true';
}

const PAGE = 25;

/** The caller's tasks, soonest due first, a page at a time (the API's keyset cursor). */
export const myTasksQueryOptions = (organizationId: string, filters: MyTaskFilters) =>
  infiniteQueryOptions({
    queryKey: ['my-tasks', organizationId, filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/organizations/{organizationId}/my-tasks', {
          params: {
            path: { organizationId },
            query: { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useMyTasks = (organizationId: string, filters: MyTaskFilters) =>
  useInfiniteQuery(myTasksQueryOptions(organizationId, filters));
