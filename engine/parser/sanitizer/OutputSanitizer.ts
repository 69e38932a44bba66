/**
 * The last safety pass over the renderer's finished HTML. Whatever the
 * wikitext library, a template or an extension produced, what leaves here
 * holds only:
 * - the elements MediaWiki lets wikitext write (HtmlAllowlist.HTML_ELEMENTS)
 *   plus those its parser generates itself (links, images and figures, table
 *   sections, the table of contents' checkbox and label, mw: meta/link);
 * - per element, MediaWiki's allowed attributes (plus the ones its parser
 *   generates: target on links, decoding/loading on images …), data-* except
 *   the reserved data-mw/data-parsoid/data-ooui, never an event handler;
 * - style values through checkCss, ids escaped, href/src/srcset/cite only
 *   with an allowed protocol (or relative), RDFa/microdata values that are
 *   not script URIs.
 * script, style, iframe, object, embed, form, base, svg, math … are dropped
 * (with their content for those whose content is not text); comments,
 * CDATA sections, doctypes and processing instructions are dropped.
 *
 * It is a filter on tags, as MediaWiki's Sanitizer is, not on a tree: the
 * HTML is read with htmlparser2's tokenizer (no entity decoding) and written
 * back as it came, token by token. Nothing is closed, opened or re-nested, so
 * the browser builds from the output the tree it would have built from the
 * input, mis-nested markup (`<i><b>x</i></b>`, `<a>` inside `<a>`, unclosed
 * elements) included. What changes:
 * - an element that is not allowed loses its tags (and, for those above,
 *   everything up to where htmlparser2 closes it);
 * - a start tag that loses or changes attributes is rewritten: the tag name,
 *   the attributes kept (as written, with the whitespace before them) and
 *   the end of the tag as written; a changed value is written double-quoted
 *   and encoded;
 * - an end tag with anything after its name is written `</name>`;
 * - a `<` that is text is written `&lt;`, and a `&` that starts no character
 *   reference `&amp;` (Sanitizer::normalizeCharReferences: `a & b` gives
 *   `a &amp; b`; `&amp;`, `&lt;`, `&#123;`, `&eacute;` stay as they are).
 * Text, character references and untouched attributes stay byte for byte.
 *
 * Safety does not rest on htmlparser2 tokenizing the input as a browser
 * does: the output holds no comment and no `<` but those of the tags written
 * here, and every such tag is one the browser reads with exactly the
 * attributes checked here (names end at whitespace, `/`, `>` or `=`, values
 * at their quote or, unquoted, at whitespace or `>`, in both tokenizers), in
 * the data state (no raw-text, RCDATA or foreign element is ever written).
 */
import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { decodeCharReferences, encodeAttributeValue } from './CharReferences';
import { checkCss } from './CssSanitizer';
import {
  ATTRIBUTE_NAME_RE, attributesAllowedFor, HTML_ELEMENTS, ID_REFERENCE_ATTRIBUTES, isAllowedDataAttribute,
  URI_LIKE_ATTRIBUTES, XMLNS_ATTRIBUTE_RE,
} from './HtmlAllowlist';
import { escapeIdForAttribute, escapeIdReferenceList } from './IdEscaping';
import { EVIL_URI_RE, isSafeSrcset, isSafeUrl, urlSchemes } from './UrlProtocols';

/** What text may not hold as it is: a `<`, or a `&` (unless it starts a character reference). */
const TEXT_SPECIAL_RE = /[<&]/g;
/** A character reference as Sanitizer::CHAR_REFS_REGEX reads one (named, decimal, hexadecimal). */
const CHARACTER_REFERENCE_RE = /&(?:[A-Za-z0-9\u0080-\uFFFF]+|#[0-9]+|#[xX][0-9A-Fa-f]+);/y;

/** Elements MediaWiki's parser (and Cite, gallery, TOC …) generates beyond what wikitext may write. */
const GENERATED_ELEMENTS = ['a', 'img', 'figure', 'figcaption', 'tbody', 'thead', 'tfoot', 'colgroup', 'col', 'input', 'label'];

/** Attributes the parser generates on top of ATTRIBUTES_ALLOWED. */
const GENERATED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['target'],
  img: ['decoding', 'loading'],
  input: ['type'],
  label: ['for'],
  meta: ['property'],
  link: ['rel'],
};

/** The TOC checkbox and label are not in MediaWiki's table at all: common attributes for them. */
const COMMON_FOR_GENERATED = ['input', 'label'];

/** Never in the output, whatever the configuration: dropped together with their content. */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'textarea', 'option', 'select', 'noscript', 'noembed', 'noframes', 'xmp',
  'plaintext', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'title', 'svg', 'math', 'head',
]);

