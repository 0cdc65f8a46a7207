import { randomBytes } from 'node:crypto';
import {
  keyedHash,
  newReceipt,
  newReference,
  normaliseReceipt,
  receiptForIdempotencyKey,
  RECEIPT_SYMBOLS,
} from './codes';

describe('receipts', () => {
  it('when issued, then a receipt has five groups of five Crockford symbols: 125 bits', () => {
    const receipt = newReceipt();
    expect(receipt).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(RECEIPT_SYMBOLS * 5).toBeGreaterThanOrEqual(112);
  });

  it('when many are issued, then none repeats and every symbol is used', () => {
    const receipts = Array.from({ length: 2_000 }, newReceipt);
    expect(new Set(receipts).size).toBe(receipts.length);
    expect(new Set(receipts.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('when typed back loosely, then it normalises to the issued form', () => {
    const receipt = newReceipt();
    const typed = ` ${receipt.toLowerCase().replace(/-/g, ' ')} `;
    expect(normaliseReceipt(typed)).toBe(receipt);
    expect(normaliseReceipt('ilo00-11111-11111-11111-11111')).toBe('11000-11111-11111-11111-11111');
  });

  it('when the input cannot be a receipt, then normalising gives null', () => {
    for (const input of [
      '',
      'short',
      `${newReceipt()}X`,
      'UUUUU-UUUUU-UUUUU-UUUUU-UUUUU',
      '{"$ne":null}',
    ]) {
      expect(normaliseReceipt(input)).toBeNull();
    }
  });

  it('when derived from an idempotency key, then the same key gives the same receipt and another key or secret another', () => {
    const secret = randomBytes(32);
    const receipt = receiptForIdempotencyKey('key-1', secret);
    expect(normaliseReceipt(receipt)).toBe(receipt);
    expect(receiptForIdempotencyKey('key-1', secret)).toBe(receipt);
    expect(receiptForIdempotencyKey('key-2', secret)).not.toBe(receipt);
    expect(receiptForIdempotencyKey('key-1', randomBytes(32))).not.toBe(receipt);
  });

  it('when hashed, then the hash depends on the key and reveals nothing of the receipt', () => {
    const receipt = newReceipt();
    const [key, other] = [randomBytes(32), randomBytes(32)];
    expect(keyedHash(receipt, key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(receipt, key)).toBe(keyedHash(receipt, key));
    expect(keyedHash(receipt, other)).not.toBe(keyedHash(receipt, key));
  });
});

describe('references', () => {
  it('when issued, then a reference reads HV-XXXX-XX', () => {
    expect(newReference()).toMatch(/^HV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
  });
});
