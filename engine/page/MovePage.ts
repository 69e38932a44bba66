/**
 * Renames a page (MediaWiki's MovePage service: isValidMove,
 * authorizeMove / checkPermissions, moveIfAllowed, moveSubpagesIfAllowed,
 * moveToInternal).
 *
 * The page row is renamed, so its id and whole history go with it. In one
 * transaction with both titles' rows locked:
 *
 * - a target that is a redirect to the source with a single revision is
 *   deleted first (MovePage::isValidMoveTarget; logged as delete_redir,
 *   the move as move_redir); any other existing target is `articleexists`;
 * - a null revision records the move in the history, its summary
 *   `1movedto2` / `1movedto2_redir` in the content language plus the reason;
 * - the link tables and search index follow the new title (LinksUpdate
 *   rewrites rows whose `*_from_namespace` changed, category rows change
 *   type across namespaces);
 * - unless suppressed, a redirect page `#REDIRECT [[New]]`
 *   (WikitextContentHandler::makeRedirectContent, plus `move-redirect-text`)
 *   is created at the old title with its own link rows;
 * - protection stays with the page id (a `protect/move_prot` entry says so),
 *   create protection of the new title goes, watchers of the old title also
 *   watch the new one (WatchedItemStore::duplicateAllAssociatedEntries);
 * - the `move/move` or `move/move_redir` log entry (4::target, 5::noredir).
 *
 * The texts are rendered before the transaction, as PageUpdater does (on
 * SQLite a render inside would wait for its own transaction). Afterwards the
 * caches learn of both titles and PageMoveComplete runs.
 */
import type { Knex } from 'knex';
import { defaultContentModel } from '../content/ContentModel';
import { getRedirectTargetText } from '../content/RedirectParser';
import { byteLength, revisionSha1 } from '../content/Sha1';
import type { HookContainer } from '../hooks/HookContainer';
import type { MessageLocalizer } from '../i18n/MessageLocalizer';
import type { InterwikiLookup } from '../parser/InterwikiLookup';
import type { PermissionError, PermissionManager } from '../permissions/PermissionManager';
import type { ActorStore } from '../storage/ActorStore';
import type { LogStore } from '../storage/LogStore';
import { pageFromRow, type PageRecord } from '../storage/PageRecord';
import type { ContentPreparer, DerivedDataUpdater, PreparedEdit } from '../storage/PageUpdater';
import type { RevisionRecord } from '../storage/RevisionRecord';
import type { RevisionStore } from '../storage/RevisionStore';
import { NS_CATEGORY, NS_FILE, NS_MAIN } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';
import type { TitleFactory } from '../title/TitleFactory';
import type { User } from '../user/User';
import type { UserIdentity } from '../user/UserIdentity';
import { toMwTimestamp } from '../util/Timestamp';
import type { ArticleCacheUpdates } from './ArticleCacheUpdates';
import { type DeletedPage, type DeletePage, lockPage } from './DeletePage';

export type MoveStatus = { ok: true; pageId: number; redirectId: number; nullRevisionId: number; logId: number } | { ok: false; errors: PermissionError[] };

export interface MoveOptions {
  reason: string;
  /** Leave a redirect at the old title (only `suppressredirect` may say no; the caller checks that). */
  createRedirect: boolean;
  ip?: string;
}

/** One page of a subpage or talk-page move, for Special:MovePage's list. */
export interface ExtraMoveResult {
  oldTitle: Title;
  newTitle: Title;
  status: MoveStatus;
}

/** $wgMaximumMovedPages: subpages moved along at most. */
export const MAXIMUM_MOVED_PAGES = 100;

/** The source changed between the rendering and the transaction: render again. */
class SourceChanged extends Error {}

export class MovePage {
  constructor(
    private readonly db: Knex,
    private readonly actors: ActorStore,
    private readonly revisions: RevisionStore,
    private readonly logStore: LogStore,
    private readonly deletePage: DeletePage,
    private readonly derivedUpdaters: () => readonly DerivedDataUpdater[],
    private readonly prepare: ContentPreparer,
    private readonly caches: ArticleCacheUpdates,
    private readonly hooks: HookContainer,
    private readonly permissions: PermissionManager,
    private readonly messages: MessageLocalizer,
    private readonly interwiki: InterwikiLookup,
    private readonly titles: TitleFactory,
    private readonly contentLanguage: string,
  ) {}

