import type { SecurityEvent, SsoSettings } from '@certflow/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { SecurityEvent, SsoSettings };

const key = (organizationId: string) => ['admin', organizationId, 'sso'];

export const useSsoSettings = (organizationId: string) =>
  useQuery({
    queryKey: key(organizationId),
    queryFn: () =>
      unwrap(api.GET('/organizations/{organizationId}/sso', { params: { path: { organizationId } } })),
  });

export function useSaveSso(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { issuer: string; clientId: string; clientSecret?: string; required: boolean }) =>
      unwrap(api.PUT('/organizations/{organizationId}/sso', { params: { path: { organizationId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}

export function useRemoveSso(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(
        api.DELETE('/organizations/{organizationId}/sso', { params: { path: { organizationId } } }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}

export const useSecurityEvents = (organizationId: string) =>
  useQuery({
    queryKey: ['admin', organizationId, 'security-events'],
    queryFn: () =>
      unwrap(
        api.GET('/organizations/{organizationId}/security-events', { params: { path: { organizationId } } }),
      ),
    refetchInterval: 30_000,
  });
