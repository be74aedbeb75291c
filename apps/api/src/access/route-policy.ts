import type { Permission } from '@certflow/contracts/access';

/** Resources addressed by their own UUID; the guard finds their organisation server-side. */
export const resourceKinds = [
  'program',
  'invitation',
  'membership',
  'api-token',
  'program-grant',
  'task',
  'evidence',
] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export type OrganizationLocator =
  { from: 'path'; param: string } | { from: 'resource'; resource: ResourceKind; param: string };

/**
 * What a route declares about its callers; read by the one guard. A route without a policy fails start-up.
 * - `public`: anyone, signed in or not.
 * - `signed-in`: any person with a session (and API tokens when `tokens` is true); no organisation involved.
 * - `organization`: a member of the located organisation whose role holds `permission`. `people` keeps API
 *   tokens out of routes that act for a person (e.g. "my tasks").
 */
export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'signed-in'; tokens: boolean }
  | { kind: 'organization'; permission: Permission; organization: OrganizationLocator; people: boolean };

export const ROUTE_POLICY = 'certflow:route-policy';
