/**
 * koa-session's external store on the `session` table, so sessions live on
 * the server (revocable, shared by several app processes) and the cookie only
 * holds an opaque id. `sess_user` records whose session it is, so "log out
 * everywhere" can drop all of a user's sessions at once.
 */
import type { Knex } from 'knex';
import { SESSION_USER_ID } from './SessionUser';

export class DatabaseSessionStore {
  constructor(
    private readonly db: Knex,
    /** Server-side lifetime in ms of a browser-session cookie (maxAge 'session'). */
    private readonly sessionLifetimeMs: number,
  ) {}

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
    const ttl = typeof maxAge === 'number' ? maxAge : this.sessionLifetimeMs;
    const userId = Number(data[SESSION_USER_ID]);
    const row = { sess_id: key, sess_data: JSON.stringify(data), sess_expiry: Date.now() + ttl, sess_user: Number.isInteger(userId) && userId > 0 ? userId : null };
    await this.db('session').insert(row).onConflict('sess_id').merge(['sess_data', 'sess_expiry', 'sess_user']);
  }

  async destroy(key: string): Promise<void> {
    await this.db('session').where({ sess_id: key }).delete();
  }

  /** Drops every session of one user (Special:Preferences' "log out everywhere", password changes). */
  async destroyAllForUser(userId: number): Promise<number> {
    return this.db('session').where({ sess_user: userId }).delete();
  }

  /** Removes expired rows (called periodically). */
  async purgeExpired(): Promise<number> {
    return this.db('session').where('sess_expiry', '<', Date.now()).delete();
  }
}