  /**
   * SpecialMovePage's target: Title::makeTitleSafe($ns, $text), where an
   * interwiki prefix makes an external title (immobile-target-namespace-iw).
   * Returns the error for text that names no title (badtitletext).
   */
  targetTitle(namespace: number, text: string): Title | PermissionError {
    if (namespace === NS_MAIN && this.interwiki.parsePrefixed(text.trim()) !== null) return { key: 'immobile-target-namespace-iw', params: [] };
    return this.titles.makeTitleSafe(namespace, text) ?? { key: 'badtitletext', params: [] };
  }

  /** MovePage::isValidMove(): what makes the move impossible whoever asks. */
  async isValidMove(oldTitle: Title, newTitle: Title): Promise<PermissionError[]> {
    const errors: PermissionError[] = [];
    if (oldTitle.isSameAs(newTitle)) errors.push({ key: 'selfmove', params: [] });
    else if ((await this.findPage(newTitle)) && !(await this.isValidMoveTarget(oldTitle, newTitle))) errors.push({ key: 'articleexists', params: [newTitle.getPrefixedText()] });
    // NamespaceInfo::isMovable(): every namespace from the main one up ($wgAllowImageMoving is on).
    if (!oldTitle.canExist()) errors.push({ key: 'immobile-source-namespace', params: [oldTitle.getNsText()] });
    else if (!(await this.findPage(oldTitle))) errors.push({ key: 'movepage-source-doesnt-exist', params: [oldTitle.getPrefixedText()] });
    if (!newTitle.canExist()) errors.push({ key: 'immobile-target-namespace', params: [newTitle.getNsText()] });
    // MovePage::isValidFileMove(): files stay files, and nothing else becomes one.
    if (oldTitle.getNamespace() === NS_FILE && newTitle.getNamespace() !== NS_FILE) errors.push({ key: 'imagenocrossnamespace', params: [] });
    if (newTitle.getNamespace() === NS_FILE && oldTitle.getNamespace() !== NS_FILE) errors.push({ key: 'nonfile-cannot-move-to-file', params: [] });
    return errors;
  }

  /**
   * MovePage::isValidMoveTarget(): an existing target may be replaced only
   * when it is a redirect to the source and has no history beyond that.
   */
  async isValidMoveTarget(oldTitle: Title, newTitle: Title, trx: Knex = this.db): Promise<boolean> {
    const target = await this.findPage(newTitle, trx);
    if (!target || !target.isRedirect) return false;
    const count = await trx('revision').where('rev_page', target.id).count({ n: '*' }).first();
    if (Number(count?.n ?? 0) !== 1) return false;
    const revision = await this.revisions.getRevisionById(target.latest, trx);
    if (!revision) return false;
    const redirect = getRedirectTargetText(await this.revisions.getText(revision, trx));
    const pointsTo = redirect === null ? null : this.titles.newFromText(redirect);
    return pointsTo !== null && pointsTo.isSameAs(oldTitle);
  }

