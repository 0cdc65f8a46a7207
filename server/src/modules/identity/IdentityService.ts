import { randomUUID } from 'node:crypto';
import {
  permissionsOf,
  UsernameSchema,
  type Enrolment,
  type LoginChallenge,
  type Me,
  type Role,
  type SetupRequest,
} from '@haven/shared';
import type { KeyRing } from '../../crypto/KeyRing';
import type { Secrets } from '../../crypto/secrets';
import {
  ConflictError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  VersionConflictError,
} from '../../errors';
import { parseRequest } from '../../http/validate';
import type { AuditDraft, Storage, UserPatch, UserRecord } from '../../storage';
import { claimSetupToken, completeSetup, releaseSetupClaim } from '../setup/setupToken';
import type { LoginThrottle } from './loginThrottle';
import { checkNewPassword, type PasswordHasher } from './passwords';
import { findRecoveryCode, hashRecoveryCode, newRecoveryCodes } from './recoveryCodes';
import type { IssuedSession, SessionService, StaffPrincipal } from './SessionService';
import { challengeExpired, signChallenge, verifyChallenge } from './tokens';
import { matchTotp, newTotpSecret, otpauthUri, qrSvg, svgDataUrl } from './totp';
import { newUserBody, normaliseUsername, toJson, userBody, type UserBody } from './userBody';

export interface IdentityDependencies {
  storage: Storage;
  keyRing: KeyRing;
  secrets: Pick<Secrets, 'mfaChallenge' | 'recoveryCode'>;
  sessions: SessionService;
  passwords: PasswordHasher;
  throttle: LoginThrottle;
  now?: () => Date;
}

export interface NewStaffUser {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  /** The user must choose a new password at the first sign-in (an administrator chose it). */
  mustChangePassword: boolean;
  /** Set up the second factor now and answer its secret (the command line), rather than at the first sign-in. */
  enrolTotp: boolean;
}

export interface CreatedStaffUser {
  user: UserRecord;
  totp: { secret: string; otpauthUri: string; recoveryCodes: string[] } | null;
}

/** A change to one account, decided on its current state; `null` when there is none to make. */
type AccountChange = (
  record: UserRecord,
  body: UserBody,
) => Promise<{ patch: UserPatch; audit: AuditDraft } | null>;

/** The one answer to a wrong username or password, whichever it was. */
const signInRefused = () =>
  new UnauthorizedError('The username or password is not right, or the account cannot sign in.');

/**
 * Staff identity: passwords (argon2id), the second factor (TOTP, recovery codes), the sign-in
 * steps and the user's own account. Knows nothing of HTTP, cookies or passport: the strategies
 * and routes call it with plain values, and so do the command line and the tests.
 */
export class IdentityService {
  private readonly now: () => Date;

