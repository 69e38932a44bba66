/**
 * Parsing and construction of titles: the role of MediaWiki's `TitleFactory`,
 * `Title::newFromText` and `MediaWikiTitleCodec::splitTitleString`, whose rules
 * decide which strings name which pages. Getting these exactly right matters:
 * two spellings that MediaWiki treats as one page must be one page here, and a
 * string MediaWiki rejects must be rejected here, or links, imports and
 * redirects would disagree with real wikis.
 *
 * Interwiki prefixes are not handled yet: 'w:Foo' is the main-namespace page 'W:Foo'.
 */

import {
  NS_MAIN,
  NS_SPECIAL,
  NS_TALK,
  NS_USER,
  NS_USER_TALK,
  type NamespaceInfo,
} from './NamespaceInfo';
import { Title, type TitleMaker, type UrlConfig } from './Title';

export type TitleErrorKey =
  | 'title-invalid-empty'
  | 'title-invalid-utf8'
  | 'title-invalid-characters'
  | 'title-invalid-relative'
  | 'title-invalid-magic-tilde'
  | 'title-invalid-too-long'
  | 'title-invalid-leading-colon'
  | 'title-invalid-talk-namespace';

/**
 * MalformedTitleException. `messageKey` is the i18n key MediaWiki uses for the
 * error; `params` are its message parameters (the offending characters for
 * title-invalid-characters, the byte limit for title-invalid-too-long).
 */
export class MalformedTitleError extends Error {
  constructor(
    readonly messageKey: TitleErrorKey,
    readonly titleText: string,
    readonly params: ReadonlyArray<string | number> = [],
  ) {
    super(`${messageKey}: ${JSON.stringify(titleText)}`);
    this.name = 'MalformedTitleError';
  }
}

// ---------------------------------------------------------------------------
// Character references (Sanitizer::decodeCharReferencesAndNormalize)

/**
 * Named character references decoded in titles. MediaWiki decodes every HTML5
 * entity; we carry the HTML 4 set (Latin-1, symbols, specials, plus &apos;),
 * which covers what people type. Any other '&name;' is left as is, and the
 * title is then rejected as title-invalid-characters — the same outcome
 * MediaWiki has for names it doesn't know.
 */
const LATIN1_ENTITIES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';

const OTHER_ENTITIES: Record<string, number> = {
  fnof: 0x192, Alpha: 0x391, Beta: 0x392, Gamma: 0x393, Delta: 0x394, Epsilon: 0x395, Zeta: 0x396,
  Eta: 0x397, Theta: 0x398, Iota: 0x399, Kappa: 0x39a, Lambda: 0x39b, Mu: 0x39c, Nu: 0x39d, Xi: 0x39e,
  Omicron: 0x39f, Pi: 0x3a0, Rho: 0x3a1, Sigma: 0x3a3, Tau: 0x3a4, Upsilon: 0x3a5, Phi: 0x3a6,
  Chi: 0x3a7, Psi: 0x3a8, Omega: 0x3a9, alpha: 0x3b1, beta: 0x3b2, gamma: 0x3b3, delta: 0x3b4,
  epsilon: 0x3b5, zeta: 0x3b6, eta: 0x3b7, theta: 0x3b8, iota: 0x3b9, kappa: 0x3ba, lambda: 0x3bb,
  mu: 0x3bc, nu: 0x3bd, xi: 0x3be, omicron: 0x3bf, pi: 0x3c0, rho: 0x3c1, sigmaf: 0x3c2, sigma: 0x3c3,
  tau: 0x3c4, upsilon: 0x3c5, phi: 0x3c6, chi: 0x3c7, psi: 0x3c8, omega: 0x3c9, thetasym: 0x3d1,
  upsih: 0x3d2, piv: 0x3d6, bull: 0x2022, hellip: 0x2026, prime: 0x2032, Prime: 0x2033, oline: 0x203e,
  frasl: 0x2044, weierp: 0x2118, image: 0x2111, real: 0x211c, trade: 0x2122, alefsym: 0x2135,
  larr: 0x2190, uarr: 0x2191, rarr: 0x2192, darr: 0x2193, harr: 0x2194, crarr: 0x21b5, lArr: 0x21d0,
  uArr: 0x21d1, rArr: 0x21d2, dArr: 0x21d3, hArr: 0x21d4, forall: 0x2200, part: 0x2202, exist: 0x2203,
  empty: 0x2205, nabla: 0x2207, isin: 0x2208, notin: 0x2209, ni: 0x220b, prod: 0x220f, sum: 0x2211,
  minus: 0x2212, lowast: 0x2217, radic: 0x221a, prop: 0x221d, infin: 0x221e, ang: 0x2220, and: 0x2227,
  or: 0x2228, cap: 0x2229, cup: 0x222a, int: 0x222b, there4: 0x2234, sim: 0x223c, cong: 0x2245,
  asymp: 0x2248, ne: 0x2260, equiv: 0x2261, le: 0x2264, ge: 0x2265, sub: 0x2282, sup: 0x2283,
  nsub: 0x2284, sube: 0x2286, supe: 0x2287, oplus: 0x2295, otimes: 0x2297, perp: 0x22a5, sdot: 0x22c5,
  lceil: 0x2308, rceil: 0x2309, lfloor: 0x230a, rfloor: 0x230b, lang: 0x27e8, rang: 0x27e9, loz: 0x25ca,
  spades: 0x2660, clubs: 0x2663, hearts: 0x2665, diams: 0x2666, quot: 0x22, amp: 0x26, lt: 0x3c,
  gt: 0x3e, apos: 0x27, OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178,
  circ: 0x2c6, tilde: 0x2dc, ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d,
  lrm: 0x200e, rlm: 0x200f, ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a,
  ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, permil: 0x2030,
  lsaquo: 0x2039, rsaquo: 0x203a, euro: 0x20ac,
};