const OUTPUT_ELEMENTS: ReadonlySet<string> = new Set([...HTML_ELEMENTS, ...GENERATED_ELEMENTS]);

const OUTPUT_ATTRIBUTES: ReadonlyMap<string, ReadonlySet<string>> = new Map([...OUTPUT_ELEMENTS].map((element) => {
  const base = COMMON_FOR_GENERATED.includes(element) ? attributesAllowedFor('span') : attributesAllowedFor(element);
  return [element, new Set([...base, ...(GENERATED_ATTRIBUTES[element] ?? [])])] as const;
}));

const HEADINGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite', 'poster']);

/** Attributes whose scheme is also checked the way sanitize-html checks it (kept from the earlier implementation). */
const SCHEME_CHECKED_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

const HTTP_RE = /^https?:\/\//;

/** A srcset with at least one candidate (an empty one is dropped, as before). */
const SRCSET_CANDIDATE_RE = /[^ \t\n\f\r,]/;

/** `mw:` property/rel values the parser writes (mw:PageProp/toc …), and MediaWiki's mw- link relations. */
const MW_TOKEN_RE = /^mw[:-]/i;

const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(urlSchemes());

function isMwTokenList(value: string): boolean {
  const tokens = value.split(/[ \t\n\f\r]+/).filter((t) => t !== '');
  return tokens.length > 0 && tokens.every((t) => MW_TOKEN_RE.test(t));
}

/** A raw attribute value as the browser will read it (for the checks; output keeps the raw text). */
function decoded(raw: string): string {
  return decodeCharReferences(raw, { lenient: true });
}

/**
 * Replaces a raw attribute value by `changed` (decoded text) if it differs
 * from the raw value's decoded text; keeps the raw text otherwise.
 */
function rewrite(raw: string, rawDecoded: string, changed: string): string {
  return changed === rawDecoded ? raw : encodeAttributeValue(changed);
}

function sanitizeStyle(raw: string): string {
  const checked = checkCss(raw);
  return rewrite(raw, decoded(raw), checked);
}

/**
 * sanitize-html's scheme check, which the earlier implementation applied on
 * top of isSafeUrl: control characters and spaces removed everywhere and
 * `<!-- … -->` cut out of the raw value, then a scheme must be an allowed one.
 */
function isNaughtyUrl(raw: string): boolean {
  // eslint-disable-next-line no-control-regex
  let href = raw.replace(/[\x00-\x20]+/g, '');
  for (;;) {
    const first = href.indexOf('<!--');
    if (first === -1) break;
    const last = href.indexOf('-->', first + 4);
    if (last === -1) break;
    href = href.slice(0, first) + href.slice(last + 3);
  }
  const m = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(href);
  return m !== null && !ALLOWED_SCHEMES.has(m[1].toLowerCase());
}

/**
 * Whether an href/src/cite/poster value may stay: isSafeUrl, and for
 * href/src/cite also isNaughtyUrl. Values starting with `/`, `#`, `?` or `.`
 * (relative) or with `http://`/`https://` pass both without the full checks.
 */
function isUrlAllowed(name: string, raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first === 0x2f || first === 0x23 || first === 0x3f || first === 0x2e || HTTP_RE.test(raw)) return true;
  return isSafeUrl(raw) && !(SCHEME_CHECKED_ATTRIBUTES.has(name) && isNaughtyUrl(raw));
}


/** The same check on every URL of a srcset (split on commas, stricter than the srcset grammar). */
function isNaughtySrcset(raw: string): boolean {
  return raw.split(',').some((candidate) => isNaughtyUrl(candidate.trim().split(/[ \t\n\f\r]+/)[0] ?? ''));
}

/** ASCII lower case, as the HTML tokenizer folds tag and attribute names. */
function asciiLower(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return name.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return name;
}

/** One attribute of a start tag, as positions in the source. */
interface SourceAttribute {
  /** Lower-case name. */
  name: string;
  /** End of the previous attribute (or of the tag name): the separator runs from here to `start`. */
  before: number;
  start: number;
  nameEnd: number;
  /** After the value (after its closing quote), or after the name for an attribute without a value. */
  end: number;
  /** The value as written ('' without one). */
  value: string;
  quote: QuoteType;
  /** The value to write instead (encoded for double quotes), when a rule changed it. */
  replacement?: string;
}

/** Whether an earlier attribute has the same name (the browser keeps the first). */
function isDuplicate(attributes: readonly SourceAttribute[], index: number): boolean {
  const { name } = attributes[index];
  for (let i = 0; i < index; i++) if (attributes[i].name === name) return true;
  return false;
}

