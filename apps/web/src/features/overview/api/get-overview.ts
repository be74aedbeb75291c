import type { Overview } from '@certflow/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { Overview };

export const overviewQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: ['overview', organizationId],
    queryFn: () =>
      unwrap(api.GET('/organizations/{organizationId}/overview', { params: { path: { organizationId } } })),
    refetchInterval: 30_000,
  });

export const useOverview = (organizationId: string) => useQuery(overviewQueryOptions(organizationId));
