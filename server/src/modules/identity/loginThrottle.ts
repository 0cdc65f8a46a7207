import { createHmac } from 'node:crypto';
import { TooManyRequestsError } from '../../errors';
import type { AuditDraft, LoginAttemptStore } from '../../storage';

/** At most this many failed attempts per account in a window … */
export const MAX_FAILURES_PER_WINDOW = 100;
export const FAILURE_WINDOW_MS = 60 * 60 * 1000;
/** … and after this many, each next attempt waits longer: 1 s, 2 s, 4 s, up to 8 s. */
export const FREE_FAILURES = 5;
const MAX_DELAY_MS = 8_000;

export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(1_000 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

/**
 * Failed sign-in attempts (passwords and second factors alike) per account, counted in storage so
 * that every instance sees them. Accounts are keyed by a keyed hash of the normalised username,
 * whether or not it exists, so the throttle answers the same for an unknown name: it reveals
 * nothing about which accounts exist.
 */
export class LoginThrottle {
  constructor(
    private readonly store: LoginAttemptStore,
    private readonly key: Buffer,
  ) {}

  private keyOf(username: string): string {
    return createHmac('sha256', this.key).update(username).digest('hex');
  }

  /** Throws `TooManyRequestsError` while the account must wait. */
  async check(username: string, now: Date): Promise<void> {
    const attempts = await this.store.get(this.keyOf(username));
    if (!attempts) return;
    const windowEnds = attempts.windowStartedAt.getTime() + FAILURE_WINDOW_MS;
    if (windowEnds <= now.getTime()) return;
    const waitUntil =
      attempts.count >= MAX_FAILURES_PER_WINDOW
        ? windowEnds
        : attempts.lastFailureAt.getTime() + delayAfter(attempts.count);
    if (waitUntil > now.getTime()) {
      throw new TooManyRequestsError(Math.ceil((waitUntil - now.getTime()) / 1000));
    }
  }

  /** Counts a failed attempt, with the audit entry that records it. */
  async fail(username: string, now: Date, audit: AuditDraft): Promise<void> {
    await this.store.recordFailure(this.keyOf(username), now, FAILURE_WINDOW_MS, audit);
  }

  async succeed(username: string): Promise<void> {
    await this.store.clear(this.keyOf(username));
  }

  /** Forgets accounts whose last failure is older than a window. */
  purge(now: Date): Promise<number> {
    return this.store.purgeStale(new Date(now.getTime() - FAILURE_WINDOW_MS));
  }
}
