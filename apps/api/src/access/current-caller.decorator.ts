import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { AuthenticatedRequest, Caller, Principal } from './principal.js';

/** The caller the guard established for an organisation-scoped route (`@Allow`). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('@CurrentCaller() used on a route without an organisation policy (@Allow)');
  return caller;
});

/** The signed-in person or API token (`@SignedIn` and `@Allow` routes). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('@CurrentPrincipal() used on a route that does not require a caller');
  return principal;
});

/** The signed-in person or API token, if any (`@Public` routes that behave differently when signed in). */
export const OptionalPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
