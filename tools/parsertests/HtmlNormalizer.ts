/**
 * Puts a parser test's expected HTML and our actual HTML into one canonical
 * form, so that only differences a reader of the page could notice remain.
 *
 * MediaWiki's runner compares the legacy parser's output string for string
 * (after stripping the `mw-parser-output` wrapper and trailing whitespace).
 * Our renderer produces its HTML differently, so an exact comparison would
 * mostly measure serialisation style. Instead both sides are
 *
 *   1. parsed with parse5 as the content of a `<body>` in a standards-mode
 *      document: this is the DOM a browser builds, so a tag left open or an
 *      implied `<tbody>` compares equal to its repaired form;
 *   2. unwrapped from MediaWiki's `<div class="… mw-parser-output …">` when it
 *      is the only element at the top (the runner strips it unless a test
 *      sets the `wrap` option);
 *   3. given attributes sorted by name, `class` tokens sorted and separated
 *      by one space, and `style` values with whitespace collapsed and removed
 *      around `:` and `;`, and a final `;` dropped;
 *   4. given whitespace as a browser renders it: runs of space, tab,
 *      newline, CR and FF become one space; a space is dropped at the start
 *      and end of a line (next to a block element or `<br>`, and at the
 *      start and end of the fragment) and after another space, also across
 *      inline tags (`a <b> b</b>` equals `a <b>b</b>`). Comments do not count
 *      as content for this. This takes care of MediaWiki's trailing newlines;
 *   5. inside `pre` and `listing` whitespace is kept as written, except a
 *      single final newline, which a browser does not show; `script` and
 *      `style` content is left as written;
 *   6. serialised with entities in one spelling (`&amp; &lt; &gt; &nbsp;` in
 *      text, `&amp; &quot; &nbsp;` in attributes) and invisible characters
 *      (controls, soft hyphen, zero-width and bidi marks) written as
 *      `&#x…;` so that a diff shows them.
 *
 * Everything else is a real difference and is kept: element structure,
 * attribute values (hrefs are not decoded), classes, text, comments, and
 * empty attributes.
 *
 * `normalizeHtml` gives the canonical string used for comparison;
 * `formatNormalizedHtml` gives the same tree with a line break around every
 * block-level tag, for readable diffs.
 */
