/**
 * Reads revisions and their text (MediaWiki's RevisionStore). Writes go
 * through PageUpdater so that they happen in one transaction.
 */
import { Knex } from 'knex';
import { REVISION_COLUMNS, RevisionRecord, revisionFromRow } from './RevisionRecord';

export interface HistoryQuery {
  limit: number;
  /** Only revisions with rev_id below this (older); MediaWiki's history `offset` is a timestamp, ours is exact. */
  beforeId?: number;
  /** Only revisions with rev_id above this (newer); for the "newer" paging direction. */
  afterId?: number;
}

export class RevisionStore {
  constructor(private readonly db: Knex) {}

  private select(trx: Knex = this.db) {
    return trx('revision').join('actor', 'actor_id', 'rev_actor').select(REVISION_COLUMNS);
  }

  async getRevisionById(id: number, trx: Knex = this.db): Promise<RevisionRecord | null> {
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const row = await this.select(trx).where('rev_id', id).first();
    return row ? revisionFromRow(row) : null;
  }

  async getText(revision: Pick<RevisionRecord, 'textId'>, trx: Knex = this.db): Promise<string> {
    const row = await trx('text').where({ old_id: revision.textId }).first('old_text');
    if (!row) throw new Error(`Missing text row ${revision.textId}`);
    return row.old_text as string;
  }

  async getTextByRevisionId(id: number): Promise<string | null> {
    const rev = await this.getRevisionById(id);
    return rev ? this.getText(rev) : null;
  }

  /** The revision before `rev` on the same page (by id, as MediaWiki's getPreviousRevision). */
  async getPreviousRevision(rev: RevisionRecord): Promise<RevisionRecord | null> {
    const row = await this.select().where('rev_page', rev.pageId).andWhere('rev_id', '<', rev.id).orderBy('rev_id', 'desc').first();
    return row ? revisionFromRow(row) : null;
  }

  async getNextRevision(rev: RevisionRecord): Promise<RevisionRecord | null> {
    const row = await this.select().where('rev_page', rev.pageId).andWhere('rev_id', '>', rev.id).orderBy('rev_id', 'asc').first();
    return row ? revisionFromRow(row) : null;
  }

  async getFirstRevision(pageId: number): Promise<RevisionRecord | null> {
    const row = await this.select().where('rev_page', pageId).orderBy('rev_id', 'asc').first();
    return row ? revisionFromRow(row) : null;
  }

  /** Newest first. With `afterId`, returns the page of newer revisions, still newest first. */
  async getHistory(pageId: number, query: HistoryQuery): Promise<RevisionRecord[]> {
    const q = this.select().where('rev_page', pageId);
    if (query.afterId !== undefined) {
      const rows = await q.andWhere('rev_id', '>', query.afterId).orderBy('rev_id', 'asc').limit(query.limit);
      return rows.map(revisionFromRow).reverse();
    }
    if (query.beforeId !== undefined) q.andWhere('rev_id', '<', query.beforeId);
    const rows = await q.orderBy('rev_id', 'desc').limit(query.limit);
    return rows.map(revisionFromRow);
  }

  /** Lengths of the given revisions' parents, for size deltas in lists. */
  async getLengths(ids: readonly number[]): Promise<Map<number, number>> {
    const wanted = ids.filter((id) => id > 0);
    if (wanted.length === 0) return new Map();
    const rows = await this.db('revision').whereIn('rev_id', wanted).select('rev_id', 'rev_len');
    return new Map(rows.map((r) => [r.rev_id as number, r.rev_len as number]));
  }

  async countRevisions(pageId: number): Promise<number> {
    const row = await this.db('revision').where('rev_page', pageId).count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  async countDistinctAuthors(pageId: number): Promise<number> {
    const row = await this.db('revision').where('rev_page', pageId).countDistinct({ n: 'rev_actor' }).first();
    return Number(row?.n ?? 0);
  }
}
