/**
 * SubpageTree: the pages under a root with their DEFAULTSORT keys, in the
 * root's namespace only, with LIKE wildcards in titles taken literally, and
 * a save under the root refreshing the cached list.
 */
import { SubpageTree } from '../../../engine/skin/SubpageTree';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe.each(testDatabaseKinds())('SubpageTree on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Docs root', 'Root');
    await wiki.edit('Docs root/Alpha', '{{DEFAULTSORT:2}}A');
    await wiki.edit('Docs root/Beta', '{{DEFAULTSORT:1}}B');
    await wiki.edit('Docs root/Beta/Deep', 'D');
    await wiki.edit('Docs rootless', 'not a subpage');
    await wiki.edit('Talk:Docs root/Alpha', 'talk');
    await wiki.edit('100% root/Child', 'percent');
    await wiki.edit('100x root/Child', 'not under 100% root');
  });
  afterAll(async () => wiki.close());
  let tree: SubpageTree;
  beforeAll(() => {
    tree = new SubpageTree(wiki.services.db, wiki.services.titleFactory, wiki.services.hooks);
  });

  async function listed(root: string): Promise<Array<[string, string | null]>> {
    const entries = await tree.getSubpages(wiki.services.titleFactory.newFromTextThrow(root));
    return entries.map((e): [string, string | null] => [e.title.getPrefixedText(), e.sortKey]).sort((a, b) => a[0].localeCompare(b[0]));
  }

  test('lists every page under the root with its DEFAULTSORT key, only in its namespace', async () => {
    expect(await listed('Docs root')).toEqual([
      ['Docs root/Alpha', '2'],
      ['Docs root/Beta', '1'],
      ['Docs root/Beta/Deep', null],
    ]);
  });

  test('LIKE wildcards in the root title are literal', async () => {
    expect(await listed('100% root')).toEqual([['100% root/Child', null]]);
  });

  test('a new subpage or a changed DEFAULTSORT shows after the save', async () => {
    await listed('Docs root');
    await wiki.edit('Docs root/Gamma', '{{DEFAULTSORT:0}}G');
    await wiki.edit('Docs root/Alpha', '{{DEFAULTSORT:9}}A');
    expect(await listed('Docs root')).toEqual([
      ['Docs root/Alpha', '9'],
      ['Docs root/Beta', '1'],
      ['Docs root/Beta/Deep', null],
      ['Docs root/Gamma', '0'],
    ]);
  });
});
