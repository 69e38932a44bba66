/**
 * What the table of contents and the edit link show of a heading
 * (Parser::finalizeHeadings with Parser::cleanUpTocLine): the heading's HTML
 * parsed as HTML, reduced to a few inline elements for the TOC line, and its
 * text content for the edit link's tooltip and the id.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import { parse5 } from '../Parse5';

type Node = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/**
 * Kept in TOC lines, without attributes: <sup>, <sub> (T10393), <i> (T28375),
 * <b>, <bdi> (T74884), <s>, <strike> (T35715), <q> (T251672), and <span>,
 * which keeps dir="rtl"/"ltr" (T37167).
 */
const ALLOWED_TAGS = new Set(['span', 'sup', 'sub', 'bdi', 'i', 'b', 's', 'strike', 'q']);

export interface HeadingText {
  /** The TOC line: HTML. */
  line: string;
  /** The heading as plain text (the edit link's tooltip, and what the id is made of). */
  text: string;
}

/** PHP trim(): not the non-breaking space, which a heading may start or end with on purpose. */
function phpTrim(s: string): string {
  // A loop rather than a regex: the set holds control characters, and /…+$/ backtracks on long blank runs.
  const blank = ' \t\n\r\0\x0B';
  let start = 0;
  let end = s.length;
  while (start < end && blank.includes(s[start])) start++;
  while (end > start && blank.includes(s[end - 1])) end--;
  return s.slice(start, end);
}

/**
 * The TOC line and plain text of a heading of `level` whose content is
 * `innerHtml`. The heading is parsed as a whole, as MediaWiki does, so that
 * unbalanced markup in it is repaired the way a browser repairs it (T218330).
 */
export function headingText(level: number, innerHtml: string): HeadingText {
  // An '&' that is no character reference in wikitext is text, even where
  // HTML would read one ("F&GT" is not "F>"): escaped first, as MediaWiki's
  // tidy pass does before it parses the heading (T355386).
  const html = innerHtml.replace(/&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)/g, '&amp;');
  const { parseFragment, serialize } = parse5();
  const fragment = parseFragment(`<h${level}>${html}</h${level}>`);
  cleanUpTocLine(fragment);
  return {
    // MediaWiki's serializer writes U+00A0 as a numeric reference.
    line: phpTrim(serialize(fragment).replace(/&nbsp;/g, '&#160;')),
    text: phpTrim(textContent(fragment)),
  };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function remove(node: Node): void {
  const siblings = node.parentNode!.childNodes;
  siblings.splice(siblings.indexOf(node), 1);
}

/** Parser::cleanUpTocLine. */
function cleanUpTocLine(container: ParentNode): void {
  let node: Node | undefined = container.childNodes[0];
  while (node) {
    let next: Node | undefined = nextSibling(node);
    if (isElement(node)) {
      const name = node.nodeName;
      if (name === 'style' || name === 'script') {
        // Never in a TOC line (T198618).
        remove(node);
      } else if (ALLOWED_TAGS.has(name)) {
        node.attrs = node.attrs.filter((a) => name === 'span' && a.name === 'dir' && (a.value === 'rtl' || a.value === 'ltr'));
        cleanUpTocLine(node);
        // What is left of <span id="foo"></span>, an extra anchor for the section.
        if (name === 'span' && node.childNodes.length === 0) remove(node);
      } else {
        // Strip the tag, keep its content (looked at next).
        const children = node.childNodes;
        const parent = node.parentNode!;
        const at = parent.childNodes.indexOf(node);
        for (const child of children) child.parentNode = parent;
        parent.childNodes.splice(at, 1, ...children);
        next = children[0] ?? parent.childNodes[at];
      }
    } else if (node.nodeName === '#comment') {
      // Extensions may add comments to headings; these shouldn't appear in the TOC either.
      remove(node);
    }
    node = next;
  }
}

function nextSibling(node: Node): Node | undefined {
  const siblings = node.parentNode!.childNodes;
  return siblings[siblings.indexOf(node) + 1];
}

function textContent(node: ParentNode): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') out += (child as DefaultTreeAdapterTypes.TextNode).value;
    else if ('childNodes' in child) out += textContent(child);
  }
  return out;
}
