import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { programDetailSchema, type ProgramDetail } from './program-schema';

export async function getProgram(id: string): Promise<ProgramDetail> {
  const data = await unwrap(api.GET('/programs/{id}', { params: { path: { id } } }));
  return programDetailSchema.parse(data);
}

/** How often the detail view asks the workflow for its live state. */
export const PROGRAM_POLL_MS = 5_000;

export const programQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['programs', 'detail', id],
    queryFn: () => getProgram(id),
    refetchInterval: PROGRAM_POLL_MS,
    staleTime: 0,
  });

export const useProgram = (id: string) => useQuery(programQueryOptions(id));