/**
 * MediaWiki's attribute rules for one allowed element, on the raw
 * (undecoded) attribute values; the first of duplicate names counts, as in
 * the browser. Returns the attributes to keep (with replacements), or null
 * when the element itself must go (meta/link/input not in MediaWiki's forms).
 */
function filterAttributes(tagName: string, attributes: SourceAttribute[]): SourceAttribute[] | null {
  if (attributes.length === 0) return validateGenerated(tagName, attributes);
  const allowed = OUTPUT_ATTRIBUTES.get(tagName)!;
  const kept: SourceAttribute[] = [];
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i];
    const { name } = attribute;
    if (i > 0 && isDuplicate(attributes, i)) continue;
    const raw = attribute.value;
    let value = raw;
    // (Every name in the allowed lists is a valid name and no xmlns: one.)
    if (!allowed.has(name)) {
      if (!ATTRIBUTE_NAME_RE.test(name)) continue;
      if (XMLNS_ATTRIBUTE_RE.test(name)) {
        if (!EVIL_URI_RE.test(decoded(raw))) kept.push(attribute);
        continue;
      }
      if (!isAllowedDataAttribute(name)) continue;
    }
    if (name === 'style') {
      value = sanitizeStyle(raw);
    } else if (name === 'id') {
      const plain = decoded(raw);
      const id = escapeIdForAttribute(plain);
      // MediaWiki drops an empty id, except the (possibly empty) anchor its parser puts on headings.
      if (id === false || (id === '' && !HEADINGS.has(tagName))) continue;
      value = rewrite(raw, plain, id);
    } else if (ID_REFERENCE_ATTRIBUTES.has(name)) {
      const plain = decoded(raw);
      value = rewrite(raw, plain, escapeIdReferenceList(plain));
    } else if (URI_LIKE_ATTRIBUTES.has(name) && EVIL_URI_RE.test(decoded(raw))) {
      continue;
    } else if (URL_ATTRIBUTES.has(name) && !isUrlAllowed(name, raw)) {
      continue;
    } else if (name === 'srcset' && (!isSafeSrcset(raw) || isNaughtySrcset(raw) || !SRCSET_CANDIDATE_RE.test(raw))) {
      continue;
    } else if (name === 'tabindex' && decoded(raw).trim() !== '0') {
      continue;
    }
    if (value !== raw) attribute.replacement = value;
    kept.push(attribute);
  }
  let microdata = false;
  let scoped = false;
  for (const { name } of kept) {
    if (name === 'itemscope') scoped = true;
    else if (name === 'itemtype' || name === 'itemid' || name === 'itemref') microdata = true;
  }
  const result = microdata && !scoped ? kept.filter((a) => a.name !== 'itemtype' && a.name !== 'itemid' && a.name !== 'itemref') : kept;
  return validateGenerated(tagName, result);
}

/**
 * Elements kept only in the forms MediaWiki uses: <meta>/<link> as microdata
 * (Sanitizer::validateTag) or as the parser's mw: markers, <input> only as
 * the table of contents' checkbox. Returns the attributes (rel/property
 * other than mw: ones removed), or null when the element goes.
 */
function validateGenerated(tagName: string, attributes: SourceAttribute[]): SourceAttribute[] | null {
  if (tagName !== 'meta' && tagName !== 'link' && tagName !== 'input') return attributes;
  const get = (name: string) => attributes.find((a) => a.name === name);
  const has = (name: string) => get(name) !== undefined;
  switch (tagName) {
    case 'meta': {
      const property = get('property');
      if (property && !isMwTokenList(decoded(property.value))) attributes = attributes.filter((a) => a !== property);
      return (has('itemprop') && has('content')) || has('property') ? attributes : null;
    }
    case 'link': {
      const rel = get('rel');
      if (rel && !isMwTokenList(decoded(rel.value))) attributes = attributes.filter((a) => a !== rel);
      return has('href') && (has('itemprop') || has('rel')) ? attributes : null;
    }
    default:
      return decoded(get('type')?.value ?? '').trim().toLowerCase() === 'checkbox' ? attributes : null;
  }
}

