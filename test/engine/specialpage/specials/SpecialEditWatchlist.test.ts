/**
 * Special:EditWatchlist (normal, /raw and /clear): login and
 * `editmywatchlist` required; removing checked titles; replacing the list
 * from the raw textarea, where lines that are not watchable titles are
 * reported and change nothing; clearing; bad tokens change nothing and keep
 * the input.
 */
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

const EDIT = '/wiki/Special:EditWatchlist';
const RAW = '/wiki/Special:EditWatchlist/raw';
const CLEAR = '/wiki/Special:EditWatchlist/clear';

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  if (!m) throw new Error('No #firstHeading');
  return m[1];
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&amp;/g, '&');
}

function textarea(page: string): string | null {
  const m = /<textarea id="mw-input-wpTitles"[^>]*>([\s\S]*?)<\/textarea>/.exec(page);
  return m ? decode(m[1]) : null;
}

describe.each(testDatabaseKinds())('Special:EditWatchlist on %s', (kind) => {
  let wiki: TestWiki;
  let aliceId: number;
  const t = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
  const store = () => wiki.services.watchlist.watchedItemStore;
  const watched = async () => (await store().list(aliceId)).map((i) => wiki.services.titleFactory.makeTitle(i.namespace, i.dbKey).getPrefixedText());

  beforeAll(async () => {
    wiki = await createTestWiki(kind, { revokePermissions: { nowatch: { editmywatchlist: true } } });
    aliceId = (await wiki.createUser('Alice')).id;
    await wiki.createUser('Norbert', { groups: ['nowatch'] });
    await wiki.edit('Apple', 'a');
    await wiki.login('Alice');
  });
  afterAll(async () => wiki.close());
  beforeEach(async () => {
    await store().clear(aliceId);
    await store().watch(aliceId, [t('Apple'), t('Talk:Banana'), t('Help:Cherry'), t('User:Alice')]);
  });

  test('anonymous visitors get the "not logged in" error and users without editmywatchlist the permission error', async () => {
    for (const url of [EDIT, RAW, CLEAR]) {
      const anon = await wiki.newAgent().get(url);
      expect(anon.status).toBe(403);
      expect(heading(anon.text)).toBe('Not logged in');
    }
    const agent = wiki.newAgent();
    await wiki.login('Norbert', undefined, agent);
    const res = await agent.get(EDIT);
    expect(res.status).toBe(403);
    expect(heading(res.text)).toBe('Permission error');
    const posted = await agent.post(CLEAR).type('form').send({ wpEditToken: '+\\' });
    expect(posted.status).toBe(403);
  });

  test('the normal editor lists the watched pages by namespace with checkboxes and tool links', async () => {
    const res = await wiki.agent.get(EDIT);
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe('Edit watchlist');
    expect(res.text).toContain('<legend>Remove titles from watchlist</legend>');
    expect(res.text).toContain('<fieldset id="editwatchlist-ns0" class="editwatchlist-ns0"><legend>(Main)</legend>');
    expect(res.text).toContain('<fieldset id="editwatchlist-ns12" class="editwatchlist-ns12"><legend>Help</legend>');
    expect(res.text).toContain('name="wpTitlesNs0[]" value="Banana"');
    expect(res.text).toContain('name="wpTitlesNs12[]" value="Help:Cherry"');
    expect(res.text).toContain('name="wpTitlesNs2[]" value="User:Alice"');
    expect(res.text).toMatch(/title=Apple&amp;action=history[^>]*>history<\/a>/);
    expect(res.text).toContain('href="/wiki/Special:Contributions/Alice"');
    expect(res.text).not.toContain('value="Talk:Banana"');
  });

  test('checked titles are removed (with their talk pages) and listed', async () => {
    const token = await wiki.getEditToken(EDIT);
    const res = await wiki.agent.post(EDIT).type('form').send(`wpEditToken=${encodeURIComponent(token)}&wpTitlesNs0%5B%5D=Banana&wpTitlesNs12%5B%5D=Help%3ACherry`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('2 titles were removed from your watchlist:');
    expect(res.text).toMatch(/<li><a [^>]*>Banana<\/a>/);
    expect(await watched()).toEqual(['Apple', 'User:Alice']);
    expect(await store().isWatched(aliceId, t('Talk:Banana'))).toBe(false);
  });

  test('a bad token removes nothing and keeps the boxes checked', async () => {
    const res = await wiki.agent.post(EDIT).type('form').send('wpEditToken=bogus%2B%5C&wpTitlesNs0%5B%5D=Apple');
    expect(res.text).toContain('There seems to be a problem with your login session');
    expect(res.text).toMatch(/name="wpTitlesNs0\[\]" value="Apple" id="[^"]*" checked>/);
    expect(await watched()).toHaveLength(4);
  });

  test('the raw editor shows the subject pages one per line', async () => {
    const res = await wiki.agent.get(RAW);
    expect(heading(res.text)).toBe('Edit raw watchlist');
    expect(textarea(res.text)).toBe('Apple\nBanana\nUser:Alice\nHelp:Cherry');
  });

  test('the raw editor replaces the list and reports what was added and removed', async () => {
    const token = await wiki.getEditToken(RAW);
    const res = await wiki.agent.post(RAW).type('form').send({ wpEditToken: token, wpTitles: 'Apple\n  Talk:Date \n\nhelp:Cherry\nApple\nElder' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Your watchlist has been updated.');
    expect(res.text).toContain('2 titles were added:');
    expect(res.text).toContain('2 titles were removed:');
    expect(new Set(await watched())).toEqual(new Set(['Apple', 'Date', 'Elder', 'Help:Cherry']));
  });

  test('invalid or unwatchable lines are reported, nothing changes and the text stays', async () => {
    const token = await wiki.getEditToken(RAW);
    const submitted = 'Apple\nBad[title]\nSpecial:RecentChanges\nNew page';
    const res = await wiki.agent.post(RAW).type('form').send({ wpEditToken: token, wpTitles: submitted });
    expect(res.status).toBe(200);
    expect(res.text).toContain('id="mw-watchlist-raw-badtitles"');
    expect(res.text).toContain('These lines are not titles that can be watched');
    expect(res.text).toContain('<code>Bad[title]</code>');
    expect(res.text).toContain('<code>Special:RecentChanges</code>: Special pages cannot be watched.');
    expect(textarea(res.text)).toBe(submitted);
    expect(await watched()).toHaveLength(4);
    expect(await store().isWatched(aliceId, t('New page'))).toBe(false);
  });

  test('a bad token in the raw editor changes nothing and keeps the text', async () => {
    const res = await wiki.agent.post(RAW).type('form').send({ wpEditToken: 'bogus+\\', wpTitles: 'Only this' });
    expect(res.text).toContain('There seems to be a problem with your login session');
    expect(textarea(res.text)).toBe('Only this');
    expect(await watched()).toHaveLength(4);
  });

  test('an empty raw list removes everything', async () => {
    const token = await wiki.getEditToken(RAW);
    const res = await wiki.agent.post(RAW).type('form').send({ wpEditToken: token, wpTitles: '\n' });
    expect(res.text).toContain('4 titles were removed:');
    expect(await watched()).toEqual([]);
  });

  test('clear empties the watchlist by POST with a token only', async () => {
    const form = await wiki.agent.get(CLEAR);
    expect(form.text).toContain('Clear the watchlist (This is permanent!)');
    const bad = await wiki.agent.post(CLEAR).type('form').send({ wpEditToken: 'bogus+\\' });
    expect(bad.text).toContain('There seems to be a problem with your login session');
    expect(await watched()).toHaveLength(4);
    const token = await wiki.getEditToken(CLEAR);
    const res = await wiki.agent.post(CLEAR).type('form').send({ wpEditToken: token });
    expect(heading(res.text)).toBe('Cleared watchlist');
    expect(res.text).toContain('Your watchlist has been cleared.');
    expect(res.text).toContain('4 titles were removed:');
    expect(await watched()).toEqual([]);
    const after = await wiki.agent.get(EDIT);
    expect(after.text).toContain('You have no items on your watchlist.');
  });
});
