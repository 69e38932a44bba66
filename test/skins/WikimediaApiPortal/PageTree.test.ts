/**
 * The sidebar tree: PHP ksort() order of DEFAULTSORT keys (numbers as
 * numbers, the rest byte by byte), last title segments when a page has no
 * key, both pages kept when two share a key (upstream drops one), orphans
 * left out, and the cache handing out the same tree until a save under the
 * root replaces the engine's subpage list.
 */
import { buildPageTree, compareSortKeys, PageTreeCache, PageTreeNode } from '../../../skins/WikimediaApiPortal/src/PageTree';
import { SubpageTree } from '../../../engine/skin/SubpageTree';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

const names = (nodes: PageTreeNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.text, names(n.children)] : n.text));

describe('compareSortKeys (PHP 8 ksort, SORT_REGULAR)', () => {
  const sorted = (keys: string[]) => [...keys].sort(compareSortKeys);
  test('numeric keys compare as numbers', () => {
    expect(sorted(['10', '9', '1.5', '-2', '1e1'])).toEqual(['-2', '1.5', '9', '10', '1e1']);
  });
  test('other keys compare byte by byte (upper case before lower case, ASCII before other scripts)', () => {
    expect(sorted(['b', 'B', 'a', 'Ä', 'Z'])).toEqual(['B', 'Z', 'a', 'b', 'Ä']);
  });
  test('a number against a non-numeric key compares as strings', () => {
    expect(sorted(['Zeta', '10', '2'])).toEqual(['2', '10', 'Zeta']);
    expect(compareSortKeys('10', 'A')).toBeLessThan(0);
  });
});

describe.each(testDatabaseKinds())('the page tree on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Root', 'root');
    await wiki.edit('Root/Beta', '{{DEFAULTSORT:2}}');
    await wiki.edit('Root/Alpha', '{{DEFAULTSORT:2}}');
    await wiki.edit('Root/Gamma', '{{DEFAULTSORT:1}}');
    await wiki.edit('Root/Delta', 'no key: sorted as "Delta"');
    await wiki.edit('Root/Beta/Two', '{{DEFAULTSORT:20}}');
    await wiki.edit('Root/Beta/One', '{{DEFAULTSORT:3}}');
    await wiki.edit('Root/Ghost/Orphan', 'parent missing');
    await wiki.edit('Rooted', 'a different root');
  });
  afterAll(async () => wiki.close());

  const root = () => wiki.services.titleFactory.newFromTextThrow('Root');

  function makeTree(): SubpageTree {
    return new SubpageTree(wiki.services.db, wiki.services.titleFactory, wiki.services.hooks);
  }

  test('nested, ordered, duplicates kept by title, orphans and the root left out', async () => {
    const tree = await new PageTreeCache(makeTree()).get(root());
    expect(names(tree)).toEqual(['Gamma', 'Alpha', ['Beta', ['One', 'Two']], 'Delta']);
  });

  test('links and keys of the nodes', async () => {
    const tree = await new PageTreeCache(makeTree()).get(root());
    const beta = tree.find((n) => n.text === 'Beta')!;
    expect(beta.key).toBe('Root/Beta');
    expect(beta.href).toBe('/wiki/Root/Beta');
    expect(beta.children.map((n) => n.key)).toEqual(['Root/Beta/One', 'Root/Beta/Two']);
  });

  test('the tree is built once and rebuilt after a save under the root', async () => {
    const cache = new PageTreeCache(makeTree());
    const first = await cache.get(root());
    expect(await cache.get(root())).toBe(first);
    await wiki.edit('Rooted', 'a save elsewhere');
    expect(await cache.get(root())).toBe(first);
    await wiki.edit('Root/Delta', '{{DEFAULTSORT:0}}');
    const second = await cache.get(root());
    expect(second).not.toBe(first);
    expect(names(second)).toEqual(['Delta', 'Gamma', 'Alpha', ['Beta', ['One', 'Two']]]);
  });

  test('buildPageTree works on the engine\'s flat list alone', () => {
    const t = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
    const nodes = buildPageTree(t('Root'), [
      { title: t('Root/B'), sortKey: null },
      { title: t('Root/A'), sortKey: null },
      { title: t('Root/A/X'), sortKey: 'z' },
      { title: t('Root/A/Y'), sortKey: 'y' },
    ]);
    expect(names(nodes)).toEqual([['A', ['Y', 'X']], 'B']);
  });
});
