/**
 * Saves a new revision of a page (MediaWiki's PageUpdater / DerivedPageDataUpdater).
 *
 * Everything that belongs to one edit — the text row, the revision, the page
 * row's latest pointer, the recentchanges row and derived data such as the
 * search index — is written in one transaction. The page row is locked first
 * (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers), and the
 * edit is checked against the revision it was based on, so two concurrent
 * saves can never both believe they are the latest: the later one is either
 * merged three-way with the earlier one or reported as a conflict.
 */
import { Knex } from 'knex';
import { defaultContentModel } from '../content/ContentModel';
import { getRedirectTargetText } from '../content/RedirectParser';
import { byteLength, revisionSha1 } from '../content/Sha1';
import { threeWayMerge } from '../edit/TextMerge';
import type { Title } from '../title/Title';
import type { UserIdentity } from '../user/UserIdentity';
import { toMwTimestamp } from '../util/Timestamp';
import { databaseKind } from '../db/Database';
import { ActorStore } from './ActorStore';
import { PageRecord, pageFromRow } from './PageRecord';
import { insertRecentChange, RC_EDIT, RC_NEW } from './RecentChangeWriter';
import { RevisionRecord } from './RevisionRecord';
import { RevisionStore } from './RevisionStore';

/** Work that must happen in the edit's transaction (search index, link tables, page props). */
export interface DerivedDataUpdater {
  update(trx: Knex.Transaction, change: SavedChange): Promise<void>;
}

export interface SavedChange {
  title: Title;
  page: PageRecord;
  revision: RevisionRecord;
  text: string;
  created: boolean;
}

export interface SaveRequest {
  title: Title;
  text: string;
  user: UserIdentity;
  summary: string;
  minor?: boolean;
  bot?: boolean;
  /**
   * The revision the editor started from (MediaWiki's baseRevId / wpEdittime).
   * 0 means "the page did not exist when I started"; undefined means no
   * conflict detection (a blind save, as the API without basetimestamp).
   */
  baseRevId?: number;
  /** Fail instead of creating the page (API `nocreate`). */
  noCreate?: boolean;
  /** Fail if the page exists (API `createonly`). */
  createOnly?: boolean;
  ip?: string;
  timestamp?: string;
}

export type SaveResult =
  | { status: 'saved'; change: SavedChange; merged: boolean }
  | { status: 'nochange'; page: PageRecord; revision: RevisionRecord }
  /** The base revision is not the latest and the texts could not be merged. */
  | { status: 'conflict'; page: PageRecord; latest: RevisionRecord; latestText: string }
  | { status: 'missingtitle' }
  | { status: 'articleexists'; page: PageRecord }
  | { status: 'toobig'; maxBytes: number };

export class PageUpdater {
  constructor(
    private readonly db: Knex,
    private readonly actors: ActorStore,
    private readonly revisions: RevisionStore,
    private readonly derivedUpdaters: () => readonly DerivedDataUpdater[],
    private readonly maxArticleBytes: number,
    /** Runs after the transaction committed (cache invalidation, then the PageSaveComplete hook). */
    private readonly afterSave: (change: SavedChange, request: SaveRequest) => Promise<void> = async () => {},
  ) {}

  /**
   * MediaWiki's pre-save line-ending normalisation: CRLF/CR → LF and trailing
   * whitespace removed (TextContent::preSaveTransform uses PHP's rtrim, whose
   * set is space, tab, newlines, NUL and vertical tab — a trailing NBSP stays).
   */
  static normalizeText(text: string): string {
    return text.replace(/\r\n?/g, '\n').replace(/[ \t\n\r\0\v]+$/, '');
  }