  /**
   * MovePage::authorizeMove(): `move` and `edit` on the source, moving into
   * and editing (creating) the target — with MediaWiki's move-target
   * messages for user root pages, categories and create-protected titles.
   */
  async checkPermissions(oldTitle: Title, newTitle: Title, performer: User): Promise<PermissionError[]> {
    const pm = this.permissions;
    const errors: PermissionError[] = [];
    errors.push(...(await pm.getPermissionErrors('move', performer, oldTitle)));
    errors.push(...(await pm.getPermissionErrors('edit', performer, oldTitle)));
    for (const error of await pm.getPermissionErrors('move', performer, newTitle)) errors.push(moveTargetError(error));
    const targetExists = (await this.findPage(newTitle)) !== null;
    for (const error of await pm.getPermissionErrors(targetExists ? 'edit' : 'create', performer, newTitle)) errors.push(moveTargetError(error));
    const seen = new Set<string>();
    return errors.filter((e) => {
      const key = `${e.key}|${e.params.join('|')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** MovePage::moveIfAllowed(). */
  async moveIfAllowed(oldTitle: Title, newTitle: Title, performer: User, options: MoveOptions): Promise<MoveStatus> {
    const invalid = await this.isValidMove(oldTitle, newTitle);
    if (invalid.length > 0) return { ok: false, errors: invalid };
    const denied = await this.checkPermissions(oldTitle, newTitle, performer);
    if (denied.length > 0) return { ok: false, errors: denied };
    return this.moveUnsafe(oldTitle, newTitle, performer, options);
  }

  /**
   * MovePage::moveSubpagesIfAllowed(): each subpage of `oldTitle` (at most
   * $wgMaximumMovedPages) to the same subpage of `newTitle`, each a move of
   * its own with its permission checks. Needs `move-subpages` and subpages
   * in both namespaces.
   */
  async moveSubpagesIfAllowed(oldTitle: Title, newTitle: Title, performer: User, options: MoveOptions): Promise<ExtraMoveResult[]> {
    if (!this.permissions.userHasRight(performer, 'move-subpages')) return [];
    const namespaces = this.titles.namespaceInfo;
    if (!namespaces.hasSubpages(oldTitle.getNamespace()) || !namespaces.hasSubpages(newTitle.getNamespace())) return [];
    const rows: Array<{ page_title: string }> = await this.db('page')
      .where('page_namespace', oldTitle.getNamespace())
      .andWhereRaw("page_title LIKE ? ESCAPE '\\'", [`${oldTitle.getDBkey().replace(/[\\%_]/g, (c) => `\\${c}`)}/%`])
      .orderBy('page_title')
      .limit(MAXIMUM_MOVED_PAGES + 1)
      .select('page_title');
    const results: ExtraMoveResult[] = [];
    for (const row of rows.slice(0, MAXIMUM_MOVED_PAGES)) {
      const from = this.titles.makeTitleSafe(oldTitle.getNamespace(), row.page_title);
      const to = this.titles.makeTitleSafe(newTitle.getNamespace(), newTitle.getDBkey() + row.page_title.slice(oldTitle.getDBkey().length));
      if (!from || !to || from.isSameAs(newTitle)) continue;
      results.push({ oldTitle: from, newTitle: to, status: await this.moveIfAllowed(from, to, performer, options) });
    }
    return results;
  }

  /** MovePage::moveUnsafe(): the move, validity checked again in the transaction, permissions not. */
  async moveUnsafe(oldTitle: Title, newTitle: Title, performer: UserIdentity, options: MoveOptions): Promise<MoveStatus> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const source = await this.findPage(oldTitle);
      if (!source) return { ok: false, errors: [{ key: 'movepage-source-doesnt-exist', params: [oldTitle.getPrefixedText()] }] };
      const latest = await this.revisions.getRevisionById(source.latest);
      if (!latest) throw new Error(`Page ${source.id} has no latest revision`);
      const text = await this.revisions.getText(latest);
      const timestamp = toMwTimestamp();
      const user = performer;
      const movedPrepared: PreparedEdit = {
        text,
        revisionId: latest.id,
        pageId: source.id,
        output: await this.prepare(newTitle, text, { user, timestamp, revisionId: latest.id, pageId: source.id }),
      };
      const redirectText = options.createRedirect ? this.redirectText(newTitle) : null;
      const redirectPrepared: PreparedEdit | null =
        redirectText === null ? null : { text: redirectText, revisionId: 0, pageId: 0, output: await this.prepare(oldTitle, redirectText, { user, timestamp, revisionId: 0, pageId: 0 }) };
      try {
        const result = await this.db.transaction((trx) => this.moveInTransaction(trx, oldTitle, newTitle, performer, options, latest, timestamp, movedPrepared, redirectPrepared));
        if ('errors' in result) return { ok: false, errors: result.errors };
        if (result.deleted) await this.deletePage.afterDelete(result.deleted);
        await this.caches.onArticleDelete(oldTitle, result.pageId);
        if (redirectText !== null) await this.caches.onArticleCreate(oldTitle, redirectText);
        await this.caches.onArticleCreate(newTitle, text);
        await this.hooks.run('PageMoveComplete', oldTitle, newTitle, performer, result.pageId, result.redirectId, options.reason, result.nullRevisionId);
        return { ok: true, pageId: result.pageId, redirectId: result.redirectId, nullRevisionId: result.nullRevisionId, logId: result.logId };
      } catch (error) {
        if (!(error instanceof SourceChanged)) throw error;
      }
    }
    return { ok: false, errors: [{ key: 'movepage-page-unmoved', params: [oldTitle.getPrefixedText(), newTitle.getPrefixedText()] }] };
  }

  /** WikitextContentHandler::makeRedirectContent(): "#REDIRECT [[Target]]", a colon before files and categories. */
  redirectText(target: Title): string {
    const colon = target.getNamespace() === NS_FILE || target.getNamespace() === NS_CATEGORY ? ':' : '';
    const extra = this.messages.msg('move-redirect-text', this.contentLanguage).plain();
    return `#REDIRECT [[${colon}${target.getFullText()}]]${extra !== '' && extra !== '-' ? `\n${extra}` : ''}`;
  }

  private async moveInTransaction(
    trx: Knex.Transaction,
    oldTitle: Title,
    newTitle: Title,
    performer: UserIdentity,
    options: MoveOptions,
    latest: RevisionRecord,
    timestamp: string,
    movedPrepared: PreparedEdit,
    redirectPrepared: PreparedEdit | null,
  ): Promise<{ errors: PermissionError[] } | { pageId: number; redirectId: number; nullRevisionId: number; logId: number; deleted: DeletedPage | null }> {
    const source = await lockPage(trx, oldTitle);
    if (!source) return { errors: [{ key: 'movepage-source-doesnt-exist', params: [oldTitle.getPrefixedText()] }] };
    if (source.latest !== latest.id) throw new SourceChanged();
    const target = await lockPage(trx, newTitle);
    let deleted: DeletedPage | null = null;
    if (target) {
      if (!(await this.isValidMoveTarget(oldTitle, newTitle, trx))) return { errors: [{ key: 'articleexists', params: [newTitle.getPrefixedText()] }] };
      const reason = this.messages.msg('delete_and_move_reason', this.contentLanguage, oldTitle.getPrefixedText()).text();
      deleted = await this.deletePage.deleteInTransaction(trx, newTitle, performer, reason, { logSubtype: 'delete_redir', ip: options.ip });
    }
    const overRedirect = deleted !== null;
    const actorId = await this.actors.acquireActorId(performer, trx);
    const lang = this.contentLanguage;
    let comment = this.messages.msg(overRedirect ? '1movedto2_redir' : '1movedto2', lang, oldTitle.getPrefixedText(), newTitle.getPrefixedText()).text();
    if (options.reason !== '') comment += this.messages.msg('colon-separator', lang).text() + options.reason;

    // The null revision: the latest content again, under the new name (RevisionStore::newNullRevision, minor).
    const [nullRow] = await trx('revision')
      .insert({
        rev_page: source.id,
        rev_parent_id: latest.id,
        rev_text_id: latest.textId,
        rev_comment: comment,
        rev_actor: actorId,
        rev_timestamp: timestamp,
        rev_minor_edit: true,
        rev_len: latest.length,
        rev_sha1: latest.sha1,
      })
      .returning('rev_id');
    const nullRevisionId = idOf(nullRow, 'rev_id');
    await trx('page').where('page_id', source.id).update({ page_namespace: newTitle.getNamespace(), page_title: newTitle.getDBkey(), page_latest: nullRevisionId, page_touched: timestamp });
    const moved = pageFromRow(await trx('page').where('page_id', source.id).first());
    await this.runDerivedUpdates(trx, newTitle, moved, nullRevisionId, movedPrepared, false);

    let redirectId = 0;
    if (redirectPrepared) redirectId = await this.createRedirect(trx, oldTitle, redirectPrepared, actorId, comment, timestamp);

    // Protection follows the page id; the target's create protection has served its purpose (MovePage::moveToInternal).
    await trx('protected_titles').where({ pt_namespace: newTitle.getNamespace(), pt_title: newTitle.getDBkey() }).delete();
    const protectedRow = await trx('page_restrictions').where('pr_page', source.id).first('pr_id');
    if (protectedRow) {
      let protectComment = this.messages.msg('prot_1movedto2', lang, oldTitle.getPrefixedText(), newTitle.getPrefixedText()).text();
      if (options.reason !== '') protectComment += this.messages.msg('colon-separator', lang).text() + options.reason;
      await this.logStore.insert(
        { type: 'protect', action: 'move_prot', actorId, namespace: newTitle.getNamespace(), dbKey: newTitle.getDBkey(), pageId: source.id, comment: protectComment, params: { '4::oldtitle': oldTitle.getPrefixedText() }, ip: this.ipOf(performer, options), timestamp },
        trx,
      );
    }
    // Watchers of the old title (subject and talk) also watch the new one.
    for (const [from, to] of [[oldTitle, newTitle], ...(oldTitle.canHaveTalkPage() && newTitle.canHaveTalkPage() ? [[oldTitle.getTalkPage(), newTitle.getTalkPage()]] : [])] as Array<[Title, Title]>) {
      await trx.raw(
        'INSERT INTO watchlist (wl_user, wl_namespace, wl_title, wl_notificationtimestamp) SELECT wl_user, ?, ?, wl_notificationtimestamp FROM watchlist WHERE wl_namespace = ? AND wl_title = ? ON CONFLICT DO NOTHING',
        [to.getNamespace(), to.getDBkey(), from.getNamespace(), from.getDBkey()],
      );
    }

    const logId = await this.logStore.insert(
      {
        type: 'move',
        action: overRedirect ? 'move_redir' : 'move',
        actorId,
        namespace: oldTitle.getNamespace(),
        dbKey: oldTitle.getDBkey(),
        pageId: source.id,
        comment: options.reason,
        params: { '4::target': newTitle.getPrefixedText(), '5::noredir': redirectPrepared ? '0' : '1' },
        ip: this.ipOf(performer, options),
        timestamp,
      },
      trx,
    );
    return { pageId: source.id, redirectId, nullRevisionId, logId, deleted };
  }

  private ipOf(performer: UserIdentity, options: MoveOptions): string {
    return performer.id > 0 ? '' : options.ip ?? performer.name;
  }

  /** The redirect left at the old title: a new page with one revision and its link rows. */
  private async createRedirect(trx: Knex.Transaction, oldTitle: Title, prepared: PreparedEdit, actorId: number, comment: string, timestamp: string): Promise<number> {
    const text = prepared.text;
    const [textRow] = await trx('text').insert({ old_text: text }).returning('old_id');
    const [pageRow] = await trx('page')
      .insert({
        page_namespace: oldTitle.getNamespace(),
        page_title: oldTitle.getDBkey(),
        page_is_redirect: true,
        page_is_new: true,
        page_touched: timestamp,
        page_latest: 0,
        page_len: byteLength(text),
        page_content_model: defaultContentModel(oldTitle),
      })
      .returning('page_id');
    const pageId = idOf(pageRow, 'page_id');
    const [revRow] = await trx('revision')
      .insert({
        rev_page: pageId,
        rev_parent_id: null,
        rev_text_id: idOf(textRow, 'old_id'),
        rev_comment: comment,
        rev_actor: actorId,
        rev_timestamp: timestamp,
        rev_minor_edit: false,
        rev_len: byteLength(text),
        rev_sha1: revisionSha1(text),
      })
      .returning('rev_id');
    const revId = idOf(revRow, 'rev_id');
    await trx('page').where('page_id', pageId).update({ page_latest: revId });
    const page = pageFromRow(await trx('page').where('page_id', pageId).first());
    await this.runDerivedUpdates(trx, oldTitle, page, revId, { ...prepared, revisionId: revId, pageId }, true);
    return pageId;
  }

  private async runDerivedUpdates(trx: Knex.Transaction, title: Title, page: PageRecord, revisionId: number, prepared: PreparedEdit, created: boolean): Promise<void> {
    const revision = await this.revisions.getRevisionById(revisionId, trx);
    if (!revision) throw new Error(`Revision ${revisionId} vanished`);
    const change = { title, page, revision, text: prepared.text, created };
    for (const updater of this.derivedUpdaters()) await updater.update(trx, change, prepared);
  }

  private async findPage(title: Title, trx: Knex = this.db): Promise<PageRecord | null> {
    if (!title.canExist()) return null;
    const row = await trx('page').where({ page_namespace: title.getNamespace(), page_title: title.getDBkey() }).first();
    return row ? pageFromRow(row) : null;
  }
}

/** The messages MediaWiki gives the target of a move (PermissionManager's `move-target` and create checks). */
function moveTargetError(error: PermissionError): PermissionError {
  switch (error.key) {
    case 'cant-move-user-page':
      return { ...error, key: 'cant-move-to-user-page' };
    case 'cant-move-category-page':
      return { ...error, key: 'cant-move-to-category-page' };
    case 'titleprotected':
      return { key: 'cantmove-titleprotected', params: [] };
    default:
      return error;
  }
}

function idOf(row: unknown, column: string): number {
  if (typeof row === 'number') return row;
  return Number((row as Record<string, unknown>)[column]);
}
