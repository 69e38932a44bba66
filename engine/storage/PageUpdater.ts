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
 *
 * The new content is rendered before that transaction (MediaWiki's
 * DerivedPageDataUpdater::prepareContent): rendering reads templates and
 * page existence with queries of its own, and on SQLite's single connection
 * a render inside the transaction would wait for the transaction forever.
 * Derived data (link tables) is then written from that rendering inside the
 * transaction, and after commit the rendering goes into the parser cache,
 * so the first view after a save is a cache hit. If the text that is finally
 * saved differs from the one rendered (a three-way merge with a concurrent
 * edit), the transaction is rolled back, the merged text rendered, and the
 * save tried again (a save that keeps losing that race ends as a conflict).
 */
import { Knex } from 'knex';
import type { ParserOutput } from '../parser/ParserOutput';
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

/**
 * The rendered new content (MediaWiki's PreparedEdit): what a save's derived
 * data is computed from, and what the parser cache gets after commit.
 */
export interface PreparedEdit {
  /** The text that was rendered, after pre-save normalisation and any merge. */
  text: string;
  output: ParserOutput;
  /** The revision and page ids the text was rendered for: guesses, see PrepareRevisionInfo. */
  revisionId: number;
  pageId: number;
}

/** What is known of the revision before it is inserted. */
export interface PrepareRevisionInfo {
  user: UserIdentity;
  /** TS_MW timestamp the revision will get. */
  timestamp: string;
  /**
   * The id the revision will most likely get, as MediaWiki's speculative
   * revision id: {{REVISIONID}} needs an id before the revision exists. A
   * concurrent save can take it first; the rendering is then not cached for
   * the revision (see createServices), while the link tables, which do not
   * depend on it, keep it.
   */
  revisionId: number;
  /** The page's id (PAGEID): a guess like `revisionId` for a page being created. */
  pageId: number;
}

/** Renders the text about to be saved, outside any transaction (DerivedPageDataUpdater::prepareContent). */
export type ContentPreparer = (title: Title, text: string, revision: PrepareRevisionInfo) => Promise<ParserOutput>;

/** Work that must happen in the edit's transaction (search index, link tables, page props). */
export interface DerivedDataUpdater {
  /** `prepared` is the rendering of `change.text`; null when the PageUpdater has no ContentPreparer. */
  update(trx: Knex.Transaction, change: SavedChange, prepared: PreparedEdit | null): Promise<void>;
}

/** The text to save turned out different from the one rendered: render it and try again. */
class StalePreparation extends Error {
  constructor(readonly text: string) {
    super('The prepared rendering is not of the text being saved');
  }
}

/**
 * Renders and retries after a merge changed the text. Each retry means another
 * save of the page committed meanwhile; a save that still loses after this
 * many is reported as an edit conflict, as MediaWiki's PageUpdater reports a
 * page that changed between prepareContent and the save.
 */
const MAX_PREPARE_ATTEMPTS = 20;

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
    private readonly afterSave: (change: SavedChange, request: SaveRequest, prepared: PreparedEdit | null) => Promise<void> = async () => {},
    /** Renders the new content before the transaction; without it derived updaters get no rendering. */
    private readonly prepare: ContentPreparer | null = null,
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
    // Fixed before rendering, so CURRENTTIME-style output and the revision agree.
    const timestamp = request.timestamp ?? toMwTimestamp();
    // Assigned in the loop; the cast keeps TypeScript from narrowing it to null there.
    let prepared = null as PreparedEdit | null;
    let textToRender = text;
    let staleAttempts = 0;
    // Two creators of the same new page race on the unique (namespace, title)
    // index; the loser retries once and then goes through the edit path.
    for (let attempt = 0; ; attempt++) {
      if (this.prepare && prepared?.text !== textToRender) {
        const revisionId = await this.speculativeId('revision', 'rev_id');
        const page = await this.db('page').where({ page_namespace: request.title.getNamespace(), page_title: request.title.getDBkey() }).first('page_id');
        const pageId = page ? Number(page.page_id) : await this.speculativeId('page', 'page_id');
        const info: PrepareRevisionInfo = { user: request.user, timestamp, revisionId, pageId };
        prepared = { text: textToRender, revisionId, pageId, output: await this.prepare(request.title, textToRender, info) };
      }
      const rendered = prepared;
      try {
        const lastChance = staleAttempts === MAX_PREPARE_ATTEMPTS - 1;
        const result = await this.db.transaction((trx) => this.saveInTransaction(trx, { ...request, text, timestamp }, rendered, lastChance));
        if (result.status === 'saved') await this.afterSave(result.change, request, rendered);
        return result;
      } catch (error) {
        if (error instanceof StalePreparation && ++staleAttempts < MAX_PREPARE_ATTEMPTS) {
          textToRender = error.text;
          continue;
        }
        if (attempt < 3 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  /**
   * The id the next row of `table` will get, read from the id generator
   * rather than MAX(id) (MediaWiki's guess), because a PostgreSQL sequence
   * does not go back when a save rolls back: after one failed save MAX + 1
   * would never be right again. SQLite's AUTOINCREMENT counter does roll
   * back with the save.
   */
  private async speculativeId(table: 'revision' | 'page', column: 'rev_id' | 'page_id'): Promise<number> {
    if (databaseKind(this.db) === 'pg') {
      const result = await this.db.raw('SELECT pg_sequence_last_value(pg_get_serial_sequence(?, ?)::regclass) AS last', [table, column]);
      const last = result.rows[0]?.last;
      // NULL: the sequence was never used, so the first id comes next.
      if (last !== null && last !== undefined) return Number(last) + 1;
    } else {
      const row = await this.db('sqlite_sequence').where('name', table).first('seq');
      if (row) return Number(row.seq) + 1;
    }
    const row = await this.db(table).max(`${column} as id`).first();
    return Number(row?.id ?? 0) + 1;
  }

  private async lockPage(trx: Knex.Transaction, title: Title): Promise<PageRecord | null> {
    const q = trx('page').where({ page_namespace: title.getNamespace(), page_title: title.getDBkey() });
    if (databaseKind(this.db) === 'pg') q.forUpdate();
    const row = await q.first();
    return row ? pageFromRow(row) : null;
  }

  private async saveInTransaction(trx: Knex.Transaction, request: SaveRequest, prepared: PreparedEdit | null, lastChance = false): Promise<SaveResult> {
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
      // MediaWiki makes no null revision for an unchanged save, but a null
      // edit still re-runs the derived updates of the current revision: the
      // way to refresh a page's link tables after a template it uses changed.
      if (text === parentText) {
        if (prepared && prepared.text === text) {
          const current: SavedChange = { title, page: existing, revision: parent, text, created: false };
          for (const updater of this.derivedUpdaters()) await updater.update(trx, current, prepared);
        }
        return { status: 'nochange', page: existing, revision: parent };
      }
    } else if (request.noCreate) {
      return { status: 'missingtitle' };
    }
    // Nothing is written yet: a rendering of other text is redone outside the transaction.
    if (this.prepare && prepared?.text !== text) {
      if (lastChance && existing && parent) return { status: 'conflict', page: existing, latest: parent, latestText: await this.revisions.getText(parent, trx) };
      throw new StalePreparation(text);
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
    for (const updater of this.derivedUpdaters()) await updater.update(trx, change, prepared);
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
