import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { SESSION_POLICY } from '@haven/shared';
import { z } from 'zod';
import { UnauthorizedError } from '../../errors';

/**
 * Staff access tokens: HS256 under a secret of their own, so no other key (a reporter token's, a
 * public key) can ever verify one; algorithm, issuer and audience are pinned on verification.
 */
export const ACCESS_TOKEN = {
  algorithm: 'HS256',
  issuer: 'haven',
  audience: 'haven:staff',
  lifetimeSeconds: SESSION_POLICY.accessTokenMinutes * 60,
} as const;

/** The claims Haven puts in (and requires of) an access token. */
export const AccessClaimsSchema = z.object({
  sub: z.string().min(1),
  /** The session (refresh-token family) the token belongs to. */
  sid: z.string().min(1),
  /** The user's session version when the session began. */
  sv: z.number().int(),
  jti: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
});
export type AccessClaims = z.infer<typeof AccessClaimsSchema>;

export function signAccessToken(
  secret: Buffer,
  claims: { userId: string; sessionId: string; sessionVersion: number },
  now: Date,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const token = jwt.sign({ sid: claims.sessionId, sv: claims.sessionVersion, iat }, secret, {
    algorithm: ACCESS_TOKEN.algorithm,
    issuer: ACCESS_TOKEN.issuer,
    audience: ACCESS_TOKEN.audience,
    subject: claims.userId,
    jwtid: randomUUID(),
    expiresIn: ACCESS_TOKEN.lifetimeSeconds,
  });
  return { token, expiresAt: new Date((iat + ACCESS_TOKEN.lifetimeSeconds) * 1000) };
}

/** What the step between password and second factor may be used for. */
export type ChallengePurpose = 'mfa' | 'enrol';

const CHALLENGE = {
  algorithm: 'HS256',
  issuer: 'haven',
  audience: 'haven:staff-challenge',
  lifetimeSeconds: 5 * 60,
} as const;

const ChallengeClaimsSchema = z.object({
  sub: z.string().min(1),
  sv: z.number().int(),
  purpose: z.enum(['mfa', 'enrol']),
});

/** One answer for every challenge that does not carry on: expired, forged, for another step. */
export const challengeExpired = () =>
  new UnauthorizedError('This sign-in has expired or is not valid. Start again.');

/**
 * The proof that a password was right, for the second step only: short-lived, signed under its
 * own secret and audience, so it is never an access token.
 */
export function signChallenge(
  secret: Buffer,
  claims: { userId: string; sessionVersion: number; purpose: ChallengePurpose },
  now: Date,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const token = jwt.sign({ sv: claims.sessionVersion, purpose: claims.purpose, iat }, secret, {
    algorithm: CHALLENGE.algorithm,
    issuer: CHALLENGE.issuer,
    audience: CHALLENGE.audience,
    subject: claims.userId,
    jwtid: randomUUID(),
    expiresIn: CHALLENGE.lifetimeSeconds,
  });
  return { token, expiresAt: new Date((iat + CHALLENGE.lifetimeSeconds) * 1000) };
}

export function verifyChallenge(
  secret: Buffer,
  token: string,
  purpose: ChallengePurpose,
  now: Date,
): { userId: string; sessionVersion: number } {
  try {
    const claims = ChallengeClaimsSchema.parse(
      jwt.verify(token, secret, {
        algorithms: [CHALLENGE.algorithm],
        issuer: CHALLENGE.issuer,
        audience: CHALLENGE.audience,
        clockTimestamp: Math.floor(now.getTime() / 1000),
      }),
    );
    if (claims.purpose === purpose) return { userId: claims.sub, sessionVersion: claims.sv };
  } catch {
    // fall through: every bad challenge gets the same answer
  }
  throw challengeExpired();
}

/**
 * Refresh tokens: `<session id>.<256 random bits>`; storage keeps only an HMAC of the whole token
 * under the server's `refreshToken` secret.
 */
export function newRefreshToken(sessionId: string): string {
  return `${sessionId}.${randomBytes(32).toString('base64url')}`;
}

export function sessionIdOfRefreshToken(token: string): string | null {
  const match = /^([0-9a-f-]{36})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return match ? match[1]! : null;
}

export function hashRefreshToken(token: string, key: Buffer): string {
  return createHmac('sha256', key).update(token).digest('hex');
}
