import { createHmac } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../../errors';
import { sameHash } from '../intake/codes';
import type { ReporterService } from '../reporter/ReporterService';

/**
 * The cookie that holds a reporter's session on the pages: httpOnly, `SameSite=Strict`, and no
 * lifetime of its own, so it ends with the browser. Over https it takes the `__Host-` prefix,
 * which binds it to this exact origin.
 */
export interface SessionCookie {
  name: string;
  secure: boolean;
}

export function sessionCookie(publicUrl: string): SessionCookie {
  const secure = publicUrl.startsWith('https:');
  return { name: secure ? '__Host-haven_session' : 'haven_session', secure };
}

const cookieOptions = (cookie: SessionCookie) =>
  ({ httpOnly: true, sameSite: 'strict', secure: cookie.secure, path: '/' }) as const;

export function setSessionCookie(res: Response, cookie: SessionCookie, token: string): void {
  res.cookie(cookie.name, token, cookieOptions(cookie));
}

export function clearSessionCookie(res: Response, cookie: SessionCookie): void {
  res.clearCookie(cookie.name, cookieOptions(cookie));
}

/** The reporter's token from the cookie, if there is one. */
export function sessionTokenOf(req: Request, cookie: SessionCookie): string | undefined {
  for (const part of (req.get('Cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie.name && value.length) return value.join('=');
  }
  return undefined;
}

/** The case this browser has open, or `UnauthorizedError` when its session is missing or over. */
export function openedCase(
  req: Request,
  cookie: SessionCookie,
  reporter: ReporterService,
): { caseId: string; token: string } {
  const token = sessionTokenOf(req, cookie);
  if (!token) throw new UnauthorizedError('Open your report with your receipt first.');
  return { caseId: reporter.verifySession(token).caseId, token };
}

/** The token each form of an open case carries: only this site's pages can know it. */
export function csrfTokenFor(sessionToken: string, key: Buffer): string {
  return createHmac('sha256', key).update(`csrf:${sessionToken}`).digest('base64url');
}

export function checkCsrfToken(given: unknown, sessionToken: string, key: Buffer): void {
  if (typeof given !== 'string' || !sameHash(given, csrfTokenFor(sessionToken, key))) {
    throw new ForbiddenError('The form is out of date or did not come from this site.');
  }
}

/**
 * Refuses a form posted from another site. Browsers say where a request comes from in
 * `Sec-Fetch-Site`; older ones only in `Origin`, which is `null` under `no-referrer` and then
 * tells nothing, so the SameSite cookie and the CSRF token remain the defence.
 */
export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  const site = req.get('Sec-Fetch-Site');
  const origin = req.get('Origin');
  const crossSite =
    site !== undefined
      ? site !== 'same-origin' && site !== 'none'
      : Boolean(origin && origin !== 'null' && hostOf(origin) !== req.get('Host'));
  next(crossSite ? new ForbiddenError('Forms can only be sent from this site.') : undefined);
};

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
