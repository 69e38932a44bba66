/**
 * Watched pages (MediaWiki's WatchedItemStore and WatchlistManager).
 *
 * A page and its talk page are watched together, as in MediaWiki: the
 * `watchlist` table holds one row per watched subject page (MediaWiki keeps
 * a second row for the talk page; here the subject row stands for both), so
 * watching or unwatching "Talk:Foo" is watching or unwatching "Foo", and
 * isWatched() is true for both. Special and Media pages cannot be watched
 * (Title::isWatchable).
 */
import type { Knex } from 'knex';
import type { BaseServices } from '../services/Services';
import type { NamespaceInfo } from '../title/NamespaceInfo';

/** A page by namespace and DB key (a Title or a page record both fit). */
export interface WatchTarget {
  namespace: number;
  dbKey: string;
}

function targetOf(title: WatchTarget | { getNamespace(): number; getDBkey(): string }): WatchTarget {
  return 'getNamespace' in title ? { namespace: title.getNamespace(), dbKey: title.getDBkey() } : title;
}

export type WatchTitle = WatchTarget | { getNamespace(): number; getDBkey(): string };

/** A watchlist row: the subject page (its talk page is watched with it). */
export interface WatchedItem extends WatchTarget {
  /** wl_notificationtimestamp: when a change was first made since the user last saw the page (null: seen). */
  notificationTimestamp: string | null;
}

export class WatchedItemStore {
  constructor(
    private readonly db: Knex,
    private readonly namespaceInfo: NamespaceInfo,
  ) {}

  /** Title::isWatchable(): any page that can exist (namespace >= 0) with a name. */
  isWatchable(title: WatchTitle): boolean {
    const { namespace, dbKey } = targetOf(title);
    return namespace >= 0 && dbKey !== '' && this.namespaceInfo.exists(namespace);
  }

  /** The row that stands for a page and its talk page: the subject page's. */
  private subjectOf(title: WatchTitle): WatchTarget {
    const { namespace, dbKey } = targetOf(title);
    return { namespace: this.namespaceInfo.getSubject(namespace), dbKey };
  }

  async isWatched(userId: number, title: WatchTitle): Promise<boolean> {
    if (userId <= 0 || !this.isWatchable(title)) return false;
    const { namespace, dbKey } = this.subjectOf(title);
    const row = await this.db('watchlist').where({ wl_user: userId, wl_namespace: namespace, wl_title: dbKey }).first('wl_id');
    return row !== undefined;
  }

  /**
   * Adds pages (each with its talk page); pages already watched and
   * unwatchable titles are skipped. Returns how many were added.
   */
  async watch(userId: number, titles: readonly WatchTitle[], db: Knex = this.db): Promise<number> {
    if (userId <= 0) throw new Error('Anonymous users have no watchlist');
    const rows = this.uniqueSubjects(titles).map(({ namespace, dbKey }) => ({ wl_user: userId, wl_namespace: namespace, wl_title: dbKey, wl_notificationtimestamp: null }));
    if (rows.length === 0) return 0;
    const before = await this.countWatchedItems(userId, db);
    // Chunked: SQLite limits the number of bound parameters per statement.
    for (let i = 0; i < rows.length; i += 200) {
      await db('watchlist').insert(rows.slice(i, i + 200)).onConflict(['wl_user', 'wl_namespace', 'wl_title']).ignore();
    }
    return (await this.countWatchedItems(userId, db)) - before;
  }

  /** Removes pages (each with its talk page). Returns how many were removed. */
  async unwatch(userId: number, titles: readonly WatchTitle[], db: Knex = this.db): Promise<number> {
    if (userId <= 0) return 0;
    let removed = 0;
    for (const { namespace, dbKey } of this.uniqueSubjects(titles)) {
      removed += await db('watchlist').where({ wl_user: userId, wl_namespace: namespace, wl_title: dbKey }).delete();
    }
    return removed;
  }

  /** WatchlistManager::setWatch(): watch or unwatch as the flag says. */
  async setWatch(watch: boolean, userId: number, title: WatchTitle): Promise<void> {
    if (watch) await this.watch(userId, [title]);
    else await this.unwatch(userId, [title]);
  }

  /** The watched subject pages, by namespace then title (as Special:EditWatchlist lists them). */
  async list(userId: number, options: { limit?: number } = {}): Promise<WatchedItem[]> {
    if (userId <= 0) return [];
    const q = this.db('watchlist').where({ wl_user: userId }).select('wl_namespace', 'wl_title', 'wl_notificationtimestamp').orderBy([{ column: 'wl_namespace' }, { column: 'wl_title' }]);
    if (options.limit !== undefined) q.limit(options.limit);
    const rows: Array<{ wl_namespace: number; wl_title: string; wl_notificationtimestamp: string | null }> = await q;
    return rows.map((r) => ({ namespace: Number(r.wl_namespace), dbKey: r.wl_title, notificationTimestamp: r.wl_notificationtimestamp ?? null }));
  }

  /** How many pages are watched, not counting their talk pages ("N pages on your watchlist (plus talk pages)"). */
  async countWatchedItems(userId: number, db: Knex = this.db): Promise<number> {
    if (userId <= 0) return 0;
    const row = await db('watchlist').where({ wl_user: userId }).count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  /** Empties the watchlist (Special:EditWatchlist/clear). Returns how many pages were removed. */
  async clear(userId: number): Promise<number> {
    if (userId <= 0) return 0;
    return this.db('watchlist').where({ wl_user: userId }).delete();
  }

  /** Watchable titles as subject rows, each once. */
  private uniqueSubjects(titles: readonly WatchTitle[]): WatchTarget[] {
    const seen = new Map<string, WatchTarget>();
    for (const title of titles) {
      if (!this.isWatchable(title)) continue;
      const subject = this.subjectOf(title);
      seen.set(`${subject.namespace}:${subject.dbKey}`, subject);
    }
    return [...seen.values()];
  }
}

export interface WatchlistServices {
  readonly watchedItemStore: WatchedItemStore;
}

export function createWatchlistServices(base: BaseServices): WatchlistServices {
  return { watchedItemStore: new WatchedItemStore(base.db, base.namespaceInfo) };
}