// htmlparser2's Parser rules for which elements are open, mirrored here only
// to know where an element dropped with its content ends (as the earlier
// implementation, which used that Parser, dropped it). Nothing here changes
// how kept tags are written.
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P_TAG = new Set(['p']);
const TABLE_SECTION_TAGS = new Set(['thead', 'tbody']);
const DDT_TAGS = new Set(['dd', 'dt']);
const RTP_TAGS = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['p', P_TAG], ['h1', P_TAG], ['h2', P_TAG], ['h3', P_TAG], ['h4', P_TAG], ['h5', P_TAG], ['h6', P_TAG],
  ['select', FORM_TAGS], ['input', FORM_TAGS], ['output', FORM_TAGS], ['button', FORM_TAGS], ['datalist', FORM_TAGS], ['textarea', FORM_TAGS],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', DDT_TAGS], ['dt', DDT_TAGS],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
    'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((tag) => [tag, P_TAG] as [string, ReadonlySet<string>]),
  ['rt', RTP_TAGS], ['rp', RTP_TAGS], ['tbody', TABLE_SECTION_TAGS], ['tfoot', TABLE_SECTION_TAGS],
]);
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);
const FOREIGN_CONTEXT_ELEMENTS: ReadonlySet<string> = new Set(['math', 'svg']);
const HTML_INTEGRATION_ELEMENTS: ReadonlySet<string> = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

const TAG_END_RE = /^[\t\n\f\r /]*>$/;
const WHITESPACE_RE = /^[\t\n\f\r ]+$/;
const SLASH = 0x2f;
const GT = 0x3e;

/** The token filter: tokenizer callbacks that write the output. */
class TagFilter implements TokenizerCallbacks {
  private out = '';
  /** Source range written as it is but not yet appended to `out`. */
  private copyFrom = 0;
  private copyTo = 0;

  /** Open elements (htmlparser2's view), innermost last. */
  private readonly stack: string[] = [];
  private readonly foreign: boolean[] = [false];
  /** While an element is being dropped with its content: the stack length with it open; 0 otherwise. */
  private dropDepth = 0;

  // The start tag being read.
  private tagName = '';
  private tagStart = 0;
  private nameStart = 0;
  private nameEnd = 0;
  /** Whether the start tag being read may be written (allowed element, not inside dropped content). */
  private keepTag = false;
  private attributes: SourceAttribute[] = [];
  private attributeStart = -1;
  private attributeNameEnd = 0;
  private valueStart = -1;
  private valueEnd = -1;
  private lastEnd = 0;

  constructor(private readonly src: string) {}

  result(): string {
    this.flush();
    return this.out;
  }

  private copy(start: number, end: number): void {
    if (start === this.copyTo) {
      this.copyTo = end;
      return;
    }
    this.flush();
    this.copyFrom = start;
    this.copyTo = end;
  }

  private write(text: string): void {
    this.flush();
    this.out += text;
  }

  private flush(): void {
    if (this.copyTo > this.copyFrom) this.out += this.src.slice(this.copyFrom, this.copyTo);
    this.copyFrom = this.copyTo = 0;
  }

  /** Pops the stack down to `length` elements; ends dropped content when its element is closed. */
  private popTo(length: number): void {
    while (this.stack.length > length) this.stack.pop();
    if (this.dropDepth > length) this.dropDepth = 0;
  }

  ontext(start: number, end: number): void {
    if (this.dropDepth) return;
    const special = TEXT_SPECIAL_RE;
    special.lastIndex = start;
    for (let m = special.exec(this.src); m !== null && m.index < end; m = special.exec(this.src)) {
      const at = m.index;
      if (m[0] === '&') {
        CHARACTER_REFERENCE_RE.lastIndex = at;
        if (CHARACTER_REFERENCE_RE.test(this.src) && CHARACTER_REFERENCE_RE.lastIndex <= end) continue;
      }
      this.copy(start, at);
      this.write(m[0] === '<' ? '&lt;' : '&amp;');
      start = at + 1;
    }
    if (end > start) this.copy(start, end);
  }

