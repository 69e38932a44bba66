/**
 * Explicit group memberships (MediaWiki's UserGroupManager on `user_groups`):
 * read with expired memberships left out, added with an optional expiry,
 * removed. Implicit groups (*, user, autoconfirmed) are computed by the
 * PermissionManager and never stored.
 */
import type { Knex } from 'knex';
import { toMwTimestamp } from '../util/Timestamp';
import type { UserGroupMembership } from './User';

export class UserGroupManager {
  constructor(private readonly db: Knex) {}

  /** Unexpired memberships of one user, by group name. */
  async getUserGroupMemberships(userId: number, db: Knex = this.db): Promise<UserGroupMembership[]> {
    const now = toMwTimestamp();
    const rows = await db('user_groups')
      .where('ug_user', userId)
      .andWhere((q) => q.whereNull('ug_expiry').orWhere('ug_expiry', '>', now))
      .orderBy('ug_group')
      .select('ug_group', 'ug_expiry');
    return rows.map((row) => ({ group: row.ug_group as string, expiry: (row.ug_expiry as string | null) ?? null }));
  }

  /** Adds (or re-dates) a membership; `expiry` null = infinite. */
  async addUserToGroup(userId: number, group: string, expiry: string | null, db: Knex = this.db): Promise<void> {
    await db('user_groups').insert({ ug_user: userId, ug_group: group, ug_expiry: expiry }).onConflict(['ug_user', 'ug_group']).merge(['ug_expiry']);
  }

  async removeUserFromGroup(userId: number, group: string, db: Knex = this.db): Promise<boolean> {
    return (await db('user_groups').where({ ug_user: userId, ug_group: group }).delete()) > 0;
  }

  /** Every user id in a group (unexpired memberships). */
  async getGroupMemberIds(group: string, db: Knex = this.db): Promise<number[]> {
    const now = toMwTimestamp();
    const rows = await db('user_groups')
      .where('ug_group', group)
      .andWhere((q) => q.whereNull('ug_expiry').orWhere('ug_expiry', '>', now))
      .select('ug_user');
    return rows.map((row) => Number(row.ug_user));
  }

  /** Deletes expired rows (MediaWiki's UserGroupManager::purgeExpired). */
  async purgeExpired(): Promise<number> {
    return this.db('user_groups').whereNotNull('ug_expiry').andWhere('ug_expiry', '<=', toMwTimestamp()).delete();
  }
}