  async save(request: SaveRequest): Promise<SaveResult> {
    const text = PageUpdater.normalizeText(request.text);
    if (byteLength(text) > this.maxArticleBytes) return { status: 'toobig', maxBytes: this.maxArticleBytes };
    // Two creators of the same new page race on the unique (namespace, title)
    // index; the loser retries once and then goes through the edit path.
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.db.transaction((trx) => this.saveInTransaction(trx, { ...request, text }));
        if (result.status === 'saved') await this.afterSave(result.change, request);
        return result;
      } catch (error) {
        if (attempt < 3 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  private async lockPage(trx: Knex.Transaction, title: Title): Promise<PageRecord | null> {
    const q = trx('page').where({ page_namespace: title.getNamespace(), page_title: title.getDBkey() });
    if (databaseKind(this.db) === 'pg') q.forUpdate();
    const row = await q.first();
    return row ? pageFromRow(row) : null;
  }

  private async saveInTransaction(trx: Knex.Transaction, request: SaveRequest): Promise<SaveResult> {
    const { title } = request;
    let text = request.text;
    const timestamp = request.timestamp ?? toMwTimestamp();
    const existing = await this.lockPage(trx, title);
    let merged = false;
    let parent: RevisionRecord | null = null;

    if (existing) {
      if (request.createOnly) return { status: 'articleexists', page: existing };
      parent = await this.revisions.getRevisionById(existing.latest, trx);
      if (!parent) throw new Error(`Page ${existing.id} has no latest revision`);
      const parentText = await this.revisions.getText(parent, trx);
      const base = request.baseRevId;
      if (base !== undefined && base !== existing.latest) {
        // Stale base: merge our change into what was saved meanwhile (EditPage::mergeChangesIntoContent).
        const baseText = base === 0 ? '' : await this.loadTextOfRevision(trx, base, existing.id);
        const result = baseText === null ? { ok: false as const } : threeWayMerge(baseText, text, parentText);
        if (!result.ok) return { status: 'conflict', page: existing, latest: parent, latestText: parentText };
        text = PageUpdater.normalizeText(result.text);
        merged = true;
      }
      // MediaWiki makes no null revision for an unchanged save.
      if (text === parentText) return { status: 'nochange', page: existing, revision: parent };
    } else if (request.noCreate) {
      return { status: 'missingtitle' };
    }

    const actorId = await this.actors.acquireActorId(request.user, trx);
    const length = byteLength(text);
    const [textRow] = await trx('text').insert({ old_text: text }).returning('old_id');
    const textId = idOf(textRow, 'old_id');

    let pageId: number;
    if (existing) {
      pageId = existing.id;
    } else {
      const [pageRow] = await trx('page')
        .insert({
          page_namespace: title.getNamespace(),
          page_title: title.getDBkey(),
          page_is_redirect: false,
          page_is_new: true,
          page_touched: timestamp,
          page_latest: 0,
          page_len: 0,
          page_content_model: defaultContentModel(title),
        })
        .returning('page_id');
      pageId = idOf(pageRow, 'page_id');
    }

    const [revRow] = await trx('revision')
      .insert({
        rev_page: pageId,
        rev_parent_id: parent ? parent.id : null,
        rev_text_id: textId,
        rev_comment: request.summary,
        rev_actor: actorId,
        rev_timestamp: timestamp,
        rev_minor_edit: Boolean(request.minor) && Boolean(existing),
        rev_len: length,
        rev_sha1: revisionSha1(text),
      })
      .returning('rev_id');
    const revId = idOf(revRow, 'rev_id');

    const isRedirect = defaultContentModel(title) === 'wikitext' && getRedirectTargetText(text) !== null;
    await trx('page').where({ page_id: pageId }).update({
      page_latest: revId,
      page_len: length,
      page_touched: timestamp,
      page_is_new: !existing,
      page_is_redirect: isRedirect,
    });

    if (request.user.id > 0) {
      await trx('user').where({ user_id: request.user.id }).increment('user_editcount', 1);
    }

    await insertRecentChange(trx, {
      timestamp,
      actorId,
      namespace: title.getNamespace(),
      dbKey: title.getDBkey(),
      comment: request.summary,
      minor: Boolean(request.minor) && Boolean(existing),
      bot: Boolean(request.bot),
      type: existing ? RC_EDIT : RC_NEW,
      pageId,
      thisOldId: revId,
      lastOldId: parent ? parent.id : 0,
      oldLength: parent ? parent.length : null,
      newLength: length,
      ip: request.user.id > 0 ? '' : request.ip ?? request.user.name,
    });

    const pageRow = await trx('page').where({ page_id: pageId }).first();
    const revision = await this.revisions.getRevisionById(revId, trx);
    if (!revision) throw new Error('Inserted revision vanished');
    const change: SavedChange = { title, page: pageFromRow(pageRow), revision, text, created: !existing };
    for (const updater of this.derivedUpdaters()) await updater.update(trx, change);
    return { status: 'saved', change, merged };
  }

  private async loadTextOfRevision(trx: Knex, revId: number, pageId: number): Promise<string | null> {
    const rev = await this.revisions.getRevisionById(revId, trx);
    if (!rev || rev.pageId !== pageId) return null;
    return this.revisions.getText(rev, trx);
  }
}

function idOf(row: unknown, column: string): number {
  if (typeof row === 'number') return row;
  return Number((row as Record<string, unknown>)[column]);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '');
}
