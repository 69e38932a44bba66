/**
 * The HTML that wikitext may contain, as MediaWiki allows it
 * (Sanitizer::getRecognizedTagData, ::setupAttributesAllowedInternal,
 * ::validateTag, ::validateAttributes, ::isReservedDataAttribute; read from
 * current MediaWiki core).
 *
 * Attribute values handled here are decoded text (character references
 * already decoded, as in Sanitizer::decodeTagAttributes).
 */
import { checkCss } from './CssSanitizer';
import { DEFAULT_FRAGMENT_MODE, escapeIdForAttribute, escapeIdReferenceList, FragmentMode, ID_PRIMARY } from './IdEscaping';
import { DEFAULT_URL_PROTOCOLS, EVIL_URI_RE, hasAllowedProtocol } from './UrlProtocols';

/** Tags that must be closed. */
export const HTML_PAIRS: ReadonlySet<string> = new Set([
  'b', 'bdi', 'del', 'i', 'ins', 'u', 'font', 'big', 'small', 'sub', 'sup', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'cite', 'code', 'em', 's',
  'strike', 'strong', 'tt', 'var', 'div', 'center',
  'blockquote', 'ol', 'ul', 'dl', 'table', 'caption', 'pre',
  'ruby', 'rb', 'rp', 'rt', 'rtc', 'p', 'span', 'abbr', 'dfn',
  'kbd', 'samp', 'data', 'time', 'mark',
]);

/** Tags that may be self-closed (those not also in HTML_SINGLE_ONLY become an empty pair). */
export const HTML_SINGLE: ReadonlySet<string> = new Set(['br', 'wbr', 'hr', 'li', 'dt', 'dd', 'meta', 'link']);

/** Void elements: no close tag. */
export const HTML_SINGLE_ONLY: ReadonlySet<string> = new Set(['br', 'wbr', 'hr', 'meta', 'link']);

/** Tags that can be nested. */
export const HTML_NEST: ReadonlySet<string> = new Set([
  'table', 'tr', 'td', 'th', 'div', 'blockquote', 'ol', 'ul',
  'li', 'dl', 'dt', 'dd', 'font', 'big', 'small', 'sub', 'sup', 'span',
  'var', 'kbd', 'samp', 'em', 'strong', 'q', 'ruby', 'bdo',
]);

/** Tags that can only appear inside a table. */
export const TABLE_TAGS: ReadonlySet<string> = new Set(['td', 'th', 'tr']);
/** List containers. */
export const HTML_LIST: ReadonlySet<string> = new Set(['ul', 'ol']);
/** Tags that can appear in a list. */
export const LIST_TAGS: ReadonlySet<string> = new Set(['li']);
export const HTML_SINGLE_ALLOWED: ReadonlySet<string> = new Set([...HTML_SINGLE, ...TABLE_TAGS]);

/** Every element wikitext may write as HTML. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set([...HTML_SINGLE, ...HTML_PAIRS, ...HTML_NEST]);

export interface RecognizedTagData {
  htmlpairs: ReadonlySet<string>;
  htmlsingle: ReadonlySet<string>;
  htmlsingleonly: ReadonlySet<string>;
  htmlnest: ReadonlySet<string>;
  tabletags: ReadonlySet<string>;
  htmllist: ReadonlySet<string>;
  listtags: ReadonlySet<string>;
  htmlsingleallowed: ReadonlySet<string>;
  htmlelements: ReadonlySet<string>;
}

/** Sanitizer::getRecognizedTagData, with extra tags allowed and some removed. */
export function getRecognizedTagData(extraTags: readonly string[] = [], removeTags: readonly string[] = []): RecognizedTagData {
  const removed = new Set(removeTags);
  return {
    htmlpairs: extraTags.length ? new Set([...extraTags, ...HTML_PAIRS]) : HTML_PAIRS,
    htmlsingle: HTML_SINGLE,
    htmlsingleonly: HTML_SINGLE_ONLY,
    htmlnest: HTML_NEST,
    tabletags: TABLE_TAGS,
    htmllist: HTML_LIST,
    listtags: LIST_TAGS,
    htmlsingleallowed: HTML_SINGLE_ALLOWED,
    htmlelements: extraTags.length || removeTags.length
      ? new Set([...extraTags, ...HTML_ELEMENTS].filter((t) => !removed.has(t)))
      : HTML_ELEMENTS,
  };
}

/** Attributes every element in the table below accepts. */
export const COMMON_ATTRIBUTES: readonly string[] = [
  // HTML
  'id', 'class', 'style', 'lang', 'dir', 'title', 'tabindex',
  // WAI-ARIA
  'aria-describedby', 'aria-flowto', 'aria-hidden', 'aria-label', 'aria-labelledby', 'aria-level', 'aria-owns', 'role',
  // RDFa (https://www.w3.org/TR/2008/REC-rdfa-syntax-20081014 section 9)
  'about', 'property', 'resource', 'datatype', 'typeof',
  // Microdata
  'itemid', 'itemprop', 'itemref', 'itemscope', 'itemtype',
];

