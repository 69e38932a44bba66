/**
 * The query behind Special:ListUsers (MediaWiki's UsersPager::getQueryInfo):
 * registered accounts, optionally only members of one group (unexpired
 * memberships), only those with edits, only those in a temporary group
 * membership, starting at a name; ordered by name (or by account id for
 * "sort by creation date"), ascending or descending, with keyset paging on
 * the sort field as MediaWiki's IndexPager does (the offset is the last
 * value shown; `dir=prev` pages backwards).
 */
import type { Knex } from 'knex';
import { toMwTimestamp } from '../util/Timestamp';
import type { UserGroupMembership } from './User';

export interface UserListOptions {
  /** Only members of this group ('' or undefined: everyone). */
  group?: string;
  /** Start at this name (UsersPager's `username`: user_name >= it). */
  startName?: string;
  /** Only users with at least one edit. */
  editsOnly?: boolean;
  /** Only users with a group membership that expires. */
  temporaryGroupsOnly?: boolean;
  /** Sort by account creation (user_id) instead of by name. */
  creationSort?: boolean;
  /** Descending order. */
  desc?: boolean;
  /** The last sort value of the previous page (exclusive): a name, or an id with creationSort. */
  offset?: string;
  /** Page backwards from `offset` (IndexPager's dir=prev). */
  backwards?: boolean;
  limit: number;
}

export interface UserListRow {
  id: number;
  name: string;
  editCount: number;
  /** TS_MW, or null for accounts from before registration dates were kept. */
  registration: string | null;
  /** Unexpired explicit memberships, by group name. */
  groups: UserGroupMembership[];
}

export interface UserListPage {
  rows: UserListRow[];
  /** Another page exists after the last row (in display order). */
  hasNext: boolean;
  /** Another page exists before the first row (in display order). */
  hasPrevious: boolean;
}

export class UserListQuery {
  constructor(private readonly db: Knex) {}

  async list(options: UserListOptions): Promise<UserListPage> {
    const now = toMwTimestamp();
    const sortField = options.creationSort ? 'user_id' : 'user_name';
    // Display order ascending unless `desc`; paging backwards reads the other way and flips the result.
    const ascending = !options.desc !== Boolean(options.backwards);
    const q = this.db('user').select('user_id', 'user_name', 'user_editcount', 'user_registration');
    if (options.group) {
      q.whereExists((sub) => {
        sub
          .select(this.db.raw('1'))
          .from('user_groups')
          .whereRaw('ug_user = user_id')
          .andWhere('ug_group', options.group!)
          .andWhere((e) => e.whereNull('ug_expiry').orWhere('ug_expiry', '>', now));
      });
    }
    if (options.temporaryGroupsOnly) {
      q.whereExists((sub) => {
        sub.select(this.db.raw('1')).from('user_groups').whereRaw('ug_user = user_id').whereNotNull('ug_expiry').andWhere('ug_expiry', '>', now);
      });
    }
    if (options.editsOnly) q.where('user_editcount', '>', 0);
    // UsersPager: user_name >= the requested name, whatever the sort.
    if (options.startName) q.where('user_name', '>=', options.startName);
    if (options.offset !== undefined && options.offset !== '') {
      const value = options.creationSort ? Number(options.offset) : options.offset;
      if (!options.creationSort || Number.isSafeInteger(value)) q.where(sortField, ascending ? '>' : '<', value);
    }
    const rows: Array<{ user_id: number; user_name: string; user_editcount: number; user_registration: string | null }> = await q
      .orderBy(sortField, ascending ? 'asc' : 'desc')
      .limit(options.limit + 1);
    const more = rows.length > options.limit;
    const page = rows.slice(0, options.limit);
    if (options.backwards) page.reverse();

    const ids = page.map((row) => Number(row.user_id));
    const memberships = new Map<number, UserGroupMembership[]>();
    if (ids.length > 0) {
      const groupRows: Array<{ ug_user: number; ug_group: string; ug_expiry: string | null }> = await this.db('user_groups')
        .whereIn('ug_user', ids)
        .andWhere((e) => e.whereNull('ug_expiry').orWhere('ug_expiry', '>', now))
        .orderBy('ug_group')
        .select('ug_user', 'ug_group', 'ug_expiry');
      for (const row of groupRows) {
        const list = memberships.get(Number(row.ug_user)) ?? [];
        list.push({ group: row.ug_group, expiry: row.ug_expiry ?? null });
        memberships.set(Number(row.ug_user), list);
      }
    }
    const hasOffset = options.offset !== undefined && options.offset !== '';
    return {
      rows: page.map((row) => ({
        id: Number(row.user_id),
        name: row.user_name,
        editCount: Number(row.user_editcount ?? 0),
        registration: row.user_registration ?? null,
        groups: memberships.get(Number(row.user_id)) ?? [],
      })),
      hasNext: options.backwards ? hasOffset : more,
      hasPrevious: options.backwards ? more : hasOffset,
    };
  }
}
