/**
 * Interwiki prefixes → URLs (MediaWiki's InterwikiLookup over the interwiki
 * table). A prefix is recognised case-insensitively before the first colon,
 * unless it names a local namespace.
 */
import { wfUrlencode } from '../title/urlencode';
import { escapeIdForLink } from '../title/Title';
import type { NamespaceInfo } from '../title/NamespaceInfo';
import type { InterwikiEntry } from './DefaultInterwikiMap';

export interface InterwikiTarget {
  prefix: string;
  entry: InterwikiEntry;
  /** Page part, as written after the prefix (fragment excluded). */
  page: string;
  fragment: string;
  url: string;
  /** MediaWiki's title attribute: "prefix:Page". */
  titleText: string;
}

export class InterwikiLookup {
  private readonly map: Map<string, InterwikiEntry>;

  constructor(
    map: Readonly<Record<string, InterwikiEntry>>,
    private readonly namespaces: NamespaceInfo,
  ) {
    this.map = new Map(Object.entries(map).map(([prefix, entry]) => [prefix.toLowerCase(), entry]));
  }

  isValidInterwiki(prefix: string): boolean {
    return this.map.has(prefix.trim().toLowerCase());
  }

  getPrefixes(): string[] {
    return [...this.map.keys()];
  }

  getEntry(prefix: string): InterwikiEntry | undefined {
    return this.map.get(prefix.trim().toLowerCase());
  }

  /** Splits "prefix:Page#frag" when prefix is an interwiki; null otherwise. */
  parsePrefixed(target: string): InterwikiTarget | null {
    const colon = target.indexOf(':');
    if (colon <= 0) return null;
    const prefix = target.slice(0, colon).trim().toLowerCase();
    const entry = this.map.get(prefix);
    if (!entry || this.namespaces.getNamespaceId(prefix) !== undefined) return null;
    const rest = target.slice(colon + 1);
    const hash = rest.indexOf('#');
    const page = (hash >= 0 ? rest.slice(0, hash) : rest).trim();
    const fragment = hash >= 0 ? rest.slice(hash + 1) : '';
    const pageKey = page.replace(/ /g, '_');
    let url = entry.url.replace('$1', wfUrlencode(pageKey));
    if (fragment) url += `#${escapeIdForLink(fragment)}`;
    return { prefix, entry, page, fragment, url, titleText: `${prefix}:${page.replace(/_/g, ' ')}` };
  }
}
