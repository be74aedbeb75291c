import type { components } from '@certflow/api-client';
import { IDEMPOTENCY_KEY_HEADER } from '@certflow/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type CombinedSchedule = components['schemas']['CombinedScheduleView_Output'];
export type ScheduleItem = components['schemas']['ScheduleItem_Output'];
export type ScheduleConflict = components['schemas']['ScheduleConflict_Output'];
export type Suggestion = components['schemas']['IntegratedAuditSuggestion_Output'];
export type WhatIfResult = components['schemas']['WhatIfResultView_Output'];
export type CalendarFeed = components['schemas']['CalendarFeedView_Output'];

export interface ScheduleFilters {
  framework?: string;
  from?: string;
  to?: string;
}

const scheduleKey = (organizationId: string) => ['schedule', organizationId] as const;

export const combinedScheduleQueryOptions = (organizationId: string, filters: ScheduleFilters) =>
  queryOptions({
    queryKey: [...scheduleKey(organizationId), filters],
    queryFn: () =>
      unwrap(
        api.GET('/organizations/{organizationId}/schedule/combined', {
          params: { path: { organizationId }, query: filters as never },
        }),
      ),
  });

export const useCombinedSchedule = (organizationId: string, filters: ScheduleFilters) =>
  useQuery(combinedScheduleQueryOptions(organizationId, filters));

/** Moves one audit on paper: nothing is written, so it is a mutation only in the HTTP sense. */
export function useWhatIf(organizationId: string) {
  return useMutation({
    mutationFn: (move: { itemId: string; date: string }) =>
      unwrap(
        api.POST('/organizations/{organizationId}/schedule/what-if', {
          params: { path: { organizationId } },
          body: move as never,
        }),
      ),
  });
}

/** Confirms a move: the audit is scheduled through its workflow, which applies its own rules. */
export function useScheduleAudit(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, date, key }: { item: ScheduleItem; date: string; key: string }) =>
      unwrap(
        api.POST('/programs/{id}/actions/schedule-audit', {
          params: { path: { id: item.programId } },
          headers: { [IDEMPOTENCY_KEY_HEADER]: key },
          body: { audit: item.kind as never, date },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKey(organizationId) }),
  });
}

export function useAcceptSuggestion(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (suggestionId: string) =>
      unwrap(
        api.POST('/organizations/{organizationId}/schedule/accept-suggestion', {
          params: { path: { organizationId } },
          body: { suggestionId } as never,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKey(organizationId) }),
  });
}

const feedKey = (organizationId: string) => ['calendar-feed', organizationId] as const;

export const useCalendarFeed = (organizationId: string) =>
  useQuery({
    queryKey: feedKey(organizationId),
    queryFn: () =>
      unwrap(
        api.GET('/organizations/{organizationId}/calendar-feed', { params: { path: { organizationId } } }),
      ),
  });

/** Issues the feed URL, or rotates it (the old one stops working). The URL is only ever shown here, once. */
export function useIssueCalendarFeed(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/organizations/{organizationId}/calendar-feed', { params: { path: { organizationId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey(organizationId) }),
  });
}
