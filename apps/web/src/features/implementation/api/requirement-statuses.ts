import type { components } from '@certflow/api-client';
import type { FrameworkId } from '@certflow/catalog';
import type { RequirementStatusesUpdate } from '@certflow/contracts/implementation';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type RequirementStatus = components['schemas']['RequirementStatusPage_Output']['items'][number];

/** Every status the organisation recorded for one framework, following the cursor to the end. */
export async function getRequirementStatuses(
  organizationId: string,
  framework: FrameworkId,
): Promise<RequirementStatus[]> {
  const all: RequirementStatus[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/organizations/{organizationId}/requirement-statuses', {
        params: { path: { organizationId }, query: { framework, limit: 500, ...(cursor && { cursor }) } },
      }),
    );
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}

export const requirementStatusesQueryOptions = (organizationId: string, framework: FrameworkId) =>
  queryOptions({
    queryKey: ['requirement-statuses', organizationId, framework],
    queryFn: () => getRequirementStatuses(organizationId, framework),
  });

export const useRequirementStatuses = (organizationId: string, framework: FrameworkId) =>
  useQuery(requirementStatusesQueryOptions(organizationId, framework));

export function useSaveRequirementStatuses(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequirementStatusesUpdate) =>
      unwrap(
        api.PUT('/organizations/{organizationId}/requirement-statuses', {
          params: { path: { organizationId } },
          body: body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['requirement-statuses', organizationId] }),
  });
}
