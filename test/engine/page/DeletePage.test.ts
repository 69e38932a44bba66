/**
 * DeletePage and UndeletePage (MediaWiki's services of those names): a
 * deletion moves every revision to `archive`, removes the page and its link
 * rows, writes the `delete` log with its recent-changes line and turns links
 * to the page red; an undeletion brings back the same revisions (ids and
 * texts), the page, its link rows, and a `delete/restore` entry.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe.each(testDatabaseKinds())('DeletePage and UndeletePage on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.createUser('Admin', { groups: ['sysop'] });
  });
  afterAll(async () => wiki.close());

  const title = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
  const admin = async () => (await wiki.services.userStore.getUserByName('Admin'))!;
  const pageOf = (text: string) => wiki.services.pageStore.getPage({ namespace: title(text).getNamespace(), dbKey: title(text).getDBkey() });
  const render = async (text: string) => {
    const page = (await pageOf(text))!;
    const revision = (await wiki.services.revisionStore.getRevisionById(page.latest))!;
    return (await wiki.services.pageRenderer.getParserOutput(title(text), revision, () => wiki.services.revisionStore.getText(revision), { language: 'en' })).html;
  };

  test('deleting archives every revision, removes the page and its links, logs, and turns links red', async () => {
    await wiki.edit('Doomed', 'First [[Category:Things]] [[Elsewhere]]');
    await wiki.edit('Doomed', 'Second [[Category:Things]] [[Elsewhere]]');
    await wiki.edit('Linker', 'See [[Doomed]]');
    expect(await render('Linker')).toContain('href="/wiki/Doomed"');
    const page = (await pageOf('Doomed'))!;
    const revisions = await wiki.services.revisionStore.getHistory(page.id, { limit: 10 });
    const hooked: unknown[][] = [];
    wiki.services.hooks.register('PageDeleteComplete', (...args) => void hooked.push(args));

    const status = await wiki.services.pageManagement.deletePage.deleteIfAllowed(title('Doomed'), await admin(), 'Spam');
    expect(status).toMatchObject({ ok: true, pageId: page.id, revisionCount: 2 });

    expect(await pageOf('Doomed')).toBeNull();
    const archived = await wiki.database.db('archive').where({ ar_namespace: 0, ar_title: 'Doomed' }).orderBy('ar_rev_id');
    expect(archived.map((r) => Number(r.ar_rev_id))).toEqual(revisions.map((r) => r.id).sort((a, b) => a - b));
    expect(await wiki.database.db('revision').where('rev_page', page.id)).toEqual([]);
    for (const [table, column] of [['pagelinks', 'pl_from'], ['categorylinks', 'cl_from'], ['page_props', 'pp_page']]) {
      expect(await wiki.database.db(table).where(column, page.id)).toEqual([]);
    }
    expect(await wiki.database.db('category').where('cat_title', 'Things').first()).toBeUndefined();
    const [entry] = await wiki.services.logStore.query({ type: 'delete', limit: 1 });
    expect(entry).toMatchObject({ action: 'delete', actorName: 'Admin', dbKey: 'Doomed', pageId: page.id, comment: 'Spam' });
    const rc = await wiki.database.db('recentchanges').where({ rc_logid: entry.id }).first();
    expect(rc).toMatchObject({ rc_log_type: 'delete', rc_log_action: 'delete', rc_title: 'Doomed' });
    expect(hooked).toHaveLength(1);
    expect(hooked[0][3]).toBe(page.id);
    // The linking page's cached rendering was dropped: its link is red now.
    expect(await render('Linker')).toMatch(/<a href="\/w\/index\.php\?title=Doomed&amp;action=edit&amp;redlink=1" class="new"/);
  });

  test('deleting a missing page is cannotdelete; a user without the right gets a permission error', async () => {
    expect(await wiki.services.pageManagement.deletePage.deleteIfAllowed(title('Never there'), await admin(), '')).toEqual({ ok: false, errors: [{ key: 'cannotdelete', params: ['Never there'] }] });
    await wiki.edit('Kept', 'Text');
    const editor = await wiki.createUser('Editor');
    const status = await wiki.services.pageManagement.deletePage.deleteIfAllowed(title('Kept'), editor, '');
    expect(status.ok).toBe(false);
    expect(!status.ok && status.errors[0].key).toBe('badaccess-groups');
    expect(await pageOf('Kept')).not.toBeNull();
  });

  test('undeleting restores the same revisions, texts and page, logs delete/restore and turns links blue', async () => {
    await wiki.edit('Phoenix', 'One [[Category:Birds]]');
    await wiki.edit('Phoenix', 'Two [[Category:Birds]]');
    await wiki.edit('Phoenix linker', '[[Phoenix]]');
    const before = (await pageOf('Phoenix'))!;
    const history = await wiki.services.revisionStore.getHistory(before.id, { limit: 10 });
    const texts = await Promise.all(history.map((r) => wiki.services.revisionStore.getText(r)));
    await wiki.services.pageManagement.deletePage.deleteUnsafe(title('Phoenix'), await admin(), 'oops');
    expect(await render('Phoenix linker')).toContain('class="new"');
    expect(await wiki.services.pageManagement.pageArchive.countRevisions(title('Phoenix'))).toBe(2);

    const status = await wiki.services.pageManagement.undeletePage.undeleteIfAllowed(title('Phoenix'), await admin(), 'restored');
    expect(status).toMatchObject({ ok: true, restored: 2, created: true, pageId: before.id });
    const after = (await pageOf('Phoenix'))!;
    expect(after).toMatchObject({ id: before.id, latest: before.latest, length: before.length });
    const restored = await wiki.services.revisionStore.getHistory(after.id, { limit: 10 });
    expect(restored.map((r) => r.id)).toEqual(history.map((r) => r.id));
    expect(await Promise.all(restored.map((r) => wiki.services.revisionStore.getText(r)))).toEqual(texts);
    expect(await wiki.services.pageManagement.pageArchive.countRevisions(title('Phoenix'))).toBe(0);
    expect(await wiki.database.db('categorylinks').where({ cl_from: after.id, cl_to: 'Birds' })).toHaveLength(1);
    const [entry] = await wiki.services.logStore.query({ type: 'delete', limit: 1 });
    expect(entry).toMatchObject({ action: 'restore', dbKey: 'Phoenix', comment: 'restored', params: { ':assoc:count': { revisions: 2, files: 0 } } });
    expect(await render('Phoenix linker')).not.toContain('class="new"');
  });

  test('undeleting needs the undelete right and something archived', async () => {
    const editor = (await wiki.services.userStore.getUserByName('Editor'))!;
    await wiki.edit('Archived once', 'Text');
    await wiki.services.pageManagement.deletePage.deleteUnsafe(title('Archived once'), await admin(), '');
    const refused = await wiki.services.pageManagement.undeletePage.undeleteIfAllowed(title('Archived once'), editor, '');
    expect(refused.ok).toBe(false);
    expect(await pageOf('Archived once')).toBeNull();
    expect(await wiki.services.pageManagement.undeletePage.undeleteIfAllowed(title('Nothing archived'), await admin(), '')).toEqual({ ok: false, errors: [{ key: 'undelete-no-results', params: [] }] });
  });
});
