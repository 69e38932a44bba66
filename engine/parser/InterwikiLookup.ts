/**
 * Interwiki prefixes → URLs (MediaWiki's InterwikiLookup over the interwiki
 * table). A prefix is recognised case-insensitively before the first colon,
 * unless it names a local namespace.
 */
import { wfUrlencode } from '../title/urlencode';
import { escapeIdForLink } from '../title/Title';
import { escapeIdForExternalInterwiki } from './sanitizer/IdEscaping';
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

  private readonly localPrefixes: ReadonlySet<string>;

  constructor(
    map: Readonly<Record<string, InterwikiEntry>>,
    private readonly namespaces: NamespaceInfo,
    /** $wgLocalInterwikis: prefixes that name this wiki itself. */
    localInterwikis: readonly string[] = [],
  ) {
    this.map = new Map(Object.entries(map).map(([prefix, entry]) => [prefix.toLowerCase(), entry]));
    this.localPrefixes = new Set(localInterwikis.map((p) => p.toLowerCase()));
  }

  /**
   * Strips prefixes that name this wiki ("local:local:Foo" → "Foo"), as
   * MediaWiki's TitleParser does for $wgLocalInterwikis; "" means the main page.
   */
  stripLocalPrefixes(target: string): { target: string; stripped: boolean } {
    let rest = target;
    let stripped = false;
    for (;;) {
      const colon = rest.indexOf(':');
      if (colon <= 0 || !this.localPrefixes.has(rest.slice(0, colon).trim().toLowerCase())) return { target: rest, stripped };
      rest = rest.slice(colon + 1).replace(/^\s*/, '');
      stripped = true;
    }
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
    // A colon right after the prefix only escapes what follows ("meatball::Category:X").
    const page = decodePercent((hash >= 0 ? rest.slice(0, hash) : rest).trim().replace(/^:/, ''));
    const fragment = hash >= 0 ? rest.slice(hash + 1) : '';
    const pageKey = page.replace(/ /g, '_');
    // An empty page name leaves the URL's "?$1" off entirely (T4372).
    let url = page === '' ? entry.url.replace(/\??\$1/, '') : entry.url.replace('$1', wfUrlencode(pageKey));
    // Fragments on other wikis use $wgExternalInterwikiFragmentMode ('legacy'); wikis of this farm, ours.
    if (fragment) url += `#${entry.local ? escapeIdForLink(fragment) : escapeIdForExternalInterwiki(fragment)}`;
    return { prefix, entry, page, fragment, url, titleText: `${prefix}:${page.replace(/_/g, ' ')}` };
  }
}

/** Percent-escapes in a link target are decoded first, as MediaWiki does for link targets (rawurldecode). */
function decodePercent(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return text;
  }
}
