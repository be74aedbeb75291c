import type { ProgramGrant } from '@certflow/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { ProgramGrant };

const key = (organizationId: string) => ['admin', organizationId, 'grants'];

export const useGrants = (organizationId: string) =>
  useQuery({
    queryKey: key(organizationId),
    queryFn: () =>
      unwrap(
        api.GET('/organizations/{organizationId}/program-grants', { params: { path: { organizationId } } }),
      ),
  });

/** The programs a grant can name (this feature's own read of the list; features do not share code). */
export const useGrantablePrograms = (organizationId: string) =>
  useQuery({
    queryKey: ['admin', organizationId, 'programs'],
    queryFn: () =>
      unwrap(api.GET('/organizations/{organizationId}/programs', { params: { path: { organizationId } } })),
  });

export function useCreateGrant(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { programId: string; userId: string; validFrom: string; validUntil: string }) =>
      unwrap(
        api.POST('/organizations/{organizationId}/program-grants', {
          params: { path: { organizationId } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}

export function useRevokeGrant(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/program-grants/{id}/revoke', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}