import { defaultTreeAdapter, html as htmlConstants, parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;
type TextNode = DefaultTreeAdapterTypes.TextNode;

export interface HtmlNormalizeOptions {
  /** Strip a top-level `mw-parser-output` wrapper (default true, as MediaWiki's runner without `wrap`). */
  unwrapParserOutput?: boolean;
}

/** Elements that start and end a line when rendered (whitespace around them is not shown). */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing',
  'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Whitespace inside these is rendered as written. */
const WHITESPACE_PRESERVING = new Set(['pre', 'textarea', 'listing', 'plaintext']);

/** Their text is not HTML: it is neither escaped nor touched. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const VOID_ELEMENTS = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Characters a terminal does not show but a browser may act on: controls, soft hyphen, zero-width and bidi marks. */
function isInvisible(code: number): boolean {
  return (
    (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff
  );
}

export function normalizeHtml(html: string, options: HtmlNormalizeOptions = {}): string {
  return serializeChildren(normalizedTree(html, options), false);
}

/** The canonical form with block-level tags on lines of their own, for showing diffs. */
export function formatNormalizedHtml(html: string, options: HtmlNormalizeOptions = {}): string {
  const marked = serializeChildren(normalizedTree(html, options), true);
  return marked.replace(/\0+/g, '\n').replace(/^\n|\n$/g, '');
}

/**
 * Where the display form breaks lines. NUL cannot occur in serialised output
 * (showInvisible writes it as &#x0;), so adjacent breaks can be merged without
 * touching newlines that are content (in `pre`).
 */
const LINE_BREAK = '\0';

export function htmlEquivalent(expected: string, actual: string, options: HtmlNormalizeOptions = {}): boolean {
  return normalizeHtml(expected, options) === normalizeHtml(actual, options);
}

function normalizedTree(html: string, options: HtmlNormalizeOptions): ParentNode {
  const body = defaultTreeAdapter.createElement('body', htmlConstants.NS.HTML, []);
  const fragment = parseFragment(body, html, {});
  if (options.unwrapParserOutput ?? true) unwrapParserOutput(fragment);
  normalizeNode(fragment);
  return fragment;
}

function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

function isText(node: ChildNode): node is TextNode {
  return node.nodeName === '#text';
}

function unwrapParserOutput(fragment: ParentNode): void {
  const significant = fragment.childNodes.filter((node) => !(isText(node) && /^[ \t\n\r\f]*$/.test(node.value)));
  if (significant.length !== 1) return;
  const wrapper = significant[0];
  if (!isElement(wrapper) || wrapper.tagName !== 'div') return;
  const classes = (wrapper.attrs.find((a) => a.name === 'class')?.value ?? '').split(/[ \t\n\r\f]+/);
  if (!classes.includes('mw-parser-output')) return;
  fragment.childNodes = wrapper.childNodes;
  for (const child of fragment.childNodes) child.parentNode = fragment;
}

function normalizeNode(root: ParentNode): void {
  forEachElement(root, normalizeAttributes);
  const flow = new InlineFlow();
  flow.visit(root);
  flow.lineBreak();
  forEachParent(root, (parent) => {
    parent.childNodes = parent.childNodes.filter((node) => !(isText(node) && node.value === ''));
  });
}

function forEachParent(parent: ParentNode, callback: (parent: ParentNode) => void): void {
  callback(parent);
  for (const node of parent.childNodes) if (isElement(node)) forEachParent(node, callback);
  if ('tagName' in parent && parent.tagName === 'template') forEachParent((parent as DefaultTreeAdapterTypes.Template).content, callback);
}

function forEachElement(parent: ParentNode, callback: (element: Element) => void): void {
  forEachParent(parent, (node) => {
    if ('tagName' in node) callback(node);
  });
}

/**
 * CSS whitespace processing, reduced to what decides whether a space shows:
 * walking the text in document order, a space is dropped at the start of a
 * line (after a block boundary or `<br>`), after another space (also across
 * inline element boundaries), and at the end of a line.
 */
class InlineFlow {
  /** The previous rendered character was a (collapsible) space, or there is none on this line. */
  private afterSpaceOrLineStart = true;
  /** The text node whose trailing space ends the line if nothing visible follows. */
  private trailingSpace: TextNode | null = null;

  visit(parent: ParentNode): void {
    const children = 'tagName' in parent && parent.tagName === 'template' ? (parent as DefaultTreeAdapterTypes.Template).content.childNodes : parent.childNodes;
    for (const node of children) {
      if (isText(node)) this.text(node);
      else if (isElement(node)) this.element(node);
    }
  }

  private text(node: TextNode): void {
    let value = node.value.replace(/[ \t\n\r\f]+/g, ' ');
    if (this.afterSpaceOrLineStart) value = value.replace(/^ /, '');
    node.value = value;
    if (value === '') return;
    this.afterSpaceOrLineStart = value.endsWith(' ');
    this.trailingSpace = this.afterSpaceOrLineStart ? node : null;
  }

  private element(element: Element): void {
    const tag = element.tagName;
    if (BLOCK_ELEMENTS.has(tag) || tag === 'br') {
      this.lineBreak();
      if (WHITESPACE_PRESERVING.has(tag)) dropFinalNewline(element);
      else if (tag !== 'br') this.visit(element);
      this.lineBreak();
    } else if (WHITESPACE_PRESERVING.has(tag)) {
      dropFinalNewline(element);
      this.visibleContent();
    } else if (RAW_TEXT.has(tag)) {
      // Not rendered as text: neither a space nor content for the flow.
    } else if (VOID_ELEMENTS.has(tag)) {
      this.visibleContent();
    } else {
      this.visit(element);
    }
  }

  private visibleContent(): void {
    this.afterSpaceOrLineStart = false;
    this.trailingSpace = null;
  }

  lineBreak(): void {
    if (this.trailingSpace) this.trailingSpace.value = this.trailingSpace.value.replace(/ $/, '');
    this.trailingSpace = null;
    this.afterSpaceOrLineStart = true;
  }
}

/** True for a node that ends a rendered line where it stands: a block element or a line break. */
function breaksLine(node: ChildNode): boolean {
  return isElement(node) && (BLOCK_ELEMENTS.has(node.tagName) || node.tagName === 'br');
}

/** A browser shows no empty line for one newline at the very end of a `<pre>`. */
function dropFinalNewline(element: Element): void {
  if (element.tagName === 'textarea') return;
  const last = element.childNodes[element.childNodes.length - 1];
  if (last && isText(last)) last.value = last.value.replace(/\r?\n$/, '');
}

function normalizeAttributes(element: Element): void {
  for (const attribute of element.attrs) {
    if (attribute.name === 'class' && !attribute.namespace) {
      attribute.value = attribute.value.split(/[ \t\n\r\f]+/).filter(Boolean).sort().join(' ');
    } else if (attribute.name === 'style' && !attribute.namespace) {
      attribute.value = attribute.value
        .replace(/[ \t\n\r\f]+/g, ' ')
        .replace(/ ?([:;]) ?/g, '$1')
        .trim()
        .replace(/;$/, '');
    }
  }
  element.attrs.sort((a, b) => (qualifiedName(a) < qualifiedName(b) ? -1 : qualifiedName(a) > qualifiedName(b) ? 1 : 0));
}

function qualifiedName(attribute: { name: string; prefix?: string }): string {
  return attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
}

function showInvisible(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out += isInvisible(code) ? `&#x${code.toString(16).toUpperCase()};` : char;
  }
  return out;
}

function escapeText(text: string): string {
  return showInvisible(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;'));
}

function escapeAttribute(value: string): string {
  return showInvisible(value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;'));
}

function serializeChildren(parent: ParentNode, lineBreaks: boolean): string {
  const tag = 'tagName' in parent ? parent.tagName : '';
  const children = tag === 'template' ? (parent as DefaultTreeAdapterTypes.Template).content.childNodes : parent.childNodes;
  let out = '';
  for (const node of children) {
    if (isText(node)) out += RAW_TEXT.has(tag) ? showInvisible(node.value) : escapeText(node.value);
    else if (node.nodeName === '#comment') out += `<!--${showInvisible((node as DefaultTreeAdapterTypes.CommentNode).data)}-->`;
    else if (isElement(node)) out += serializeElement(node, lineBreaks);
  }
  return out;
}

function serializeElement(element: Element, lineBreaks: boolean): string {
  const attributes = element.attrs.map((a) => ` ${qualifiedName(a)}="${escapeAttribute(a.value)}"`).join('');
  const open = `<${element.tagName}${attributes}>`;
  const lineBreak = lineBreaks && BLOCK_ELEMENTS.has(element.tagName) ? LINE_BREAK : '';
  if (VOID_ELEMENTS.has(element.tagName) && element.namespaceURI === htmlConstants.NS.HTML) {
    return element.tagName === 'br' && lineBreaks ? `${open}${LINE_BREAK}` : `${lineBreak}${open}${lineBreak}`;
  }
  // Inside pre-like elements a line break of ours would look like content.
  const preserving = WHITESPACE_PRESERVING.has(element.tagName);
  const inner = serializeChildren(element, lineBreaks && !preserving);
  const innerBreak = lineBreak && !preserving && element.childNodes.some((child) => breaksLine(child)) ? LINE_BREAK : '';
  return `${lineBreak}${open}${innerBreak}${inner}${innerBreak}</${element.tagName}>${lineBreak}`;
}
