/**
 * What MediaWiki's tidy step (RemexDriver with RemexCompatMunger and
 * RemexCompatFormatter) does to the block structure of the parser's output,
 * applied to our finished HTML:
 *
 * - p-wrapping: inline content (non-blank text, inline elements) that is a
 *   direct child of the body or of a `<blockquote>` is put in a `<p>`
 *   (`a <div>b</div>` gives `<p>a </p><div>b</div>`). A run of such content
 *   ends at the next block element; `<style>`, `<script>`, `<link>` and
 *   `<meta>` neither start nor end a run; an inline element that holds a
 *   block element is left out of the paragraph (the munger's "disable the
 *   p-wrap"), and foster-parented content is not wrapped;
 * - empty `<li>`, `<p>` and `<tr>` without attributes get
 *   `class="mw-empty-elt"`, the `<p>` that a stray `</p>` creates included.
 *
 * The HTML is read as a browser builds the tree, with source locations, only
 * to decide where the changes go: they are spliced into the string, which
 * otherwise stays byte for byte as it came (link holders in start tags
 * included). Where a position cannot be told for certain the change is left
 * out. The tree comes from SimpleHtmlTree.ts when the HTML is plain enough
 * for it (nearly always: it is ~15× faster) and from parse5 otherwise.
 *
 * Not done: the munger's splitting of formatting elements around a block
 * (`<small>` holding a list is cloned on each side of it).
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import { parse5 } from './Parse5';
import { buildSimpleHtmlTree, HTML_NAMESPACE, TidyComment, TidyElement, TidyNode, TidyParent, TidyText } from './SimpleHtmlTree';

type ParentNode = TidyParent;
type ChildNode = TidyNode;
type Element = TidyElement;

/** RemexCompatMunger::$onlyInlineElements. */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'applet', 'b', 'basefont', 'bdo', 'big', 'br', 'button', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i',
  'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'legend', 'map', 'object', 'param', 'q', 'rb', 'rbc', 'rp', 'rt', 'rtc', 'ruby',
  's', 'samp', 'select', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'textarea', 'tt', 'u', 'var',
  'video', 'audio', 'bdi', 'data', 'time', 'mark',
]);

/** RemexCompatMunger::$metadataElements: neither start nor end a paragraph. */
const METADATA_ELEMENTS: ReadonlySet<string> = new Set(['style', 'script', 'link', 'meta']);

/** RemexCompatFormatter::$markedEmptyElements. */
const MARKED_EMPTY_ELEMENTS: ReadonlySet<string> = new Set(['li', 'p', 'tr']);

const EMPTY_CLASS = 'mw-empty-elt';

/** Comments the table renderer puts around content it moves out of a table. */
export const FOSTER_START = 'mw:fostered';
export const FOSTER_END = '/mw:fostered';
const FOSTER_MARKER_RE = /<!--\/?mw:fostered-->/g;

const BLANK_RE = /^[\t\n\f\r ]*$/;

interface Range {
  start: number;
  end: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

let bodyContext: DefaultTreeAdapterTypes.Element | null = null;

function body(): DefaultTreeAdapterTypes.Element {
  if (!bodyContext) {
    const doc = parse5().parse('<!DOCTYPE html><html><head></head><body></body></html>');
    const html = doc.childNodes.find((n) => n.nodeName === 'html') as DefaultTreeAdapterTypes.Element;
    bodyContext = html.childNodes.find((n) => n.nodeName === 'body') as DefaultTreeAdapterTypes.Element;
  }
  return bodyContext;
}

/** parse5's fragment tree for `html` in a `<body>`, with source locations. */
export function parseTidyTreeWithParse5(html: string): TidyParent {
  return parse5().parseFragment(body(), html, { sourceCodeLocationInfo: true }) as unknown as TidyParent;
}

function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

function isTableOfContentsMarker(el: Element): boolean {
  return el.tagName === 'meta' && el.attrs.some((a) => a.name === 'property' && a.value === 'mw:PageProp/toc');
}

function isMetadata(el: Element): boolean {
  return METADATA_ELEMENTS.has(el.tagName) && !isTableOfContentsMarker(el);
}

function isInline(el: Element): boolean {
  return INLINE_ELEMENTS.has(el.tagName);
}

/** Whether an element below `el` is one that makes the munger take `el` out of its paragraph. */
function holdsBlock(el: Element): boolean {
  for (const child of el.childNodes) {
    if (!isElement(child)) continue;
    if (!isInline(child) && !isMetadata(child)) return true;
    if (holdsBlock(child)) return true;
  }
  return false;
}

class Splicer {
  private readonly edits: Edit[] = [];
  /** Where a location-less `<p>` (made by a stray `</p>`) stands in the source. */
  private readonly strayP = new Map<Element, Range | null>();

