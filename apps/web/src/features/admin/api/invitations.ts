import type { Invitation, Role } from '@certflow/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { Invitation };

const key = (organizationId: string) => ['admin', organizationId, 'invitations'];

export const useInvitations = (organizationId: string) =>
  useQuery({
    queryKey: key(organizationId),
    queryFn: () =>
      unwrap(
        api.GET('/organizations/{organizationId}/invitations', { params: { path: { organizationId } } }),
      ),
  });

export function useInvite(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      unwrap(
        api.POST('/organizations/{organizationId}/invitations', {
          params: { path: { organizationId } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}

export function useInvitationAction(organizationId: string, action: 'resend' | 'revoke') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        action === 'resend'
          ? api.POST('/invitations/{id}/resend', { params: { path: { id } } })
          : api.POST('/invitations/{id}/revoke', { params: { path: { id } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}
