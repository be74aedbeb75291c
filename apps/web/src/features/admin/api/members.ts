import type { Member, Role } from '@certflow/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { Member, Role };

const key = (organizationId: string) => ['admin', organizationId, 'members'];

export const useMembers = (organizationId: string) =>
  useQuery({
    queryKey: key(organizationId),
    queryFn: () =>
      unwrap(api.GET('/organizations/{organizationId}/members', { params: { path: { organizationId } } })),
  });

export function useChangeRole(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ membershipId, role }: { membershipId: string; role: Role }) =>
      unwrap(api.PATCH('/memberships/{id}', { params: { path: { id: membershipId } }, body: { role } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}

export function useRemoveMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (membershipId: string) => {
      await unwrap(api.DELETE('/memberships/{id}', { params: { path: { id: membershipId } } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}
