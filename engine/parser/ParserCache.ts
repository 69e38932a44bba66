/**
 * Rendered output keyed by page, revision and render options (MediaWiki's
 * ParserCache), so a repeat view never parses again. Entries also remember
 * the templates they used: saving a template drops every entry that
 * transcluded it. Bounded LRU in process memory.
 */
import type { ParserOutput } from './ParserOutput';

export class ParserCache {
  private readonly entries = new Map<string, ParserOutput>();
  private readonly byTemplate = new Map<string, Set<string>>();
  private hits = 0;
  private misses = 0;

  constructor(private readonly maxEntries = 2000) {}

  static key(pageId: number, revisionId: number, optionsHash: string): string {
    return `${pageId}:${revisionId}:${optionsHash}`;
  }

  get(key: string): ParserOutput | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Refresh recency: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, output: ParserOutput): void {
    this.entries.delete(key);
    this.entries.set(key, output);
    for (const template of output.templates) {
      if (!this.byTemplate.has(template)) this.byTemplate.set(template, new Set());
      this.byTemplate.get(template)!.add(key);
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Drops every entry of a page (any revision) — on save, delete, or purge. */
  invalidatePage(pageId: number): void {
    const prefix = `${pageId}:`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Drops entries that transcluded `prefixedTitle`, directly or through another template. */
  invalidateTemplate(prefixedTitle: string): void {
    const keys = this.byTemplate.get(prefixedTitle);
    if (!keys) return;
    for (const key of keys) this.entries.delete(key);
    this.byTemplate.delete(prefixedTitle);
  }

  clear(): void {
    this.entries.clear();
    this.byTemplate.clear();
  }

  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }
}