  constructor(private readonly html: string) {}

  run(root: ParentNode): string {
    this.visit(root, true, { start: 0, end: this.html.length });
    if (this.edits.length === 0) return this.html;
    // Stable: edits at one position keep the order they were made in.
    const edits = this.edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
    let out = '';
    let pos = 0;
    for (const edit of edits) {
      if (edit.start < pos) continue; // overlapping (should not happen): keep the first
      out += this.html.slice(pos, edit.start) + edit.text;
      pos = edit.end;
    }
    return out + this.html.slice(pos);
  }

  private insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }

  private visit(parent: ParentNode, wrapBase: boolean, content: Range | null): void {
    if (wrapBase && content) this.wrapRuns(parent, content);
    for (const child of parent.childNodes) {
      if (!isElement(child)) continue;
      if (child.tagName === 'template') continue;
      const loc = child.sourceCodeLocation;
      const inner: Range | null = loc?.startTag ? { start: loc.startTag.endOffset, end: loc.endTag ? loc.endTag.startOffset : loc.endOffset } : null;
      this.visit(child, child.tagName === 'blockquote' && child.namespaceURI === HTML_NAMESPACE, inner);
      this.markEmpty(child, parent);
    }
  }

  /** The source range of a node, or null when it has none that can be trusted. */
  private range(node: ChildNode, parent: ParentNode): Range | null {
    const loc = node.sourceCodeLocation;
    if (loc) return { start: loc.startOffset, end: loc.endOffset };
    if (isElement(node) && node.tagName === 'p') return this.strayPRange(node, parent);
    return null;
  }

  /** A `<p>` without location is the one a `</p>` with no open `<p>` creates: find that end tag. */
  private strayPRange(el: Element, parent: ParentNode): Range | null {
    if (this.strayP.has(el)) return this.strayP.get(el)!;
    let result: Range | null = null;
    const siblings = parent.childNodes;
    const index = siblings.indexOf(el);
    let from = parent.sourceCodeLocation && 'startTag' in parent.sourceCodeLocation ? (parent.sourceCodeLocation.startTag?.endOffset ?? null) : 0;
    for (let i = index - 1; i >= 0; i--) {
      const loc = siblings[i].sourceCodeLocation;
      if (loc) {
        from = loc.endOffset;
        break;
      }
      const found = this.strayP.get(siblings[i] as Element);
      if (found) {
        from = found.end;
        break;
      }
    }
    let to = this.html.length;
    for (let i = index + 1; i < siblings.length; i++) {
      const loc = siblings[i].sourceCodeLocation;
      if (loc) {
        to = loc.startOffset;
        break;
      }
    }
    if (from !== null && from <= to) {
      const re = /<\/p(?=[\t\n\f\r />])[^>]*>/giy;
      // The end tag must be the next markup after `from`: only text may come between.
      const lt = this.html.indexOf('<', from);
      if (lt !== -1 && lt < to) {
        re.lastIndex = lt;
        const m = re.exec(this.html);
        if (m && m.index + m[0].length <= to) result = { start: m.index, end: m.index + m[0].length };
      }
    }
    this.strayP.set(el, result);
    return result;
  }

  private markEmpty(el: Element, parent: ParentNode): void {
    if (!MARKED_EMPTY_ELEMENTS.has(el.tagName) || el.attrs.length > 0 || el.namespaceURI !== HTML_NAMESPACE) return;
    if (!el.childNodes.every((c) => c.nodeName === '#text' && BLANK_RE.test((c as TidyText).value))) return;
    const loc = el.sourceCodeLocation;
    if (loc?.startTag) {
      const at = loc.startTag.startOffset + 1 + el.tagName.length;
      if (this.html.slice(loc.startTag.startOffset, at).toLowerCase() !== `<${el.tagName}`) return;
      this.insert(at, ` class="${EMPTY_CLASS}"`);
    } else if (!loc && el.tagName === 'p') {
      const r = this.strayPRange(el, parent);
      if (r) this.edits.push({ start: r.start, end: r.end, text: `<p class="${EMPTY_CLASS}"></p>` });
    }
  }

