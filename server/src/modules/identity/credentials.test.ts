import argon2 from 'argon2';
import { ValidationError } from '../../errors';
import { commonPasswords, isCommonPassword } from './commonPasswords';
import { delayAfter, FREE_FAILURES } from './loginThrottle';
import { checkNewPassword, PasswordHasher } from './passwords';
import { findRecoveryCode, hashRecoveryCode, newRecoveryCodes } from './recoveryCodes';
import { matchTotp, newTotpSecret, totpCode, totpStep } from './totp';

describe('the password policy', () => {
  const check = (password: string, username = 'amira') =>
    checkNewPassword(password, { username, field: 'password' });

  it('when the list of common passwords is read, then it has tens of thousands of entries', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(10_000);
    expect(isCommonPassword('Password1234')).toBe(true);
    expect(isCommonPassword('QWERTYUIOPAS')).toBe(true);
    expect(isCommonPassword('lantern orchard 7 quietly')).toBe(false);
  });

  it('when a password has 12 characters or more, then only length, the list and the username count: no composition rules', () => {
    expect(() => check('all lower case words')).not.toThrow();
    expect(() => check('ééééééééééé')).toThrow(/at least 12/);
    expect(() => check('😀'.repeat(12))).not.toThrow();
    expect(() => check('x'.repeat(256))).not.toThrow();
    expect(() => check('x'.repeat(257))).toThrow(/at most 256/);
    expect(() => check('short one')).toThrow(ValidationError);
    expect(() => check('iloveyou1234')).toThrow(/common or breached/);
    expect(() => check('Amira-likes-long-passwords')).toThrow(/username/);
  });

  it('when a password is hashed, then it is argon2id with OWASP parameters, and its Unicode form does not matter', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('caf\u00e9 au lait please');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(argon2.needsRehash(hash, { memoryCost: 19_456, timeCost: 2, parallelism: 1 })).toBe(
      false,
    );
    expect(await hasher.verify(hash, 'cafe\u0301 au lait please')).toBe(true);
    expect(await hasher.verify(hash, 'cafe au lait please')).toBe(false);
    expect(await hasher.verify('not a hash', 'anything')).toBe(false);
    expect(await hasher.verifyNothing('anything')).toBe(false);
  });
});

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-11-23T10:00:10Z');
  const codeAt = (steps: number) => totpCode(secret, new Date(now.getTime() + steps * 30_000));

  it('when a code of this step or the one before or after is given, then it matches that step', () => {
    expect(matchTotp(secret, codeAt(0), now, -1)).toBe(totpStep(now));
    expect(matchTotp(secret, codeAt(-1), now, -1)).toBe(totpStep(now) - 1);
    expect(matchTotp(secret, codeAt(1), now, -1)).toBe(totpStep(now) + 1);
  });

  it('when a code is two steps away, malformed, or of another secret, then it does not match', () => {
    expect(matchTotp(secret, codeAt(2), now, -1)).toBeNull();
    expect(matchTotp(secret, codeAt(-2), now, -1)).toBeNull();
    expect(matchTotp(secret, `${codeAt(0)}0`, now, -1)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now, -1)).toBeNull();
    expect(matchTotp(newTotpSecret(), codeAt(0), now, -1)).toBeNull();
  });

  it('when a step was used, then its code and earlier ones no longer match', () => {
    const used = matchTotp(secret, codeAt(0), now, -1)!;
    expect(matchTotp(secret, codeAt(0), now, used)).toBeNull();
    expect(matchTotp(secret, codeAt(-1), now, used)).toBeNull();
    expect(matchTotp(secret, codeAt(1), now, used)).toBe(used + 1);
  });

  it('when a secret is made, then it has 160 bits, base32', () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('recovery codes', () => {
  const key = Buffer.alloc(32, 7);

  it('when a set is made, then it has ten different codes of ten symbols', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('when a code is typed loosely, then it is found; a wrong one is not', () => {
    const codes = newRecoveryCodes();
    const hashes = codes.map((code) => hashRecoveryCode(code, key));
    expect(hashes.join()).not.toContain(codes[0]!.replace('-', ''));
    expect(findRecoveryCode(codes[4]!.toLowerCase().replace('-', ' '), hashes, key)).toBe(4);
    expect(findRecoveryCode('00000-00000', hashes, key)).toBe(-1);
    expect(findRecoveryCode('', hashes, key)).toBe(-1);
    expect(findRecoveryCode(codes[4]!, hashes, Buffer.alloc(32, 8))).toBe(-1);
  });
});

describe('delays after failed attempts', () => {
  it('when failures pile up, then the wait doubles from the fifth, up to a few seconds', () => {
    expect([0, 1, FREE_FAILURES - 1].map(delayAfter)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 50].map(delayAfter)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });
});
