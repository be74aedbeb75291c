import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { programSchema, type Program } from './program-schema';

const awaitsFirstStage = (program: Program) =>
  program.stage === null && (program.status === 'PENDING' || program.status === 'RUNNING');

export async function getPrograms(organizationId: string): Promise<Program[]> {
  const data = await unwrap(
    api.GET('/organizations/{organizationId}/programs', { params: { path: { organizationId } } }),
  );
  return z.array(programSchema).parse(data);
}

export const programsQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: ['programs', { organizationId }],
    queryFn: () => getPrograms(organizationId),
    // Stages move on their own (timers in the workflow), so the list refreshes while it is open; a program
    // whose workflow has not recorded its first stage yet is checked on sooner, as that takes only moments.
    refetchInterval: (query) => (query.state.data?.some(awaitsFirstStage) ? 2_000 : 15_000),
  });

export const usePrograms = (organizationId: string) => useQuery(programsQueryOptions(organizationId));
