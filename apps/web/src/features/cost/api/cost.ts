import type {
  ActualCost,
  ActualCostBody,
  BudgetLine,
  BudgetLineBody,
  CostSummary,
} from '@certflow/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { ActualCost, ActualCostBody, BudgetLine, BudgetLineBody, CostSummary };

type Filter = { programId?: string };

export const costSummaryQueryOptions = (organizationId: string, filter: Filter = {}) =>
  queryOptions({
    queryKey: ['cost', organizationId, 'summary', filter],
    queryFn: () =>
      unwrap(
        api.GET('/organizations/{organizationId}/cost/summary', {
          params: { path: { organizationId }, query: filter },
        }),
      ),
  });

export const budgetLinesQueryOptions = (organizationId: string, filter: Filter = {}) =>
  queryOptions({
    queryKey: ['cost', organizationId, 'budget-lines', filter],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/organizations/{organizationId}/cost/budget-lines', {
            params: { path: { organizationId }, query: filter },
          }),
        )
      ).items,
  });

export const actualsQueryOptions = (organizationId: string, filter: Filter = {}) =>
  queryOptions({
    queryKey: ['cost', organizationId, 'actuals', filter],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/organizations/{organizationId}/cost/actuals', {
            params: { path: { organizationId }, query: filter },
          }),
        )
      ).items,
  });

export const useCostSummary = (organizationId: string, filter: Filter = {}) =>
  useQuery(costSummaryQueryOptions(organizationId, filter));
export const useBudgetLines = (organizationId: string, filter: Filter = {}) =>
  useQuery(budgetLinesQueryOptions(organizationId, filter));
export const useActuals = (organizationId: string, filter: Filter = {}) =>
  useQuery(actualsQueryOptions(organizationId, filter));

/** Every cost change refreshes all of the organisation's cost views (summary, lines, actuals). */
function useCostMutation<Input, Output>(organizationId: string, run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cost', organizationId] }),
  });
}

export const useCreateBudgetLine = (organizationId: string) =>
  useCostMutation(organizationId, (body: BudgetLineBody) =>
    unwrap(
      api.POST('/organizations/{organizationId}/cost/budget-lines', {
        params: { path: { organizationId } },
        body,
      }),
    ),
  );

export const useDeleteBudgetLine = (organizationId: string) =>
  useCostMutation(organizationId, async (lineId: string) => {
    await unwrap(
      api.DELETE('/organizations/{organizationId}/cost/budget-lines/{lineId}', {
        params: { path: { organizationId, lineId } },
      }),
    );
  });

export const useRecordActual = (organizationId: string) =>
  useCostMutation(organizationId, (body: ActualCostBody) =>
    unwrap(
      api.POST('/organizations/{organizationId}/cost/actuals', {
        params: { path: { organizationId } },
        body,
      }),
    ),
  );

export const useDeleteActual = (organizationId: string) =>
  useCostMutation(organizationId, async (actualId: string) => {
    await unwrap(
      api.DELETE('/organizations/{organizationId}/cost/actuals/{actualId}', {
        params: { path: { organizationId, actualId } },
      }),
    );
  });

export const costCsvUrl = (organizationId: string, programId?: string) =>
  `/api/organizations/${encodeURIComponent(organizationId)}/cost/summary/csv${
    programId ? `?programId=${encodeURIComponent(programId)}` : ''
  }`;

/** The organisation's programs, for choosing where a budget line goes. */
export const useProgramChoices = (organizationId: string) =>
  useQuery({
    queryKey: ['programs', { organizationId }, 'choices'],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/organizations/{organizationId}/programs', { params: { path: { organizationId } } }),
        )
      ).map((p) => ({ id: p.id, name: p.name })),
  });
