/**
 * Renders revisions through the parser cache (MediaWiki's ParserOutputAccess):
 * a repeat view of the same revision with the same options is a cache hit
 * and never parses again.
 */
import type { ParserCache } from '../parser/ParserCache';
import { ParserCache as ParserCacheClass } from '../parser/ParserCache';
import type { ParserOutput } from '../parser/ParserOutput';
import type { WikitextRenderer } from '../parser/WikitextRenderer';
import type { RevisionRecord } from '../storage/RevisionRecord';
import type { Title } from '../title/Title';

/** Render options that change the HTML; part of the cache key. */
export interface PageRenderOptions {
  /** Interface language (affects {{int:}}). */
  language: string;
}

export class PageRenderer {
  constructor(
    private readonly renderer: WikitextRenderer,
    private readonly cache: ParserCache,
  ) {}

  static optionsHash(options: PageRenderOptions): string {
    return `lang=${options.language}`;
  }

  /** `text` may be a loader, called only on a cache miss (a cache hit needs no text). */
  async getParserOutput(title: Title, revision: RevisionRecord, text: string | (() => Promise<string>), options: PageRenderOptions): Promise<ParserOutput> {
    const key = ParserCacheClass.key(revision.pageId, revision.id, PageRenderer.optionsHash(options));
    const cached = this.cache.get(key);
    if (cached) return cached;
    const output = await this.renderer.render(typeof text === 'string' ? text : await text(), { title, revisionId: revision.id });
    this.cache.set(key, output);
    return output;
  }

  /** Uncached render (preview, old revisions are cached too, via getParserOutput). */
  async renderUnsaved(title: Title, text: string): Promise<ParserOutput> {
    return this.renderer.render(text, { title, preview: true });
  }
}
