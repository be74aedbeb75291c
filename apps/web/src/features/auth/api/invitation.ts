import type { InvitationPreview, Me } from '@certflow/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { meQueryKey } from '@/lib/me';

export type { InvitationPreview };

export const useInvitationPreview = (token: string) =>
  useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.POST('/auth/invitations/inspect', { body: { token } })),
    enabled: token !== '',
    retry: false,
  });

export function useAcceptInvitation({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; password: string; name?: string }) =>
      unwrap(api.POST('/auth/invitations/accept', { body: input })),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
      onSuccess(me);
    },
  });
}
