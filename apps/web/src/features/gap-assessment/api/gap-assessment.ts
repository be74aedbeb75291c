import type { components } from '@certflow/api-client';
import type {
  FinaliseGapAssessment,
  GapAnswersUpdate,
  StartGapAssessment,
} from '@certflow/contracts/implementation';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

type Schemas = components['schemas'];
export type GapAssessmentView = Schemas['GapAssessment_Output'];
export type GapItem = GapAssessmentView['items'][number];
export type Chain = GapItem['suggestion']['chains'][number];
export type GapFinalised = Schemas['GapAssessmentFinalised_Output'];
export type ProgramDetail = Schemas['ProgramDetail_Output'];

const key = (programId: string) => ['gap-assessment', programId] as const;

export const gapAssessmentQueryOptions = (programId: string) =>
  queryOptions({
    queryKey: key(programId),
    queryFn: () => unwrap(api.GET('/programs/{id}/gap-assessment', { params: { path: { id: programId } } })),
  });

export const useGapAssessment = (programId: string) => useQuery(gapAssessmentQueryOptions(programId));

/** The program itself (name, kind, organisation, program manager), read once for the page. */
export const useGapProgram = (programId: string) =>
  useQuery({
    queryKey: ['programs', 'detail', programId],
    queryFn: () => unwrap(api.GET('/programs/{id}', { params: { path: { id: programId } } })),
    staleTime: 30_000,
  });

export function useStartGapAssessment(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartGapAssessment) =>
      unwrap(api.POST('/programs/{id}/gap-assessment', { params: { path: { id: programId } }, body })),
    onSuccess: (view) => queryClient.setQueryData(key(programId), view),
  });
}

export function useAnswerGapItems(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GapAnswersUpdate) =>
      unwrap(
        api.PATCH('/programs/{id}/gap-assessment/items', {
          params: { path: { id: programId } },
          body: body,
        }),
      ),
    onSuccess: (view) => queryClient.setQueryData(key(programId), view),
  });
}

export function useFinaliseGapAssessment(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FinaliseGapAssessment) =>
      unwrap(
        api.POST('/programs/{id}/gap-assessment/finalise', { params: { path: { id: programId } }, body }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(key(programId), result.assessment);
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}
