import type { CostSummary, Dashboard } from '@certflow/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { CostSummary, Dashboard };

export const dashboardQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: ['overview', organizationId, 'dashboard'],
    queryFn: () =>
      unwrap(
        api.GET('/organizations/{organizationId}/overview/dashboard', {
          params: { path: { organizationId } },
        }),
      ),
    refetchInterval: 60_000,
  });

export const useDashboard = (organizationId: string) => useQuery(dashboardQueryOptions(organizationId));

/** The cost summary's totals, for "cost to date vs budget" (the Cost page has the details). */
export const useCostTotals = (organizationId: string) =>
  useQuery({
    queryKey: ['cost', organizationId, 'summary', {}],
    queryFn: () =>
      unwrap(
        api.GET('/organizations/{organizationId}/cost/summary', {
          params: { path: { organizationId }, query: {} },
        }),
      ),
  });
