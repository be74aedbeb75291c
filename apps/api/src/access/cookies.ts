import type { CookieOptions, Request, Response } from 'express';

/** One cookie from the request's Cookie header (Express 5 does not parse them, and we need only ours). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * httpOnly (no script can read it), SameSite=Lax (not sent on cross-site subrequests or form posts), Secure
 * whenever the request came over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto).
 */
export function cookieOptions(req: Request, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }),
  };
}

export function setCookie(req: Request, res: Response, name: string, value: string, maxAgeMs: number): void {
  res.cookie(name, value, cookieOptions(req, maxAgeMs));
}

export function clearCookie(req: Request, res: Response, name: string): void {
  res.clearCookie(name, cookieOptions(req));
}