const TABLE_ALIGN = ['align', 'valign'];
const TABLE_CELL = ['abbr', 'axis', 'headers', 'scope', 'rowspan', 'colspan', 'nowrap', 'width', 'height', 'bgcolor'];

function attrs(...lists: readonly (readonly string[])[]): ReadonlySet<string> {
  return new Set(lists.flat());
}

const COMMON = attrs(COMMON_ATTRIBUTES);
const BLOCK = attrs(COMMON_ATTRIBUTES, ['align']);

/**
 * Allowed attributes per element (Sanitizer::setupAttributesAllowedInternal).
 * Some elements here are not in HTML_ELEMENTS: the parser or extensions
 * generate them (a, img, figure, source, video …) and use these lists.
 */
export const ATTRIBUTES_ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = {
  // meta and link only as microdata (validateTag requires the attributes).
  meta: attrs(['itemprop', 'content']),
  link: attrs(['itemprop', 'href', 'title']),
  aside: COMMON,
  h1: BLOCK, h2: BLOCK, h3: BLOCK, h4: BLOCK, h5: BLOCK, h6: BLOCK,
  p: BLOCK,
  hr: attrs(COMMON_ATTRIBUTES, ['width']),
  pre: attrs(COMMON_ATTRIBUTES, ['width']),
  blockquote: attrs(COMMON_ATTRIBUTES, ['cite']),
  ol: attrs(COMMON_ATTRIBUTES, ['type', 'start', 'reversed']),
  ul: attrs(COMMON_ATTRIBUTES, ['type']),
  li: attrs(COMMON_ATTRIBUTES, ['type', 'value']),
  dl: COMMON, dt: COMMON, dd: COMMON,
  figure: COMMON, figcaption: COMMON,
  div: BLOCK,
  // <a> is not allowed in wikitext; the parser uses this list for the links it makes.
  a: attrs(COMMON_ATTRIBUTES, ['href', 'rel', 'rev']),
  em: COMMON, strong: COMMON, small: COMMON, s: COMMON, cite: COMMON,
  q: attrs(COMMON_ATTRIBUTES, ['cite']),
  dfn: COMMON, abbr: COMMON,
  ruby: COMMON, rt: COMMON, rp: COMMON,
  data: attrs(COMMON_ATTRIBUTES, ['value']),
  time: attrs(COMMON_ATTRIBUTES, ['datetime']),
  code: COMMON, var: COMMON, samp: COMMON, kbd: COMMON,
  sub: COMMON, sup: COMMON,
  i: COMMON, b: COMMON, u: COMMON, mark: COMMON,
  bdi: COMMON, bdo: COMMON, span: COMMON,
  br: attrs(COMMON_ATTRIBUTES, ['clear']),
  wbr: COMMON,
  ins: attrs(COMMON_ATTRIBUTES, ['cite', 'datetime']),
  del: attrs(COMMON_ATTRIBUTES, ['cite', 'datetime']),
  // Not usually allowed; for extension output.
  source: attrs(COMMON_ATTRIBUTES, ['type', 'src']),
  img: attrs(COMMON_ATTRIBUTES, ['alt', 'src', 'width', 'height', 'srcset']),
  video: attrs(COMMON_ATTRIBUTES, ['poster', 'controls', 'preload', 'width', 'height']),
  audio: attrs(COMMON_ATTRIBUTES, ['controls', 'preload', 'width', 'height']),
  track: attrs(COMMON_ATTRIBUTES, ['type', 'src', 'srclang', 'kind', 'label']),
  math: attrs(['class', 'style', 'id', 'title']),
  table: attrs(COMMON_ATTRIBUTES, ['summary', 'width', 'border', 'frame', 'rules', 'cellspacing', 'cellpadding', 'align', 'bgcolor']),
  caption: BLOCK,
  colgroup: attrs(COMMON_ATTRIBUTES, ['span']),
  col: attrs(COMMON_ATTRIBUTES, ['span']),
  tbody: COMMON, thead: COMMON, tfoot: COMMON,
  tr: attrs(COMMON_ATTRIBUTES, ['bgcolor'], TABLE_ALIGN),
  td: attrs(COMMON_ATTRIBUTES, TABLE_CELL, TABLE_ALIGN),
  th: attrs(COMMON_ATTRIBUTES, TABLE_CELL, TABLE_ALIGN),
  rb: COMMON, rtc: COMMON,
  strike: COMMON, big: COMMON, center: COMMON,
  font: attrs(COMMON_ATTRIBUTES, ['size', 'color', 'face']),
  tt: COMMON,
};

const NONE: ReadonlySet<string> = new Set();

