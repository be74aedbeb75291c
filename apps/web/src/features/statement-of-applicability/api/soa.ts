import type { components } from '@certflow/api-client';
import type { SoaUpdate } from '@certflow/contracts/implementation';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { API_BASE_URL, api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type SoaView = components['schemas']['StatementOfApplicability_Output'];
export type SoaLine = SoaView['lines'][number];

const key = (programId: string) => ['statement-of-applicability', programId] as const;

export const soaQueryOptions = (programId: string) =>
  queryOptions({
    queryKey: key(programId),
    queryFn: () =>
      unwrap(api.GET('/programs/{id}/statement-of-applicability', { params: { path: { id: programId } } })),
  });

export const useSoa = (programId: string) => useQuery(soaQueryOptions(programId));

export const useSoaProgram = (programId: string) =>
  useQuery({
    queryKey: ['programs', 'detail', programId],
    queryFn: () => unwrap(api.GET('/programs/{id}', { params: { path: { id: programId } } })),
    staleTime: 30_000,
  });

export function useUpdateSoa(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SoaUpdate) =>
      unwrap(
        api.PUT('/programs/{id}/statement-of-applicability', {
          params: { path: { id: programId } },
          body: body,
        }),
      ),
    onSuccess: (view) => queryClient.setQueryData(key(programId), view),
  });
}

/** The CSV export: a plain link, so the browser streams it to a file with the session cookie. */
export const soaCsvUrl = (programId: string) =>
  `${API_BASE_URL}/programs/${encodeURIComponent(programId)}/statement-of-applicability/csv`;
