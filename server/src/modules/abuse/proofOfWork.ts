import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sameHash } from '../intake/codes';

export interface ProofOfWorkChallenge {
  challenge: string;
  /** Leading zero bits the SHA-256 of `challenge:nonce` must have. */
  difficulty: number;
}

const CHALLENGE_LIFETIME_MS = 30 * 60 * 1000;

/**
 * A stateless challenge the reporter's browser solves before submitting: find a nonce such that
 * SHA-256(`challenge:nonce`) starts with `difficulty` zero bits. Challenges are signed with a
 * server key, expire, and are accepted once each.
 */
export class ProofOfWork {
  private readonly spent = new Map<string, number>();

  constructor(
    private readonly key: Buffer,
    readonly difficulty: number,
  ) {}

  issue(now = Date.now()): ProofOfWorkChallenge {
    const payload = `${randomBytes(12).toString('base64url')}.${this.difficulty}.${now + CHALLENGE_LIFETIME_MS}`;
    return { challenge: `${payload}.${this.sign(payload)}`, difficulty: this.difficulty };
  }

  /** True once for a genuine, unexpired, solved challenge; false for anything else. */
  redeem(challenge: string, nonce: string, now = Date.now()): boolean {
    const parts = challenge.split('.');
    if (parts.length !== 4) return false;
    const [random, difficulty, expiresAt, signature] = parts as [string, string, string, string];
    const payload = `${random}.${difficulty}.${expiresAt}`;
    if (!sameHash(signature, this.sign(payload))) return false;
    if (Number(expiresAt) < now || Number(difficulty) < this.difficulty) return false;
    if (
      !hasLeadingZeroBits(
        createHash('sha256').update(`${challenge}:${nonce}`).digest(),
        Number(difficulty),
      )
    ) {
      return false;
    }
    this.forgetExpired(now);
    if (this.spent.has(random)) return false;
    this.spent.set(random, Number(expiresAt));
    return true;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private forgetExpired(now: number): void {
    for (const [random, expiresAt] of this.spent) if (expiresAt < now) this.spent.delete(random);
  }
}

export function hasLeadingZeroBits(digest: Buffer, bits: number): boolean {
  const whole = Math.floor(bits / 8);
  for (let index = 0; index < whole; index += 1) if (digest[index] !== 0) return false;
  const rest = bits % 8;
  return rest === 0 || digest[whole]! >> (8 - rest) === 0;
}

/** Solves a challenge by brute force: what the browser script does, here for tests and tools. */
export function solve({ challenge, difficulty }: ProofOfWorkChallenge): string {
  for (let nonce = 0; ; nonce += 1) {
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
    if (hasLeadingZeroBits(digest, difficulty)) return String(nonce);
  }
}
