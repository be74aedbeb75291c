import type { Role } from '@certflow/contracts/access';

/** Everyone the matrix calls every route as. */
export const callers = [
  'anonymous',
  'admin',
  'program_manager',
  'control_owner',
  'executive',
  'auditor',
  /** A program-manager API token of the same organisation. */
  'apiToken',
  /** The admin of another organisation: must get 404 for anything of this one. */
  'otherOrganization',
] as const;
export type CallerName = (typeof callers)[number];

export type Outcome = Record<CallerName, number>;

const allRoles: Role[] = ['admin', 'program_manager', 'control_owner', 'executive', 'auditor'];

/**
 * An organisation route: the listed roles get `success`, the other roles 403, no credentials 401, the other
 * organisation's admin 404. `token` is what the program-manager token gets (default: like the role).
 */
export function members(roles: Role[], success: number, token?: number): Outcome {
  const outcome = { anonymous: 401, otherOrganization: 404 } as Outcome;
  for (const role of allRoles) outcome[role] = roles.includes(role) ? success : 403;
  outcome.apiToken = token ?? (roles.includes('program_manager') ? success : 403);
  return outcome;
}

/** A route for any signed-in person (not tied to an organisation); tokens get `token`. */
export function signedIn(success: number, token: number): Outcome {
  const outcome = { anonymous: 401, otherOrganization: success, apiToken: token } as Outcome;
  for (const role of allRoles) outcome[role] = success;
  return outcome;
}

/** A public route: the same answer whoever calls. */
export function anyone(status: number): Outcome {
  return Object.fromEntries(callers.map((caller) => [caller, status])) as Outcome;
}