  constructor(private readonly deps: IdentityDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  // -------------------------------------------------------------------------------------------
  // Signing in

  /**
   * The first factor. Every refusal takes the same work (argon2 against a dummy hash for an
   * unknown name), counts against the name's throttle and gives the same answer: `null`.
   */
  async verifyPassword(usernameInput: string, password: string): Promise<UserRecord | null> {
    const username = normaliseUsername(usernameInput);
    const now = this.now();
    await this.deps.throttle.check(username, now);
    const user = await this.deps.storage.users.getByUsername(username);
    const hash = user ? userBody(user).passwordHash : '';
    const right = hash
      ? await this.deps.passwords.verify(hash, password)
      : await this.deps.passwords.verifyNothing(password);
    if (right && user && !user.disabled) return user;
    // Counted from the answer, so the next attempt's wait does not shrink by the hashing time.
    await this.deps.throttle.fail(username, this.now(), {
      action: 'auth.password_refused',
      actorId: null,
      ...(user ? { subject: { type: 'user', id: user.id } } : {}),
    });
    return null;
  }

  /** The uniform refusal, for routes whose strategy answered no user. */
  signInRefused(): UnauthorizedError {
    return signInRefused();
  }

  /** The challenge for the second step, once the password was right. Never an access token. */
  challengeFor(user: UserRecord): LoginChallenge {
    const body = userBody(user);
    const enrolmentRequired = body.totp === null;
    const challenge = signChallenge(
      this.deps.secrets.mfaChallenge,
      {
        userId: user.id,
        sessionVersion: body.sessionVersion,
        purpose: enrolmentRequired ? 'enrol' : 'mfa',
      },
      this.now(),
    );
    return {
      challenge: challenge.token,
      expiresAt: challenge.expiresAt.toISOString(),
      enrolmentRequired,
      passwordChangeRequired: body.mustChangePassword,
    };
  }

  /** The second factor: a TOTP code (each usable once) or an unused recovery code. */
  async completeSignIn(challenge: string, codeInput: string): Promise<IssuedSession> {
    const now = this.now();
    const user = await this.challengedUser(challenge, 'mfa', now);
    await this.deps.throttle.check(user.username, now);
    const code = codeInput.trim();
    let method = 'totp';
    const passed = await this.changeAccount(user.id, async (record, body) => {
      if (!body.totp) return null;
      const secret = await this.openTotpSecret(record.id, body.totp.sealedSecret);
      const step = matchTotp(secret, code, now, body.totp.lastUsedStep);
      if (step !== null) {
        method = 'totp';
        return this.signedInChange(
          record,
          { ...body, totp: { ...body.totp, lastUsedStep: step } },
          {
            method,
          },
        );
      }
      const index = findRecoveryCode(code, body.recoveryCodes, this.deps.secrets.recoveryCode);
      if (index < 0) return null;
      method = 'recovery_code';
      const recoveryCodes = body.recoveryCodes.filter((_, position) => position !== index);
      return this.signedInChange(
        record,
        { ...body, recoveryCodes },
        { method, recoveryCodesLeft: recoveryCodes.length },
      );
    });
    if (!passed) {
      await this.secondFactorFailed(user, now);
      throw new UnauthorizedError(
        'That code is not right. Enter the current code of your authenticator app, or a recovery code.',
      );
    }
    await this.deps.throttle.succeed(user.username);
    return this.deps.sessions.start(passed, method);
  }

  /** Enrolment, first step: a new secret, kept pending until a code shows it was set up. */
  async startEnrolment(challenge: string): Promise<Enrolment> {
    const now = this.now();
    const user = await this.challengedUser(challenge, 'enrol', now);
    const secret = newTotpSecret();
    await this.changeAccount(user.id, async (record, body) => {
      if (body.totp) throw alreadyEnrolled();
      return {
        patch: {
          body: toJson({
            ...body,
            pendingTotp: {
              sealedSecret: this.sealTotpSecret(record.id, secret),
              createdAt: now.toISOString(),
            },
          }),
        },
        audit: {
          action: 'auth.mfa_enrolment_started',
          actorId: record.id,
          subject: { type: 'user', id: record.id },
        },
      };
    });
    const uri = otpauthUri(secret, user.username);
    const svg = await qrSvg(uri);
    return { secret, otpauthUri: uri, qrSvg: svg, qrDataUrl: svgDataUrl(svg) };
  }

  /**
   * Enrolment, second step: a valid code activates the pending secret, the recovery codes are
   * made (answered once) and the user is signed in.
   */
  async activateEnrolment(
    challenge: string,
    code: string,
  ): Promise<{ session: IssuedSession; recoveryCodes: string[] }> {
    const now = this.now();
    const user = await this.challengedUser(challenge, 'enrol', now);
    await this.deps.throttle.check(user.username, now);
    const recoveryCodes = newRecoveryCodes();
    const activated = await this.changeAccount(user.id, async (record, body) => {
      if (body.totp) throw alreadyEnrolled();
      if (!body.pendingTotp) {
        throw new ConflictError(
          'Start the enrolment first (POST /auth/mfa/enrol).',
          'mfa_enrolment_not_started',
        );
      }
      const secret = await this.openTotpSecret(record.id, body.pendingTotp.sealedSecret);
      const step = matchTotp(secret, code.trim(), now, -1);
      if (step === null) return null;
      return this.signedInChange(
        record,
        {
          ...body,
          totp: {
            sealedSecret: body.pendingTotp.sealedSecret,
            enabledAt: now.toISOString(),
            lastUsedStep: step,
          },
          pendingTotp: null,
          recoveryCodes: recoveryCodes.map((one) =>
            hashRecoveryCode(one, this.deps.secrets.recoveryCode),
          ),
        },
        { method: 'totp_enrolment' },
        'auth.mfa_enrolled',
      );
    });
    if (!activated) {
      await this.secondFactorFailed(user, now);
      throw new UnauthorizedError(
        'That code is not right. Check that the time on your device is right and enter the current code.',
      );
    }
    await this.deps.throttle.succeed(user.username);
    return {
      session: await this.deps.sessions.start(activated, 'totp_enrolment'),
      recoveryCodes,
    };
  }

  // -------------------------------------------------------------------------------------------
  // The user's own account

  async me(principal: StaffPrincipal): Promise<Me> {
    const user = await this.deps.storage.users.get(principal.userId);
    const body = user ? userBody(user) : null;
    return {
      id: principal.userId,
      username: principal.username,
      displayName: user?.displayName ?? principal.displayName,
      roles: principal.roles,
      permissions: permissionsOf(principal.roles),
      passwordChangeRequired: principal.passwordChangeRequired,
      recoveryCodesLeft: body?.recoveryCodes.length ?? 0,
      session: {
        expiresAt: principal.sessionExpiresAt.toISOString(),
        idleExpiresAt: principal.idleExpiresAt.toISOString(),
      },
    };
  }

  async updateProfile(principal: StaffPrincipal, change: { displayName: string }): Promise<Me> {
    await this.changeAccount(principal.userId, async (record) =>
      record.displayName === change.displayName
        ? null
        : {
            patch: { displayName: change.displayName },
            audit: {
              action: 'user.profile_changed',
              actorId: record.id,
              subject: { type: 'user', id: record.id },
              details: { changed: ['displayName'] },
            },
          },
    );
    return this.me(principal);
  }

  /**
   * A new password, given the current one. Every session of the user ends (the version moves
   * on); the caller gets a new one, so only the other sessions are signed out.
   */
  async changePassword(
    principal: StaffPrincipal,
    currentPassword: string,
    newPassword: string,
  ): Promise<IssuedSession> {
    const user = await this.reauthenticate(principal, currentPassword, 'currentPassword');
    checkNewPassword(newPassword, { username: user.username, field: 'newPassword' });
    if (await this.deps.passwords.verify(userBody(user).passwordHash, newPassword)) {
      throw new ValidationError('newPassword: choose a password other than the current one', [
        { path: 'newPassword', message: 'same as the current password' },
      ]);
    }
    const passwordHash = await this.deps.passwords.hash(newPassword);
    const changed = await this.changeAccount(user.id, async (record, body) => ({
      patch: {
        body: toJson({
          ...body,
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: this.now().toISOString(),
          sessionVersion: body.sessionVersion + 1,
        }),
      },
      audit: {
        action: 'user.password_changed',
        actorId: record.id,
        subject: { type: 'user', id: record.id },
      },
    }));
    await this.deps.sessions.endAllFor(user.id, 'password_changed');
    return this.deps.sessions.start(changed!, 'password_change');
  }

  /** A new set of recovery codes, given the password; the old set stops working. */
  async renewRecoveryCodes(principal: StaffPrincipal, password: string): Promise<string[]> {
    await this.reauthenticate(principal, password, 'password');
    const codes = newRecoveryCodes();
    await this.changeAccount(principal.userId, async (record, body) => ({
      patch: {
        body: toJson({
          ...body,
          recoveryCodes: codes.map((code) =>
            hashRecoveryCode(code, this.deps.secrets.recoveryCode),
          ),
        }),
      },
      audit: {
        action: 'auth.recovery_codes_renewed',
        actorId: record.id,
        subject: { type: 'user', id: record.id },
        details: { count: codes.length },
      },
    }));
    return codes;
  }

  // -------------------------------------------------------------------------------------------
  // Accounts (the first admin, administrators, the command line)

  /**
   * The first admin, with the one-time setup token, while no admin exists. The second factor is
   * enrolled at the first sign-in. The token is deleted once the admin exists.
   */
  async setUpFirstAdmin(request: SetupRequest): Promise<UserRecord> {
    await claimSetupToken(this.deps.storage, request.token, this.now());
    try {
      const { user } = await this.createUser(
        {
          username: request.username,
          displayName: request.displayName,
          roles: ['admin'],
          password: request.password,
          mustChangePassword: false,
          enrolTotp: false,
        },
        { actorId: null, via: 'setup' },
      );
      await completeSetup(this.deps.storage, user.id);
      return user;
    } catch (error) {
      await releaseSetupClaim(this.deps.storage);
      throw error;
    }
  }

  async createUser(
    input: NewStaffUser,
    by: { actorId: string | null; via: 'setup' | 'admin' | 'cli' },
  ): Promise<CreatedStaffUser> {
    const username = normaliseUsername(parseRequest(UsernameSchema, input.username, 'username'));
    checkNewPassword(input.password, { username, field: 'password' });
    const id = randomUUID();
    const now = this.now();
    const body = newUserBody(
      await this.deps.passwords.hash(input.password),
      input.mustChangePassword,
    );
    let totp: CreatedStaffUser['totp'] = null;
    if (input.enrolTotp) {
      const secret = newTotpSecret();
      const recoveryCodes = newRecoveryCodes();
      body.totp = {
        sealedSecret: this.sealTotpSecret(id, secret),
        enabledAt: now.toISOString(),
        lastUsedStep: -1,
      };
      body.recoveryCodes = recoveryCodes.map((code) =>
        hashRecoveryCode(code, this.deps.secrets.recoveryCode),
      );
      totp = { secret, otpauthUri: otpauthUri(secret, username), recoveryCodes };
    }
    try {
      const user = await this.deps.storage.users.insert(
        {
          id,
          username,
          displayName: input.displayName,
          roles: [...new Set(input.roles)],
          disabled: false,
          createdAt: now,
          body: toJson(body),
        },
        {
          action: 'user.created',
          actorId: by.actorId,
          subject: { type: 'user', id },
          details: { roles: [...new Set(input.roles)], via: by.via },
        },
      );
      return { user, totp };
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'duplicate') {
        throw new ConflictError('That username is taken.', 'username_taken');
      }
      throw error;
    }
  }

