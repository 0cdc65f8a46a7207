import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no I, L, O or U to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

/** Ten codes of 50 random bits each, `XXXXX-XXXXX`, shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = '';
    for (let index = 0; index < LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** Upper case, without spaces or dashes; `null` when it cannot be a recovery code. */
function normalise(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return code.length === LENGTH && [...code].every((symbol) => ALPHABET.includes(symbol))
    ? code
    : null;
}

/** What storage keeps of a code: an HMAC under the server's `recoveryCode` secret, hex. */
export function hashRecoveryCode(code: string, key: Buffer): string {
  return createHmac('sha256', key)
    .update(normalise(code) ?? code)
    .digest('hex');
}

/** The position of the matching unused code in `hashes`, or -1. Compares every hash alike. */
export function findRecoveryCode(input: string, hashes: readonly string[], key: Buffer): number {
  const code = normalise(input);
  if (!code) return -1;
  const candidate = Buffer.from(hashRecoveryCode(code, key));
  let found = -1;
  hashes.forEach((hash, index) => {
    const stored = Buffer.from(hash);
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate)) found = index;
  });
  return found;
}