  onopentagname(start: number, end: number): void {
    const name = asciiLower(this.src.slice(start, end));
    this.tagName = name;
    this.tagStart = start - 1;
    this.nameStart = start;
    this.nameEnd = end;
    this.lastEnd = end;
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) {
      let length = this.stack.length;
      while (length > 0 && impliesClose.has(this.stack[length - 1])) length--;
      if (length < this.stack.length) this.popTo(length);
    }
    const dropped = this.dropDepth > 0;
    if (!VOID_ELEMENTS.has(name)) {
      this.stack.push(name);
      if (FOREIGN_CONTEXT_ELEMENTS.has(name)) this.foreign.push(true);
      else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.push(false);
      if (!dropped && DROPPED_WITH_CONTENT.has(name)) this.dropDepth = this.stack.length;
    }
    this.keepTag = !dropped && OUTPUT_ELEMENTS.has(name);
    if (this.keepTag) this.attributes = [];
  }

  onattribname(start: number, end: number): void {
    this.attributeStart = start;
    this.attributeNameEnd = end;
    this.valueStart = this.valueEnd = -1;
  }

  onattribdata(start: number, end: number): void {
    if (this.valueStart < 0) this.valueStart = start;
    this.valueEnd = end;
  }

  onattribentity(): void {
    // Not called: entities are not decoded.
  }

  onattribend(quote: QuoteType, end: number): void {
    if (this.keepTag) {
      this.attributes.push({
        name: asciiLower(this.src.slice(this.attributeStart, this.attributeNameEnd)),
        before: this.lastEnd,
        start: this.attributeStart,
        nameEnd: this.attributeNameEnd,
        end,
        value: this.valueStart < 0 ? '' : this.src.slice(this.valueStart, this.valueEnd),
        quote,
      });
    }
    this.lastEnd = end;
  }

  onopentagend(end: number): void {
    this.endStartTag(end);
  }

  onselfclosingtag(end: number): void {
    // htmlparser2 honours `/>` in svg and math only.
    if (this.foreign[this.foreign.length - 1] && this.stack[this.stack.length - 1] === this.tagName) {
      this.popTo(this.stack.length - 1);
    }
    this.endStartTag(end);
  }

  private endStartTag(end: number): void {
    if (!this.keepTag) return;
    this.keepTag = false;
    const source = this.attributes;
    const kept = filterAttributes(this.tagName, source);
    if (kept === null) return;
    if (kept.length === source.length && !kept.some((a) => a.replacement !== undefined)) {
      this.copy(this.tagStart, end + 1);
      return;
    }
    const { src } = this;
    let tag = `<${src.slice(this.nameStart, this.nameEnd)}`;
    let unquotedLast = false;
    for (const attribute of kept) {
      const separator = src.slice(attribute.before, attribute.start);
      tag += WHITESPACE_RE.test(separator) ? separator : ' ';
      if (attribute.replacement !== undefined) {
        tag += `${src.slice(attribute.start, attribute.nameEnd)}="${attribute.replacement}"`;
        unquotedLast = false;
      } else {
        tag += src.slice(attribute.start, attribute.end);
        unquotedLast = attribute.quote === QuoteType.Unquoted;
      }
    }
    let tail = src.slice(this.lastEnd, end + 1);
    if (!TAG_END_RE.test(tail)) tail = '>';
    // An unquoted value would take in a `/` written right after it.
    if (unquotedLast && tail.charCodeAt(0) === SLASH) tag += ' ';
    this.write(tag + tail);
  }

  onclosetag(start: number, end: number): void {
    const { src } = this;
    let rawName = src.slice(start, end);
    const slash = rawName.indexOf('/');
    if (slash !== -1) rawName = rawName.slice(0, slash);
    const nameEnd = start + rawName.length;
    const name = asciiLower(rawName);
    // Inside dropped content, an end tag goes unless it closes an element
    // that was open before the dropped one (which closes that one too).
    let dropped = this.dropDepth > 0;
    if (FOREIGN_CONTEXT_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) {
      if (this.foreign.length > 0) this.foreign.pop();
    }
    if (!VOID_ELEMENTS.has(name)) {
      const position = this.stack.lastIndexOf(name);
      if (position !== -1) {
        if (dropped && position < this.dropDepth - 1) dropped = false;
        this.popTo(position);
      }
    }
    // `</ name>` is a comment to a browser (htmlparser2 skips the space).
    if (dropped || !OUTPUT_ELEMENTS.has(name) || src.charCodeAt(start - 1) !== SLASH) return;
    if (nameEnd === end && src.charCodeAt(end) === GT) this.copy(start - 2, end + 1);
    else this.write(`</${rawName}>`);
  }

  oncomment(): void {
    // Comments are dropped.
  }

  oncdata(): void {
    // CDATA sections (comments to an HTML parser) are dropped.
  }

  ondeclaration(): void {
    // <!DOCTYPE …> and other declarations are dropped.
  }

  onprocessinginstruction(): void {
    // <?…> (a comment to an HTML parser) is dropped.
  }

  ontextentity(): void {
    // Not called: entities are not decoded.
  }

  onend(): void {
    // Elements still open stay open: the output is closed as the input was.
  }
}

/**
 * Sanitizes the renderer's finished HTML (a body fragment). Safe to run
 * twice: the second pass changes nothing.
 */
export function sanitizeRenderedHtml(html: string): string {
  const filter = new TagFilter(html);
  const tokenizer = new Tokenizer({ decodeEntities: false }, filter);
  tokenizer.write(html);
  tokenizer.end();
  return filter.result();
}
