/**
 * Accounts on the `user` table (MediaWiki's UserFactory, UserIdentityLookup
 * and the account parts of User): create, look up by name or id (loaded with
 * group memberships), and change password hash, email and token. The password
 * hash only ever leaves this class in `getCredentials`, for login.
 */
import { randomBytes } from 'node:crypto';
import { constantTimeEquals } from '../util/ConstantTime';
import type { Knex } from 'knex';
import type { ActorStore } from '../storage/ActorStore';
import { toMwTimestamp } from '../util/Timestamp';
import type { User } from './User';
import type { UserGroupManager } from './UserGroupManager';

export interface NewAccount {
  name: string;
  passwordHash: string;
  email?: string;
  realName?: string;
}

/** What login needs: the stored hashes, never shown or logged. */
export interface UserCredentials {
  id: number;
  name: string;
  passwordHash: string;
  /** Temporary password from Special:PasswordReset ('' if none) and when it was set. */
  newPasswordHash: string;
  newPasswordTime: string | null;
}

export class UserExistsError extends Error {
  constructor(readonly userName: string) {
    super('userexists');
  }
}

/** user_token: 32 random bytes, hex. Changing it ends every session of the user. */
function newUserToken(): string {
  return randomBytes(32).toString('hex');
}

export class UserStore {
  constructor(
    private readonly db: Knex,
    private readonly actors: ActorStore,
    private readonly groups: UserGroupManager,
  ) {}

  /** Creates an account (and its actor row); throws UserExistsError when the name is taken. */
  async createUser(account: NewAccount): Promise<User> {
    const now = toMwTimestamp();
    const id = await this.db.transaction(async (trx) => {
      const taken = await trx('user').where({ user_name: account.name }).first('user_id');
      if (taken) throw new UserExistsError(account.name);
      let inserted;
      try {
        [inserted] = await trx('user')
          .insert({
            user_name: account.name,
            user_password: account.passwordHash,
            user_email: account.email ?? '',
            user_real_name: account.realName ?? '',
            user_touched: now,
            user_token: newUserToken(),
            user_registration: now,
            user_editcount: 0,
          })
          .returning('user_id');
      } catch (error) {
        // A concurrent registration of the same name lost the unique index race.
        if (/unique|duplicate/i.test(String((error as Error).message))) throw new UserExistsError(account.name);
        throw error;
      }
      const userId = Number(typeof inserted === 'object' ? inserted.user_id : inserted);
      const actorId = await this.actors.acquireActorId({ id: userId, name: account.name }, trx);
      await trx('actor').where({ actor_id: actorId }).update({ actor_user: userId });
      return userId;
    });
    return (await this.getUserById(id))!;
  }

  async getUserById(id: number): Promise<User | null> {
    if (!Number.isInteger(id) || id <= 0) return null;
    return this.load(await this.db('user').where({ user_id: id }).first());
  }

  /** By canonical name (case-sensitive after the first letter, as MediaWiki). */
  async getUserByName(name: string): Promise<User | null> {
    return this.load(await this.db('user').where({ user_name: name }).first());
  }

  async getUserIdByName(name: string): Promise<number | null> {
    const row = await this.db('user').where({ user_name: name }).first('user_id');
    return row ? Number(row.user_id) : null;
  }

  async getCredentials(name: string): Promise<UserCredentials | null> {
    const row = await this.db('user').where({ user_name: name }).first('user_id', 'user_name', 'user_password', 'user_newpassword', 'user_newpass_time');
    if (!row) return null;
    return { id: Number(row.user_id), name: row.user_name, passwordHash: row.user_password, newPasswordHash: row.user_newpassword ?? '', newPasswordTime: row.user_newpass_time ?? null };
  }

  /** Sets the password hash and clears any temporary password. */
  async setPasswordHash(userId: number, passwordHash: string): Promise<void> {
    await this.db('user').where({ user_id: userId }).update({ user_password: passwordHash, user_newpassword: '', user_newpass_time: null, user_touched: toMwTimestamp() });
  }

  /** Stores a temporary password (hashed) for Special:PasswordReset. */
  async setTemporaryPasswordHash(userId: number, passwordHash: string): Promise<void> {
    await this.db('user').where({ user_id: userId }).update({ user_newpassword: passwordHash, user_newpass_time: toMwTimestamp() });
  }

  /** Sets the address; any confirmation and pending token are dropped (MediaWiki's User::setEmail + invalidateEmail). */
  async setEmail(userId: number, email: string): Promise<void> {
    await this.db('user').where({ user_id: userId }).update({ user_email: email, user_email_authenticated: null, user_email_token: null, user_email_token_expires: null, user_touched: toMwTimestamp() });
  }

  /** Stores the hash of a confirmation token with its expiry (TS_MW). */
  async setEmailToken(userId: number, tokenHash: string, expires: string): Promise<void> {
    await this.db('user').where({ user_id: userId }).update({ user_email_token: tokenHash, user_email_token_expires: expires });
  }

  /** The user holding an unexpired confirmation token with this hash. */
  async getUserIdByEmailToken(tokenHash: string): Promise<number | null> {
    const row = await this.db('user').where({ user_email_token: tokenHash }).andWhere('user_email_token_expires', '>', toMwTimestamp()).first('user_id');
    return row ? Number(row.user_id) : null;
  }

  /** Marks the address confirmed (or unconfirmed with null) and consumes the token (single use). */
  async setEmailAuthenticated(userId: number, timestamp: string | null): Promise<void> {
    await this.db('user').where({ user_id: userId }).update({ user_email_authenticated: timestamp, user_email_token: null, user_email_token_expires: null, user_touched: toMwTimestamp() });
  }

  /**
   * The user a session names, if the session's copy of user_token still
   * matches (compared in constant time): a password change or "log out
   * everywhere" replaces the token and so ends the session.
   */
  async getUserForSession(userId: number, sessionToken: string): Promise<User | null> {
    if (!Number.isInteger(userId) || userId <= 0 || typeof sessionToken !== 'string') return null;
    const row = await this.db('user').where({ user_id: userId }).first();
    if (!row || !constantTimeEquals(String(row.user_token), sessionToken)) return null;
    return this.load(row);
  }

  /** The user's session-binding token. */
  async getToken(userId: number): Promise<string | null> {
    const row = await this.db('user').where({ user_id: userId }).first('user_token');
    return row ? String(row.user_token) : null;
  }

  /** Replaces user_token, which ends every session bound to the old one ("log out everywhere"). */
  async resetToken(userId: number): Promise<string> {
    const token = newUserToken();
    await this.db('user').where({ user_id: userId }).update({ user_token: token, user_touched: toMwTimestamp() });
    return token;
  }

  async setRealName(userId: number, realName: string): Promise<void> {
    await this.db('user').where({ user_id: userId }).update({ user_real_name: realName, user_touched: toMwTimestamp() });
  }

  async countUsers(): Promise<number> {
    const row = await this.db('user').count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  private async load(row: Record<string, unknown> | undefined): Promise<User | null> {
    if (!row) return null;
    const id = Number(row.user_id);
    return {
      id,
      name: String(row.user_name),
      groups: await this.groups.getUserGroupMemberships(id),
      registration: (row.user_registration as string | null) ?? null,
      editCount: Number(row.user_editcount ?? 0),
      email: String(row.user_email ?? ''),
      emailAuthenticated: (row.user_email_authenticated as string | null) ?? null,
      realName: String(row.user_real_name ?? ''),
      touched: String(row.user_touched ?? ''),
    };
  }
}
