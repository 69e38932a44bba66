/**
 * Restores a deleted page (MediaWiki's UndeletePage service,
 * undeleteIfAllowed / undeleteUnsafe) — all of its archived revisions, as
 * Special:Undelete does when no single revision is selected.
 *
 * The revisions come back with their old ids, texts and authors. A title
 * without a page gets its page row back (the old page id when no other page
 * took it, as UndeletePage::undeleteRevisions does); a title that was
 * recreated meanwhile keeps its page, and the restored revisions join its
 * history — its latest revision changes only if a restored one is newer.
 * The newest text is rendered before the transaction (as PageUpdater does),
 * the link tables and search index are filled from it inside, together with
 * the `delete/restore` log entry. Afterwards links to the title turn blue and
 * PageUndeleteComplete runs.
 */
import type { Knex } from 'knex';
import { defaultContentModel } from '../content/ContentModel';
import { getRedirectTargetText } from '../content/RedirectParser';
import type { HookContainer } from '../hooks/HookContainer';
import type { PermissionError, PermissionManager } from '../permissions/PermissionManager';
import type { ActorStore } from '../storage/ActorStore';
import type { LogStore } from '../storage/LogStore';
import { pageFromRow } from '../storage/PageRecord';
import type { ContentPreparer, DerivedDataUpdater, PreparedEdit } from '../storage/PageUpdater';
import type { RevisionStore } from '../storage/RevisionStore';
import type { Title } from '../title/Title';
import type { User } from '../user/User';
import type { UserIdentity } from '../user/UserIdentity';
import type { ArticleCacheUpdates } from './ArticleCacheUpdates';
import { lockPage } from './DeletePage';
import type { ArchivedRevision, PageArchive } from './PageArchive';

export type UndeleteStatus = { ok: true; pageId: number; restored: number; created: boolean; logId: number } | { ok: false; errors: PermissionError[] };

/** Rows per INSERT: SQLite allows 999 bound parameters per statement. */
const INSERT_CHUNK = 50;

/** A concurrent deletion or restore between the rendering and the transaction: render again. */
class ArchiveChanged extends Error {}

export class UndeletePage {
  constructor(
    private readonly db: Knex,
    private readonly archive: PageArchive,
    private readonly revisions: RevisionStore,
    private readonly actors: ActorStore,
    private readonly logStore: LogStore,
    private readonly derivedUpdaters: () => readonly DerivedDataUpdater[],
    private readonly prepare: ContentPreparer,
    private readonly caches: ArticleCacheUpdates,
    private readonly hooks: HookContainer,
    private readonly permissions: PermissionManager,
  ) {}

  /**
   * UndeletePage::undeleteIfAllowed(): the `undelete` right, then `edit` on
   * an existing page or `create` on a missing one (undelete-cantedit /
   * undelete-cantcreate).
   */
  async undeleteIfAllowed(title: Title, performer: User, reason: string, ip?: string): Promise<UndeleteStatus> {
    if (!this.permissions.userHasRight(performer, 'undelete')) return { ok: false, errors: [this.permissions.missingRightError('undelete')] };
    const exists = (await this.db('page').where({ page_namespace: title.getNamespace(), page_title: title.getDBkey() }).first('page_id')) !== undefined;
    const errors = await this.permissions.getPermissionErrors(exists ? 'edit' : 'create', performer, title);
    if (errors.length > 0) return { ok: false, errors: [{ key: exists ? 'undelete-cantedit' : 'undelete-cantcreate', params: [] }] };
    return this.undeleteUnsafe(title, performer, reason, ip);
  }

