import type { Request, Response } from 'express';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { Strategy as LocalStrategy } from 'passport-local';
import type { UserRecord } from '../../storage';
import type { IdentityService } from './IdentityService';
import type { SessionService, StaffPrincipal } from './SessionService';
import { ACCESS_TOKEN, AccessClaimsSchema } from './tokens';

export const PASSWORD_STRATEGY = 'staff-password';
export const ACCESS_TOKEN_STRATEGY = 'staff-access-token';

/**
 * Passport, with the two staff strategies: passport-local for the password (the first factor of
 * `POST /auth/login`) and passport-jwt for access tokens, with the algorithm, issuer, audience
 * and maximum age pinned. One instance per app, never the process-wide singleton.
 */
export function createPassport(deps: {
  identity: IdentityService;
  sessions: SessionService;
  accessTokenSecret: Buffer;
}): passport.Authenticator {
  const authenticator = new passport.Passport();
  authenticator.use(
    PASSWORD_STRATEGY,
    new LocalStrategy({ session: false }, (username, password, done) => {
      deps.identity.verifyPassword(username, password).then(
        (user) => done(null, user ?? false),
        (error: unknown) => done(error),
      );
    }),
  );
  authenticator.use(
    ACCESS_TOKEN_STRATEGY,
    new JwtStrategy(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        secretOrKey: deps.accessTokenSecret,
        algorithms: [ACCESS_TOKEN.algorithm],
        issuer: ACCESS_TOKEN.issuer,
        audience: ACCESS_TOKEN.audience,
        jsonWebTokenOptions: { maxAge: `${ACCESS_TOKEN.lifetimeSeconds}s` },
      },
      (payload: unknown, done: (error: unknown, user?: StaffPrincipal | false) => void) => {
        const claims = AccessClaimsSchema.safeParse(payload);
        if (!claims.success) {
          done(null, false);
          return;
        }
        deps.sessions.authenticate(claims.data).then(
          (principal) => done(null, principal ?? false),
          (error: unknown) => done(error),
        );
      },
    ),
  );
  return authenticator;
}

/** Runs a strategy on a request; resolves to what it authenticated, or `false`. */
export function runStrategy(
  authenticator: passport.Authenticator,
  strategy: typeof PASSWORD_STRATEGY,
  req: Request,
  res: Response,
): Promise<UserRecord | false>;
export function runStrategy(
  authenticator: passport.Authenticator,
  strategy: typeof ACCESS_TOKEN_STRATEGY,
  req: Request,
  res: Response,
): Promise<StaffPrincipal | false>;
export function runStrategy(
  authenticator: passport.Authenticator,
  strategy: string,
  req: Request,
  res: Response,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    authenticator.authenticate(strategy, { session: false }, (error: unknown, user: unknown) => {
      if (error) reject(error);
      else resolve(user ?? false);
    })(req, res, reject);
  });
}
