/**
 * The tree parse5's `parseFragment(<body>, html, { sourceCodeLocationInfo })`
 * builds, for the HTML the renderer produces in the common case, built
 * directly: a 30 KB page takes parse5 15–20 ms and this about 1 ms.
 *
 * It follows the HTML tree-construction rules only where they are simple:
 * well-nested elements, the implied closes that need no "active formatting
 * elements" bookkeeping (a `</div>` closing the `<li>` and `<ul>` left open
 * inside it, a `<div>` closing an open `<p>`, a `<li>` closing the previous
 * one, the `<tbody>` implied by a `<tr>` in a `<table>`, elements still open
 * at the end). Anything else — an inline formatting element closed by
 * something other than its own end tag, content the parser would foster out
 * of a table, raw-text and foreign elements, character references it does not
 * know, odd markup (`<!x>`, `</ x>`, `<a <b>`) — makes it give up
 * (`null`), and the caller lets parse5 do the whole thing. Its result must be
 * the very tree parse5 builds, source offsets included: the differential test
 * (test/engine/parser/SimpleHtmlTree.test.ts) checks that on every parser-test
 * output and on random markup.
 *
 * Nodes have the shape of parse5's default tree adapter (without line and
 * column numbers, which the tidy step does not read).
 */

export const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

export interface TagLocation {
  startOffset: number;
  endOffset: number;
}

export interface NodeLocation extends TagLocation {
  startTag?: TagLocation;
  endTag?: TagLocation;
}

export interface TidyText {
  nodeName: '#text';
  value: string;
  sourceCodeLocation?: NodeLocation | null;
}

export interface TidyComment {
  nodeName: '#comment';
  data: string;
  sourceCodeLocation?: NodeLocation | null;
}

export interface TidyElement {
  nodeName: string;
  tagName: string;
  namespaceURI: string;
  attrs: { name: string; value: string }[];
  childNodes: TidyNode[];
  sourceCodeLocation?: NodeLocation | null;
}

export type TidyNode = TidyText | TidyComment | TidyElement;

