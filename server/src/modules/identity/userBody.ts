import { ROLES, type Role } from '@haven/shared';
import { z } from 'zod';
import type { JsonObject, UserRecord } from '../../storage';

/** A second factor: an RFC 6238 secret, sealed (AAD `user:<id>:totp`). */
const TotpSchema = z.object({
  sealedSecret: z.string(),
  enabledAt: z.string(),
  /** The last 30-second step whose code was accepted: no code works twice. */
  lastUsedStep: z.number().int(),
});

/**
 * The part of a staff account that storage keeps opaque (`UserRecord.body`): credentials and
 * session state. Read through this schema, so an account written by an older version (or by a
 * test) gets the defaults of anything it lacks.
 */
const UserBodySchema = z.object({
  /** argon2id (PHC string); empty for an account that cannot sign in with a password. */
  passwordHash: z.string().default(''),
  /** The user must choose a new password before anything else. */
  mustChangePassword: z.boolean().default(false),
  passwordChangedAt: z.string().nullable().default(null),
  /**
   * Bumped whenever every session of the user must end at once (password, roles, disabling, a
   * second-factor reset). Sessions and access tokens carry the version they began under.
   */
  sessionVersion: z.number().int().default(1),
  totp: TotpSchema.nullable().default(null),
  /** A secret being enrolled, until a valid code activates it. */
  pendingTotp: z
    .object({ sealedSecret: z.string(), createdAt: z.string() })
    .nullable()
    .default(null),
  /** Keyed hashes of the unused recovery codes. */
  recoveryCodes: z.array(z.string()).default([]),
  lastLoginAt: z.string().nullable().default(null),
});

export type UserBody = z.infer<typeof UserBodySchema>;
export type TotpState = z.infer<typeof TotpSchema>;

export function userBody(record: Pick<UserRecord, 'body'>): UserBody {
  return UserBodySchema.parse(record.body);
}

export function toJson(body: UserBody): JsonObject {
  return body as unknown as JsonObject;
}

export function newUserBody(passwordHash: string, mustChangePassword: boolean): UserBody {
  return UserBodySchema.parse({
    passwordHash,
    mustChangePassword,
    passwordChangedAt: new Date().toISOString(),
  });
}

/** The roles of a record that Haven knows; anything else stored there grants nothing. */
export function knownRoles(roles: readonly string[]): Role[] {
  return roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
}

/** Usernames compare without regard to case or Unicode form. */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
