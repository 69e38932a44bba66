/**
 * MediaWiki:Bad image list (MediaWiki's BadFileLookup): files that may not be
 * shown inline, except on the pages listed with them. Only list items count;
 * on each, the first link names the file and any further links are the pages
 * where it may still appear:
 *
 *   * [[File:Bad.jpg]] except on [[Nasty page]]
 */
import type { Title } from '../../title/Title';
import type { TitleFactory } from '../../title/TitleFactory';

export class BadFileList {
  /** Parsed lists by message text: the text changes only when the page is edited. */
  private static readonly cache = new Map<string, BadFileList>();

  private constructor(
    /** File DB key → exceptions as prefixed DB keys of pages. */
    private readonly entries: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  static fromText(text: string, titles: TitleFactory): BadFileList {
    const cached = BadFileList.cache.get(text);
    if (cached) return cached;
    const entries = new Map<string, Set<string>>();
    for (const line of text.split('\n')) {
      if (!line.startsWith('*')) continue;
      let file: string | null = null;
      const exceptions = new Set<string>();
      for (const match of line.matchAll(/\[\[:?(.*?)\]\]/g)) {
        const title = titles.newFromText(match[1]);
        if (!title) continue;
        if (file === null) file = title.getDBkey();
        else exceptions.add(title.getPrefixedDBkey());
      }
      if (file !== null) entries.set(file, exceptions);
    }
    const list = new BadFileList(entries);
    // The list is tiny; keep only the latest few texts (one per wiki in practice).
    if (BadFileList.cache.size > 8) BadFileList.cache.clear();
    BadFileList.cache.set(text, list);
    return list;
  }

  /** Whether the file (DB key without namespace) may not be shown on this page. */
  isBad(fileDbKey: string, page: Title | null): boolean {
    const exceptions = this.entries.get(fileDbKey);
    if (!exceptions) return false;
    return !(page && exceptions.has(page.getPrefixedDBkey()));
  }
}
