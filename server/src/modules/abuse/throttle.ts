import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../../errors';

export interface ThrottlePolicy {
  /** Requests allowed per window. */
  points: number;
  windowSeconds: number;
}

/**
 * Named request budgets, kept in memory per server instance (nothing about a sender is stored).
 * `consume` throws `TooManyRequestsError` with the seconds to wait when a budget is spent.
 */
export class Throttle<Name extends string> {
  private readonly limiters: Record<Name, RateLimiterMemory>;

  constructor(policies: Record<Name, ThrottlePolicy>) {
    this.limiters = Object.fromEntries(
      Object.entries<ThrottlePolicy>(policies).map(([name, policy]) => [
        name,
        new RateLimiterMemory({ points: policy.points, duration: policy.windowSeconds }),
      ]),
    ) as Record<Name, RateLimiterMemory>;
  }

  async consume(policy: Name, key: string): Promise<void> {
    try {
      await this.limiters[policy].consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new TooManyRequestsError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      }
      throw rejection;
    }
  }
}
