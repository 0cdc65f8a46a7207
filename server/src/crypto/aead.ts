import { createCipheriv, createDecipheriv } from 'node:crypto';

/** AES-256-GCM, the one cipher Haven seals with (DESIGN §3.4). */
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** Encrypts and returns ciphertext followed by the 16-byte tag. */
export function encrypt(key: Buffer, nonce: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const last = cipher.final();
  return Buffer.concat([body, last, cipher.getAuthTag()]);
}

/**
 * Decrypts ciphertext-with-tag, or returns `null` when it does not authenticate (wrong key,
 * wrong AAD, altered bytes): no plaintext is released before the tag is checked.
 */
export function decrypt(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const body = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([body, decipher.final()]);
  } catch {
    return null;
  }
}
