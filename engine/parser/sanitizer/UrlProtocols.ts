/**
 * URL protocols: $wgUrlProtocols (current MediaWiki's default list),
 * UrlUtils::validProtocols/validAbsoluteProtocols as regular-expression
 * sources, MediaWiki's attribute rule for user-written href/src (an allowed
 * protocol is required), and the check the output sanitizer applies to
 * href/src values of finished HTML (relative URLs are fine there; a scheme
 * must be one of the allowed protocols, so javascript:, vbscript:, data: …
 * are refused however they are encoded).
 */
import { decodeCharReferences } from './CharReferences';

/** $wgUrlProtocols default (MainConfigSchema::UrlProtocols). */
export const DEFAULT_URL_PROTOCOLS: readonly string[] = [
  'bitcoin:', 'ftp://', 'ftps://', 'geo:', 'git://', 'gopher://', 'http://',
  'https://', 'irc://', 'ircs://', 'magnet:', 'mailto:', 'matrix:', 'mms://',
  'news:', 'nntp://', 'redis://', 'sftp://', 'sip:', 'sips:', 'sms:',
  'ssh://', 'svn://', 'tel:', 'telnet://', 'urn:', 'worldwind://', 'xmpp:',
  '//',
];

/** preg_quote with '/' as delimiter (without escaping '-', so the result also works in a `u` regular expression). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * UrlUtils::validProtocols (and, with `includeProtocolRelative` false,
 * validAbsoluteProtocols): the protocols as a regular-expression alternation,
 * to be wrapped in a group by the caller.
 */
export function urlProtocolsPattern(protocols: readonly string[] = DEFAULT_URL_PROTOCOLS, includeProtocolRelative = true): string {
  return protocols.filter((p) => includeProtocolRelative || p !== '//').map(escapeRegExp).join('|');
}

/** The scheme names of the protocols ('http', 'mailto', …), lower case, without '//'. */
export function urlSchemes(protocols: readonly string[] = DEFAULT_URL_PROTOCOLS): string[] {
  const schemes = new Set<string>();
  for (const p of protocols) {
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(p);
    if (m) schemes.add(m[1].toLowerCase());
  }
  return [...schemes];
}

const hrefRegexCache = new Map<readonly string[], RegExp>();

/**
 * Sanitizer::validateAttributes' rule for href, src and poster in
 * user-written HTML: the (decoded) value must start with an allowed protocol
 * (case-sensitively, as in MediaWiki) and contain no whitespace. Relative
 * URLs are refused by this rule.
 */
export function hasAllowedProtocol(value: string, protocols: readonly string[] = DEFAULT_URL_PROTOCOLS): boolean {
  let re = hrefRegexCache.get(protocols);
  if (!re) {
    re = new RegExp(`^(?:${urlProtocolsPattern(protocols)})[^\\s]+$`);
    hrefRegexCache.set(protocols, re);
  }
  return re.test(value);
}

const schemeSetCache = new Map<readonly string[], ReadonlySet<string>>();

function schemeSet(protocols: readonly string[]): ReadonlySet<string> {
  let set = schemeSetCache.get(protocols);
  if (!set) {
    set = new Set(urlSchemes(protocols));
    schemeSetCache.set(protocols, set);
  }
  return set;
}

export interface UrlCheckOptions {
  protocols?: readonly string[];
  /** The value is raw attribute text (character references not yet decoded). Default true. */
  encoded?: boolean;
}

/**
 * The URL a browser would resolve from an attribute value: character
 * references decoded as the HTML parser decodes them, leading and trailing
 * C0 controls and spaces removed, tabs and newlines removed everywhere (the
 * WHATWG URL parser's preprocessing).
 */
export function browserUrl(value: string, encoded = true): string {
  const decoded = encoded ? decodeCharReferences(value, { codepoints: 'browser', lenient: true }) : value;
  // eslint-disable-next-line no-control-regex
  return decoded.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** The URL's scheme, lower case, or null for a relative or protocol-relative URL. */
export function urlScheme(url: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Whether a URL may stand in an href/src of rendered HTML: relative and
 * protocol-relative URLs may; a URL with a scheme only when the scheme is
 * one of the allowed protocols (so never javascript:, vbscript:, data:,
 * file: …), checked on what the browser will see.
 */
export function isSafeUrl(value: string, options: UrlCheckOptions = {}): boolean {
  const url = browserUrl(value, options.encoded ?? true);
  const scheme = urlScheme(url);
  return scheme === null || schemeSet(options.protocols ?? DEFAULT_URL_PROTOCOLS).has(scheme);
}

/**
 * Whether every URL of a srcset value is safe (candidates are separated by
 * commas; each is a URL optionally followed by a descriptor).
 */
export function isSafeSrcset(value: string, options: UrlCheckOptions = {}): boolean {
  const decoded = (options.encoded ?? true) ? decodeCharReferences(value, { codepoints: 'browser', lenient: true }) : value;
  // The HTML srcset parser: skip whitespace and commas, read the URL up to
  // whitespace; a URL ending in commas loses them; then skip the descriptors
  // up to the next comma outside parentheses.
  let i = 0;
  const n = decoded.length;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
  while (i < n) {
    while (i < n && (isSpace(decoded[i]) || decoded[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(decoded[i])) i++;
    const url = decoded.slice(start, i).replace(/,+$/, '');
    if (!isSafeUrl(url, { protocols: options.protocols, encoded: false })) return false;
    if (decoded.slice(start, i).endsWith(',')) continue;
    let depth = 0;
    while (i < n && (depth > 0 || decoded[i] !== ',')) {
      if (decoded[i] === '(') depth++;
      else if (decoded[i] === ')' && depth > 0) depth--;
      i++;
    }
  }
  return true;
}

/**
 * Sanitizer::EVIL_URI_PATTERN: a javascript: or vbscript: URI at the start of
 * the value, after whitespace or after a comment. MediaWiki drops RDFa and
 * microdata attributes and xmlns declarations that match.
 */
export const EVIL_URI_RE = /(^|\s|\*\/\s*)(javascript|vbscript)([^\w]|$)/i;
