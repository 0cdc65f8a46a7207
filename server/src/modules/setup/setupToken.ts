import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ConflictError, UnauthorizedError } from '../../errors';
import type { Storage } from '../../storage';

/** Settings key of the current one-time setup token's hash and expiry. */
export const SETUP_TOKEN_SETTING = 'setup.token';
/** Set while one request uses the token, so two cannot both create a first admin. */
export const SETUP_CLAIM_SETTING = 'setup.claim';

const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * While no admin exists, anyone holding the setup token may create the first one. A new token
 * replaces the previous; only its SHA-256 is stored (it carries 256 random bits, so a plain hash
 * cannot be searched). Answers `null` once an admin exists.
 */
export async function issueSetupToken(storage: Storage, now = new Date()): Promise<string | null> {
  if ((await storage.users.countWithRole('admin')) > 0) return null;
  const token = randomBytes(32).toString('base64url');
  // A claim left by a setup that crashed half-way must not block the new token.
  await storage.settings.delete(SETUP_CLAIM_SETTING);
  await storage.settings.put(
    SETUP_TOKEN_SETTING,
    {
      sha256: sha256(token),
      expiresAt: new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS).toISOString(),
    },
    { action: 'setup.token_issued', actorId: null },
  );
  return token;
}

/** The token travels in the fragment, which browsers never send to a server or a log. */
export function setupUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/console/setup#token=${token}`;
}

const StoredTokenSchema = z.object({ sha256: z.string(), expiresAt: z.string() });

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Checks the token (constant-time comparison of its SHA-256, not expired) while no admin exists,
 * and claims it for this request: a second request with the same token is refused until
 * `completeSetup` or `releaseSetupClaim`.
 */
export async function claimSetupToken(storage: Storage, token: string, now: Date): Promise<void> {
  if ((await storage.users.countWithRole('admin')) > 0) {
    throw new ConflictError(
      'Haven is set up already: an admin exists. Ask an admin for an account.',
      'setup_complete',
    );
  }
  const stored = StoredTokenSchema.safeParse(await storage.settings.get(SETUP_TOKEN_SETTING));
  const presented = Buffer.from(sha256(token));
  const valid =
    stored.success &&
    Buffer.byteLength(stored.data.sha256) === presented.length &&
    timingSafeEqual(Buffer.from(stored.data.sha256), presented) &&
    Date.parse(stored.data.expiresAt) > now.getTime();
  if (!valid) {
    throw new UnauthorizedError(
      'This setup link is not valid or has expired. Run `haven setup-token` for a new one.',
    );
  }
  if (!(await storage.settings.putIfAbsent(SETUP_CLAIM_SETTING, stored.data.sha256))) {
    throw new ConflictError('The first admin is being created by another request.', 'setup_busy');
  }
}

/** The first admin exists: the token is deleted (audited) and the claim released. */
export async function completeSetup(storage: Storage, adminId: string): Promise<void> {
  await storage.settings.delete(SETUP_TOKEN_SETTING, {
    action: 'setup.completed',
    actorId: adminId,
    subject: { type: 'user', id: adminId },
  });
  await releaseSetupClaim(storage);
}

export async function releaseSetupClaim(storage: Storage): Promise<void> {
  await storage.settings.delete(SETUP_CLAIM_SETTING);
}
