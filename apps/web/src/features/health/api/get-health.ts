import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { api } from '@/lib/api-client';

const indicatorSchema = z.looseObject({ status: z.string(), message: z.string().optional() });
// Terminus answers 200 or 503 with the same body; both tell us something, so both are parsed.
const healthBodySchema = z.looseObject({
  status: z.string(),
  details: z.record(z.string(), indicatorSchema).optional(),
});

export type DependencyStatus = 'up' | 'down';

export interface Health {
  api: DependencyStatus;
  dependencies: { name: string; status: DependencyStatus; message?: string }[];
}

export async function getHealth(): Promise<Health> {
  let body: unknown;
  try {
    const { data, error } = await api.GET('/health');
    body = data ?? error;
  } catch {
    return { api: 'down', dependencies: [] };
  }
  const parsed = healthBodySchema.safeParse(body);
  // A body that is not Terminus' (e.g. the proxy's own 502 page) means the API itself is not answering.
  if (!parsed.success) return { api: 'down', dependencies: [] };
  return {
    api: 'up',
    dependencies: Object.entries(parsed.data.details ?? {}).map(([name, indicator]) => ({
      name,
      status: indicator.status === 'up' ? 'up' : 'down',
      ...(indicator.message ? { message: indicator.message } : {}),
    })),
  };
}

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: getHealth,
    refetchInterval: 15_000,
    staleTime: 5_000,
  });

export const useHealth = () => useQuery(healthQueryOptions());
