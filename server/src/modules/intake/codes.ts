import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives; when
 * reading one back, I and L count as 1 and O as 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

function groups(code: string, size: number): string {
  return code.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-');
}

/** 25 symbols of 5 bits: 125 bits, above the 112 that OWASP ASVS asks of a lookup secret. */
export const RECEIPT_SYMBOLS = 25;

/** A new receipt, five groups of five for reading aloud: `7Q2K9-DXM4P-…`. */
export function newReceipt(): string {
  return groups(base32(randomBytes(16), RECEIPT_SYMBOLS), 5);
}

/**
 * The receipt of a submission made with an idempotency key: derived from the key with a server
 * secret, so a retry gets the same receipt although Haven keeps no copy of it, not even sealed.
 * (The key itself is stored only as a keyed hash, so the receipt cannot be derived from the
 * database either.)
 */
export function receiptForIdempotencyKey(idempotencyKey: string, derivationKey: Buffer): string {
  const bytes = createHmac('sha256', derivationKey).update(`receipt\0${idempotencyKey}`).digest();
  return groups(base32(bytes, RECEIPT_SYMBOLS), 5);
}

/** A receipt as typed by a person, canonicalised; `null` if it cannot be one. */
export function normaliseReceipt(input: string): string | null {
  const symbols = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (symbols.length !== RECEIPT_SYMBOLS) return null;
  for (const symbol of symbols) if (!ALPHABET.includes(symbol)) return null;
  return groups(symbols, 5);
}

/** What storage keeps of a receipt (or an idempotency key): a keyed hash, hex. */
export function keyedHash(value: string, key: Buffer): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A case reference as staff type it, in any case: `hv-7q2k-9d`. */
export const REFERENCE_PATTERN = /^HV-[0-9A-Z]{4}-[0-9A-Z]{2}$/i;

/** A short human reference for a case, `HV-7Q2K-9D` (30 bits; uniqueness is checked on insert). */
export function newReference(): string {
  const code = base32(randomBytes(4), 6);
  return `HV-${code.slice(0, 4)}-${code.slice(4)}`;
}
