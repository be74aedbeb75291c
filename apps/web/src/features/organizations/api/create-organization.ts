import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { meQueryKey } from '@/lib/me';

import { organizationsQueryOptions } from './get-organizations';
import { organizationSchema, type Organization } from './organization-schema';

export interface CreateOrganizationInput {
  name: string;
  slug: string;
}

export async function createOrganization(input: CreateOrganizationInput): Promise<Organization> {
  const data = await unwrap(api.POST('/organizations', { body: input }));
  return organizationSchema.parse(data);
}

export function useCreateOrganization({
  onSuccess,
}: { onSuccess?: (organization: Organization) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    onSuccess: async (organization) => {
      // The creator is the new organisation's admin: their memberships changed.
      await queryClient.invalidateQueries({ queryKey: organizationsQueryOptions().queryKey });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      onSuccess?.(organization);
    },
  });
}
