/**
 * MovePage (MediaWiki's service of that name): the page row is renamed (id
 * and history go along), a null revision records the move, a redirect is
 * left unless suppressed, talk pages and subpages move when asked, an
 * existing target is refused unless it is a single-revision redirect back
 * to the source, and the permission rules of moving apply.
 */
import { portalPermissions, createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe.each(testDatabaseKinds())('MovePage on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.createUser('Mover', { groups: ['sysop'] });
  });
  afterAll(async () => wiki.close());

  const title = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
  const mover = async () => (await wiki.services.userStore.getUserByName('Mover'))!;
  const pageOf = (text: string) => wiki.services.pageStore.getPage({ namespace: title(text).getNamespace(), dbKey: title(text).getDBkey() });
  const latestText = async (text: string) => wiki.services.revisionStore.getTextByRevisionId((await pageOf(text))!.latest);
  const move = async (from: string, to: string, options: { reason?: string; createRedirect?: boolean } = {}) =>
    wiki.services.pageManagement.movePage.moveIfAllowed(title(from), title(to), await mover(), { reason: options.reason ?? '', createRedirect: options.createRedirect ?? true });

  test('a move renames the page, records a null revision, leaves a redirect and logs move/move', async () => {
    await wiki.edit('Old name', 'Content [[Category:Moved things]]');
    const before = (await pageOf('Old name'))!;
    const hooked: unknown[][] = [];
    wiki.services.hooks.register('PageMoveComplete', (...args) => void hooked.push(args));
    const status = await move('Old name', 'New name', { reason: 'Better' });
    expect(status.ok).toBe(true);

    const after = (await pageOf('New name'))!;
    expect(after.id).toBe(before.id);
    const history = await wiki.services.revisionStore.getHistory(after.id, { limit: 10 });
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ comment: 'moved [[Old name]] to [[New name]]: Better', minor: true, parentId: before.latest, textId: history[1].textId });
    expect(await latestText('Old name')).toBe('#REDIRECT [[New name]]');
    const redirect = (await pageOf('Old name'))!;
    expect(redirect.isRedirect).toBe(true);
    expect(await wiki.database.db('redirect').where('rd_from', redirect.id).first()).toMatchObject({ rd_namespace: 0, rd_title: 'New_name' });
    expect(await wiki.database.db('pagelinks').where({ pl_from: redirect.id, pl_title: 'New_name' })).toHaveLength(1);
    expect(await wiki.database.db('categorylinks').where({ cl_from: after.id, cl_to: 'Moved_things' })).toHaveLength(1);
    const [entry] = await wiki.services.logStore.query({ type: 'move', limit: 1 });
    expect(entry).toMatchObject({ action: 'move', dbKey: 'Old_name', pageId: after.id, comment: 'Better', params: { '4::target': 'New name', '5::noredir': '0' } });
    expect(hooked).toHaveLength(1);
    expect(hooked[0].slice(3, 5)).toEqual([after.id, redirect.id]);
  });

  test('without a redirect the old title is gone, and the log says so', async () => {
    await wiki.edit('Quiet source', 'Text');
    expect((await move('Quiet source', 'Quiet target', { createRedirect: false })).ok).toBe(true);
    expect(await pageOf('Quiet source')).toBeNull();
    const [entry] = await wiki.services.logStore.query({ type: 'move', limit: 1 });
    expect(entry.params).toMatchObject({ '5::noredir': '1' });
  });

  test('an existing target is articleexists; a single-revision redirect back to the source is replaced (move_redir)', async () => {
    await wiki.edit('Source A', 'A text');
    await wiki.edit('Taken', 'Someone else');
    expect(await move('Source A', 'Taken')).toEqual({ ok: false, errors: [{ key: 'articleexists', params: ['Taken'] }] });
    expect(await latestText('Taken')).toBe('Someone else');

    await wiki.edit('Source B', 'B text');
    await wiki.edit('Back to B', '#REDIRECT [[Source B]]');
    const status = await move('Source B', 'Back to B');
    expect(status.ok).toBe(true);
    expect(await latestText('Back to B')).toBe('B text');
    const [move1] = await wiki.services.logStore.query({ type: 'move', limit: 1 });
    expect(move1.action).toBe('move_redir');
    const [deletion] = await wiki.services.logStore.query({ type: 'delete', limit: 1 });
    expect(deletion).toMatchObject({ action: 'delete_redir', dbKey: 'Back_to_B' });

    // A redirect with history of its own is not replaced.
    await wiki.edit('Source C', 'C text');
    await wiki.edit('Busy redirect', 'Once an article');
    await wiki.edit('Busy redirect', '#REDIRECT [[Source C]]');
    expect(await move('Source C', 'Busy redirect')).toEqual({ ok: false, errors: [{ key: 'articleexists', params: ['Busy redirect'] }] });
  });

  test('invalid moves: the same title, a missing source, special targets, files across namespaces', async () => {
    await wiki.edit('Stay', 'x');
    expect(await move('Stay', 'Stay')).toMatchObject({ ok: false, errors: [{ key: 'selfmove' }] });
    expect(await move('Not here', 'Elsewhere')).toMatchObject({ ok: false, errors: [{ key: 'movepage-source-doesnt-exist' }] });
    expect((await move('Stay', 'Special:Stay')).ok).toBe(false);
    await wiki.edit('File:Pic.png', 'A picture');
    expect(await move('File:Pic.png', 'Pic')).toMatchObject({ ok: false, errors: [{ key: 'imagenocrossnamespace' }] });
    expect(await move('Stay', 'File:Stay.png')).toMatchObject({ ok: false, errors: [{ key: 'nonfile-cannot-move-to-file' }] });
    const movePage = wiki.services.pageManagement.movePage;
    expect(movePage.targetTitle(0, 'mw:Foo')).toEqual({ key: 'immobile-target-namespace-iw', params: [] });
    expect(movePage.targetTitle(0, 'Bad[title')).toEqual({ key: 'badtitletext', params: [] });
  });

  test('subpages move along, each with its own log entry', async () => {
    await wiki.edit('Tree', 'root');
    await wiki.edit('Tree/Leaf one', 'one');
    await wiki.edit('Tree/Leaf two', 'two');
    expect((await move('Tree', 'Forest')).ok).toBe(true);
    const results = await wiki.services.pageManagement.movePage.moveSubpagesIfAllowed(title('Tree'), title('Forest'), await mover(), { reason: '', createRedirect: true });
    expect(results.map((r) => [r.oldTitle.getPrefixedText(), r.newTitle.getPrefixedText(), r.status.ok])).toEqual([
      ['Tree/Leaf one', 'Forest/Leaf one', true],
      ['Tree/Leaf two', 'Forest/Leaf two', true],
    ]);
    expect(await latestText('Forest/Leaf two')).toBe('two');
    expect(await latestText('Tree/Leaf two')).toBe('#REDIRECT [[Forest/Leaf two]]');
  });
});

