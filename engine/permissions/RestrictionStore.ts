/**
 * Page protection (MediaWiki's RestrictionStore): `page_restrictions` rows
 * per page and restriction type (edit, move, upload) with a level and an
 * optional expiry, and `protected_titles` for create protection of titles
 * that don't exist yet. Expired rows are ignored when read.
 */
import type { Knex } from 'knex';
import { toMwTimestamp } from '../util/Timestamp';

export interface PageRestriction {
  type: string;
  /** The level: a right, or MediaWiki's legacy names 'autoconfirmed' / 'sysop'. */
  level: string;
  /** TS_MW, or null for infinite. */
  expiry: string | null;
  cascade: boolean;
}

export interface CreateProtection {
  level: string;
  expiry: string | null;
  userId: number;
  reason: string;
  timestamp: string;
}

export class RestrictionStore {
  constructor(private readonly db: Knex) {}

  async getRestrictions(pageId: number): Promise<PageRestriction[]> {
    const now = toMwTimestamp();
    const rows = await this.db('page_restrictions')
      .where('pr_page', pageId)
      .andWhere((q) => q.whereNull('pr_expiry').orWhere('pr_expiry', '>', now))
      .orderBy('pr_type')
      .select('pr_type', 'pr_level', 'pr_expiry', 'pr_cascade');
    return rows.map((row) => ({ type: row.pr_type, level: row.pr_level, expiry: row.pr_expiry ?? null, cascade: Boolean(row.pr_cascade) }));
  }

  /** Replaces the page's restrictions: a level of '' removes that type. */
  async setRestrictions(pageId: number, restrictions: readonly PageRestriction[], trx: Knex = this.db): Promise<void> {
    for (const restriction of restrictions) {
      if (restriction.level === '') {
        await trx('page_restrictions').where({ pr_page: pageId, pr_type: restriction.type }).delete();
        continue;
      }
      await trx('page_restrictions')
        .insert({ pr_page: pageId, pr_type: restriction.type, pr_level: restriction.level, pr_expiry: restriction.expiry, pr_cascade: restriction.cascade })
        .onConflict(['pr_page', 'pr_type'])
        .merge(['pr_level', 'pr_expiry', 'pr_cascade']);
    }
  }

  async getCreateProtection(namespace: number, dbKey: string): Promise<CreateProtection | null> {
    const row = await this.db('protected_titles')
      .where({ pt_namespace: namespace, pt_title: dbKey })
      .andWhere((q) => q.whereNull('pt_expiry').orWhere('pt_expiry', '>', toMwTimestamp()))
      .first();
    if (!row) return null;
    return { level: row.pt_create_perm, expiry: row.pt_expiry ?? null, userId: Number(row.pt_user), reason: row.pt_reason, timestamp: row.pt_timestamp };
  }

  /** Sets (level non-empty) or lifts (level '') create protection of a missing title. */
  async setCreateProtection(namespace: number, dbKey: string, protection: { level: string; expiry: string | null; userId: number; reason: string }, trx: Knex = this.db): Promise<void> {
    await trx('protected_titles').where({ pt_namespace: namespace, pt_title: dbKey }).delete();
    if (protection.level === '') return;
    await trx('protected_titles').insert({
      pt_namespace: namespace,
      pt_title: dbKey,
      pt_user: protection.userId,
      pt_reason: protection.reason,
      pt_timestamp: toMwTimestamp(),
      pt_expiry: protection.expiry,
      pt_create_perm: protection.level,
    });
  }
}
