import type { RequestHandler } from 'express';
import type { Permission } from '@haven/shared';

/** What a public route checks itself, instead of a staff or reporter bearer token. */
export type OwnCredential =
  /** A second-factor challenge in the body. */
  | 'challenge'
  /** The staff refresh cookie (and the request's Origin). */
  | 'refreshCookie'
  /** The one-time setup token in the body. */
  | 'setupToken'
  /** The reporter's pages: a receipt in a form, or the reporter's own session cookie. */
  | 'reporterCookie';

/**
 * Who may call a route. Every route of the app declares one, through the guard middleware that
 * enforces it (`declareAccess` tags the guard), so the rule read by the route-matrix test
 * (`test/http/routeMatrix.test.ts`) is the rule the server applies. Deny by default: a route
 * without a declared rule fails that test.
 *
 * - `public`: anyone; `credential` names what the route checks itself instead, so its answer
 *   does not depend on which bearer token comes with the request.
 * - `reporter`: a reporter token for one case.
 * - `staff`: any signed-in staff member (their own account); `duringPasswordChange` lets a user
 *   who must choose a new password through.
 * - `permission`: a staff member whose roles grant the permission in the shared matrix.
 */
export type AccessRule =
  | { kind: 'public'; credential?: OwnCredential }
  | { kind: 'reporter' }
  | { kind: 'staff'; duringPasswordChange?: boolean }
  | { kind: 'permission'; permission: Permission };

const ACCESS_RULE = Symbol.for('haven.accessRule');

/** Tags `guard` with the rule it enforces; answers the same function. */
export function declareAccess<Guard extends RequestHandler>(rule: AccessRule, guard: Guard): Guard {
  Object.defineProperty(guard, ACCESS_RULE, { value: rule, enumerable: false });
  return guard;
}

/** The rule a handler enforces, if it is a guard. */
export function accessRuleOf(handler: unknown): AccessRule | undefined {
  if (typeof handler !== 'function') return undefined;
  return (handler as unknown as Record<symbol, AccessRule | undefined>)[ACCESS_RULE];
}

/**
 * The guard of a public route: lets everyone through. With `app.use(publicAccess())` it covers
 * every route registered after it in that stack and the routers mounted after it.
 */
export function publicAccess(credential?: OwnCredential) {
  return declareAccess(credential ? { kind: 'public', credential } : { kind: 'public' }, ((
    _req,
    _res,
    next,
  ) => next()) as RequestHandler);
}
