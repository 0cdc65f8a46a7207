import { randomBytes } from 'node:crypto';
import { decrypt, encrypt, NONCE_BYTES } from './aead';
import type { DataKey } from './dataKey';
import { SealedDataError } from './SealedDataError';

/**
 * A small sealed value as one string: `hv1.<key id>.<nonce>.<ciphertext and tag>`, each part
 * base64url. The version and key id are bound into the AAD beside the caller's, so nothing in
 * the string can be changed, nor the value moved to another place, without opening failing.
 */
const VERSION = 'hv1';
const SHAPE = /^hv1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

export interface ParsedSealedValue {
  keyId: string;
  nonce: Buffer;
  ciphertext: Buffer;
}

export function sealValue(dataKey: DataKey, plaintext: Buffer | string, aad: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const ciphertext = encrypt(dataKey.key, nonce, bytes, boundAad(dataKey.id, aad));
  return `${VERSION}.${dataKey.id}.${nonce.toString('base64url')}.${ciphertext.toString('base64url')}`;
}

/** Reads the framing, so the caller can find the key the value names before opening it. */
export function parseSealedValue(sealed: string): ParsedSealedValue {
  const [, keyId, nonceText, ciphertextText] = SHAPE.exec(sealed) ?? [];
  const nonce = canonicalBase64url(nonceText);
  const ciphertext = canonicalBase64url(ciphertextText);
  if (!keyId || !nonce || !ciphertext) {
    throw new SealedDataError('malformed', 'This is not a sealed value Haven can read.');
  }
  return { keyId, nonce, ciphertext };
}

/** Decodes only the one spelling of the bytes, so each sealed value has exactly one string. */
function canonicalBase64url(text: string | undefined): Buffer | null {
  if (text === undefined) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

export function openValue(dataKey: DataKey, parsed: ParsedSealedValue, aad: string): Buffer {
  const plaintext =
    parsed.keyId === dataKey.id
      ? decrypt(dataKey.key, parsed.nonce, parsed.ciphertext, boundAad(parsed.keyId, aad))
      : null;
  if (!plaintext) {
    throw new SealedDataError(
      'not_authentic',
      'The sealed value does not authenticate: it was altered, or it belongs elsewhere.',
    );
  }
  return plaintext;
}

function boundAad(keyId: string, aad: string): Buffer {
  // A key id holds no '.', so the prefix ends unambiguously where the caller's AAD starts.
  return Buffer.from(`${VERSION}.${keyId}.${aad}`, 'utf8');
}
