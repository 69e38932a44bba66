/**
 * The rate limits of the email actions ($wgRateLimits['confirmemail'] and
 * ['mailpassword'], checked as MediaWiki's User::pingLimiter does): each
 * request counts against every applicable key — per user and per IP for
 * confirmation mails, per IP for password resets — and is refused when any
 * count is over its limit. The counts live in the database through the
 * shared RateLimiterFactory (rate-limiter-flexible's knex stores), so every
 * app process sees the same numbers. Users with `noratelimit` are exempt;
 * the callers check that right.
 */
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Settings } from '../config/Settings';
import type { RateLimiterFactory } from '../ratelimit/RateLimiterFactory';

type Limit = readonly [count: number, seconds: number];

export class EmailRateLimits {
  private readonly limiters = new Map<string, Promise<RateLimiterAbstract>>();

  constructor(
    private readonly factory: RateLimiterFactory,
    private readonly limits: Settings['emailRateLimits'],
  ) {}

  /** Limiters are made on first use, so a wiki that never mails never creates the table for them. */
  private limiter(name: string, [points, duration]: Limit): Promise<RateLimiterAbstract> {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = this.factory.create({ keyPrefix: name, points, duration });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  /** Counts one event; true when the key is over its limit. */
  private async ping(name: string, limit: Limit, key: string): Promise<boolean> {
    try {
      await (await this.limiter(name, limit)).consume(key, 1);
      return false;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return true;
      throw rejection;
    }
  }

  /** A confirmation mail requested from Special:ConfirmEmail; true when throttled. */
  async pingConfirmEmail(userId: number, ip: string): Promise<boolean> {
    const { confirmemail } = this.limits;
    const byUser = await this.ping('confirmemail-user', confirmemail.user, String(userId));
    const byIp = await this.ping('confirmemail-ip', confirmemail.ip, ip);
    return byUser || byIp;
  }

  /** A password reset requested at Special:PasswordReset; true when throttled. */
  async pingMailPassword(ip: string): Promise<boolean> {
    return this.ping('mailpassword-ip', this.limits.mailpassword.ip, ip);
  }
}
