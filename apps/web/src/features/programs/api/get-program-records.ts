import type { ProgramRecords } from '@certflow/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export type { ProgramRecords };
export type Milestone = ProgramRecords['milestones'][number];

export const programRecordsQueryKey = (id: string) => ['programs', 'records', id] as const;

/** Every cycle's audits, deadlines and decisions, certificates and SOC 2 reports, from the read model. */
export async function getProgramRecords(id: string): Promise<ProgramRecords> {
  return unwrap(api.GET('/programs/{id}/records', { params: { path: { id } } }));
}

export const programRecordsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: programRecordsQueryKey(id),
    queryFn: () => getProgramRecords(id),
    // The worker writes it right after each change; the detail's own polling keeps the live part fresh.
    refetchInterval: 15_000,
  });

export const useProgramRecords = (id: string) => useQuery(programRecordsQueryOptions(id));
