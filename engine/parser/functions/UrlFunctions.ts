/**
 * URL and name functions: localurl, fullurl, canonicalurl (and their …E
 * forms), urlencode, anchorencode, ns, nse, #special and #speciale
 * (CoreParserFunctions).
 */
import type { ParserHookRegistry } from '../ParserHooks';
import type { Title } from '../../title/Title';
import { escapeIdForLink } from '../../title/Title';
import { NS_FILE, NS_MEDIA, NS_SPECIAL, NS_TEMPLATE } from '../../title/NamespaceInfo';
import { phpUrlencode, wfUrlencode } from '../../title/urlencode';
import type { CoreFunctionDeps } from './CoreFunctionDeps';
import { escapeWikiText, htmlSpecialChars, killMarkers, phpTrim } from './WikitextEscaping';

/**
 * What MediaWiki does when a parser function answers [ 'found' => false ]:
 * the call is taken as a transclusion of "Template:Name:arg", which is
 * normally a red link to that template.
 */
export function notFound(name: string, arg: string, deps: CoreFunctionDeps): string {
  const title = deps.titles.makeTitleSafe(NS_TEMPLATE, `${name}:${arg}`);
  return title ? `[[:${title.getPrefixedText()}]]` : escapeWikiText(`{{${name}:${arg}}}`);
}

