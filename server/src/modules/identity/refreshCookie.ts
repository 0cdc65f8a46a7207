import type { Request, Response } from 'express';
import { parse } from 'cookie';
import { ForbiddenError } from '../../errors';

/**
 * The refresh token travels only in an httpOnly, `SameSite=Strict` cookie on path `/`. Over
 * HTTPS (a `https://` public URL) it is `__Host-haven_refresh` and `Secure`: the prefix makes the
 * browser refuse it unless it is Secure, host-only and on `/`, so no subdomain can plant or
 * shadow it. Over plain HTTP (local development) browsers would drop a `__Host-` cookie, so it is
 * `haven_refresh`, with the same attributes but `Secure`.
 */
export interface RefreshCookie {
  name: string;
  secure: boolean;
}

export function refreshCookieFor(publicUrl: string): RefreshCookie {
  const secure = publicUrl.startsWith('https:');
  return { name: secure ? '__Host-haven_refresh' : 'haven_refresh', secure };
}

export function readRefreshCookie(req: Request, cookie: RefreshCookie): string | undefined {
  const header = req.get('Cookie');
  if (!header) return undefined;
  return parse(header)[cookie.name] || undefined;
}

export function setRefreshCookie(
  res: Response,
  cookie: RefreshCookie,
  token: string,
  expiresAt: Date,
): void {
  res.cookie(cookie.name, token, {
    httpOnly: true,
    secure: cookie.secure,
    sameSite: 'strict',
    path: '/',
    maxAge: Math.max(0, expiresAt.getTime() - Date.now()),
  });
}

export function clearRefreshCookie(res: Response, cookie: RefreshCookie): void {
  res.clearCookie(cookie.name, {
    httpOnly: true,
    secure: cookie.secure,
    sameSite: 'strict',
    path: '/',
  });
}

/**
 * Cross-site request forgery defence for the endpoints a cookie authenticates (besides
 * `SameSite=Strict`): the request must carry an `Origin` that is Haven's own, either the public
 * URL's or the one the request was addressed to. Browsers send `Origin` with every POST, and a
 * page elsewhere cannot forge it.
 */
export function requireSameOrigin(req: Request, publicUrl: string): void {
  const origin = req.get('Origin');
  const allowed = new Set([new URL(publicUrl).origin]);
  const host = req.get('Host');
  if (host) allowed.add(`${req.protocol}://${host}`);
  if (!origin || !allowed.has(origin)) {
    throw new ForbiddenError(
      'This request must come from Haven’s own pages (its Origin header is missing or foreign).',
      'origin_refused',
    );
  }
}
