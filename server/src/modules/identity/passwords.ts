import argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { PASSWORD_POLICY } from '@haven/shared';
import { ValidationError } from '../../errors';
import { isCommonPassword } from './commonPasswords';

/** argon2id with OWASP's parameters: 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Unicode forms compare equal (NIST SP 800-63B asks for normalisation before hashing). */
function normalise(password: string): string {
  return password.normalize('NFKC');
}

/**
 * Hashes and checks staff passwords. Checking for an unknown account runs the same work against
 * a hash of a random password, so the answer takes as long whether or not the account exists.
 */
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(normalise(password), ARGON2_OPTIONS);
  }

  /** `false` for a wrong password and for a hash that cannot be read. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, normalise(password));
    } catch {
      return false;
    }
  }

  /** The same work as `verify`, for an account that does not exist (or has no password). */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= argon2.hash(randomUUID(), ARGON2_OPTIONS);
    await this.verify(await this.dummy, password);
    return false;
  }
}

/**
 * Refuses a new password that breaks the policy: the length rule, the list of common and
 * breached passwords, and the user's own name. No composition rules (NIST SP 800-63B).
 * Throws `ValidationError` naming `field`.
 */
export function checkNewPassword(
  password: string,
  context: { username: string; field: string },
): void {
  const length = [...normalise(password)].length;
  const refuse = (message: string) => {
    throw new ValidationError(`${context.field}: ${message}`, [{ path: context.field, message }]);
  };
  if (length < PASSWORD_POLICY.minLength) {
    refuse(`at least ${PASSWORD_POLICY.minLength} characters`);
  }
  if (length > PASSWORD_POLICY.maxLength) refuse(`at most ${PASSWORD_POLICY.maxLength} characters`);
  if (isCommonPassword(password)) {
    refuse('this password is on a list of common or breached passwords; choose another');
  }
  const folded = normalise(password).toLowerCase();
  if (context.username.length >= 3 && folded.includes(context.username.toLowerCase())) {
    refuse('a password may not contain the username');
  }
}
