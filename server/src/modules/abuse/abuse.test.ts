import { createHash, randomBytes } from 'node:crypto';
import { TooManyRequestsError } from '../../errors';
import { DailyAddressKeys } from './addressKeys';
import { hasLeadingZeroBits, ProofOfWork, solve } from './proofOfWork';
import { Throttle } from './throttle';

describe('daily address keys', () => {
  it('when the same address comes twice in a day, then it gets the same key, which is not the address', () => {
    const keys = new DailyAddressKeys();
    const morning = new Date('2026-11-23T08:00:00Z');
    const evening = new Date('2026-11-23T22:00:00Z');
    expect(keys.keyFor('203.0.113.7', morning)).toBe(keys.keyFor('203.0.113.7', evening));
    expect(keys.keyFor('203.0.113.7', morning)).not.toContain('203.0.113.7');
    expect(keys.keyFor('203.0.113.8', morning)).not.toBe(keys.keyFor('203.0.113.7', morning));
  });

  it('when the day changes, then the same address gets an unrelated key', () => {
    const keys = new DailyAddressKeys();
    const today = keys.keyFor('203.0.113.7', new Date('2026-11-23T23:59:59Z'));
    expect(keys.keyFor('203.0.113.7', new Date('2026-11-24T00:00:00Z'))).not.toBe(today);
  });
});

describe('throttle', () => {
  it('when a budget is spent, then further requests are refused with the seconds to wait, per key', async () => {
    const throttle = new Throttle({ login: { points: 2, windowSeconds: 60 } });
    await throttle.consume('login', 'a');
    await throttle.consume('login', 'a');
    const refused = throttle.consume('login', 'a');
    await expect(refused).rejects.toBeInstanceOf(TooManyRequestsError);
    await expect(refused).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: expect.any(Number),
    });
    await expect(throttle.consume('login', 'b')).resolves.toBeUndefined();
  });
});

describe('proof of work', () => {
  const pow = new ProofOfWork(randomBytes(32), 8);

  it('when a challenge is solved, then it is accepted once', () => {
    const challenge = pow.issue();
    const nonce = solve(challenge);
    expect(pow.redeem(challenge.challenge, nonce)).toBe(true);
    expect(pow.redeem(challenge.challenge, nonce)).toBe(false);
  });

  it('when the nonce is wrong, the challenge forged, altered or expired, then it is refused', () => {
    const challenge = pow.issue();
    const nonce = solve(challenge);
    const digestOf = (candidate: string) =>
      createHash('sha256').update(`${challenge.challenge}:${candidate}`).digest();
    let wrongNonce = 0;
    while (hasLeadingZeroBits(digestOf(String(wrongNonce)), 8)) wrongNonce += 1;
    expect(pow.redeem(challenge.challenge, String(wrongNonce))).toBe(false);
    expect(pow.redeem(challenge.challenge, nonce)).toBe(true);

    const forged = new ProofOfWork(randomBytes(32), 8).issue();
    expect(pow.redeem(forged.challenge, solve(forged))).toBe(false);

    const easier = challenge.challenge.replace('.8.', '.0.');
    expect(pow.redeem(easier, '0')).toBe(false);

    const old = pow.issue(Date.now() - 60 * 60 * 1000);
    expect(pow.redeem(old.challenge, solve(old))).toBe(false);
    expect(pow.redeem('garbage', '1')).toBe(false);
  });

  it('when counting zero bits, then partial bytes count', () => {
    expect(hasLeadingZeroBits(Buffer.from([0, 0x0f]), 12)).toBe(true);
    expect(hasLeadingZeroBits(Buffer.from([0, 0x1f]), 12)).toBe(false);
  });
});
