import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Permission } from '@certflow/contracts/access';

import { ErrorResponse } from '../common/error-response.schema.js';
import {
  type OrganizationLocator,
  type ResourceKind,
  ROUTE_POLICY,
  type RoutePolicy,
} from './route-policy.js';

/** OpenAPI security scheme names (registered in openapi-document.ts). */
export const SESSION_SCHEME = 'session';
export const TOKEN_SCHEME = 'apiToken';

const unauthorized = ApiUnauthorizedResponse({
  type: ErrorResponse.Output,
  description:
    'No valid session or API token (code unauthenticated, invalid_token), or the session ended (session_expired)',
});

function policy(value: RoutePolicy) {
  return SetMetadata(ROUTE_POLICY, value);
}

/** Anyone may call it, signed in or not. */
export function Public() {
  return applyDecorators(policy({ kind: 'public' }), ApiExtension('x-certflow-access', 'public'));
}

/** Any signed-in person; API tokens too when `tokens` is true. Not tied to one organisation. */
export function SignedIn({ tokens = false }: { tokens?: boolean } = {}) {
  return applyDecorators(
    policy({ kind: 'signed-in', tokens }),
    ApiExtension('x-certflow-access', tokens ? 'signed-in or API token' : 'signed-in person'),
    ApiCookieAuth(SESSION_SCHEME),
    ...(tokens ? [ApiBearerAuth(TOKEN_SCHEME)] : []),
    unauthorized,
    ApiForbiddenResponse({
      type: ErrorResponse.Output,
      description: tokens
        ? 'A change sent with the session cookie from an untrusted origin (code csrf)'
        : 'Called with an API token (code people_only), or a change from an untrusted origin (code csrf)',
    }),
  );
}

/**
 * A member of the organisation the route names whose role holds `permission` (the table in
 * `@certflow/contracts/access`). Another organisation's resource, or one the caller may not see, is a 404.
 */
export function Allow(permission: Permission, organization: OrganizationLocator, { people = false } = {}) {
  return applyDecorators(
    policy({ kind: 'organization', permission, organization, people }),
    ApiExtension('x-certflow-permission', permission),
    ApiBadRequestResponse({
      type: ErrorResponse.Output,
      description: 'A malformed id in the path, or invalid input; `errors` names each field',
    }),
    ApiCookieAuth(SESSION_SCHEME),
    ...(people ? [] : [ApiBearerAuth(TOKEN_SCHEME)]),
    unauthorized,
    ApiForbiddenResponse({
      type: ErrorResponse.Output,
      description:
        `The caller's role lacks ${permission} (code forbidden), the organisation requires its single sign-on ` +
        `(sso_required), ${people ? 'an API token called it (people_only), ' : ''}or a change came from an ` +
        `untrusted origin (csrf)`,
    }),
    ApiNotFoundResponse({
      type: ErrorResponse.Output,
      description:
        organization.from === 'path'
          ? 'No such organisation among the caller’s, or a resource it names is not visible to the caller'
          : 'No such resource, or it belongs to an organisation the caller is not in or may not see',
    }),
  );
}

/** The organisation is the route's `:organizationId` (or another) path parameter. */
export function inOrganization(param = 'organizationId'): OrganizationLocator {
  return { from: 'path', param };
}

/** The organisation is the one owning the resource whose UUID is the `:id` (or another) path parameter. */
export function ofResource(resource: ResourceKind, param = 'id'): OrganizationLocator {
  return { from: 'resource', resource, param };
}
