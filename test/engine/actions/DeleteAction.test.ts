/**
 * Deleting, moving and undeleting over HTTP in the portal's permission
 * model: action=delete, Special:MovePage and Special:Undelete with their
 * tokens and rights, the ca-delete / ca-move tabs, the undelete link under
 * a deleted page's title and the recreate warning on its edit form.
 */
import { createTestWiki, portalPermissions, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { databaseFingerprint } from '../../helpers/databaseFingerprint';

type Agent = ReturnType<TestWiki['newAgent']>;

function hidden(page: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
  if (!m) throw new Error(`No ${name} field`);
  return m[1].replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&amp;/g, '&');
}

describe.each(testDatabaseKinds())('page deletion, moves and undeletion over HTTP on %s', (kind) => {
  let wiki: TestWiki;
  const agents: Record<string, Agent> = {};
  beforeAll(async () => {
    wiki = await createTestWiki(kind, portalPermissions());
    await wiki.createUser('Admin', { groups: ['sysop'] });
    await wiki.createUser('Writer', { groups: ['docseditor'] });
    await wiki.createUser('Reader');
    for (const name of ['Admin', 'Writer', 'Reader']) {
      agents[name] = wiki.newAgent();
      await wiki.login(name, undefined, agents[name]);
    }
    await wiki.edit('API guide', 'The guide');
    await wiki.edit('Links to guide', 'See [[API guide]] and [[Movable]].');
    await wiki.edit('Movable', 'Movable text');
  });
  afterAll(async () => wiki.close());

  const exists = async (text: string) => {
    const t = wiki.services.titleFactory.newFromTextThrow(text);
    return (await wiki.services.pageStore.getPage({ namespace: t.getNamespace(), dbKey: t.getDBkey() })) !== null;
  };

  test('tabs by right: sysops see Delete and Move, docseditors Move only, users neither', async () => {
    const admin = (await agents.Admin.get('/wiki/API_guide')).text;
    expect(admin).toMatch(/id="ca-delete"[^>]*>|<li id="ca-delete"/);
    expect(admin).toContain('href="/w/index.php?title=API_guide&amp;action=delete"');
    expect(admin).toContain('href="/wiki/Special:MovePage/API_guide"');
    const writer = (await agents.Writer.get('/wiki/API_guide')).text;
    expect(writer).toContain('ca-move');
    expect(writer).not.toContain('ca-delete');
    const reader = (await agents.Reader.get('/wiki/API_guide')).text;
    expect(reader).not.toContain('ca-move');
    expect(reader).not.toContain('ca-delete');
    // Missing pages have neither.
    expect((await agents.Admin.get('/wiki/No_such_page')).text).not.toContain('ca-delete');
  });

  test('action=delete: users without the right get the permission error; docseditors too', async () => {
    for (const who of ['Reader', 'Writer']) {
      const get = await agents[who].get('/w/index.php?title=API_guide&action=delete');
      expect(get.status).toBe(403);
      expect(get.text).toContain('Permission error');
      const post = await agents[who].post('/w/index.php?title=API_guide&action=delete').type('form').send({ wpReason: 'x', wpEditToken: '+\\' });
      expect(post.status).toBe(403);
    }
    expect(await exists('API guide')).toBe(true);
  });

  test('action=delete without the token is sessionfailure and changes nothing', async () => {
    const form = await agents.Admin.get('/w/index.php?title=API_guide&action=delete');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Delete &quot;API guide&quot;');
    expect(form.text).toContain('name="wpDeleteReasonList"');
    expect(form.text).toContain('<option value="Vandalism">Vandalism</option>');
    const before = await databaseFingerprint(wiki.database.db);
    const res = await agents.Admin.post('/w/index.php?title=API_guide&action=delete').type('form').send({ wpReason: 'Kept text', wpConfirmB: '1' });
    expect(res.text).toContain('There seems to be a problem with your login session');
    expect(res.text).toContain('value="Kept text"');
    expect(await databaseFingerprint(wiki.database.db)).toEqual(before);
  });

  test('a sysop deletes: actioncomplete, links turn red, the log line, the undelete link and the recreate warning', async () => {
    const form = await agents.Admin.get('/w/index.php?title=API_guide&action=delete');
    const res = await agents.Admin.post('/w/index.php?title=API_guide&action=delete').type('form').send({ wpDeleteReasonList: 'Spam', wpReason: 'and more', wpEditToken: hidden(form.text, 'wpEditToken') });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Action complete');
    expect(res.text).toContain('&quot;API guide&quot; has been deleted.');
    expect(res.text).toContain('deletion log</a>');
    expect(await exists('API guide')).toBe(false);
    const [entry] = await wiki.services.logStore.query({ type: 'delete', limit: 1 });
    expect(entry.comment).toBe('Spam: and more');

    expect((await agents.Reader.get('/wiki/Links_to_guide')).text).toContain('class="new" title="API guide (page does not exist)"');
    const log = await agents.Reader.get('/wiki/Special:Log/delete');
    expect(log.text).toMatch(/deleted page <a [^>]*class="new"[^>]*>API guide<\/a> <span class="comment">\(Spam: and more\)<\/span>/);
    expect(log.text).not.toContain('view/restore');
    expect((await agents.Admin.get('/wiki/Special:Log/delete')).text).toContain('view/restore');

    const missing = await agents.Admin.get('/wiki/API_guide');
    expect(missing.text).toContain('View or restore <a href="/wiki/Special:Undelete/API_guide" title="Special:Undelete/API guide">one deleted edit</a>?');
    expect(missing.text).toContain('This page has been deleted.');
    expect((await agents.Reader.get('/wiki/API_guide')).text).not.toContain('View or restore');
    const edit = await agents.Admin.get('/w/index.php?title=API_guide&action=edit');
    expect(edit.text).toContain('You are recreating a page that was previously deleted.');
  });

  test('deleting a missing page is cannotdelete', async () => {
    const res = await agents.Admin.get('/w/index.php?title=Never_existed&action=delete');
    expect(res.text).toContain('Cannot delete page &quot;Never existed&quot;');
    expect(res.text).toContain('could not be deleted.');
  });

  test('Special:Undelete lists deleted titles and restores a page with a token', async () => {
    expect((await agents.Writer.get('/wiki/Special:Undelete')).status).toBe(403);
    const list = await agents.Admin.get('/wiki/Special:Undelete');
    expect(list.text).toContain('API guide</a> (1 revision archived)');
    const page = await agents.Admin.get('/wiki/Special:Undelete/API_guide');
    expect(page.text).toContain('The following consists of deleted revisions of');
    const before = await databaseFingerprint(wiki.database.db);
    const noToken = await agents.Admin.post('/wiki/Special:Undelete/API_guide').type('form').send({ restore: '1', wpComment: 'x' });
    expect(noToken.text).toContain('There seems to be a problem with your login session');
    expect(await databaseFingerprint(wiki.database.db)).toEqual(before);
    const res = await agents.Admin.post('/wiki/Special:Undelete/API_guide').type('form').send({ restore: '1', wpComment: 'Back', wpEditToken: hidden(page.text, 'wpEditToken') });
    expect(res.text).toContain('has been restored');
    expect(await exists('API guide')).toBe(true);
    expect((await agents.Reader.get('/wiki/Links_to_guide')).text).not.toContain('API guide (page does not exist)');
  });

  test('Special:MovePage: users without move are refused, docseditors move with a token, a redirect is always left', async () => {
    expect((await agents.Reader.get('/wiki/Special:MovePage/Movable')).status).toBe(403);
    const form = await agents.Writer.get('/wiki/Special:MovePage/Movable');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Move Movable');
    expect(form.text).toContain('name="wpNewTitleMain"');
    expect(form.text).not.toContain('wpLeaveRedirect');
    const before = await databaseFingerprint(wiki.database.db);
    const noToken = await agents.Writer.post('/wiki/Special:MovePage').type('form').send({ wpOldTitle: 'Movable', wpNewTitleNs: '0', wpNewTitleMain: 'Moved', wpReason: 'Kept' });
    expect(noToken.text).toContain('There seems to be a problem with your login session');
    expect(noToken.text).toContain('value="Kept"');
    expect(await databaseFingerprint(wiki.database.db)).toEqual(before);

    const exists1 = await agents.Writer.post('/wiki/Special:MovePage').type('form').send({ wpOldTitle: 'Movable', wpNewTitleNs: '0', wpNewTitleMain: 'Links to guide', wpEditToken: hidden(form.text, 'wpEditToken') });
    expect(exists1.text).toContain('A page of that name already exists');
    const res = await agents.Writer.post('/wiki/Special:MovePage').type('form').send({ wpOldTitle: 'Movable', wpNewTitleNs: '0', wpNewTitleMain: 'Moved', wpLeaveRedirect: '0', wpReason: 'Rename', wpEditToken: hidden(form.text, 'wpEditToken') });
    expect(res.text).toContain('Move succeeded');
    expect(res.text).toMatch(/<strong>&quot;<a [^>]*id="movepage-oldlink"[^>]*>Movable<\/a>&quot; has been moved to &quot;<a [^>]*id="movepage-newlink"[^>]*>Moved<\/a>&quot;<\/strong>/);
    expect(res.text).toContain('A redirect has been created.');
    expect(await exists('Moved')).toBe(true);
    expect(await exists('Movable')).toBe(true);
    const log = await agents.Reader.get('/wiki/Special:Log/move');
    expect(log.text).toMatch(/moved page <a [^>]*>Movable<\/a> to <a [^>]*>Moved<\/a>/);
  });
});
