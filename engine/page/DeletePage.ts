/**
 * Deletes a page (MediaWiki's DeletePage service, DeletePage::deleteIfAllowed
 * and deleteUnsafe).
 *
 * In one transaction, with the page row locked: every revision moves to the
 * `archive` table (keeping its rev_id, page id and text row, so
 * Special:Undelete can bring the same revisions back), the page leaves the
 * link tables (LinksDeletionUpdate), the search index, page_restrictions and
 * the edit rows of recentchanges (as LinksDeletionUpdate removes them), the
 * revision and page rows go, and a `delete` log entry with its
 * recent-changes line is written. After commit the caches learn that the
 * title is gone (links to it turn red) and PageDeleteComplete runs.
 *
 * A title without a page is MediaWiki's `cannotdelete` ("may have already
 * been deleted by someone else") — also when a concurrent deletion won.
 */
import type { Knex } from 'knex';
import { databaseKind } from '../db/Database';
import type { HookContainer } from '../hooks/HookContainer';
import type { PermissionError, PermissionManager } from '../permissions/PermissionManager';
import type { SearchEngine } from '../search/SearchEngine';
import type { ActorStore } from '../storage/ActorStore';
import type { LinksUpdate } from '../storage/LinksUpdate';
import type { LogStore } from '../storage/LogStore';
import { pageFromRow, type PageRecord } from '../storage/PageRecord';
import { RC_LOG } from '../storage/RecentChangeWriter';
import type { Title } from '../title/Title';
import type { User } from '../user/User';
import type { UserIdentity } from '../user/UserIdentity';
import type { ArticleCacheUpdates } from './ArticleCacheUpdates';

/** MediaWiki's Status for a deletion: done, or the messages saying why not. */
export type DeleteStatus = { ok: true; pageId: number; logId: number; revisionCount: number } | { ok: false; errors: PermissionError[] };

export interface DeleteOptions {
  /** The performer's IP address for the recent-changes line. */
  ip?: string;
  /** DeletePage::setLogSubtype(): `delete`, or `delete_redir` when a move overwrites a redirect. */
  logSubtype?: 'delete' | 'delete_redir';
}

/** What a deletion inside a caller's transaction did; the caller runs `afterDelete` after commit. */
export interface DeletedPage {
  title: Title;
  pageId: number;
  logId: number;
  revisionCount: number;
  reason: string;
  performer: UserIdentity;
}

export class DeletePage {
  constructor(
    private readonly db: Knex,
    private readonly actors: ActorStore,
    private readonly logStore: LogStore,
    private readonly linksUpdate: LinksUpdate,
    private readonly searchEngine: SearchEngine,
    private readonly caches: ArticleCacheUpdates,
    private readonly hooks: HookContainer,
    private readonly permissions: PermissionManager,
  ) {}

  /** DeletePage::deleteIfAllowed(): the `delete` right and the per-title checks first. */
  async deleteIfAllowed(title: Title, performer: User, reason: string, options: DeleteOptions = {}): Promise<DeleteStatus> {
    const errors = await this.permissions.getPermissionErrors('delete', performer, title);
    if (errors.length > 0) return { ok: false, errors };
    return this.deleteUnsafe(title, performer, reason, options);
  }

  /** DeletePage::deleteUnsafe(): deletes without permission checks (the caller has made them). */
  async deleteUnsafe(title: Title, performer: UserIdentity, reason: string, options: DeleteOptions = {}): Promise<DeleteStatus> {
    const deleted = await this.db.transaction((trx) => this.deleteInTransaction(trx, title, performer, reason, options));
    if (!deleted) return { ok: false, errors: [{ key: 'cannotdelete', params: [title.getPrefixedText()] }] };
    await this.afterDelete(deleted);
    return { ok: true, pageId: deleted.pageId, logId: deleted.logId, revisionCount: deleted.revisionCount };
  }

  /**
   * The deletion's writes, in the caller's transaction (MovePage deletes a
   * redirect it moves over in its own). Null when the title has no page.
   */
  async deleteInTransaction(trx: Knex.Transaction, title: Title, performer: UserIdentity, reason: string, options: DeleteOptions = {}): Promise<DeletedPage | null> {
    const page = await lockPage(trx, title);
    if (!page) return null;
    const countRow = await trx('revision').where('rev_page', page.id).count({ n: '*' }).first();
    const revisionCount = Number(countRow?.n ?? 0);
    // Every revision to the archive in one statement, ids and text rows kept (DeletePage::archiveRevisions).
    await trx.raw(
      `INSERT INTO archive (ar_namespace, ar_title, ar_comment, ar_actor, ar_timestamp, ar_minor_edit, ar_rev_id, ar_text_id, ar_deleted, ar_len, ar_page_id, ar_parent_id, ar_sha1)
       SELECT ?, ?, rev_comment, rev_actor, rev_timestamp, rev_minor_edit, rev_id, rev_text_id, 0, rev_len, rev_page, rev_parent_id, rev_sha1 FROM revision WHERE rev_page = ?`,
      [title.getNamespace(), title.getDBkey(), page.id],
    );
    await this.linksUpdate.deleteAll(trx, page.id);
    await this.searchEngine.remove(trx, page.id);
    await trx('page_restrictions').where('pr_page', page.id).delete();
    // LinksDeletionUpdate: the page's edits leave recent changes (their revisions are gone); log lines stay.
    await trx('recentchanges').where('rc_cur_id', page.id).whereNot('rc_type', RC_LOG).delete();
    await trx('revision').where('rev_page', page.id).delete();
    await trx('page').where('page_id', page.id).delete();

    const actorId = await this.actors.acquireActorId(performer, trx);
    const logId = await this.logStore.insert(
      {
        type: 'delete',
        action: options.logSubtype ?? 'delete',
        actorId,
        namespace: title.getNamespace(),
        dbKey: title.getDBkey(),
        pageId: page.id,
        comment: reason,
        params: {},
        ip: performer.id > 0 ? '' : options.ip ?? performer.name,
      },
      trx,
    );
    return { title, pageId: page.id, logId, revisionCount, reason, performer };
  }

  /** After commit: caches (WikiPage::onArticleDelete), then the PageDeleteComplete hook. */
  async afterDelete(deleted: DeletedPage): Promise<void> {
    await this.caches.onArticleDelete(deleted.title, deleted.pageId);
    await this.hooks.run('PageDeleteComplete', deleted.title, deleted.performer, deleted.reason, deleted.pageId, deleted.logId, deleted.revisionCount);
  }
}

/** The page row of `title`, locked for the rest of the transaction (SELECT … FOR UPDATE; SQLite serialises writers). */
export async function lockPage(trx: Knex.Transaction, title: Title): Promise<PageRecord | null> {
  const query = trx('page').where({ page_namespace: title.getNamespace(), page_title: title.getDBkey() });
  if (databaseKind(trx) === 'pg') query.forUpdate();
  const row = await query.first();
  return row ? pageFromRow(row) : null;
}
