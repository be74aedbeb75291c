import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Role } from '@certflow/contracts/access';
import type { PrismaClient } from '@certflow/db';
import type { Response } from 'express';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import {
  ForbiddenError,
  InputValidationError,
  NotFoundError,
  UnauthenticatedError,
} from '../common/domain-errors.js';
import { isUuid } from '../common/uuid.js';
import { PRISMA } from '../database/database.module.js';
import { BoundedMap } from '../read-cache/bounded-map.js';
import { ChangeFeed } from '../read-cache/change-feed.js';
import { ApiTokenAuthenticator } from './api-token-authenticator.js';
import { OrganizationLocator, resourceLabels } from './organization-locator.js';
import { passesOriginCheck } from './origin-check.js';
import type { AuthenticatedRequest, Principal } from './principal.js';
import { type OrganizationLocator as Locator, ROUTE_POLICY, type RoutePolicy } from './route-policy.js';
import { SessionStore } from './session-store.js';

interface RememberedMembership {
  role: Role;
  ssoRequired: boolean;
  mark: number;
}

function unauthenticated(req: AuthenticatedRequest): UnauthenticatedError {
  return req.sessionEnded
    ? new UnauthenticatedError('session_expired', 'Your session has ended; sign in again')
    : new UnauthenticatedError('unauthenticated', 'Sign in, or send an API token, to use this');
}

/**
 * The one guard. For every route it authenticates the caller (session cookie or bearer token), refuses changes
 * from untrusted origins, then applies the route's declared policy: public, signed-in, or a permission in an
 * organisation the caller belongs to. A caller outside that organisation gets the same 404 as for a resource
 * that does not exist; a member whose role lacks the permission gets 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** Roles by person and organisation until any membership, role or sign-on setting changes (ADR 0020). */
  private readonly memberships = new BoundedMap<RememberedMembership>(10_000);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly tokens: ApiTokenAuthenticator,
    private readonly locator: OrganizationLocator,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: ChangeFeed,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // RoutePolicyCheck refuses to start an app with an undeclared route; this is the belt to those braces.
    if (!policy)
      throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no access policy`);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();

    const cookieSent = await this.authenticate(req, res);
    if (!passesOriginCheck(req, this.config.auth.trustedOrigins, cookieSent)) {
      throw new ForbiddenError('csrf', 'This change came from a page Certflow does not trust');
    }

    switch (policy.kind) {
      case 'public':
        return true;
      case 'signed-in':
        if (!req.principal) throw unauthenticated(req);
        if (req.principal.kind === 'token' && !policy.tokens) {
          throw new ForbiddenError('people_only', 'API tokens cannot do this; a person must sign in');
        }
        return true;
      case 'organization': {
        const principal = req.principal;
        if (!principal) throw unauthenticated(req);
        const organizationId = await this.locate(req, policy.organization);
        const role = await this.roleIn(principal, organizationId, policy.organization, req);
        if (policy.people && principal.kind === 'token') {
          throw new ForbiddenError('people_only', 'API tokens cannot do this; a person must sign in');
        }
        if (!can(role, policy.permission)) {
          throw new ForbiddenError('forbidden', `Your role (${role}) does not allow ${policy.permission}`);
        }
        req.caller = { principal, organizationId, role };
        return true;
      }
    }
  }

  /** Sets `req.principal` from a bearer token or the session cookie; returns whether a session cookie came. */
  private async authenticate(req: AuthenticatedRequest, res: Response): Promise<boolean> {
    const authorization = req.header('authorization');
    if (authorization !== undefined) {
      const [scheme, secret] = authorization.split(' ');
      const principal =
        scheme?.toLowerCase() === 'bearer' && secret ? await this.tokens.authenticate(secret) : null;
      if (!principal) {
        throw new UnauthenticatedError('invalid_token', 'The API token is unknown, revoked or expired');
      }
      req.principal = principal;
      return false;
    }
    const token = this.sessions.tokenOf(req);
    if (token === undefined) return false;
    const principal = await this.sessions.resolve(token);
    if (principal) req.principal = principal;
    else {
      req.sessionEnded = true;
      this.sessions.clearCookie(req, res);
    }
    return true;
  }

  private async locate(req: AuthenticatedRequest, locator: Locator): Promise<string> {
    const id = String(req.params[locator.param] ?? '');
    // Guards run before pipes, so the id is checked here (and named) before it reaches a query.
    if (!isUuid(id)) throw new InputValidationError([{ path: locator.param, message: 'Invalid UUID' }]);
    if (locator.from === 'path') return id;
    const organizationId = await this.locator.organizationOf(locator.resource, id);
    if (!organizationId) throw new NotFoundError(resourceLabels[locator.resource], id);
    return organizationId;
  }

  /** The caller's role in the organisation; the same 404 as "does not exist" when they are not in it. */
  private async roleIn(
    principal: Principal,
    organizationId: string,
    locator: Locator,
    req: AuthenticatedRequest,
  ): Promise<Role> {
    const notFound = () =>
      locator.from === 'path'
        ? new NotFoundError('Organization', organizationId)
        : new NotFoundError(resourceLabels[locator.resource], String(req.params[locator.param]));
    if (principal.kind === 'token') {
      if (principal.organizationId !== organizationId) throw notFound();
      return principal.role;
    }
    const membership = await this.membershipOf(principal.userId, organizationId);
    if (!membership) throw notFound();
    const viaThisProvider = principal.method === 'oidc' && principal.ssoOrganizationId === organizationId;
    // Admins keep password access so a broken identity provider set-up can still be repaired (ADR 0010).
    if (membership.ssoRequired && membership.role !== 'admin' && !viaThisProvider) {
      throw new ForbiddenError('sso_required', 'This organisation requires its single sign-on');
    }
    return membership.role;
  }

  private async membershipOf(userId: string, organizationId: string): Promise<RememberedMembership | null> {
    const key = `${userId}:${organizationId}`;
    const known = this.memberships.get(key);
    if (known && this.changes.accessUnchangedSince(known.mark)) return known;
    const mark = this.changes.mark();
    const row = await this.prisma.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId } },
      select: { role: true, organization: { select: { sso: { select: { required: true } } } } },
    });
    if (!row) {
      this.memberships.delete(key);
      return null;
    }
    const membership = { role: row.role, ssoRequired: row.organization.sso?.required ?? false, mark };
    this.memberships.set(key, membership);
    return membership;
  }
}