describe.each(testDatabaseKinds())('MovePage permissions (portal model) on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind, portalPermissions());
    await wiki.edit('Guide', 'Docs');
    await wiki.edit('Talk:Guide', 'Chat');
    await wiki.edit('User:Docs editor', 'Me');
  });
  afterAll(async () => wiki.close());

  const title = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
  const check = async (user: string, groups: string[], from: string, to: string) => {
    const performer = (await wiki.services.userStore.getUserByName(user)) ?? (await wiki.createUser(user, { groups }));
    return wiki.services.pageManagement.movePage.moveIfAllowed(title(from), title(to), performer, { reason: '', createRedirect: true });
  };

  test('an ordinary user may not move a docs page; a docseditor may, but not a user root page or into one', async () => {
    const refused = await check('Plain user', [], 'Guide', 'Guide renamed');
    expect(refused.ok).toBe(false);
    expect((await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Guide' }))).not.toBeNull();
    const keys = (status: Awaited<ReturnType<typeof check>>) => (status.ok ? [] : status.errors.map((e) => e.key));
    expect(keys(await check('Docs editor', ['docseditor'], 'User:Docs editor', 'User:Docs editor2'))).toContain('cant-move-user-page');
    expect(keys(await check('Docs editor', ['docseditor'], 'Guide', 'User:Someone'))).toEqual(['cant-move-to-user-page']);
    expect((await check('Docs editor', ['docseditor'], 'Guide', 'Guide renamed')).ok).toBe(true);
  });
});
