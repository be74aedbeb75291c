import type { components, operations } from '@certflow/api-client';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';

import { API_BASE_URL, api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type AuditTrailEvent = components['schemas']['AuditTrailEvent_Output'];
type Query = NonNullable<operations['AuditTrailController_list']['parameters']['query']>;
export type AuditTrailFilters = Omit<Query, 'limit' | 'cursor'>;

const PAGE = 50;

export const auditEventsQueryOptions = (organizationId: string, filters: AuditTrailFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit-events', organizationId, filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/organizations/{organizationId}/audit-events', {
          params: {
            path: { organizationId },
            query: { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useAuditEvents = (organizationId: string, filters: AuditTrailFilters) =>
  useInfiniteQuery(auditEventsQueryOptions(organizationId, filters));

/** Where the browser downloads the CSV of the same filters (a plain link: the cookie goes with it). */
export function auditEventsCsvUrl(organizationId: string, filters: AuditTrailFilters): string {
  const query = new URLSearchParams(
    Object.entries(filters).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return `${API_BASE_URL}/organizations/${encodeURIComponent(organizationId)}/audit-events.csv${suffix}`;
}

export const programChoicesQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: ['programs', { organizationId }, 'options'],
    queryFn: async () => {
      const programs = await unwrap(
        api.GET('/organizations/{organizationId}/programs', { params: { path: { organizationId } } }),
      );
      return programs.map((p) => ({ value: p.id, label: p.name }));
    },
  });

export const useProgramChoices = (organizationId: string) =>
  useQuery(programChoicesQueryOptions(organizationId));
