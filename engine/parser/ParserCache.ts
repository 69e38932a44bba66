/**
 * Rendered output keyed by page, revision and render options (MediaWiki's
 * ParserCache), so a repeat view never parses again. Entries also remember
 * the templates they used and the pages they link to: saving a template
 * drops every entry that transcluded it, and creating a page drops every
 * entry that showed a red link to it (MediaWiki does both through the link
 * tables and HTMLCacheUpdate; the link tables are consulted too, see
 * createServices, because they also know about entries an external cache
 * kept across a restart). Bounded LRU in process memory.
 */
import type { ParserOutput } from './ParserOutput';

export class ParserCache {
  private readonly entries = new Map<string, ParserOutput>();
  private readonly byTemplate = new Map<string, Set<string>>();
  private readonly byLink = new Map<string, Set<string>>();
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
    this.forget(key);
    this.entries.set(key, output);
    for (const template of output.templates) addTo(this.byTemplate, template, key);
    for (const link of output.links) addTo(this.byLink, link, key);
    while (this.entries.size > this.maxEntries) {
      this.forget(this.entries.keys().next().value as string);
    }
  }

  /** Drops every entry of a page (any revision) — on save, delete, or purge. */
  invalidatePage(pageId: number): void {
    const prefix = `${pageId}:`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.forget(key);
  }

  /** Drops entries that transcluded `prefixedTitle`, directly or through another template. */
  invalidateTemplate(prefixedTitle: string): void {
    for (const key of [...(this.byTemplate.get(prefixedTitle) ?? [])]) this.forget(key);
    this.byTemplate.delete(prefixedTitle);
  }

  /** Drops entries that link to `prefixedTitle` (its link changes colour when it is created or deleted). */
  invalidateLinksTo(prefixedTitle: string): void {
    for (const key of [...(this.byLink.get(prefixedTitle) ?? [])]) this.forget(key);
    this.byLink.delete(prefixedTitle);
  }

  clear(): void {
    this.entries.clear();
    this.byTemplate.clear();
    this.byLink.clear();
  }

  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }

  /** Removes an entry and its reverse-index references, so evicted entries leave nothing behind. */
  private forget(key: string): void {
    const output = this.entries.get(key);
    if (!output) return;
    this.entries.delete(key);
    for (const template of output.templates) removeFrom(this.byTemplate, template, key);
    for (const link of output.links) removeFrom(this.byLink, link, key);
  }
}

function addTo(index: Map<string, Set<string>>, name: string, key: string): void {
  let keys = index.get(name);
  if (!keys) index.set(name, (keys = new Set()));
  keys.add(key);
}

function removeFrom(index: Map<string, Set<string>>, name: string, key: string): void {
  const keys = index.get(name);
  if (!keys) return;
  keys.delete(key);
  if (keys.size === 0) index.delete(name);
}
