import type { Me, Membership } from '@certflow/api-client';
import { can, type Permission } from '@certflow/contracts/access';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from './api-client';
import { unwrap } from './api-error';

export type { Me, Membership };

/** Who is signed in, and their role and permissions in each organisation (GET /me). */
export async function getMe(): Promise<Me> {
  return unwrap(api.GET('/me'));
}

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000, retry: false });

export const useMe = () => useQuery(meQueryOptions());

export function membershipIn(me: Me | undefined, organizationId: string | undefined): Membership | undefined {
  return me?.memberships.find((m) => m.organization.id === organizationId);
}

/** What the shared access table lets this person do in this organisation (to show or hide actions). */
export function canIn(
  me: Me | undefined,
  organizationId: string | undefined,
  permission: Permission,
): boolean {
  const membership = membershipIn(me, organizationId);
  return membership !== undefined && membership.access === 'granted' && can(membership.role, permission);
}