  /** The munger's p-wrapping of the children of a body or blockquote. */
  private wrapRuns(parent: ParentNode, content: Range): void {
    const kids = parent.childNodes;
    const ranges = kids.map((k) => this.range(k, parent));
    // Smallest start among the later siblings: a node that starts after it
    // was foster-parented out of a table that follows.
    const laterStart: number[] = new Array(kids.length).fill(Infinity);
    for (let i = kids.length - 2; i >= 0; i--) laterStart[i] = Math.min(laterStart[i + 1], ranges[i + 1]?.start ?? Infinity);

    let open = false;
    let fostered = false;
    let lastEnd = content.start;
    const close = (at: number) => {
      this.insert(at, '</p>');
      open = false;
    };

    for (let i = 0; i < kids.length; i++) {
      const node = kids[i];
      const r = ranges[i];
      if (node.nodeName === '#comment') {
        const data = (node as TidyComment).data;
        if (data === FOSTER_START || data === FOSTER_END) {
          // What the table renderer moved out of a table: not wrapped, and
          // (being in front of the table) it ends the paragraph before it.
          if (open && r) close(Math.max(lastEnd, r.start));
          fostered = data === FOSTER_START;
        }
        if (r && r.start >= lastEnd) lastEnd = r.end;
        continue;
      }
      if (fostered) {
        if (r && r.start >= lastEnd) lastEnd = r.end;
        continue;
      }
      if (!r) {
        // No position: a block closes the paragraph where the last node ended.
        if (isElement(node) && !isInline(node) && !isMetadata(node) && open) close(lastEnd);
        continue;
      }
      // Fostered by the HTML parser (text it merged with fostered text included).
      if (r.start >= laterStart[i] || (node.nodeName === '#text' && r.end > laterStart[i])) continue;
      // Where the node's own content lies in the source: an element the tree
      // builder re-opened (formatting elements) or moved (adoption agency)
      // has the location of tags that stand elsewhere.
      const bound = i + 1 < kids.length ? (ranges[i + 1]?.start ?? this.html.length) : content.end;
      const start = this.effectiveStart(node, lastEnd);
      const end = Math.max(start ?? lastEnd, this.effectiveEnd(node, bound > (start ?? lastEnd) ? bound : this.html.length));
      const moved = start !== r.start;
      if (node.nodeName === '#text') {
        const text = (node as TidyText).value;
        if (!open && !BLANK_RE.test(text) && !moved) {
          this.insert(r.start, '<p>');
          open = true;
        }
        lastEnd = Math.max(lastEnd, end);
        continue;
      }
      if (!isElement(node)) continue;
      if (isMetadata(node)) {
        lastEnd = Math.max(lastEnd, end);
        continue;
      }
      // An inline element whose tags stand around the block that follows it
      // was split there by the tree builder: the munger keeps it out of the
      // paragraph as it does an inline element that holds a block.
      const next = kids[i + 1];
      const split = next !== undefined && isElement(next) && !isInline(next) && !isMetadata(next) && r.end > (ranges[i + 1]?.start ?? Infinity);
      if (isInline(node) && !holdsBlock(node) && !split) {
        // A re-opened formatting element with nothing in it is dropped when
        // the munger splits it; it does not start a paragraph.
        if (!open && start !== null && !(moved && isBlank(node))) {
          this.insert(start, '<p>');
          open = true;
        }
        lastEnd = Math.max(lastEnd, end);
        continue;
      }
      // A block, or an inline element holding one: the paragraph ends before it.
      if (open) close(start !== null && start >= lastEnd ? start : lastEnd);
      lastEnd = Math.max(lastEnd, end);
    }
    if (open) close(lastEnd);
  }

  /** The first source position of a node's content at or after `after`. */
  private effectiveStart(node: ChildNode, after: number): number | null {
    const loc = node.sourceCodeLocation;
    if (loc && loc.startOffset >= after) return loc.startOffset;
    if (!isElement(node)) return null;
    for (const child of node.childNodes) {
      const inner = this.effectiveStart(child, after);
      if (inner !== null) return inner;
    }
    return null;
  }

  /** The last source position of a node's content, not looking past `bound`. */
  private effectiveEnd(node: ChildNode, bound: number): number {
    if (!isElement(node)) return node.sourceCodeLocation ? node.sourceCodeLocation.endOffset : -1;
    const loc = node.sourceCodeLocation;
    let end = -1;
    if (loc?.startTag && loc.startTag.endOffset <= bound) end = loc.startTag.endOffset;
    for (const child of node.childNodes) end = Math.max(end, this.effectiveEnd(child, bound));
    if (loc?.endTag && loc.endTag.startOffset >= end && loc.endTag.endOffset <= bound) end = loc.endTag.endOffset;
    else if (loc && !loc.endTag && loc.endOffset <= bound) end = Math.max(end, loc.endOffset);
    return end;
  }
}

function isBlank(node: ChildNode): boolean {
  if (node.nodeName === '#text') return BLANK_RE.test((node as TidyText).value);
  if (!isElement(node)) return true;
  return node.childNodes.every(isBlank) && node.childNodes.every((c) => !isElement(c));
}

/** MediaWiki's tidy-time p-wrapping and empty-element marking (see the file comment). */
export function applyRemexCompat(html: string): string {
  if (html === '') return html;
  const tree = buildSimpleHtmlTree(html) ?? parseTidyTreeWithParse5(html);
  return new Splicer(html).run(tree).replace(FOSTER_MARKER_RE, '');
}
