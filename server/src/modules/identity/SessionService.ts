import { randomUUID } from 'node:crypto';
import { SESSION_POLICY, type Role } from '@haven/shared';
import { UnauthorizedError } from '../../errors';
import type { SessionRecord, Storage, UserRecord } from '../../storage';
import {
  hashRefreshToken,
  newRefreshToken,
  sessionIdOfRefreshToken,
  signAccessToken,
  type AccessClaims,
} from './tokens';
import { knownRoles, userBody } from './userBody';

const MINUTE_MS = 60_000;
export const SESSION_ABSOLUTE_MS = SESSION_POLICY.absoluteHours * 60 * MINUTE_MS;
export const SESSION_IDLE_MS = SESSION_POLICY.idleMinutes * MINUTE_MS;
/** Authenticated requests mark a session used at most this often (a write each time). */
const TOUCH_INTERVAL_MS = MINUTE_MS;

/** A session as a client holds it: what `POST /auth/mfa` and `/auth/refresh` answer. */
export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  sessionExpiresAt: Date;
}

/** The signed-in staff member a request acts for, as the guards hand it to routes. */
export interface StaffPrincipal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  sessionId: string;
  sessionExpiresAt: Date;
  idleExpiresAt: Date;
  passwordChangeRequired: boolean;
}

export interface SessionDependencies {
  storage: Storage;
  secrets: { accessToken: Buffer; refreshToken: Buffer };
  now?: () => Date;
}

/** One answer for every session that does not carry on, whatever the reason. */
const sessionEnded = () =>
  new UnauthorizedError('Your session has ended or the token is not valid. Sign in again.');

/**
 * Staff sessions: a refresh-token family per sign-in, rotated on every use, with reuse detection
 * that ends the family; short access tokens that name their session. A session ends after 12
 * hours, after 30 minutes without use, at logout, or when the user's session version moves on.
 */
export class SessionService {
  private readonly now: () => Date;

  constructor(private readonly deps: SessionDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Opens a session for a user who has passed both factors (or a test factory). */
  async start(user: UserRecord, method: string): Promise<IssuedSession> {
    const now = this.now();
    const id = randomUUID();
    const refreshToken = newRefreshToken(id);
    const session = await this.deps.storage.sessions.create(
      {
        id,
        userId: user.id,
        userSessionVersion: userBody(user).sessionVersion,
        tokenHash: hashRefreshToken(refreshToken, this.deps.secrets.refreshToken),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      },
      {
        action: 'auth.login',
        actorId: user.id,
        subject: { type: 'user', id: user.id },
        details: { session: id, method },
      },
    );
    return this.issue(session, refreshToken, now);
  }

  /**
   * Trades a refresh token for a new one and a new access token. A token that is not the
   * family's current one has been used before (or stolen and used by someone else first): the
   * whole family ends, so neither party can go on.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const now = this.now();
    const sessionId = sessionIdOfRefreshToken(refreshToken);
    const session = sessionId ? await this.deps.storage.sessions.get(sessionId) : null;
    if (!session || !(await this.isLive(session, now))) throw sessionEnded();
    const presented = hashRefreshToken(refreshToken, this.deps.secrets.refreshToken);
    const next = newRefreshToken(session.id);
    const rotated =
      presented === session.tokenHash
        ? await this.deps.storage.sessions.rotate(
            session.id,
            presented,
            hashRefreshToken(next, this.deps.secrets.refreshToken),
            now,
          )
        : null;
    if (!rotated) {
      await this.deps.storage.sessions.revoke(session.id, 'reuse', now, {
        action: 'auth.refresh_token_reused',
        actorId: null,
        subject: { type: 'user', id: session.userId },
        details: { session: session.id, generation: session.generation },
      });
      throw sessionEnded();
    }
    return this.issue(rotated, next, now);
  }

  /** The principal of a verified access token, if its user and session still stand. */
  async authenticate(claims: AccessClaims): Promise<StaffPrincipal | null> {
    const now = this.now();
    const [session, user] = await Promise.all([
      this.deps.storage.sessions.get(claims.sid),
      this.deps.storage.users.get(claims.sub),
    ]);
    if (!session || !user || session.userId !== user.id) return null;
    if (claims.sv !== session.userSessionVersion) return null;
    if (!(await this.isLive(session, now, user))) return null;
    if (now.getTime() - session.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.deps.storage.sessions.touch(session.id, now);
    }
    const lastUsed = Math.max(session.lastUsedAt.getTime(), now.getTime());
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: knownRoles(user.roles),
      sessionId: session.id,
      sessionExpiresAt: session.expiresAt,
      idleExpiresAt: new Date(Math.min(lastUsed + SESSION_IDLE_MS, session.expiresAt.getTime())),
      passwordChangeRequired: userBody(user).mustChangePassword,
    };
  }

  /**
   * Ends the session a refresh token names (logout), even for an outdated token: whoever holds
   * one of its tokens may end the family, never continue it.
   */
  async endByRefreshToken(refreshToken: string): Promise<void> {
    const sessionId = sessionIdOfRefreshToken(refreshToken);
    const session = sessionId ? await this.deps.storage.sessions.get(sessionId) : null;
    if (session) await this.end(session.id, session.userId);
  }

  /** Ends one session of `userId` (logout). */
  async end(sessionId: string, userId: string): Promise<void> {
    await this.deps.storage.sessions.revoke(sessionId, 'logout', this.now(), {
      action: 'auth.logout',
      actorId: userId,
      subject: { type: 'user', id: userId },
      details: { session: sessionId },
    });
  }

  /**
   * Ends every session of a user, after a change that bumped their session version (which
   * already refuses them); this makes it visible in storage at once.
   */
  async endAllFor(userId: string, reason: string): Promise<number> {
    return this.deps.storage.sessions.revokeAllForUser(userId, reason, this.now());
  }

  /** Deletes sessions that ended more than a day ago. */
  purge(): Promise<number> {
    return this.deps.storage.sessions.purgeEnded(new Date(this.now().getTime() - 24 * 3_600_000));
  }

  private async isLive(session: SessionRecord, now: Date, user?: UserRecord): Promise<boolean> {
    if (session.revokedAt) return false;
    if (session.expiresAt.getTime() <= now.getTime()) return false;
    if (session.lastUsedAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return false;
    const owner = user ?? (await this.deps.storage.users.get(session.userId));
    return (
      !!owner && !owner.disabled && userBody(owner).sessionVersion === session.userSessionVersion
    );
  }

  private issue(session: SessionRecord, refreshToken: string, now: Date): IssuedSession {
    const access = signAccessToken(
      this.deps.secrets.accessToken,
      {
        userId: session.userId,
        sessionId: session.id,
        sessionVersion: session.userSessionVersion,
      },
      now,
    );
    return {
      sessionId: session.id,
      accessToken: access.token,
      // An access token never outlives its session.
      accessTokenExpiresAt: new Date(
        Math.min(access.expiresAt.getTime(), session.expiresAt.getTime()),
      ),
      refreshToken,
      sessionExpiresAt: session.expiresAt,
    };
  }
}