  async undeleteUnsafe(title: Title, performer: UserIdentity, reason: string, ip?: string): Promise<UndeleteStatus> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const archived = await this.archive.listRevisions(title);
      if (archived.length === 0) return { ok: false, errors: [{ key: 'undelete-no-results', params: [] }] };
      const newest = archived[0];
      const text = await this.archive.getText(newest);
      const prepared = await this.prepareNewest(title, newest, text);
      try {
        const result = await this.db.transaction((trx) => this.undeleteInTransaction(trx, title, performer, reason, ip, archived, prepared));
        if (result.latestChanged) await this.caches.onArticleCreate(title, text);
        await this.hooks.run('PageUndeleteComplete', title, performer, reason, result.restored, result.created, result.pageId, result.logId);
        return { ok: true, pageId: result.pageId, restored: result.restored, created: result.created, logId: result.logId };
      } catch (error) {
        if (!(error instanceof ArchiveChanged)) throw error;
      }
    }
    return { ok: false, errors: [{ key: 'undelete-error', params: [] }] };
  }

  /** The rendering of the newest archived text, for the link tables (DerivedPageDataUpdater::prepareContent). */
  private async prepareNewest(title: Title, newest: ArchivedRevision, text: string): Promise<PreparedEdit> {
    const page = await this.db('page').where({ page_namespace: title.getNamespace(), page_title: title.getDBkey() }).first('page_id');
    const pageId = page ? Number(page.page_id) : (newest.pageId ?? 0);
    const output = await this.prepare(title, text, { user: { id: newest.userId, name: newest.actorName }, timestamp: newest.timestamp, revisionId: newest.revId, pageId });
    return { text, output, revisionId: newest.revId, pageId };
  }

  private async undeleteInTransaction(
    trx: Knex.Transaction,
    title: Title,
    performer: UserIdentity,
    reason: string,
    ip: string | undefined,
    expected: readonly ArchivedRevision[],
    prepared: PreparedEdit,
  ): Promise<{ pageId: number; restored: number; created: boolean; logId: number; latestChanged: boolean }> {
    const existing = await lockPage(trx, title);
    const archived = await this.archive.listRevisions(title, trx);
    if (archived.length === 0 || archived.length !== expected.length || archived[0].revId !== expected[0].revId) throw new ArchiveChanged();
    const newest = archived[0];

    let pageId: number;
    let created = false;
    if (existing) {
      pageId = existing.id;
    } else {
      // The old page id comes back when nothing else took it.
      const oldId = newest.pageId;
      const taken = oldId === null ? true : (await trx('page').where('page_id', oldId).first('page_id')) !== undefined;
      const row: Record<string, unknown> = {
        page_namespace: title.getNamespace(),
        page_title: title.getDBkey(),
        page_is_redirect: false,
        page_is_new: archived.length === 1,
        page_touched: newest.timestamp,
        page_latest: 0,
        page_len: 0,
        page_content_model: defaultContentModel(title),
      };
      if (!taken) row.page_id = oldId;
      const [inserted] = await trx('page').insert(row).returning('page_id');
      pageId = typeof inserted === 'object' ? Number(inserted.page_id) : Number(inserted);
      created = true;
    }

    const rows = archived.map((rev) => ({
      rev_id: rev.revId,
      rev_page: pageId,
      rev_parent_id: rev.parentId,
      rev_text_id: rev.textId,
      rev_comment: rev.comment,
      rev_actor: rev.actorId,
      rev_timestamp: rev.timestamp,
      rev_minor_edit: rev.minor,
      rev_len: rev.length ?? 0,
      rev_sha1: rev.sha1,
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx('revision').insert(rows.slice(i, i + INSERT_CHUNK));
    await trx('archive').where({ ar_namespace: title.getNamespace(), ar_title: title.getDBkey() }).delete();

    // The page's latest revision: the newest restored one, unless the recreated page has a newer one.
    const current = existing ? await this.revisions.getRevisionById(existing.latest, trx) : null;
    const latestChanged = !current || newest.timestamp > current.timestamp || (newest.timestamp === current.timestamp && newest.revId > current.id);
    if (latestChanged) {
      const isRedirect = defaultContentModel(title) === 'wikitext' && getRedirectTargetText(prepared.text) !== null;
      await trx('page').where('page_id', pageId).update({ page_latest: newest.revId, page_len: newest.length ?? 0, page_touched: newest.timestamp, page_is_redirect: isRedirect });
      const page = pageFromRow(await trx('page').where('page_id', pageId).first());
      const revision = await this.revisions.getRevisionById(newest.revId, trx);
      if (!revision) throw new Error('Restored revision vanished');
      const change = { title, page, revision, text: prepared.text, created };
      for (const updater of this.derivedUpdaters()) await updater.update(trx, change, prepared.pageId === pageId ? prepared : { ...prepared, pageId });
    }

    const actorId = await this.actors.acquireActorId(performer, trx);
    const logId = await this.logStore.insert(
      {
        type: 'delete',
        action: 'restore',
        actorId,
        namespace: title.getNamespace(),
        dbKey: title.getDBkey(),
        pageId,
        comment: reason,
        params: { ':assoc:count': { revisions: archived.length, files: 0 } },
        ip: performer.id > 0 ? '' : ip ?? performer.name,
      },
      trx,
    );
    return { pageId, restored: archived.length, created, logId, latestChanged };
  }
}
