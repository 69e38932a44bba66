/**
 * The documentation tree of the left sidebar (upstream's
 * SecondaryNavComponent::getPageNav): the pages below a root page, nested by
 * their titles, the root itself left out. Siblings are ordered by their
 * DEFAULTSORT key, or their last title segment when they set none, the way
 * PHP's ksort() orders array keys (two numeric keys compare as numbers,
 * anything else byte by byte). Unlike upstream, two siblings with the same
 * key both stay, ordered by their last segment and then their full title.
 * A page whose parent page does not exist is left out, as upstream does.
 *
 * The tree is built once per SubpageTree answer: the engine caches that list
 * per root and replaces it when a page under the root is saved, so a tree
 * keyed by the list object is rebuilt exactly when the list changes.
 */
import type { SubpageEntry, SubpageTree } from '../../../engine/skin/SubpageTree';
import type { Title } from '../../../engine/title/Title';

export interface PageTreeNode {
  /** Prefixed DB key, for marking the current branch. */
  key: string;
  /** Last title segment, shown in the sidebar. */
  text: string;
  href: string;
  children: PageTreeNode[];
}

/** PHP 8's numeric strings: optional surrounding whitespace, a decimal or float literal. */
const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** ksort() with SORT_REGULAR on PHP 8: numeric keys numerically, the rest as byte strings. */
export function compareSortKeys(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) {
    const diff = Number(a) - Number(b);
    if (diff !== 0) return diff < 0 ? -1 : 1;
    return 0;
  }
  return byteCompare(a, b);
}

interface Sortable {
  sortKey: string;
  text: string;
  dbKey: string;
}

function compareEntries(a: Sortable, b: Sortable): number {
  return compareSortKeys(a.sortKey, b.sortKey) || byteCompare(a.text, b.text) || byteCompare(a.dbKey, b.dbKey);
}

/** Builds the nested, ordered tree below `root` from the flat SubpageTree list. */
export function buildPageTree(root: Title, entries: readonly SubpageEntry[]): PageTreeNode[] {
  const byParent = new Map<string, Array<Sortable & { title: Title }>>();
  for (const entry of entries) {
    const dbKey = entry.title.getDBkey();
    const slash = dbKey.lastIndexOf('/');
    if (slash <= 0) continue;
    const parent = dbKey.slice(0, slash);
    const text = dbKey.slice(slash + 1).replace(/_/g, ' ');
    let siblings = byParent.get(parent);
    if (!siblings) byParent.set(parent, (siblings = []));
    siblings.push({ title: entry.title, dbKey, text, sortKey: entry.sortKey ?? text });
  }
  const build = (parentKey: string, depth: number): PageTreeNode[] => {
    const siblings = byParent.get(parentKey);
    if (!siblings || depth > 50) return [];
    return siblings.sort(compareEntries).map((s) => ({
      key: s.title.getPrefixedDBkey(),
      text: s.text,
      href: s.title.getLinkURL(),
      children: build(s.dbKey, depth + 1),
    }));
  };
  return build(root.getDBkey(), 0);
}

export class PageTreeCache {
  private readonly trees = new WeakMap<readonly SubpageEntry[], PageTreeNode[]>();

  constructor(private readonly subpages: SubpageTree) {}

  /** The ordered tree below `root`; the same object until a page under the root is saved. */
  async get(root: Title): Promise<PageTreeNode[]> {
    const entries = await this.subpages.getSubpages(root);
    let tree = this.trees.get(entries);
    if (!tree) {
      tree = buildPageTree(root, entries);
      this.trees.set(entries, tree);
    }
    return tree;
  }
}
