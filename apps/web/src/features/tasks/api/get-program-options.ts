import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

/** The programs the caller may see, as filter choices. */
export const programOptionsQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: ['programs', { organizationId }, 'options'],
    queryFn: async () => {
      const programs = await unwrap(
        api.GET('/organizations/{organizationId}/programs', { params: { path: { organizationId } } }),
      );
      return programs.map((p) => ({ value: p.id, label: p.name }));
    },
  });

export const useProgramOptions = (organizationId: string) =>
  useQuery(programOptionsQueryOptions(organizationId));
