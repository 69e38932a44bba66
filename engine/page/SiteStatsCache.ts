/**
 * MediaWiki's SiteStats, kept in memory: NUMBEROFPAGES and friends are read
 * synchronously during a render, so the counts are refreshed from the
 * database at start and after each save, never during a render.
 */
import type { Knex } from 'knex';
import type { SiteStatistics } from '../parser/functions/CoreFunctionDeps';

export class SiteStatsCache {
  private current: SiteStatistics = { pages: 0, articles: 0, files: 0, edits: 0, users: 0, activeUsers: 0, admins: 0 };

  constructor(
    private readonly db: Knex,
    private readonly contentNamespaces: readonly number[],
  ) {}

  get(): SiteStatistics {
    return this.current;
  }

  /** Counts made elsewhere (a render worker takes the main thread's). */
  set(statistics: SiteStatistics): void {
    this.current = statistics;
  }

  private async count(table: string, where?: (q: Knex.QueryBuilder) => void): Promise<number> {
    if (!(await this.db.schema.hasTable(table))) return 0;
    const q = this.db(table).count({ n: '*' });
    if (where) where(q);
    const row = await q.first();
    return Number(row?.n ?? 0);
  }

  /**
   * Recounts. "Articles" are non-redirect pages in content namespaces
   * ($wgArticleCountMethod 'any': MediaWiki's default no longer requires a link).
   */
  async refresh(): Promise<void> {
    const [pages, articles, edits, users, files] = await Promise.all([
      this.count('page'),
      this.count('page', (q) => q.whereIn('page_namespace', [...this.contentNamespaces]).where('page_is_redirect', 0)),
      this.count('revision'),
      this.count('user'),
      this.count('image'),
    ]);
    this.current = { pages, articles, edits, users, files, activeUsers: 0, admins: 0 };
  }
}