  /** Housekeeping: deletes ended sessions and failed-attempt counts older than their window. */
  async purgeStale(): Promise<void> {
    await this.deps.sessions.purge();
    await this.deps.throttle.purge(this.now());
  }

  hashPassword(password: string): Promise<string> {
    return this.deps.passwords.hash(password);
  }

  /**
   * Applies a change decided on the account's current state, retrying on a concurrent change.
   * Answers the changed record, or `null` when `change` found nothing to do.
   */
  async changeAccount(userId: string, change: AccountChange): Promise<UserRecord | null> {
    for (let attempt = 1; ; attempt += 1) {
      const record = await this.deps.storage.users.get(userId);
      if (!record) throw new NotFoundError('There is no such user.');
      const decided = await change(record, userBody(record));
      if (!decided) return null;
      try {
        return await this.deps.storage.users.update(
          userId,
          record.version,
          decided.patch,
          decided.audit,
        );
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= 5) throw error;
      }
    }
  }

  // -------------------------------------------------------------------------------------------

  /** The user a challenge was issued to, if their account still stands as it did then. */
  private async challengedUser(
    challenge: string,
    purpose: 'mfa' | 'enrol',
    now: Date,
  ): Promise<UserRecord> {
    const claims = verifyChallenge(this.deps.secrets.mfaChallenge, challenge, purpose, now);
    const user = await this.deps.storage.users.get(claims.userId);
    if (!user || user.disabled || userBody(user).sessionVersion !== claims.sessionVersion) {
      throw challengeExpired();
    }
    return user;
  }

  /** The password again, for a step-up; a wrong one counts against the account's throttle. */
  private async reauthenticate(
    principal: StaffPrincipal,
    password: string,
    field: string,
  ): Promise<UserRecord> {
    const now = this.now();
    const user = await this.deps.storage.users.get(principal.userId);
    if (!user) throw challengeExpired();
    await this.deps.throttle.check(user.username, now);
    if (await this.deps.passwords.verify(userBody(user).passwordHash, password)) return user;
    await this.deps.throttle.fail(user.username, this.now(), {
      action: 'auth.password_refused',
      actorId: user.id,
      subject: { type: 'user', id: user.id },
    });
    throw new ValidationError(`${field}: not the right password`, [
      { path: field, message: 'not the right password' },
    ]);
  }

  private async secondFactorFailed(user: UserRecord, now: Date): Promise<void> {
    await this.deps.throttle.fail(user.username, now, {
      action: 'auth.second_factor_refused',
      actorId: null,
      subject: { type: 'user', id: user.id },
    });
  }

  private signedInChange(
    record: UserRecord,
    body: UserBody,
    details: Record<string, string | number>,
    action = 'auth.second_factor_passed',
  ): { patch: UserPatch; audit: AuditDraft } {
    return {
      patch: { body: toJson({ ...body, lastLoginAt: this.now().toISOString() }) },
      audit: { action, actorId: record.id, subject: { type: 'user', id: record.id }, details },
    };
  }

  private sealTotpSecret(userId: string, secret: string): string {
    return this.deps.keyRing.seal(secret, `user:${userId}:totp`);
  }

  private async openTotpSecret(userId: string, sealed: string): Promise<string> {
    return (await this.deps.keyRing.open(sealed, `user:${userId}:totp`)).toString('utf8');
  }
}

const alreadyEnrolled = () =>
  new ConflictError('A second factor is set up already.', 'mfa_already_enrolled');
