import { keyedHash, normaliseReceipt, sameHash } from '../intake/codes';

/** Five groups of five symbols, separated by nothing, spaces or dashes. */
const RECEIPT_SHAPED = /[0-9A-Za-z]{5}(?:[\s-]*[0-9A-Za-z]{5}){4}/g;

/**
 * Whether `text` contains the receipt whose keyed hash is `receiptHash`. Haven never holds the
 * receipt itself, so every receipt-shaped run of the text is hashed and compared.
 */
export function containsReceipt(text: string, receiptHash: string, key: Buffer): boolean {
  for (const match of text.matchAll(RECEIPT_SHAPED)) {
    const candidate = normaliseReceipt(match[0]);
    if (candidate && sameHash(keyedHash(candidate, key), receiptHash)) return true;
  }
  return false;
}
