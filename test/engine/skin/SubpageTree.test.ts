/**
 * SubpageTree: the pages under a root with their DEFAULTSORT keys, in the
 * root's namespace only, with LIKE wildcards in titles taken literally, and
 * a save under the root refreshing the cached list — and so do a deletion,
 * an undeletion and a move (out of one tree and into another); redirects
 * are not listed.
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

  test('a deleted, undeleted or moved subpage leaves or joins the listed trees at once', async () => {
    const title = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
    const admin = await wiki.createUser('Tree admin', { groups: ['sysop'] });
    await wiki.edit('Other root', 'Other');
    await listed('Docs root');
    await listed('Other root');
    await wiki.services.pageManagement.deletePage.deleteUnsafe(title('Docs root/Beta/Deep'), admin, '');
    expect((await listed('Docs root')).map(([t]) => t)).not.toContain('Docs root/Beta/Deep');
    await wiki.services.pageManagement.undeletePage.undeleteUnsafe(title('Docs root/Beta/Deep'), admin, '');
    expect((await listed('Docs root')).map(([t]) => t)).toContain('Docs root/Beta/Deep');
    const moved = await wiki.services.pageManagement.movePage.moveUnsafe(title('Docs root/Beta/Deep'), title('Other root/Deep'), admin, { reason: '', createRedirect: false });
    expect(moved.ok).toBe(true);
    expect((await listed('Docs root')).map(([t]) => t)).not.toContain('Docs root/Beta/Deep');
    expect(await listed('Other root')).toEqual([['Other root/Deep', null]]);
  });

  test('redirects are not listed, so a page moved within a tree appears once, under its new name', async () => {
    const title = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
    const admin = await wiki.createUser('Tree mover', { groups: ['sysop'] });
    await wiki.edit('Docs root/Shortcut', '#REDIRECT [[Docs root/Alpha]]');
    expect((await listed('Docs root')).map(([t]) => t)).not.toContain('Docs root/Shortcut');
    const moved = await wiki.services.pageManagement.movePage.moveUnsafe(title('Docs root/Alpha'), title('Docs root/Alpha renamed'), admin, { reason: '', createRedirect: true });
    expect(moved.ok).toBe(true);
    const titles = (await listed('Docs root')).map(([t]) => t);
    expect(titles).toContain('Docs root/Alpha renamed');
    expect(titles).not.toContain('Docs root/Alpha');
  });
});
