import { randomBytes } from 'node:crypto';
import type { SettingsStore } from '../storage/types';
import type { KeyRing } from './KeyRing';

/** The server's keys for keyed hashes and signatures, one per purpose so none is reused. */
export const SECRET_PURPOSES = [
  /** HMAC of receipts, as stored. */
  'receipt',
  /** HMAC of idempotency keys, as stored. */
  'idempotency',
  /** Derives the receipt of a submission from its idempotency key. */
  'receiptDerivation',
  /** HMAC of the values behind redaction placeholders. */
  'redaction',
  /** Signs reporter sessions. */
  'reporterSession',
  /** Signs proof-of-work challenges. */
  'proofOfWork',
  /** Signs staff access tokens (HS256). */
  'accessToken',
  /** Signs the short-lived challenge between a staff password and its second factor. */
  'mfaChallenge',
  /** HMAC of staff refresh tokens, as stored. */
  'refreshToken',
  /** HMAC of staff recovery codes, as stored. */
  'recoveryCode',
  /** HMAC of usernames, keying failed sign-in counts whether or not the account exists. */
  'loginAttempt',
  /** HMAC of canonical URLs, handles and file digests: the blind indexes that find duplicates. */
  'blindIndex',
] as const;
export type SecretPurpose = (typeof SECRET_PURPOSES)[number];
export type Secrets = Record<SecretPurpose, Buffer>;

/**
 * Loads the secrets, creating any that is missing. Each is 32 random bytes, stored sealed under
 * the key ring, so rotating the master key (which re-wraps the data keys) keeps them readable;
 * deriving them from the master key would orphan every stored hash at rotation. Creation is
 * insert-if-absent, so instances starting together agree on one value.
 */
export async function loadSecrets(settings: SettingsStore, keyRing: KeyRing): Promise<Secrets> {
  const entries = await Promise.all(
    SECRET_PURPOSES.map(async (purpose) => {
      const key = `crypto.secret.${purpose}`;
      const aad = `secret:${purpose}`;
      await settings.putIfAbsent(key, keyRing.seal(randomBytes(32), aad), {
        action: 'crypto.secret_created',
        actorId: null,
        details: { purpose },
      });
      const sealed = await settings.get(key);
      return [purpose, await keyRing.open(String(sealed), aad)] as const;
    }),
  );
  return Object.fromEntries(entries) as Secrets;
}
