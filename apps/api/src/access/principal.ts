import type { Role } from '@certflow/contracts/access';
import type { Request } from 'express';

/** A person signed in through a session cookie. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  name: string | null;
  sessionId: string;
  /** How the session was opened: `password`, `oidc` or `invitation`. */
  method: string;
  /** With `oidc`: the organisation whose identity provider vouched for the session. */
  ssoOrganizationId: string | null;
  expiresAt: Date;
}

/** An integration calling with `Authorization: Bearer`; it belongs to one organisation with one role. */
export interface TokenPrincipal {
  kind: 'token';
  tokenId: string;
  tokenName: string;
  organizationId: string;
  role: Role;
}

export type Principal = UserPrincipal | TokenPrincipal;

/** Who is calling, in which organisation, as what: what the guard hands every organisation-scoped route. */
export interface Caller {
  principal: Principal;
  organizationId: string;
  role: Role;
}

/**
 * The audit trail's and the workflows' `actor` (max 200 characters): a person's email, or `token:<name>` for an
 * integration (names are unique per organisation). The one place this is decided.
 */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.email : `token:${principal.tokenName}`.slice(0, 200);
}

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  caller?: Caller;
  /** A session cookie came with the request but named no live session (expired, ended, unknown). */
  sessionEnded?: boolean;
}
