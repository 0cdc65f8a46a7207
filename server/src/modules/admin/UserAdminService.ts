import { randomInt } from 'node:crypto';
import type { CreateUserRequest, Role, StaffUser, UpdateUserRequest } from '@haven/shared';
import { ConflictError, NotFoundError, VersionConflictError } from '../../errors';
import type { AuditDraft, JsonObject, Storage, UserPatch, UserRecord } from '../../storage';
import type { IdentityService } from '../identity/IdentityService';
import type { SessionService } from '../identity/SessionService';
import {
  knownRoles,
  normaliseUsername,
  toJson,
  userBody,
  type UserBody,
} from '../identity/userBody';

export interface UserAdminDependencies {
  storage: Storage;
  identity: IdentityService;
  sessions: SessionService;
}

/** Who acts: an administrator's id, or `null` for the command line run by the operator. */
export type Actor = { id: string | null; via: 'admin' | 'cli' };

/**
 * Staff account administration, for the admin API and the `haven users` command alike: list,
 * create, change roles or the display name, disable, reset a second factor or a password, force
 * a password change. Every change is audited (ids and role names, never personal data), and any
 * change to what a user may do ends every session of that user at once. The last enabled admin
 * cannot be demoted or disabled.
 */
export class UserAdminService {
  constructor(private readonly deps: UserAdminDependencies) {}

  async list(query: { limit: number; cursor?: string }): Promise<{
    items: StaffUser[];
    nextCursor: string | null;
  }> {
    const page = await this.deps.storage.users.list(query);
    return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<StaffUser> {
    return presentUser(await this.load(id));
  }

  async findByUsername(username: string): Promise<UserRecord> {
    const user = await this.deps.storage.users.getByUsername(normaliseUsername(username));
    if (!user) throw new NotFoundError('There is no user with that username.');
    return user;
  }

  /** A new account with a temporary password, shown once, to be changed at the first sign-in. */
  async create(
    actor: Actor,
    request: CreateUserRequest,
  ): Promise<{ user: StaffUser; temporaryPassword: string }> {
    const temporaryPassword = newTemporaryPassword();
    const { user } = await this.deps.identity.createUser(
      { ...request, password: temporaryPassword, mustChangePassword: true, enrolTotp: false },
      { actorId: actor.id, via: actor.via },
    );
    return { user: presentUser(user), temporaryPassword };
  }

  async update(actor: Actor, id: string, request: UpdateUserRequest): Promise<StaffUser> {
    const record = await this.load(id);
    if (record.version !== request.version) throw new VersionConflictError(record.version);
    const body = userBody(record);
    const patch: UserPatch = {};
    const changed: string[] = [];
    let endsSessions = false;
    if (request.displayName !== undefined && request.displayName !== record.displayName) {
      patch.displayName = request.displayName;
      changed.push('displayName');
    }
    if (request.roles !== undefined && !sameRoles(request.roles, record.roles)) {
      patch.roles = [...request.roles];
      changed.push('roles');
      endsSessions = true;
    }
    if (request.disabled !== undefined && request.disabled !== record.disabled) {
      patch.disabled = request.disabled;
      changed.push('disabled');
      endsSessions = true;
    }
    let nextBody: UserBody = body;
    if (request.forcePasswordChange && !body.mustChangePassword) {
      nextBody = { ...nextBody, mustChangePassword: true };
      changed.push('forcePasswordChange');
      endsSessions = true;
    }
    if (!changed.length) return presentUser(record);
    await this.keepAnAdmin(record, patch);
    if (endsSessions) nextBody = { ...nextBody, sessionVersion: nextBody.sessionVersion + 1 };
    if (nextBody !== body) patch.body = toJson(nextBody);
    const details: JsonObject = { changed, via: actor.via };
    if (patch.roles) details.roles = patch.roles;
    if (patch.disabled !== undefined) details.disabled = patch.disabled;
    const updated = await this.deps.storage.users.update(id, record.version, patch, {
      action: 'user.updated',
      actorId: actor.id,
      subject: { type: 'user', id },
      details,
    });
    if (endsSessions) await this.deps.sessions.endAllFor(id, 'account_changed');
    return presentUser(updated);
  }

  async disable(actor: Actor, id: string): Promise<StaffUser> {
    const record = await this.load(id);
    return this.update(actor, id, { version: record.version, disabled: true });
  }

  /** Removes the second factor and recovery codes: the user enrols again at the next sign-in. */
  async resetSecondFactor(actor: Actor, id: string): Promise<StaffUser> {
    return this.changeCredentials(actor, id, 'user.mfa_reset', (body) => ({
      ...body,
      totp: null,
      pendingTotp: null,
      recoveryCodes: [],
    }));
  }

  /** A new temporary password, shown once; the user must replace it at the next sign-in. */
  async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.deps.identity.hashPassword(temporaryPassword);
    await this.changeCredentials(actor, id, 'user.password_reset', (body) => ({
      ...body,
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: new Date().toISOString(),
    }));
    return { temporaryPassword };
  }

  /** A change of credentials: audited, and every session of the user ends. */
  private async changeCredentials(
    actor: Actor,
    id: string,
    action: string,
    change: (body: UserBody) => UserBody,
  ): Promise<StaffUser> {
    const audit: AuditDraft = {
      action,
      actorId: actor.id,
      subject: { type: 'user', id },
      details: { via: actor.via },
    };
    const updated = await this.deps.identity.changeAccount(id, async (_record, body) => ({
      patch: { body: toJson({ ...change(body), sessionVersion: body.sessionVersion + 1 }) },
      audit,
    }));
    await this.deps.sessions.endAllFor(id, action);
    return presentUser(updated!);
  }

  /**
   * Refuses a change that would leave no enabled admin. (Two administrators demoting each other
   * at the same moment could still both pass; the command line can always create another.)
   */
  private async keepAnAdmin(record: UserRecord, patch: UserPatch): Promise<void> {
    const isActiveAdmin = !record.disabled && record.roles.includes('admin');
    if (!isActiveAdmin) return;
    const staysAdmin = (patch.roles ?? record.roles).includes('admin') && !patch.disabled;
    if (staysAdmin) return;
    if ((await this.deps.storage.users.countWithRole('admin')) <= 1) {
      throw new ConflictError(
        'This is the last enabled admin. Make someone else an admin first.',
        'last_admin',
      );
    }
  }

  private async load(id: string): Promise<UserRecord> {
    const record = await this.deps.storage.users.get(id);
    if (!record) throw new NotFoundError('There is no such user.');
    return record;
  }
}

/** The fields an administrator may see: never a credential. */
export function presentUser(record: UserRecord): StaffUser {
  const body = userBody(record);
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    roles: knownRoles(record.roles),
    disabled: record.disabled,
    mfaEnrolled: body.totp !== null,
    passwordChangeRequired: body.mustChangePassword,
    lastLoginAt: body.lastLoginAt,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}

function sameRoles(wanted: readonly Role[], current: readonly string[]): boolean {
  return wanted.length === current.length && wanted.every((role) => current.includes(role));
}

/** 20 symbols of Crockford's base32 (100 bits), in groups of five: typed once, then replaced. */
function newTemporaryPassword(): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let password = '';
  for (let index = 0; index < 20; index += 1) password += alphabet[randomInt(alphabet.length)];
  return password.match(/.{5}/g)!.join('-');
}
