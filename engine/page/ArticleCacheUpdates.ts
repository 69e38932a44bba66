/**
 * What a page appearing or disappearing does to the caches (MediaWiki's
 * WikiPage::onArticleCreate and WikiPage::onArticleDelete), for deletions,
 * undeletions and moves — saves have their own path in createServices.
 *
 * - Links to the title change colour: every cached rendering that links to
 *   it (by the parser cache's own index, and by `pagelinks`, which also
 *   knows renderings made before this process started) is dropped, as
 *   MediaWiki purges the backlinks (HTMLCacheUpdate on `pagelinks`).
 * - Pages that transclude it render differently (`templatelinks`), and the
 *   template text cache forgets it.
 * - A MediaWiki: page is an interface message override: it is set or
 *   removed, and every rendering dropped ({{int:}} can be anywhere).
 * - Site statistics are counted again (SiteStatsUpdate), and the render
 *   workers hear of all this before they render again.
 */
import type { Knex } from 'knex';
import type { MessageOverrides } from '../i18n/MessageOverrides';
import type { ParserCache } from '../parser/ParserCache';
import type { RenderWorkerPool } from '../parser/RenderWorkerPool';
import { backlinkPageIds } from '../storage/LinksUpdate';
import { NS_MEDIAWIKI } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';
import type { PageTemplateSource } from './PageTemplateSource';
import type { SiteStatsCache } from './SiteStatsCache';

export interface ArticleCacheDependencies {
  db: Knex;
  parserCache: ParserCache;
  templateSource: PageTemplateSource;
  siteStats: SiteStatsCache;
  overrides: MessageOverrides;
  /** The render workers, once started (null: rendering in the request thread). */
  renderPool: () => RenderWorkerPool | null;
}

export class ArticleCacheUpdates {
  constructor(private readonly deps: ArticleCacheDependencies) {}

  /** WikiPage::onArticleCreate(): `title` now exists with `text` (a restored page, a moved page's new title, a move's redirect). */
  async onArticleCreate(title: Title, text: string): Promise<void> {
    await this.purgeBacklinks(title, text);
  }

  /** WikiPage::onArticleDelete(): `title` (page `pageId`) no longer exists. */
  async onArticleDelete(title: Title, pageId: number): Promise<void> {
    this.deps.parserCache.invalidatePage(pageId);
    await this.purgeBacklinks(title, null);
  }

  private async purgeBacklinks(title: Title, text: string | null): Promise<void> {
    const { db, parserCache, templateSource, siteStats, overrides } = this.deps;
    const prefixed = title.getPrefixedText();
    const key = { namespace: title.getNamespace(), dbKey: title.getDBkey() };
    await siteStats.refresh();
    const pool = this.deps.renderPool();
    pool?.invalidatePage(prefixed, siteStats.get());
    templateSource.invalidate(prefixed);
    parserCache.invalidateTemplate(prefixed);
    parserCache.invalidateLinksTo(prefixed);
    for (const table of ['pagelinks', 'templatelinks'] as const) {
      for (const id of await backlinkPageIds(db, table, key)) parserCache.invalidatePage(id);
    }
    if (title.getNamespace() === NS_MEDIAWIKI) {
      overrides.set(title.getDBkey(), text);
      pool?.setMessageOverride(title.getDBkey(), text);
      parserCache.clear();
    }
  }
}