/** Sanitizer::attributesAllowedInternal: the attributes an element accepts (none for unknown elements). */
export function attributesAllowedFor(element: string): ReadonlySet<string> {
  return Object.prototype.hasOwnProperty.call(ATTRIBUTES_ALLOWED, element) ? ATTRIBUTES_ALLOWED[element] : NONE;
}

/**
 * Sanitizer::isReservedDataAttribute: data-ooui, data-mw and data-parsoid
 * (and everything starting so, such as data-mw-foo) belong to MediaWiki
 * and its extensions, never to user HTML.
 */
export function isReservedDataAttribute(name: string): boolean {
  return /^data-(ooui|mw|parsoid)/i.test(name);
}

/** A data-* attribute name user HTML may use: no namespace colon, nothing the HTML parser reads otherwise, not reserved. */
export function isAllowedDataAttribute(name: string): boolean {
  return /^data-[^:= \t\r\n/>\0]*$/i.test(name) && !isReservedDataAttribute(name);
}

/** Sanitizer's attribute-name filter (decodeTagAttributes): letters, digits, ':', '_', and after the first also '.', '-'. */
export const ATTRIBUTE_NAME_RE = /^[:_\p{L}\p{N}][:_.\-\p{L}\p{N}]*$/u;

/** xmlns:prefix declarations (kept for RDFa unless they point at script). */
export const XMLNS_ATTRIBUTE_RE = /^xmlns:[:A-Z_a-z\-.0-9]+$/;

/** Attributes holding id references (escaped like ids). */
export const ID_REFERENCE_ATTRIBUTES: ReadonlySet<string> = new Set(['aria-describedby', 'aria-flowto', 'aria-labelledby', 'aria-owns']);

/** RDFa and microdata attributes, which may hold URIs: dropped when they look like script URIs. */
export const URI_LIKE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'rel', 'rev', 'about', 'property', 'resource', 'datatype', 'typeof',
  'itemid', 'itemprop', 'itemref', 'itemscope', 'itemtype',
]);

/**
 * Sanitizer::validateTag: <meta> and <link> are only allowed as microdata,
 * with itemprop and (meta) content or (link) href.
 */
export function validateTag(attributes: Readonly<Record<string, string>>, element: string): boolean {
  if (element === 'meta' || element === 'link') {
    if (!('itemprop' in attributes)) return false;
    if (element === 'meta' && !('content' in attributes)) return false;
    if (element === 'link' && !('href' in attributes)) return false;
  }
  return true;
}

export interface ValidateOptions {
  urlProtocols?: readonly string[];
  fragmentMode?: readonly FragmentMode[];
}

/**
 * Sanitizer::validateAttributes: keeps the allowed attributes (and data-*,
 * xmlns:*), replaces unsafe styles, escapes ids and id references, drops
 * script-like RDFa/microdata values, href/src/poster without an allowed
 * protocol (relative URLs included), tabindex other than 0, and
 * itemtype/itemid/itemref without itemscope.
 */
export function validateAttributes(
  attributes: Readonly<Record<string, string>>,
  allowed: ReadonlySet<string>,
  options: ValidateOptions = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, original] of Object.entries(attributes)) {
    let value = original;
    if (XMLNS_ATTRIBUTE_RE.test(name)) {
      if (!EVIL_URI_RE.test(value)) out[name] = value;
      continue;
    }
    if ((!/^data-[^:= \t\r\n/>\0]*$/i.test(name) && !allowed.has(name)) || isReservedDataAttribute(name)) continue;
    if (name === 'style') value = checkCss(value);
    if (name === 'id') {
      const id = escapeIdForAttribute(value, ID_PRIMARY, options.fragmentMode ?? DEFAULT_FRAGMENT_MODE);
      if (id === false || id === '') continue;
      value = id;
    }
    if (ID_REFERENCE_ATTRIBUTES.has(name)) value = escapeIdReferenceList(value, options.fragmentMode ?? DEFAULT_FRAGMENT_MODE);
    if (URI_LIKE_ATTRIBUTES.has(name) && EVIL_URI_RE.test(value)) continue;
    if ((name === 'href' || name === 'src' || name === 'poster')
      && !hasAllowedProtocol(value, options.urlProtocols ?? DEFAULT_URL_PROTOCOLS)) continue;
    if (name === 'tabindex' && value !== '0') continue;
    out[name] = value;
  }
  if (!('itemscope' in out)) {
    delete out.itemtype;
    delete out.itemid;
    delete out.itemref;
  }
  return out;
}

/** Sanitizer::validateTagAttributes: validateAttributes with the element's own list. */
export function validateTagAttributes(attributes: Readonly<Record<string, string>>, element: string, options: ValidateOptions = {}): Record<string, string> {
  return validateAttributes(attributes, attributesAllowedFor(element), options);
}
