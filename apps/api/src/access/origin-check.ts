import type { Request } from 'express';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(req: Request): boolean {
  return safeMethods.has(req.method.toUpperCase());
}

/** The origin a browser says the request came from: Origin, else the origin of Referer; null when neither. */
export function requestOrigin(req: Request): string | null {
  const origin = req.header('origin');
  if (origin) return origin;
  const referer = req.header('referer');
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * Cross-site request check for changes. Browsers send Origin on every cross-origin POST/PUT/PATCH/DELETE (and
 * Chromium and Firefox on same-origin ones too), so a change riding on the session cookie must name a trusted
 * origin; one without Origin or Referer is refused. For unauthenticated changes (sign-in, accepting an
 * invitation) only a browser-declared untrusted origin is refused, which stops login CSRF while letting
 * scripts without a browser sign in.
 */
export function passesOriginCheck(req: Request, trusted: readonly string[], cookieAuthenticated: boolean) {
  if (isSafeMethod(req)) return true;
  const origin = requestOrigin(req);
  if (origin === null) return !cookieAuthenticated;
  return trusted.includes(origin);
}
