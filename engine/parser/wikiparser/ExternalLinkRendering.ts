/**
 * External and magic links as MediaWiki renders them (Parser::handleExternalLinks,
 * makeFreeExternalLink, magicLinkCallback; Linker::makeExternalLink):
 *   [http://x text] → class="external text"
 *   [http://x]      → class="external autonumber", text "[n]" numbered per page
 *   http://x        → class="external free"
 *   ISBN/RFC/PMID   → Special:BookSources / IETF / PubMed, when $wgEnableMagicLinks allows
 * URLs keep the form the author wrote (no WHATWG canonicalisation: MediaWiki
 * does not add a trailing slash or a scheme); only characters that can't
 * stand in a URL are percent-encoded (Parser::normalizeLinkUrl).
 */
import type { TitleFactory } from '../../title/TitleFactory';
import type { RenderContext } from '../RenderContext';
import { escapeHtml } from './tokens';
import { decodeCharReferences } from '../sanitizer/CharReferences';
import type { WikiToken } from './tokens';

export interface MagicLinkSettings {
  ISBN: boolean;
  PMID: boolean;
  RFC: boolean;
}

export interface ExternalLinkDeps {
  titles: TitleFactory;
  current(): RenderContext | null;
  /** $wgNoFollowLinks. */
  noFollow: boolean;
  /** $wgNoFollowDomainExceptions. */
  noFollowDomainExceptions: readonly string[];
  magicLinks: MagicLinkSettings;
}

/**
 * Parser::normalizeLinkUrl, simplified to what matters in HTML: characters
 * that are not allowed unescaped in a URL are percent-encoded, existing
 * escapes are kept as written.
 */
export function normalizeLinkUrl(url: string): string {
  // Control characters can't stand in a URL either: they are matched on purpose.
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\s"<>[\]^`{|}\u0000-\u001f\u007f]/g, (c) => {
    if (c === '[' || c === ']') return c === '[' ? '%5B' : '%5D';
    return encodeURIComponent(c);
  });
}

function relAttribute(url: string, deps: ExternalLinkDeps): string {
  if (!deps.noFollow) return '';
  let host = '';
  try {
    host = new URL(url.startsWith('//') ? `http:${url}` : url).hostname;
  } catch {
    // Unparseable hosts get nofollow, like any other external link.
  }
  const excepted = deps.noFollowDomainExceptions.some((domain) => host === domain || host.endsWith(`.${domain}`));
  return excepted ? '' : ' rel="nofollow"';
}

function autonumber(ctx: RenderContext): number {
  const counter = ctx.getExtensionData('core-extlink-autonumber', () => ({ next: 1 }));
  return counter.next++;
}

/** `[url text]` and `[url]`. */
export function renderBracketedExternalLink(token: WikiToken, opt: object | undefined, deps: ExternalLinkDeps): string | null {
  const ctx = deps.current();
  if (!ctx) return null;
  const url = token.firstChild!.text!().trim();
  const href = normalizeLinkUrl(decodeCharReferences(url));
  ctx.externalLinks.push(href);
  const rel = relAttribute(href, deps);
  if (token.length > 1) {
    const inner = (token.lastChild as WikiToken).toHtmlInternal!({ ...(opt ?? {}), nowrap: true });
    if (inner.trim() !== '') return `<a${rel} class="external text" href="${escapeHtml(href)}">${inner}</a>`;
  }
  return `<a${rel} class="external autonumber" href="${escapeHtml(href)}">[${autonumber(ctx)}]</a>`;
}

/** Free URLs and ISBN/RFC/PMID magic links (one token class in the library). */
export function renderMagicOrFreeLink(token: WikiToken, deps: ExternalLinkDeps): string | null {
  const ctx = deps.current();
  if (!ctx) return null;
  const text = token.text!();
  if (token.type === 'free-ext-link') {
    // Character references are decoded before the URL is normalised, and the
    // link shows the normalised URL (Parser::makeFreeExternalLink).
    const href = normalizeLinkUrl(decodeCharReferences(text));
    ctx.externalLinks.push(href);
    return `<a${relAttribute(href, deps)} class="external free" href="${escapeHtml(href)}">${escapeHtml(href)}</a>`;
  }
  const match = /^(ISBN|RFC|PMID)[\s\u00a0]+(.*)$/s.exec(text);
  if (!match) return null;
  const [, kind, rest] = match as unknown as [string, keyof MagicLinkSettings, string];
  // A disabled magic link is plain text (MediaWiki's $wgEnableMagicLinks).
  if (!deps.magicLinks[kind]) return escapeHtml(text);
  const shown = escapeHtml(text.replace(/[\s\u00a0]+/g, ' '));
  if (kind === 'ISBN') {
    const isbn = rest.replace(/[^0-9Xx]/g, '').toUpperCase();
    const title = deps.titles.makeTitle(-1, `BookSources/${isbn}`);
    return `<a href="${escapeHtml(title.getLinkURL())}" class="internal mw-magiclink-isbn">${shown}</a>`;
  }
  const number = rest.replace(/\D/g, '');
  const href = kind === 'RFC' ? `https://datatracker.ietf.org/doc/html/rfc${number}` : `//www.ncbi.nlm.nih.gov/pubmed/${number}?dopt=Abstract`;
  const cls = kind === 'RFC' ? 'mw-magiclink-rfc' : 'mw-magiclink-pmid';
  return `<a class="external ${cls}"${relAttribute(href, deps)} href="${escapeHtml(href)}">${shown}</a>`;
}
