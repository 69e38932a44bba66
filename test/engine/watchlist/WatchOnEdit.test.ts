/**
 * The edit form's "Watch this page" checkbox (EditPage's wpWatchthis): shown
 * to logged-in users with editmywatchlist, checked for watched pages, by the
 * `watchdefault` preference, or for new pages by `watchcreations`; saving
 * watches or unwatches accordingly, and only a successful save does.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

function checkbox(page: string): string | null {
  const m = /<input type="checkbox" id="wpWatchthis"[^>]*>/.exec(page);
  return m ? m[0] : null;
}

describe.each(testDatabaseKinds())('watching on edit on %s', (kind) => {
  let wiki: TestWiki;
  let aliceId: number;
  const t = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
  const editUrl = (title: string) => `/w/index.php?title=${encodeURIComponent(title)}&action=edit`;
  const submitUrl = (title: string) => `/w/index.php?title=${encodeURIComponent(title)}&action=submit`;
  const isWatched = (title: string) => wiki.services.watchlist.watchedItemStore.isWatched(aliceId, t(title));

  async function save(title: string, text: string, watch: boolean, extra: Record<string, string> = {}) {
    const token = await wiki.getEditToken(editUrl(title));
    const page = await wiki.services.pageStore.getPage({ namespace: t(title).getNamespace(), dbKey: t(title).getDBkey() });
    return wiki.agent
      .post(submitUrl(title))
      .type('form')
      .send({ wpEditToken: token, wpTextbox1: text, wpSave: '1', editRevId: String(page?.latest ?? 0), ...(watch ? { wpWatchthis: '1' } : {}), ...extra });
  }

  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    aliceId = (await wiki.createUser('Alice')).id;
    await wiki.edit('Existing', 'text');
    await wiki.login('Alice');
  });
  afterAll(async () => wiki.close());
  beforeEach(async () => {
    await wiki.services.watchlist.watchedItemStore.clear(aliceId);
    await wiki.services.userOptions.setOptions(aliceId, { watchdefault: false, watchcreations: true });
  });

  test('anonymous editors get no checkbox', async () => {
    const res = await wiki.newAgent().get(editUrl('Existing'));
    expect(res.status).toBe(200);
    expect(checkbox(res.text)).toBeNull();
  });

  test('new pages are checked by watchcreations, existing ones only when watched or with watchdefault', async () => {
    let res = await wiki.agent.get(editUrl('Brand new'));
    expect(checkbox(res.text)).toMatch(/ checked/);
    expect(res.text).toContain('<label for="wpWatchthis">Watch this page</label>');
    res = await wiki.agent.get(editUrl('Existing'));
    expect(checkbox(res.text)).not.toMatch(/ checked/);

    await wiki.services.watchlist.watchedItemStore.watch(aliceId, [t('Talk:Existing')]);
    res = await wiki.agent.get(editUrl('Existing'));
    expect(checkbox(res.text)).toMatch(/ checked/);

    await wiki.services.watchlist.watchedItemStore.clear(aliceId);
    await wiki.services.userOptions.setOptions(aliceId, { watchdefault: true, watchcreations: false });
    res = await wiki.agent.get(editUrl('Existing'));
    expect(checkbox(res.text)).toMatch(/ checked/);

    await wiki.services.userOptions.setOptions(aliceId, { watchdefault: false, watchcreations: false });
    res = await wiki.agent.get(editUrl('Another new'));
    expect(checkbox(res.text)).not.toMatch(/ checked/);
  });

  test('saving with the box checked watches the page, without it unwatches it', async () => {
    let res = await save('Existing', 'text two', true);
    expect(res.status).toBe(303);
    expect(await isWatched('Existing')).toBe(true);
    expect(await isWatched('Talk:Existing')).toBe(true);
    res = await save('Existing', 'text three', false);
    expect(res.status).toBe(303);
    expect(await isWatched('Existing')).toBe(false);
  });

  test('a refused save (bad token) keeps the checkbox as submitted and changes nothing', async () => {
    const res = await wiki.agent.post(submitUrl('Existing')).type('form').send({ wpEditToken: 'bogus+\\', wpTextbox1: 'x', wpSave: '1', wpWatchthis: '1' });
    expect(res.text).toContain('id="mw-edit-session-fail"');
    expect(checkbox(res.text)).toMatch(/ checked/);
    expect(await isWatched('Existing')).toBe(false);
  });

  test('preview does not watch', async () => {
    const res = await save('Existing', 'preview text', true, { wpPreview: '1', wpSave: '' });
    expect(res.status).toBe(200);
    expect(checkbox(res.text)).toMatch(/ checked/);
    expect(await isWatched('Existing')).toBe(false);
  });
});
