/**
 * koa-session's external store on the `session` table, so sessions live on
 * the server (revocable, shared by several app processes) and the cookie only
 * holds an opaque id.
 */
import type { Knex } from 'knex';

export class DatabaseSessionStore {
  constructor(private readonly db: Knex) {}

  async get(key: string): Promise<Record<string, unknown> | undefined> {
    const row = await this.db('session').where({ sess_id: key }).first();
    if (!row) return undefined;
    if (Number(row.sess_expiry) < Date.now()) {
      await this.destroy(key);
      return undefined;
    }
    return JSON.parse(row.sess_data) as Record<string, unknown>;
  }

  async set(key: string, data: Record<string, unknown>, maxAge: number | 'session' | undefined): Promise<void> {
    const ttl = typeof maxAge === 'number' ? maxAge : 24 * 3600 * 1000;
    const row = { sess_id: key, sess_data: JSON.stringify(data), sess_expiry: Date.now() + ttl };
    await this.db('session').insert(row).onConflict('sess_id').merge(['sess_data', 'sess_expiry']);
  }

  async destroy(key: string): Promise<void> {
    await this.db('session').where({ sess_id: key }).delete();
  }

  /** Removes expired rows (called periodically). */
  async purgeExpired(): Promise<number> {
    return this.db('session').where('sess_expiry', '<', Date.now()).delete();
  }
}