const NAMED_ENTITIES: ReadonlyMap<string, number> = new Map<string, number>([
  // The Latin-1 names are, in order, U+00A0 to U+00FF.
  ...LATIN1_ENTITIES.split(' ').map((name, i): [string, number] => [name, 0xa0 + i]),
  ...Object.entries(OTHER_ENTITIES),
]);

/** Sanitizer::MW_ENTITY_ALIASES: right-to-left spellings of &rlm; that MediaWiki accepts. */
const ENTITY_ALIASES: Readonly<Record<string, string>> = { 'רלמ': 'rlm', 'رلم': 'rlm' };

/** Sanitizer::CHAR_REFS_REGEX: named, decimal and hexadecimal references. */
const CHAR_REFS = /&([A-Za-z0-9\u0080-\uFFFF]+);|&#([0-9]+);|&#[xX]([0-9A-Fa-f]+);/g;

/**
 * Sanitizer::validateCodepoint(): code points allowed in XML and HTML5 text.
 * Others decode to U+FFFD, which then makes the title title-invalid-utf8.
 */
function isValidCodepoint(cp: number): boolean {
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** A reference's number; anything too long to be a code point is out of range (leading zeros are fine). */
function parseCodepoint(digits: string, radix: 10 | 16): number {
  const significant = digits.replace(/^0+/, '');
  return significant.length > 8 ? Infinity : parseInt(significant || '0', radix);
}

function decodeChar(cp: number): string {
  return isValidCodepoint(cp) ? String.fromCodePoint(cp) : '\uFFFD';
}

/**
 * Sanitizer::decodeCharReferencesAndNormalize(), applied by Title::newFromText
 * so that '&eacute;', '&#233;' and 'é' are one page (T16952). Unknown names
 * are kept verbatim.
 */
function decodeCharReferences(text: string): string {
  return text.replace(CHAR_REFS, (whole, name?: string, dec?: string, hex?: string) => {
    if (name !== undefined) {
      const cp = NAMED_ENTITIES.get(ENTITY_ALIASES[name] ?? name);
      return cp === undefined ? whole : String.fromCodePoint(cp);
    }
    if (dec !== undefined) return decodeChar(parseCodepoint(dec, 10));
    return decodeChar(parseCodepoint(hex ?? '', 16));
  });
}

// ---------------------------------------------------------------------------
// splitTitleString rules

/** Unicode bidi marks/overrides that sneak into copy-pasted titles; MediaWiki strips them. */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E]+/g;

/**
 * Underscore and every Unicode space separator (the set MediaWiki lists); each
 * run becomes one '_'. Tabs and newlines are not in it — they are illegal.
 */
