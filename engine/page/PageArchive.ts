/**
 * Reads the `archive` table (MediaWiki's ArchivedRevisionLookup and
 * PageArchive::listPagesByPrefix): deleted revisions of a title, how many
 * there are (Title::getDeletedEditsCount), and which titles have any.
 */
import type { Knex } from 'knex';
import type { RevisionRecord } from '../storage/RevisionRecord';

/** An archived revision: a RevisionRecord whose page may be gone (ar_page_id may be null, ar_len too). */
export interface ArchivedRevision extends Omit<RevisionRecord, 'id' | 'pageId' | 'length'> {
  /** The revision's id, kept from before the deletion. */
  revId: number;
  pageId: number | null;
  length: number | null;
}

export interface DeletedTitle {
  namespace: number;
  dbKey: string;
  revisionCount: number;
}

interface TitleKey {
  getNamespace(): number;
  getDBkey(): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function archivedRevisionFromRow(row: any): ArchivedRevision {
  return {
    revId: Number(row.ar_rev_id),
    pageId: row.ar_page_id === null ? null : Number(row.ar_page_id),
    parentId: row.ar_parent_id === null ? null : Number(row.ar_parent_id),
    textId: Number(row.ar_text_id),
    comment: row.ar_comment,
    actorId: Number(row.ar_actor),
    actorName: row.actor_name,
    userId: Number(row.actor_user ?? 0),
    timestamp: row.ar_timestamp,
    minor: Boolean(row.ar_minor_edit),
    length: row.ar_len === null ? null : Number(row.ar_len),
    sha1: row.ar_sha1,
  };
}

export class PageArchive {
  constructor(private readonly db: Knex) {}

  /** Title::getDeletedEditsCount(). */
  async countRevisions(title: TitleKey, trx: Knex = this.db): Promise<number> {
    const row = await trx('archive').where({ ar_namespace: title.getNamespace(), ar_title: title.getDBkey() }).count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  /** The archived revisions of a title, newest first (ArchivedRevisionLookup::listRevisions). */
  async listRevisions(title: TitleKey, trx: Knex = this.db): Promise<ArchivedRevision[]> {
    const rows = await trx('archive')
      .join('actor', 'actor_id', 'ar_actor')
      .where({ ar_namespace: title.getNamespace(), ar_title: title.getDBkey() })
      .orderBy([{ column: 'ar_timestamp', order: 'desc' }, { column: 'ar_rev_id', order: 'desc' }])
      .select('archive.*', 'actor_name', 'actor_user');
    return rows.map(archivedRevisionFromRow);
  }

  /** The text of an archived revision (its text row is kept while archived). */
  async getText(revision: Pick<ArchivedRevision, 'textId'>, trx: Knex = this.db): Promise<string> {
    const row = await trx('text').where({ old_id: revision.textId }).first('old_text');
    if (!row) throw new Error(`Missing text row ${revision.textId}`);
    return row.old_text as string;
  }

  /**
   * PageArchive::listPagesByPrefix() / listPagesBySearch(): titles with
   * archived revisions, optionally only those whose DB key starts with
   * `prefix`, in title order.
   */
  async listDeletedTitles(options: { prefix?: string; limit: number }): Promise<DeletedTitle[]> {
    const query = this.db('archive').select('ar_namespace', 'ar_title', this.db.raw('COUNT(*) AS n')).groupBy('ar_namespace', 'ar_title');
    if (options.prefix) query.whereRaw("ar_title LIKE ? ESCAPE '\\'", [`${options.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    const rows: Array<{ ar_namespace: number; ar_title: string; n: number | string }> = await query.orderBy([{ column: 'ar_namespace' }, { column: 'ar_title' }]).limit(options.limit);
    return rows.map((row) => ({ namespace: Number(row.ar_namespace), dbKey: String(row.ar_title), revisionCount: Number(row.n) }));
  }
}
