import type { Request, RequestHandler } from 'express';
import { can, type Permission } from '@haven/shared';
import { ForbiddenError, UnauthorizedError } from '../../errors';
import { declareAccess } from '../../http/access';
import type passport from 'passport';
import type { IdentityService } from './IdentityService';
import { ACCESS_TOKEN_STRATEGY, createPassport, runStrategy } from './passport';
import type { SessionService, StaffPrincipal } from './SessionService';

const PRINCIPAL = Symbol('haven.staffPrincipal');

/** The staff member a guarded request acts for. Only routes behind a staff guard may ask. */
export function staffOf(req: Request): StaffPrincipal {
  const principal = (req as Request & { [PRINCIPAL]?: StaffPrincipal })[PRINCIPAL];
  if (!principal) throw new Error('staffOf() on a route without a staff guard');
  return principal;
}

export interface StaffGuards {
  /** Any signed-in staff member, for their own account. */
  signedIn(options?: { duringPasswordChange?: boolean }): RequestHandler;
  /** A staff member whose roles grant `permission` in the shared matrix. */
  permission(permission: Permission): RequestHandler;
}

/**
 * The guards of staff routes: authenticate the bearer access token (passport-jwt, then the
 * user and the session must still stand), then authorise against the permission matrix. Each
 * guard declares its rule (`declareAccess`), which is how the route-matrix test reads it.
 */
export function staffGuards(authenticator: passport.Authenticator): StaffGuards {
  const authenticate = async (
    req: Request,
    res: Parameters<RequestHandler>[1],
    duringPasswordChange: boolean,
  ): Promise<StaffPrincipal> => {
    const principal = await runStrategy(authenticator, ACCESS_TOKEN_STRATEGY, req, res);
    if (!principal) {
      throw new UnauthorizedError(
        'Your session has ended or the token is not valid. Sign in again.',
      );
    }
    if (principal.passwordChangeRequired && !duringPasswordChange) {
      throw new ForbiddenError(
        'Choose a new password first (POST /api/v1/auth/password).',
        'password_change_required',
      );
    }
    (req as Request & { [PRINCIPAL]?: StaffPrincipal })[PRINCIPAL] = principal;
    return principal;
  };

  return {
    signedIn(options = {}) {
      const duringPasswordChange = options.duringPasswordChange ?? false;
      return declareAccess(
        { kind: 'staff', ...(duringPasswordChange ? { duringPasswordChange } : {}) },
        async (req, res, next) => {
          await authenticate(req, res, duringPasswordChange);
          next();
        },
      );
    },
    permission(permission) {
      return declareAccess({ kind: 'permission', permission }, async (req, res, next) => {
        const principal = await authenticate(req, res, false);
        if (!can(principal.roles, permission)) throw new ForbiddenError();
        next();
      });
    },
  };
}

/** Passport with the staff strategies, and the guards built on it: one set per app. */
export function staffAccess(services: {
  identity: IdentityService;
  sessions: SessionService;
  secrets: { accessToken: Buffer };
}): { authenticator: passport.Authenticator; guards: StaffGuards } {
  const authenticator = createPassport({
    identity: services.identity,
    sessions: services.sessions,
    accessTokenSecret: services.secrets.accessToken,
  });
  return { authenticator, guards: staffGuards(authenticator) };
}