/** PHP urldecode(): '+' is a space; a malformed escape is left as written. */
function phpUrldecode(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(%[0-9a-f]{2})+/gi, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

/** PHP rawurlencode(): RFC 3986, space as %20, only A-Z a-z 0-9 - _ . ~ left alone. */
function rawUrlencode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

type UrlKind = 'local' | 'full' | 'canonical';

/** wfAppendQuery(): '?' or '&' before the query, ahead of any fragment. */
function appendQuery(url: string, query: string): string {
  if (query === '') return url;
  const hash = url.indexOf('#');
  const base = hash >= 0 ? url.slice(0, hash) : url;
  const fragment = hash >= 0 ? url.slice(hash) : '';
  return `${base}${base.includes('?') ? '&' : '?'}${query}${fragment}`;
}

/**
 * CoreParserFunctions::urlFunction(): the title as written, or else
 * URL-decoded (values are sometimes encoded before they get here); Media:
 * links to the file page.
 */
function urlFor(kind: UrlKind, text: string, query: string | undefined, deps: CoreFunctionDeps): string | null {
  const interwiki = deps.interwiki?.parsePrefixed(text);
  if (interwiki) {
    // An interwiki title has only its remote URL; the local form leaves out the fragment.
    const url = appendQuery(interwiki.url, query ?? '');
    return kind === 'local' && interwiki.fragment ? url.slice(0, url.lastIndexOf('#')) : url;
  }
  let title: Title | null = deps.titles.newFromText(text) ?? deps.titles.newFromText(phpUrldecode(text));
  if (!title) return null;
  if (title.getNamespace() === NS_MEDIA) title = deps.titles.makeTitle(NS_FILE, title.getDBkey());
  if (kind === 'local') return title.getLocalURL(query);
  if (kind === 'full') return title.getFullURL(query);
  // Title::getCanonicalURL(): $wgCanonicalServer instead of $wgServer.
  const local = title.getLocalURL(query) + title.getFragmentForURL();
  return local.startsWith('/') && !local.startsWith('//') ? (deps.canonicalServer ?? deps.titles.urlConfig.server) + local : local;
}

/** anchorencode's link and quote stripping (Parser::stripSectionName). */
function stripSectionName(text: string): string {
  return (
    text
      // [[target|text]] → text, [[target]] → target
      .replace(/\[\[:?([^[|]+)\|([^[]+)\]\]/g, '$2')
      .replace(/\[\[:?([^[]+)\|?\]\]/g, '$1')
      // [http://x text] → text
      .replace(/\[(?:https?:|ftps?:|mailto:|news:|irc:|ircs:|\/\/)[^ \]]+? ([^[]+)\]/gi, '$1')
      // Bold and italic markup (doQuotes, then tag stripping): runs of 2, 3 or 5 apostrophes vanish.
      .replace(/'{2,}/g, (run) => (run.length === 4 ? "'" : run.length > 5 ? "'".repeat(run.length - 5) : ''))
      .replace(/<[^>]*>/g, '')
  );
}

/** Sanitizer::decodeCharReferences() for the references people write in headings. */
function decodeCharReferences(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (m, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    return named[name!] ?? m;
  });
}

/** MediaWiki's default $wgUrlProtocols, longest first (wfUrlProtocols()). */
const URL_PROTOCOLS = [
  'bitcoin:', 'ftp://', 'ftps://', 'geo:', 'git://', 'gopher://', 'http://', 'https://', 'irc://', 'ircs://', 'magnet:',
  'mailto:', 'matrix:', 'mms://', 'news:', 'nntp://', 'redis://', 'sftp://', 'sip:', 'sips:', 'sms:', 'ssh://', 'svn://',
  'tel:', 'telnet://', 'urn:', 'wikipedia://', 'worldwind://', 'xmpp:',
].sort((a, b) => b.length - a.length);
const URL_PROTOCOL_RE = new RegExp(URL_PROTOCOLS.map((p) => p.replace(/[/]/g, '\\/')).join('|'), 'gi');

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;',
  '{': '&#123;', '}': '&#125;', '[': '&#91;', ']': '&#93;', '|': '&#124;',
};

/**
 * Sanitizer::safeEncodeAttribute(): HTML escaping plus character references
 * for everything a later parse could turn into markup (templates, links,
 * magic links, __MAGIC__ words, URLs).
 */
function safeEncodeAttribute(text: string): string {
  return text
    .replace(/[&<>"'\n\r\t{}[\]|]/g, (c) => ATTRIBUTE_ESCAPES[c])
    .replace(/ISBN/g, '&#73;SBN')
    .replace(/RFC/g, '&#82;FC')
    .replace(/PMID/g, '&#80;MID')
    .replace(/__/g, '&#95;_')
    .replace(URL_PROTOCOL_RE, (m) => m.replace(':', '&#58;'));
}

/** Namespace index for {{ns:}}: a number, or a name or alias in any case. */
function namespaceIndex(arg: string, deps: CoreFunctionDeps): number | undefined {
  // intval( $part1 ) || $part1 == "0"
  const int = /^[ \t\n\r\v\f]*([+-]?\d+)/.exec(arg);
  if (int && Number(int[1]) !== 0) return Number(int[1]);
  if (/^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/.test(arg) && Number(arg) === 0) return 0;
  return deps.titles.namespaceInfo.getNamespaceId(arg.replace(/ /g, '_'));
}

/** CoreParserFunctions::special(): the special page's title, its canonical name when known. */
/**
 * Canonical names of MediaWiki core special pages by their (lower-case) English aliases
 * (SpecialPageFactory's core list, MessagesEn $specialPageAliases): {{#special:}} names them
 * as MediaWiki does even where this wiki has no such page.
 */
const CORE_SPECIAL_PAGE_ALIASES: ReadonlyMap<string, string> = (() => {
  const pages: Record<string, string[]> = {
    Allpages: ['AllPages'],
    Badtitle: [],
    Blankpage: ['BlankPage'],
    Block: ['BlockIP', 'BlockUser'],
    Booksources: ['BookSources'],
    Contributions: ['Contribs'],
    Emailuser: ['EmailUser', 'Email'],
    Export: [],
    Import: [],
    Listusers: ['ListUsers', 'UserList', 'Users'],
    Log: ['Logs'],
    Movepage: ['MovePage'],
    Mypage: ['MyPage'],
    Mytalk: ['MyTalk'],
    Preferences: [],
    Prefixindex: ['PrefixIndex'],
    Random: ['RandomPage'],
    Randomredirect: ['RandomRedirect'],
    Recentchanges: ['RecentChanges'],
    Recentchangeslinked: ['RecentChangesLinked', 'RelatedChanges'],
    Redirect: [],
    Search: [],
    Specialpages: ['SpecialPages'],
    Statistics: ['Stats'],
    Upload: [],
    Userlogin: ['UserLogin', 'Login'],
    Userlogout: ['UserLogout', 'Logout'],
    Version: [],
    Watchlist: [],
    Whatlinkshere: ['WhatLinksHere'],
  };
  const map = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(pages)) {
    map.set(canonical.toLowerCase(), canonical);
    for (const alias of aliases) map.set(alias.toLowerCase(), canonical);
  }
  return map;
})();

function specialPageText(text: string, deps: CoreFunctionDeps): string {
  const slash = text.indexOf('/');
  const name = slash < 0 ? text : text.slice(0, slash);
  const subpage = slash < 0 ? null : text.slice(slash + 1);
  const canonical = deps.specialPageName?.(name) ?? CORE_SPECIAL_PAGE_ALIASES.get(name.replace(/ /g, '_').toLowerCase()) ?? null;
  if (canonical) {
    const title = deps.titles.makeTitleSafe(NS_SPECIAL, subpage === null ? canonical : `${canonical}/${subpage}`);
    if (title) return title.getPrefixedText();
  }
  // An unknown special page keeps the name as given, if it is a valid title.
  const title = deps.titles.makeTitleSafe(NS_SPECIAL, text);
  return title ? title.getPrefixedText() : specialPageText('Badtitle', deps);
}

export function registerUrlFunctions(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  const noHash = { noHash: true };
  const kinds: [string, UrlKind][] = [['localurl', 'local'], ['fullurl', 'full'], ['canonicalurl', 'canonical']];
  for (const [name, kind] of kinds) {
    const url = (args: string[]): string | null => {
      const query = args.length > 1 ? phpTrim(args[1]) : undefined;
      return urlFor(kind, phpTrim(args[0] ?? ''), query, deps);
    };
    registry.setFunctionHook(name, (args) => url(args) ?? notFound(name, phpTrim(args[0] ?? ''), deps), noHash);
    // The …E forms escape the URL for use in HTML attributes.
    registry.setFunctionHook(`${name}e`, (args) => {
      const result = url(args);
      return result === null ? notFound(`${name}e`, phpTrim(args[0] ?? ''), deps) : htmlSpecialChars(result);
    }, noHash);
  }

  registry.setFunctionHook(
    'urlencode',
    (args) => {
      const text = killMarkers(phpTrim(args[0] ?? ''));
      switch (phpTrim(args[1] ?? '').toUpperCase()) {
        case 'WIKI': // like a page name: '_' for ' '
          return wfUrlencode(text.replace(/ /g, '_'));
        case 'PATH': // an HTTP path: '%20' for ' '
          return rawUrlencode(text);
        default: // QUERY: '+' for ' '
          return phpUrlencode(text);
      }
    },
    noHash,
  );

  // Parser::guessSectionNameFromWikiText() without the '#', made safe for an attribute.
  registry.setFunctionHook(
    'anchorencode',
    (args) => {
      const text = stripSectionName(killMarkers(phpTrim(args[0] ?? '')));
      const section = decodeCharReferences(text.replace(/[ _]+/g, ' ').trim());
      return safeEncodeAttribute(escapeIdForLink(section));
    },
    noHash,
  );

  const ns = (args: string[]): string | null => {
    const arg = phpTrim(args[0] ?? '');
    const index = namespaceIndex(arg, deps);
    if (index === undefined) return null;
    return index === 0 ? '' : (deps.titles.namespaceInfo.getNamespaceName(index) ?? '');
  };
  registry.setFunctionHook('ns', (args) => ns(args) ?? notFound('ns', phpTrim(args[0] ?? ''), deps), noHash);
  registry.setFunctionHook('nse', (args) => {
    const name = ns(args);
    return name === null ? notFound('nse', phpTrim(args[0] ?? ''), deps) : wfUrlencode(name.replace(/ /g, '_'));
  }, noHash);

  registry.setFunctionHook('special', (args) => specialPageText(phpTrim(args[0] ?? ''), deps));
  registry.setFunctionHook('speciale', (args) => wfUrlencode(specialPageText(phpTrim(args[0] ?? ''), deps).replace(/ /g, '_')));
}
