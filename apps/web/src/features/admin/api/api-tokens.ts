import type { ApiToken, ApiTokenRole, CreatedApiToken } from '@certflow/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { ApiToken, ApiTokenRole, CreatedApiToken };

const key = (organizationId: string) => ['admin', organizationId, 'api-tokens'];

export const useApiTokens = (organizationId: string) =>
  useQuery({
    queryKey: key(organizationId),
    queryFn: () =>
      unwrap(api.GET('/organizations/{organizationId}/api-tokens', { params: { path: { organizationId } } })),
  });

export function useCreateApiToken(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; role: ApiTokenRole; expiresAt?: string }) =>
      unwrap(
        api.POST('/organizations/{organizationId}/api-tokens', {
          params: { path: { organizationId } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}

export function useRevokeApiToken(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api-tokens/{id}/revoke', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}
