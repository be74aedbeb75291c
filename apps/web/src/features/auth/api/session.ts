import type { Me } from '@certflow/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { meQueryKey } from '@/lib/me';

export interface SignInInput {
  email: string;
  password: string;
}

export function useSignIn({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => unwrap(api.POST('/auth/sign-in', { body: input })),
    onSuccess: (me) => {
      // Whatever the previous person saw must not leak into this session.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
      onSuccess(me);
    },
  });
}

/** Ends this session (or every session of the person) and forgets everything cached. */
export function useSignOut({ everywhere = false, onDone }: { everywhere?: boolean; onDone: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(api.POST(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out'));
    },
    onSettled: () => {
      queryClient.clear();
      onDone();
    },
  });
}

/** Asks the API where the organisation's identity provider is, then sends the browser there. */
export function useStartSso() {
  return useMutation({
    mutationFn: (input: { organization: string; returnTo?: string }) =>
      unwrap(api.POST('/auth/sso/start', { body: input })),
    onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl),
  });
}