export interface TidyParent {
  childNodes: TidyNode[];
  sourceCodeLocation?: NodeLocation | null;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

/** Inline formatting elements the parser tracks as "active formatting elements". */
const FORMATTING = set('b', 'big', 'code', 'em', 'font', 'i', 's', 'small', 'strike', 'strong', 'tt', 'u');

/** Start tags that close an open `<p>` (in button scope) and are then ordinary containers. */
const CLOSES_P = set(
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul',
);

const HEADINGS = set('h1', 'h2', 'h3', 'h4', 'h5', 'h6');

/** Elements with no content and no end tag, inserted where they stand. */
const VOID = set('area', 'base', 'basefont', 'bgsound', 'br', 'embed', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr');

/** End tags closing one of these by "in scope" rules (the parser's address/div/… end-tag group). */
const BLOCK_END_TAGS = set(
  'address', 'article', 'aside', 'blockquote', 'button', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'listing', 'main', 'menu', 'nav', 'ol', 'pre', 'search', 'section', 'summary', 'ul',
);

/** Table structure: never valid directly in body content (ignored there, or it closes a cell). */
const TABLE_STRUCTURE = set('caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr');

/** Start tags with rules this builder does not follow (raw text, forms, foreign content, ruby, …). */
const UNSUPPORTED_START = set(
  'applet', 'body', 'frame', 'frameset', 'form', 'head', 'html', 'iframe', 'image', 'marquee', 'math', 'nobr', 'noembed', 'noframes',
  'noscript', 'object', 'optgroup', 'option', 'plaintext', 'rb', 'rp', 'rt', 'rtc', 'script', 'select', 'style', 'svg', 'template',
  'textarea', 'title', 'xmp',
);

/** The parser's "special" category (HTML namespace). */
const SPECIAL = set(
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button', 'caption',
  'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input',
  'keygen', 'li', 'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'p',
  'param', 'plaintext', 'pre', 'script', 'search', 'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td',
  'template', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp',
);

/** Boundaries of "has an element in scope". */
const SCOPE = set('applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template');
const LIST_ITEM_SCOPE = set(...SCOPE, 'ol', 'ul');
const BUTTON_SCOPE = set(...SCOPE, 'button');
const TABLE_SCOPE = set('html', 'table', 'template');

/** Elements whose nearest open one decides how table markup is treated (the insertion mode). */
const TABLE_CONTEXT = set('table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup');

const WHITESPACE_ONLY = /^[\t\n\f\r ]*$/;
const TAG_NAME = /^[a-z][a-z0-9-]*$/;
const END_TAG = /<\/([a-zA-Z][a-zA-Z0-9-]*)[\t\n\f ]*>/y;

/** The character references this builder decodes; any other `&name`/`&#…` makes it give up. */
const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const REFERENCE = /&(?:#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}))|([a-zA-Z]+));/y;

type Mode = 'body' | 'table' | 'tableBody' | 'row' | 'columnGroup';

/** Thrown inside the builder when the input needs rules it does not follow. */
class NotSimple extends Error {}

const notSimple = (): never => {
  throw new NotSimple();
};

/**
 * Decodes the character references in `raw` as the HTML tokenizer would, or
 * gives up on any it might read differently (legacy names without `;`,
 * numeric references the tokenizer remaps).
 */
function decodeReferences(raw: string): string {
  let out = '';
  let pos = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', pos)) {
    out += raw.slice(pos, amp);
    const next = raw.charCodeAt(amp + 1);
    const startsReference = next === 35 /* # */ || (next >= 48 && next <= 57) || ((next | 32) >= 97 && (next | 32) <= 122);
    if (!startsReference) {
      out += '&';
      pos = amp + 1;
      continue;
    }
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(raw);
    if (!m) return notSimple();
    if (m[3] !== undefined) {
      const named = NAMED_REFERENCES[m[3]];
      if (named === undefined) return notSimple();
      out += named;
    } else {
      const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      // NUL, C1 controls (remapped to windows-1252), surrogates and out-of-range values are the tokenizer's special cases.
      if (code === 0 || (code >= 0x80 && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return notSimple();
      out += String.fromCodePoint(code);
    }
    pos = amp + m[0].length;
  }
  return out + raw.slice(pos);
}

class TreeBuilder {
  readonly root: TidyParent = { childNodes: [], sourceCodeLocation: null };
  /** Open elements, innermost last (the fragment's html root is not on it). */
  private readonly open: TidyElement[] = [];
  /**
   * The active formatting elements after the last marker, as the parser
   * keeps them; `null` is a marker (table cell or caption). This builder
   * keeps every entry on the stack of open elements, so the parser's
   * "reconstruct the active formatting elements" never has anything to do.
   */
  private readonly formatting: (TidyElement | null)[] = [];
  /** mode() as of the last change to the open elements (null: work it out again). */
  private currentMode: Mode | null = null;

  constructor(private readonly html: string) {}

  build(): TidyParent {
    const html = this.html;
    let pos = 0;
    while (pos < html.length) {
      const lt = html.indexOf('<', pos);
      if (lt === -1) {
        this.text(pos, html.length);
        break;
      }
      if (lt > pos) this.text(pos, lt);
      const next = html.charCodeAt(lt + 1);
      if ((next | 32) >= 97 && (next | 32) <= 122) pos = this.startTag(lt);
      else if (next === 47 /* / */) pos = this.endTag(lt);
      else if (next === 33 /* ! */) pos = this.comment(lt);
      else if (next === 63 /* ? */ || Number.isNaN(next)) return notSimple();
      else {
        // A `<` that starts no tag is text.
        this.text(lt, lt + 1);
        pos = lt + 1;
      }
    }
    // Elements still open end where the input does.
    for (let i = this.open.length - 1; i >= 0; i--) this.closeImplicitly(this.open[i], html.length);
    return this.root;
  }

  private current(): TidyParent {
    return this.open.length > 0 ? this.open[this.open.length - 1] : this.root;
  }

  private mode(): Mode {
    this.currentMode ??= this.modeOfOpenElements();
    return this.currentMode;
  }

  private modeOfOpenElements(): Mode {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const name = this.open[i].tagName;
      if (!TABLE_CONTEXT.has(name)) continue;
      if (name === 'table') return 'table';
      if (name === 'tbody' || name === 'thead' || name === 'tfoot') return 'tableBody';
      if (name === 'tr') return 'row';
      if (name === 'colgroup') return 'columnGroup';
      return 'body'; // td, th, caption: body rules, table structure excluded
    }
    return 'body';
  }

  private text(start: number, end: number): void {
    const raw = this.html.slice(start, end);
    if (this.mode() !== 'body' && !(WHITESPACE_ONLY.test(raw) && !raw.includes('&'))) return notSimple(); // fostered text
    const value = raw.includes('&') ? decodeReferences(raw) : raw;
    const parent = this.current();
    const last = parent.childNodes[parent.childNodes.length - 1];
    if (last?.nodeName === '#text') {
      // The parser appends to the text node before (its location grows).
      (last as TidyText).value += value;
      if (last.sourceCodeLocation) last.sourceCodeLocation.endOffset = end;
      return;
    }
    parent.childNodes.push({ nodeName: '#text', value, sourceCodeLocation: { startOffset: start, endOffset: end } });
  }

  private comment(lt: number): number {
    const html = this.html;
    if (!html.startsWith('<!--', lt)) return notSimple(); // DOCTYPE, CDATA, bogus comments
    const from = lt + 4;
    // `<!-->` and `<!--->` end at once (abruptly); `--!>` ends a comment too.
    if (html.startsWith('>', from) || html.startsWith('->', from)) return notSimple();
    const close = html.indexOf('-->', from);
    if (close === -1) return notSimple();
    const data = html.slice(from, close);
    if (data.includes('--!>')) return notSimple();
    this.current().childNodes.push({ nodeName: '#comment', data, sourceCodeLocation: { startOffset: lt, endOffset: close + 3 } });
    return close + 3;
  }

  /** Reads a start tag at `lt`; returns the position after it. */
  private startTag(lt: number): number {
    const html = this.html;
    let i = lt + 1;
    while (i < html.length && !isTagNameEnd(html.charCodeAt(i))) i++;
    const name = asciiLowerCase(html.slice(lt + 1, i));
    if (!TAG_NAME.test(name)) return notSimple();
    const attrs: { name: string; value: string }[] = [];
    let selfClosing = false;
    for (;;) {
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      if (i >= html.length) return notSimple();
      const c = html[i];
      if (c === '>') {
        i++;
        break;
      }
      if (c === '/') {
        if (html[i + 1] !== '>') return notSimple();
        selfClosing = true;
        i += 2;
        break;
      }
      const nameStart = i;
      // Link holders (`<a \u0001LH7\u0001>`) are attribute names to the tokenizer too.
      while (i < html.length && !isAttributeNameEnd(html.charCodeAt(i))) i++;
      if (i === nameStart || i >= html.length) return notSimple();
      const after = html[i];
      if (after === '"' || after === "'" || after === '<') return notSimple();
      const attrName = asciiLowerCase(html.slice(nameStart, i));
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (i < html.length && isSpace(html.charCodeAt(i))) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          if (close === -1) return notSimple();
          value = html.slice(i + 1, close);
          i = close + 1;
        } else {
          const valueStart = i;
          for (let c = html.charCodeAt(i); i < html.length && !isSpace(c) && c !== 62 /* > */; c = html.charCodeAt(++i)) {
            // " ' < = ` in an unquoted value are parse errors.
            if (c === 34 || c === 39 || c === 60 || c === 61 || c === 96) return notSimple();
          }
          if (i === valueStart) return notSimple(); // `a=>`: a missing value
          value = html.slice(valueStart, i);
        }
        if (value.includes('&')) value = decodeReferences(value);
      }
      // The first of repeated attributes wins.
      if (!attrs.some((a) => a.name === attrName)) attrs.push({ name: attrName, value });
    }
    this.insertStartTag(name, attrs, selfClosing, lt, i);
    return i;
  }

  /** Reads an end tag at `lt`; returns the position after it. */
  private endTag(lt: number): number {
    END_TAG.lastIndex = lt;
    const m = END_TAG.exec(this.html);
    if (!m) return notSimple();
    const end = lt + m[0].length;
    this.insertEndTag(asciiLowerCase(m[1]), lt, end);
    return end;
  }

  private element(name: string, attrs: { name: string; value: string }[], start: number, end: number): TidyElement {
    const el: TidyElement = {
      nodeName: name,
      tagName: name,
      namespaceURI: HTML_NAMESPACE,
      attrs,
      childNodes: [],
      sourceCodeLocation: { startOffset: start, endOffset: end, startTag: { startOffset: start, endOffset: end } },
    };
    this.current().childNodes.push(el);
    return el;
  }

  private push(name: string, attrs: { name: string; value: string }[], start: number, end: number): TidyElement {
    const el = this.element(name, attrs, start, end);
    this.open.push(el);
    this.currentMode = null;
    return el;
  }

  /** The tree builder's `<tbody>` (or other) element made without a tag: no source location. */
  private pushImplied(name: string): void {
    const el: TidyElement = { nodeName: name, tagName: name, namespaceURI: HTML_NAMESPACE, attrs: [], childNodes: [], sourceCodeLocation: null };
    this.current().childNodes.push(el);
    this.open.push(el);
    this.currentMode = null;
  }

  private insertStartTag(name: string, attrs: { name: string; value: string }[], selfClosing: boolean, start: number, end: number): void {
    if (selfClosing && !VOID.has(name)) return notSimple();
    const mode = this.mode();
    if (mode === 'table') {
      if (name === 'caption') {
        this.push(name, attrs, start, end);
        this.formatting.push(null);
      } else if (name === 'colgroup' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
        this.push(name, attrs, start, end);
      } else if (name === 'tr') {
        this.pushImplied('tbody');
        this.push(name, attrs, start, end);
      } else return notSimple();
      return;
    }
    if (mode === 'tableBody') {
      if (name === 'caption' || name === 'colgroup' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
        // These close the table section (wikiparser-node writes `<tbody><caption>`); the rows after it get an implied <tbody>.
        this.popImplicitly(this.open.length - 1, start);
        this.insertStartTag(name, attrs, selfClosing, start, end);
        return;
      }
      if (name !== 'tr') return notSimple();
      this.push(name, attrs, start, end);
      return;
    }
    if (mode === 'row') {
      if (name !== 'td' && name !== 'th') return notSimple();
      this.push(name, attrs, start, end);
      this.formatting.push(null);
      return;
    }
    if (mode === 'columnGroup') {
      if (name !== 'col') return notSimple();
      this.element(name, attrs, start, end);
      return;
    }
    if (TABLE_STRUCTURE.has(name) || UNSUPPORTED_START.has(name)) return notSimple();
    if (VOID.has(name)) {
      this.element(name, attrs, start, end);
      return;
    }
    if (FORMATTING.has(name)) {
      // Three of a kind already open would bring in the parser's "Noah's Ark" clause.
      if (this.formattingAfterMarker(name) >= 3) return notSimple();
      this.formatting.push(this.push(name, attrs, start, end));
      return;
    }
    if (name === 'a') {
      // An `<a>` inside an open `<a>` runs the adoption agency.
      if (this.formattingAfterMarker('a') > 0) return notSimple();
      this.formatting.push(this.push(name, attrs, start, end));
      return;
    }
    if (name === 'li' || name === 'dd' || name === 'dt') {
      this.closeListItem(name === 'li' ? ['li'] : ['dd', 'dt'], start);
      this.closeParagraph(start);
      this.push(name, attrs, start, end);
      return;
    }
    if (CLOSES_P.has(name) || name === 'table') {
      this.closeParagraph(start);
      this.push(name, attrs, start, end);
      return;
    }
    if (HEADINGS.has(name)) {
      this.closeParagraph(start);
      const top = this.open[this.open.length - 1];
      if (top && HEADINGS.has(top.tagName)) this.popImplicitly(this.open.length - 1, start);
      this.push(name, attrs, start, end);
      return;
    }
    if (name === 'pre' || name === 'listing') {
      this.closeParagraph(start);
      // The parser drops a newline (`&#10;` included) right after the start tag.
      if (this.html[end] === '\n' || this.html[end] === '&') return notSimple();
      this.push(name, attrs, start, end);
      return;
    }
    if (name === 'hr') {
      this.closeParagraph(start);
      this.element(name, attrs, start, end);
      return;
    }
    if (name === 'button' && this.inScope('button', SCOPE) !== -1) return notSimple();
    this.push(name, attrs, start, end);
  }

  private insertEndTag(name: string, start: number, end: number): void {
    const mode = this.mode();
    if (mode !== 'body') {
      const top = this.open[this.open.length - 1];
      if (name === 'table' && mode === 'tableBody' && this.open[this.open.length - 2]?.tagName === 'table') {
        // A <tbody> left open (or implied by a <tr>) closes with its table.
        this.popImplicitly(this.open.length - 1, start);
        this.popWithEndTag(start, end);
        return;
      }
      const closesTop =
        (name === 'table' && mode === 'table') ||
        (mode === 'tableBody' && name === top.tagName) ||
        (name === 'tr' && mode === 'row') ||
        (name === 'colgroup' && mode === 'columnGroup');
      // An implied <tbody> has no location to close; `</tbody>` still closes it.
      if (!closesTop) return notSimple();
      this.popWithEndTag(start, end);
      return;
    }
    if (name === 'td' || name === 'th' || name === 'caption') {
      const index = this.inScope(name, TABLE_SCOPE);
      if (index === -1) return notSimple();
      // Everything still open in the cell closes with it, formatting included (its entries go with the marker).
      this.closeDownTo(index, start, end, true);
      const marker = this.formatting.lastIndexOf(null);
      this.formatting.length = marker === -1 ? 0 : marker;
      return;
    }
    if (name === 'p') {
      const index = this.inScope('p', BUTTON_SCOPE);
      if (index === -1) return notSimple(); // a stray </p> makes an empty paragraph
      this.closeDownTo(index, start, end, false);
      return;
    }
    if (name === 'li' || name === 'dd' || name === 'dt' || BLOCK_END_TAGS.has(name)) {
      const index = this.inScope(name, name === 'li' ? LIST_ITEM_SCOPE : SCOPE);
      if (index === -1) return notSimple();
      this.closeDownTo(index, start, end, false);
      return;
    }
    if (HEADINGS.has(name)) {
      let index = -1;
      for (let i = this.open.length - 1; i >= 0 && index === -1; i--) {
        if (HEADINGS.has(this.open[i].tagName)) index = i;
        else if (SCOPE.has(this.open[i].tagName)) break;
      }
      // `</h3>` closing an `<h2>` ends it without an end tag location.
      if (index === -1 || this.open[index].tagName !== name) return notSimple();
      this.closeDownTo(index, start, end, false);
      return;
    }
    if (FORMATTING.has(name) || name === 'a') {
      // The adoption agency in its simplest case: the element is the innermost open one.
      const top = this.open[this.open.length - 1];
      const entry = this.formatting.lastIndexOf(top);
      if (!top || top.tagName !== name || entry === -1 || entry < this.formatting.lastIndexOf(null)) return notSimple();
      for (let i = this.formatting.length - 1; i > entry; i--) if (this.formatting[i]?.tagName === name) return notSimple();
      this.formatting.splice(entry, 1);
      this.popWithEndTag(start, end);
      return;
    }
    if (SPECIAL.has(name) || UNSUPPORTED_START.has(name) || name === 'nobr') return notSimple();
    // Any other end tag closes the innermost element of its name, unless a special element is open inside it.
    for (let i = this.open.length - 1; i >= 0; i--) {
      const tag = this.open[i].tagName;
      if (tag === name) {
        this.closeDownTo(i, start, end, false);
        return;
      }
      if (SPECIAL.has(tag)) return notSimple();
    }
    return notSimple(); // an end tag with nothing to close is ignored: parse5 keeps no trace of it, but it may split text
  }

  /** Where the innermost open `name` is, if "in scope" by `boundaries`; -1 if not. */
  private inScope(name: string, boundaries: ReadonlySet<string>): number {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const tag = this.open[i].tagName;
      if (tag === name) return i;
      if (boundaries.has(tag)) return -1;
    }
    return -1;
  }

