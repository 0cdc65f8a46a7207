import { createHash, randomBytes } from 'node:crypto';
import type { Storage } from '../../storage';

/** Settings key of the current one-time setup token's hash and expiry. */
export const SETUP_TOKEN_SETTING = 'setup.token';

const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * While no admin exists, anyone holding the setup token may create the first one. A new token
 * replaces the previous; only its SHA-256 is stored (it carries 256 random bits, so a plain hash
 * cannot be searched). Answers `null` once an admin exists.
 */
export async function issueSetupToken(storage: Storage, now = new Date()): Promise<string | null> {
  if ((await storage.users.countWithRole('admin')) > 0) return null;
  const token = randomBytes(32).toString('base64url');
  await storage.settings.put(
    SETUP_TOKEN_SETTING,
    {
      sha256: createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS).toISOString(),
    },
    { action: 'setup.token_issued', actorId: null },
  );
  return token;
}

/** The token travels in the fragment, which browsers never send to a server or a log. */
export function setupUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/setup#token=${token}`;
}