const WHITESPACE_RUN = /[ _\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/** A UTF-16 surrogate without its partner: JavaScript's form of invalid UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * MediaWikiTitleCodec::getTitleInvalidRegex(). A title may only contain
 * $wgLegalTitleChars, i.e. ` %!"$&'()*,-./0-9:;=?@A-Z\^_\`a-z~+` and any
 * non-ASCII character; that excludes # < > [ ] | { } and control characters.
 * Percent-escapes and character references are rejected too, because they
 * could not be linked to consistently (they'd be decoded on the way).
 */
const TITLE_INVALID =
  /[^ %!"$&'()*,\-./0-9:;=?@A-Z\\^_`a-z~+\u0080-\uFFFF]|%[0-9A-Fa-f]{2}|&[A-Za-z0-9\u0080-\uFFFF]+;|&#[0-9]+;|&#x[0-9A-Fa-f]+;/;

/**
 * A namespace-like prefix: non-empty text, a colon, the rest ('_' around the
 * colon is dropped). Lazy, so only the first colon is considered. This is
 * MediaWiki's /^(.+?)_*:_*(.*)$/ with PCRE semantics spelled out: '.' matches
 * anything but '\n' (so '\r' too), and '$' also matches before a final '\n',
 * which MediaWiki thereby drops ('User:Foo\n' is 'User:Foo').
 */
const PREFIX = /^([^\n]+?)_*:_*([^\n]*)\n?$/;

/** Title length limits in UTF-8 bytes: page.page_title is varbinary(255); special pages aren't stored. */
const MAX_BYTES = 255;
const MAX_BYTES_SPECIAL = 512;

/**
 * Language::ucfirst(): upper-cases the first code point. PHP's mb_strtoupper
 * (since 7.3) applies full case mapping, as String#toUpperCase does, so 'ß'
 * becomes 'SS'; no locale-specific rules (we don't want Turkish dotted I).
 */
function ucfirst(s: string): string {
  const first = s.codePointAt(0);
  if (first === undefined || first < 0x61) return s; // empty, or ASCII below 'a': nothing to do
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + s.slice(ch.length);
}

// IP addresses as user names (IPUtils::sanitizeIP)

const RE_IPV4 =
  /^(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|0?[0-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|0?[0-9]?[0-9])){3}(?:\/(?:3[0-2]|[12][0-9]|[0-9]))?$/;
const RE_IPV6_WORD = /^[0-9A-Fa-f]{1,4}$/;
const RE_IPV6_PREFIX = /^(?:12[0-8]|1[01][0-9]|[1-9][0-9]|[0-9])$/;

/** IPUtils::isIPv6(): eight words, or fewer with exactly one '::'; optional /prefix. */
function isIPv6(ip: string): boolean {
  const slash = ip.indexOf('/');
  const addr = slash === -1 ? ip : ip.slice(0, slash);
  if (slash !== -1 && !RE_IPV6_PREFIX.test(ip.slice(slash + 1))) return false;
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const words = (s: string): string[] | null => {
    if (s === '') return [];
    const w = s.split(':');
    return w.every((x) => RE_IPV6_WORD.test(x)) ? w : null;
  };
  if (halves.length === 1) {
    const w = words(addr);
    return w !== null && w.length === 8;
  }
  const left = words(halves[0]);
  const right = words(halves[1]);
  return left !== null && right !== null && left.length + right.length <= 7;
}

/**
 * IPUtils::sanitizeIP(): one spelling per IP address, so that 'User:::1' and
 * 'User:0:0:0:0:0:0:0:1' are the same page (MediaWiki does this for User and
 * User talk so that IP editors' pages aren't split). IPv4 loses leading zeros;
 * IPv6 is upper-cased with '::' expanded and leading zeros dropped.
 */
function sanitizeIP(ip: string): string {
  if (RE_IPV4.test(ip)) {
    return ip.replace(/(?:^|(?<=\.))0+(?=[1-9]|0[./]|0$)/g, '');
  }
  if (!isIPv6(ip)) return ip;
  let out = ip.toUpperCase();
  const abbrev = out.indexOf('::');
  if (abbrev !== -1) {
    const slash = out.indexOf('/');
    const addressEnd = (slash === -1 ? out.length : slash) - 1;
    const colons = (out.match(/:/g) ?? []).length;
    let fill: string;
    if (abbrev === 0) {
      // '::' at the start (or the whole address '::')
      fill = '0:'.repeat(9 - colons) + (out === '::' ? '0' : '');
    } else if (abbrev === addressEnd - 1) {
      // '::' at the end
      fill = ':0'.repeat(9 - colons);
    } else {
      fill = ':0'.repeat(8 - colons) + ':';
    }
    out = out.replace('::', fill);
  }
  return out.replace(/(^|:)0+([0-9A-Fa-f]{1,4})/g, '$1$2');
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

interface TitleParts {
  namespace: number;
  dbKey: string;
  fragment: string;
}

export class TitleFactory implements TitleMaker {
  constructor(
    readonly namespaceInfo: NamespaceInfo,
    readonly urlConfig: UrlConfig,
  ) {}

  /**
   * Title::newFromTextThrow(): parses user-supplied text such as a link target
   * ('user talk:foo_bar#History') into a Title, or throws MalformedTitleError.
   * `defaultNamespace` applies when the text has no namespace prefix
   * (e.g. NS_TEMPLATE for transclusions); a leading ':' forces main.
   */
  newFromTextThrow(text: string, defaultNamespace: number = NS_MAIN): Title {
    // Character references are decoded here, not in splitTitleString, so that
    // makeTitleSafe() keeps rejecting them. Input is NFC-normalised: MediaWiki
    // normalises all request input (WebRequest) and decoded references, so
    // composed and decomposed spellings are one page.
    const filtered = decodeCharReferences(text).normalize('NFC');
    const parts = this.splitTitleString(filtered, defaultNamespace, text);
    return new Title(this, parts.namespace, parts.dbKey, parts.fragment);
  }

  /** Title::newFromText(): like newFromTextThrow, but null for null input or an invalid title. */
  newFromText(text: string | null | undefined, defaultNamespace: number = NS_MAIN): Title | null {
    if (text === null || text === undefined) return null;
    try {
      return this.newFromTextThrow(text, defaultNamespace);
    } catch (e) {
      if (e instanceof MalformedTitleError) return null;
      throw e;
    }
  }

  /**
   * Title::makeTitle(): no validation or normalisation beyond ' ' → '_', for
   * values that come from the database and are known good.
   */
  makeTitle(ns: number, dbKey: string, fragment: string = ''): Title {
    return new Title(this, ns, dbKey.replace(/ /g, '_'), normalizeFragment(fragment));
  }

  /**
   * Title::makeTitleSafe(): a title in namespace `ns` from its unprefixed text,
   * validated and normalised as newFromText does; null if invalid or if the
   * namespace doesn't exist. The text is parsed after the namespace name, so a
   * prefix inside it is part of the title: (NS_TEMPLATE, 'User:X') is
   * 'Template:User:X'. In NS_MAIN there is no name to put in front, and — as in
   * MediaWiki — a namespace prefix in the text is then recognised:
   * (NS_MAIN, 'Help:X') is 'Help:X'. Unlike newFromText, character references
   * are not decoded (the text is expected to be a DB key or plain text).
   */
  makeTitleSafe(ns: number, text: string, fragment: string = ''): Title | null {
    if (!this.namespaceInfo.exists(ns)) return null;
    const nsName = this.namespaceInfo.getCanonicalName(ns) ?? '';
    let full = nsName === '' ? text : `${nsName}:${text}`;
    if (fragment !== '') full += `#${fragment}`;
    try {
      const parts = this.splitTitleString(full, NS_MAIN, full);
      return new Title(this, parts.namespace, parts.dbKey, parts.fragment);
    } catch (e) {
      if (e instanceof MalformedTitleError) return null;
      throw e;
    }
  }

  /**
   * Title::newMainPage(): the title named by the 'mainpage' message, falling
   * back to 'Main Page' if that text isn't a valid title, because every page
   * links to the main page and a broken message must not break the wiki.
   */
  newMainPage(mainPageText: string): Title {
    return this.newFromText(mainPageText) ?? this.newFromTextThrow('Main Page');
  }

  /**
   * MediaWikiTitleCodec::splitTitleString(): namespace, DB key and fragment of
   * `text`, or a MalformedTitleError naming the rule it breaks. `original` is
   * the caller's text, reported in errors.
   */
  private splitTitleString(text: string, defaultNamespace: number, original: string): TitleParts {
    const fail = (key: TitleErrorKey, ...params: Array<string | number>): never => {
      throw new MalformedTitleError(key, original, params);
    };

    let namespace = defaultNamespace;
    let fragment = '';

    // PHP's preg_replace fails on invalid UTF-8; in a JS string that is a lone surrogate.
    if (LONE_SURROGATE.test(text)) fail('title-invalid-utf8');

    let dbKey = text.replace(/ /g, '_').replace(BIDI_MARKS, '').replace(WHITESPACE_RUN, '_');
    dbKey = trimUnderscores(dbKey);

    // U+FFFD marks bytes that were not valid UTF-8 (or a reference to an invalid code point).
    if (dbKey.includes('\uFFFD')) fail('title-invalid-utf8');

    // A leading colon means the main namespace instead of the default one
    // ('[[:Category:X]]' links to the category instead of categorising). The
    // text after it is split for a namespace prefix as usual.
    if (dbKey.startsWith(':')) {
      namespace = NS_MAIN;
      dbKey = trimUnderscores(dbKey.slice(1));
    }

    if (dbKey === '') fail('title-invalid-empty');

    // Namespace prefix: only the text before the first colon is looked at, and
    // only a known namespace name or alias counts; otherwise the colon is part
    // of the title ('Foo:Bar' and 'w:Foo' are main-namespace pages).
    const m = PREFIX.exec(dbKey);
    if (m) {
      const ns = this.namespaceInfo.getNamespaceId(m[1]);
      if (ns !== undefined) {
        dbKey = m[2];
        namespace = ns;
        // 'Talk:File:X' would be a talk page of a page that belongs elsewhere
        // (it should be 'File talk:X'), so MediaWiki refuses it. Only Talk:
        // is checked; MediaWiki tests the looked-up index for truthiness.
        if (ns === NS_TALK) {
          const inner = PREFIX.exec(dbKey);
          if (inner && this.namespaceInfo.getNamespaceId(inner[1])) fail('title-invalid-talk-namespace');
        }
      }
    }

    // Fragment: everything after the first '#', with '_' shown as spaces.
    const hash = dbKey.indexOf('#');
    if (hash !== -1) {
      fragment = dbKey.slice(hash + 1).replace(/_/g, ' ');
      // Trim again so 'Foo bar #x' doesn't leave 'Foo_bar_'.
      dbKey = dbKey.slice(0, hash).replace(/_+$/, '');
    }

    const bad = TITLE_INVALID.exec(dbKey);
    if (bad) fail('title-invalid-characters', bad[0]);

    // Titles with '.' / '..' path segments are unreachable by URL (browsers and
    // proxies resolve them) and clash with subpage syntax.
    if (
      dbKey.includes('.') &&
      (dbKey === '.' ||
        dbKey === '..' ||
        dbKey.startsWith('./') ||
        dbKey.startsWith('../') ||
        dbKey.includes('/./') ||
        dbKey.includes('/../') ||
        dbKey.endsWith('/.') ||
        dbKey.endsWith('/..'))
    ) {
      fail('title-invalid-relative');
    }

    // '~~~' would be expanded to a signature when the link is saved.
    if (dbKey.includes('~~~')) fail('title-invalid-magic-tilde');

    // page_title holds 255 bytes; special pages aren't stored and may be longer
    // because of subpage parameters ('Special:Block/<long name>').
    const maxBytes = namespace === NS_SPECIAL ? MAX_BYTES_SPECIAL : MAX_BYTES;
    if (byteLength(dbKey) > maxBytes) fail('title-invalid-too-long', maxBytes);

    // $wgCapitalLinks: [[foo]] and [[Foo]] are the same page where the
    // namespace is capitalised.
    if (this.namespaceInfo.isCapitalized(namespace)) dbKey = ucfirst(dbKey);

    // A namespace alone is not a page. An empty title in main is allowed only
    // as a same-page link with a fragment ('#History').
    if (dbKey === '' && (namespace !== NS_MAIN || fragment === '')) fail('title-invalid-empty');

    // One spelling per IP address for IP editors' user pages; this also lets
    // 'User:::1' through the leading-colon check below.
    if (dbKey !== '' && (namespace === NS_USER || namespace === NS_USER_TALK)) dbKey = sanitizeIP(dbKey);

    // Any remaining leading colon ('Talk::Foo') is an error.
    if (dbKey.startsWith(':')) fail('title-invalid-leading-colon');

    return { namespace, dbKey, fragment };
  }
}

function trimUnderscores(s: string): string {
  return s.replace(/^_+|_+$/g, '');
}

/** Title::normalizeFragment(): drop a leading '#', show '_' as spaces. */
function normalizeFragment(fragment: string): string {
  return (fragment.startsWith('#') ? fragment.slice(1) : fragment).replace(/_/g, ' ');
}
