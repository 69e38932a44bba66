/**
 * The tokens of an expanded tree that the renderer looks for, gathered by
 * one walk: links (link trails, language-link whitespace), headings (their
 * origins, ParserOutput.headings), magic words (DEFAULTSORT, DISPLAYTITLE)
 * and categories. Each `querySelectorAll` walks the whole tree; a 30 KB page
 * was walked seven times per render.
 *
 * The renderer indexes the tree as soon as the library announces it; the
 * passes after that change text nodes only (link trails, blank lines), never
 * which tokens there are. A tree nobody indexed (a fragment rendered inside
 * the page) is searched as before.
 */
import type { WikiToken } from './tokens';

export type IndexedTokenType = 'link' | 'heading' | 'magic-word' | 'category';

const INDEXED_TYPES: ReadonlySet<string> = new Set<IndexedTokenType>(['link', 'heading', 'magic-word', 'category']);

const indexes = new WeakMap<WikiToken, Map<string, WikiToken[]>>();

/** Walks `root` once, in the order `querySelectorAll` reports tokens (document order, the root itself left out). */
export function indexTokens(root: WikiToken): void {
  const byType = new Map<string, WikiToken[]>();
  for (const type of INDEXED_TYPES) byType.set(type, []);
  const stack = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') continue;
    if (INDEXED_TYPES.has(node.type)) byType.get(node.type)!.push(node);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  indexes.set(root, byType);
}

/** The tokens of `type` below `root`, in document order (do not modify the list). */
export function tokensOfType(root: WikiToken, type: IndexedTokenType): readonly WikiToken[] {
  return indexes.get(root)?.get(type) ?? root.querySelectorAll(type);
}
