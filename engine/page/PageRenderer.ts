/**
 * Renders revisions through the parser cache (MediaWiki's ParserOutputAccess):
 * a repeat view of the same revision with the same options is a cache hit
 * and never parses again. Misses render in the render worker pool when there
 * is one, so a slow page doesn't hold up other requests, and concurrent
 * misses for the same key share one render (MediaWiki's PoolCounter work).
 */
import type { ParserCache } from '../parser/ParserCache';
import { ParserCache as ParserCacheClass } from '../parser/ParserCache';
import type { ParserOutput } from '../parser/ParserOutput';
import type { RenderWorkerPool } from '../parser/RenderWorkerPool';
import type { RevisionFacts } from '../parser/functions/CoreFunctionDeps';
import type { WikitextRenderer } from '../parser/WikitextRenderer';
import type { RevisionRecord } from '../storage/RevisionRecord';
import type { Title } from '../title/Title';
import { fromMwTimestamp } from '../util/Timestamp';

/** Render options that change the HTML; part of the cache key. */
export interface PageRenderOptions {
  /** Interface language (affects {{int:}}). */
  language: string;
}

export class PageRenderer {
  private pool: RenderWorkerPool | null = null;
  /** Renders in progress by cache key (and, with a pool, invalidation mark). */
  private readonly inFlight = new Map<string, Promise<ParserOutput>>();

  constructor(
    private readonly renderer: WikitextRenderer,
    private readonly cache: ParserCache,
  ) {}

  static optionsHash(options: PageRenderOptions): string {
    return `lang=${options.language}`;
  }

  /** From now on, renders go to `pool` (the pool is started after the services it renders with). */
  renderInWorkers(pool: RenderWorkerPool): void {
    this.pool = pool;
  }

  /** `text` may be a loader, called only on a cache miss (a cache hit needs no text). */
  async getParserOutput(title: Title, revision: RevisionRecord, text: string | (() => Promise<string>), options: PageRenderOptions): Promise<ParserOutput> {
    const key = ParserCacheClass.key(revision.pageId, revision.id, PageRenderer.optionsHash(options));
    const cached = this.cache.get(key);
    if (cached) return cached;
    // A request that comes after an invalidation must not join a render that
    // started before it: that render may show the old template.
    const flightKey = this.pool ? `${key}@${this.pool.invalidationMark()}` : key;
    let flight = this.inFlight.get(flightKey);
    if (!flight) {
      flight = this.renderAndCache(key, title, revision, text).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, flight);
    }
    return flight;
  }

  /** Uncached render (preview, old revisions are cached too, via getParserOutput). */
  async renderUnsaved(title: Title, text: string): Promise<ParserOutput> {
    if (this.pool) return this.pool.render({ title: { namespace: title.getNamespace(), dbKey: title.getDBkey() }, text, preview: true, now: new Date() });
    return this.renderer.render(text, { title, preview: true });
  }

  private async renderAndCache(key: string, title: Title, revision: RevisionRecord, text: string | (() => Promise<string>)): Promise<ParserOutput> {
    const source = typeof text === 'string' ? text : await text();
    // The facts a save renders with (PageUpdater's prepareContent), so a view
    // rendered later shows the same REVISIONUSER, REVISIONTIMESTAMP …
    const facts: RevisionFacts = { id: revision.id, timestamp: fromMwTimestamp(revision.timestamp), user: revision.actorName, size: revision.length, pageId: revision.pageId };
    const pool = this.pool;
    if (!pool) {
      const output = await this.renderer.render(source, { title, revisionId: revision.id, revision: facts });
      this.cache.set(key, output);
      return output;
    }
    const mark = pool.invalidationMark();
    const output = await pool.render({ title: { namespace: title.getNamespace(), dbKey: title.getDBkey() }, text: source, revisionId: revision.id, revision: facts, now: new Date() });
    // Saved while it rendered: a template it used (or a page it links to) may
    // have changed under it. The request still gets it; the cache doesn't.
    if (!pool.changedSince(mark, [...output.templates, ...output.links])) this.cache.set(key, output);
    return output;
  }
}