  private formattingAfterMarker(name: string): number {
    let count = 0;
    for (let i = this.formatting.length - 1; i >= 0; i--) {
      const entry = this.formatting[i];
      if (entry === null) break;
      if (entry.tagName === name) count++;
    }
    return count;
  }

  /** A start tag closes an open `<p>` ("close a p element"). */
  private closeParagraph(at: number): void {
    const index = this.inScope('p', BUTTON_SCOPE);
    if (index !== -1) this.closeDownTo(index, at, -1, false);
  }

  /** `<li>` closes an open `<li>` (`<dd>`/`<dt>` an open `<dd>` or `<dt>`) unless a special element other than address, div or p is open inside it. */
  private closeListItem(names: readonly string[], at: number): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const tag = this.open[i].tagName;
      if (names.includes(tag)) {
        this.closeDownTo(i, at, -1, false);
        return;
      }
      if (SPECIAL.has(tag) && tag !== 'address' && tag !== 'div' && tag !== 'p') return;
    }
  }

  /**
   * Pops the open elements down to and including the one at `index`. The
   * token doing it is at `start`; `end` is its end when it is that
   * element's own end tag (-1: closed by something else). Formatting
   * elements closed this way would stay "active" in the parser and be
   * re-opened later, which this builder does not do: it gives up unless
   * `formattingGoes` (their entries are dropped with a cell's marker).
   */
  private closeDownTo(index: number, start: number, end: number, formattingGoes: boolean): void {
    for (let i = this.open.length - 1; i > index; i--) {
      if (!formattingGoes && this.formatting.includes(this.open[i])) return notSimple();
      this.popImplicitly(i, start);
    }
    if (end === -1) this.popImplicitly(index, start);
    else this.popWithEndTag(start, end);
  }

  private popImplicitly(index: number, at: number): void {
    const [el] = this.open.splice(index, 1);
    this.currentMode = null;
    this.closeImplicitly(el, at);
  }

  private closeImplicitly(el: TidyElement, at: number): void {
    if (el.sourceCodeLocation) el.sourceCodeLocation.endOffset = at;
  }

  private popWithEndTag(start: number, end: number): void {
    const el = this.open.pop()!;
    this.currentMode = null;
    if (el.sourceCodeLocation) {
      el.sourceCodeLocation.endOffset = end;
      el.sourceCodeLocation.endTag = { startOffset: start, endOffset: end };
    }
  }
}

/** The tokenizer lower-cases ASCII letters only. */
function asciiLowerCase(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32)) : text;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** What ends an attribute name for the tokenizer (or makes it report a parse error we do not follow): space, / > = " ' <. */
function isAttributeNameEnd(code: number): boolean {
  return isSpace(code) || code === 47 || code === 62 || code === 61 || code === 34 || code === 39 || code === 60;
}

function isTagNameEnd(code: number): boolean {
  return isSpace(code) || code === 47 || code === 62;
}

/** parse5's fragment tree for `html`, or null when the input needs the full HTML parser. */
export function buildSimpleHtmlTree(html: string): TidyParent | null {
  // Carriage returns and NULs are rewritten by the parser's input stream.
  if (html.includes('\r') || html.includes('\0')) return null;
  try {
    return new TreeBuilder(html).build();
  } catch (error) {
    if (error instanceof NotSimple) return null;
    throw error;
  }
}
