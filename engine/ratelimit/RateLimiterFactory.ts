/**
 * Rate limiters kept in the wiki's own database (rate-limiter-flexible with
 * its knex store: RateLimiterSQLite on the embedded database,
 * RateLimiterPostgres on PostgreSQL), so several app processes share the
 * counts, as MediaWiki's throttles share the object cache. All limiters use
 * one table, told apart by their key prefix. The library creates the table
 * itself; creations are chained so two limiters never race to create it.
 */
import type { Knex } from 'knex';
import { RateLimiterAbstract, RateLimiterPostgres, RateLimiterSQLite } from 'rate-limiter-flexible';
import { databaseKind } from '../db/Database';

export const RATE_LIMIT_TABLE = 'rate_limit';

export interface LimiterOptions {
  /** Distinguishes this limiter's keys in the shared table. */
  keyPrefix: string;
  /** Events allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

/** A limiter made on first use: processes that never log anyone in never touch the table. */
export type LazyLimiter = () => Promise<RateLimiterAbstract>;

export class RateLimiterFactory {
  private chain: Promise<unknown> = Promise.resolve();
  private tableReady = false;

  constructor(private readonly db: Knex) {}

  lazy(options: LimiterOptions): LazyLimiter {
    let limiter: Promise<RateLimiterAbstract> | null = null;
    return () => {
      limiter ??= this.create(options);
      // A failed creation (database gone) is retried on the next use.
      limiter.catch(() => (limiter = null));
      return limiter;
    };
  }

  /** A limiter whose table exists by the time the promise resolves. */
  create(options: LimiterOptions): Promise<RateLimiterAbstract> {
    const created = this.chain.then(
      () =>
        new Promise<RateLimiterAbstract>((resolve, reject) => {
          const common = {
            storeClient: this.db,
            storeType: 'knex',
            tableName: RATE_LIMIT_TABLE,
            tableCreated: this.tableReady,
            // No timers: they would keep the process (and test runs) alive.
            clearExpiredByTimeout: false,
            keyPrefix: options.keyPrefix,
            points: options.points,
            duration: options.duration,
          };
          let limiter: RateLimiterAbstract | null = null;
          const done = (error?: Error) => {
            if (error) return reject(error);
            this.tableReady = true;
            // The callback may run before the constructor returns.
            setImmediate(() => resolve(limiter!));
          };
          limiter = databaseKind(this.db) === 'pg' ? new RateLimiterPostgres(common, done) : new RateLimiterSQLite(common, done);
        }),
    );
    this.chain = created.catch(() => undefined);
    return created;
  }
}
