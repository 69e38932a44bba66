/**
 * $wgAccountCreationThrottle: accounts created from one IP address per
 * window (MediaWiki's ThrottlePreAuthenticationProvider::testForAccountCreation).
 * Users with `noratelimit` are not throttled, as in MediaWiki.
 */
import type { Settings } from '../config/Settings';
import type { LazyLimiter, RateLimiterFactory } from '../ratelimit/RateLimiterFactory';

export interface CreationThrottleHit {
  count: number;
  seconds: number;
}

export class AccountCreationThrottle {
  private readonly rules: Array<{ count: number; seconds: number; limiter: LazyLimiter }>;

  constructor(factory: RateLimiterFactory, rules: Settings['accountCreationThrottle']) {
    this.rules = rules.map((rule, index) => ({ ...rule, limiter: factory.lazy({ keyPrefix: `acctcreate${index}`, points: rule.count, duration: rule.seconds }) }));
  }

  /** The rule an address has used up, or null. */
  async check(ip: string): Promise<CreationThrottleHit | null> {
    for (const rule of this.rules) {
      const state = await (await rule.limiter()).get(ip);
      if (state && state.consumedPoints >= rule.count) return { count: rule.count, seconds: rule.seconds };
    }
    return null;
  }

  async recordCreation(ip: string): Promise<void> {
    for (const rule of this.rules) await (await rule.limiter()).penalty(ip, 1);
  }
}
