/**
 * $wgPasswordAttemptThrottle (MediaWiki's ThrottlePreAuthenticationProvider
 * and Throttler): failed logins are counted per window, keyed by user name +
 * IP or by IP alone as each rule says; a login is refused while any count has
 * reached its limit, and a successful login clears the user name + IP counts.
 */
import type { Settings } from '../config/Settings';
import type { LazyLimiter, RateLimiterFactory } from '../ratelimit/RateLimiterFactory';

interface Rule {
  scope: 'user+ip' | 'ip';
  count: number;
  limiter: LazyLimiter;
}

export interface ThrottleState {
  /** Seconds until the login may be tried again. */
  retryAfterSeconds: number;
}

export class LoginThrottle {
  private readonly rules: Rule[];

  constructor(factory: RateLimiterFactory, rules: Settings['passwordAttemptThrottle']) {
    this.rules = rules.map((rule, index) => ({
      scope: rule.scope,
      count: rule.count,
      limiter: factory.lazy({ keyPrefix: `login${index}`, points: rule.count, duration: rule.seconds }),
    }));
  }

  private static key(rule: Rule, userName: string, ip: string): string {
    return rule.scope === 'ip' ? ip : `${ip}|${userName}`;
  }

  /** Null when a login may be tried; otherwise how long to wait. */
  async check(userName: string, ip: string): Promise<ThrottleState | null> {
    let wait = 0;
    for (const rule of this.rules) {
      const state = await (await rule.limiter()).get(LoginThrottle.key(rule, userName, ip));
      if (state && state.consumedPoints >= rule.count) wait = Math.max(wait, Math.ceil(state.msBeforeNext / 1000));
    }
    return wait > 0 ? { retryAfterSeconds: wait } : null;
  }

  /** Counts one failed attempt under every rule. */
  async recordFailure(userName: string, ip: string): Promise<void> {
    for (const rule of this.rules) await (await rule.limiter()).penalty(LoginThrottle.key(rule, userName, ip), 1);
  }

  /** A successful login forgets the failures of that name from that address. */
  async clear(userName: string, ip: string): Promise<void> {
    for (const rule of this.rules) if (rule.scope === 'user+ip') await (await rule.limiter()).delete(LoginThrottle.key(rule, userName, ip));
  }
}
