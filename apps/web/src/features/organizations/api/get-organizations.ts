import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { organizationSchema, type Organization } from './organization-schema';

export async function getOrganizations(): Promise<Organization[]> {
  const data = await unwrap(api.GET('/organizations'));
  return z.array(organizationSchema).parse(data);
}

export const organizationsQueryOptions = () =>
  queryOptions({
    queryKey: ['organizations'],
    queryFn: getOrganizations,
  });

export const useOrganizations = () => useQuery(organizationsQueryOptions());
