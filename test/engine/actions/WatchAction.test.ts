/**
 * action=watch / action=unwatch (MediaWiki's WatchAction / UnwatchAction):
 * login required, `editmywatchlist` required, a confirmation form on GET,
 * the change only by POST with a valid token, and MediaWiki's messages.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { RequestContext } from '../../../engine/context/RequestContext';
import { WebRequest } from '../../../engine/context/WebRequest';
import { CsrfTokenSet } from '../../../engine/session/CsrfTokenSet';
import { anonymousVisitor, User } from '../../../engine/user/User';
import { watchTab } from '../../../engine/watchlist/WatchTab';

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  if (!m) throw new Error('No #firstHeading');
  return m[1];
}

describe.each(testDatabaseKinds())('WatchAction on %s', (kind) => {
  let wiki: TestWiki;
  let aliceId: number;
  const t = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
  const url = (title: string, action: 'watch' | 'unwatch') => `/w/index.php?title=${encodeURIComponent(title)}&action=${action}`;
  const isWatched = (title: string, userId = aliceId) => wiki.services.watchlist.watchedItemStore.isWatched(userId, t(title));

  beforeAll(async () => {
    // A group whose members lose the watchlist rights, to test the refusal.
    wiki = await createTestWiki(kind, { revokePermissions: { nowatch: { editmywatchlist: true, viewmywatchlist: true } } });
    aliceId = (await wiki.createUser('Alice')).id;
    await wiki.createUser('Norbert', { groups: ['nowatch'] });
    await wiki.edit('Watched page', 'Some text.');
    await wiki.login('Alice');
  });
  afterAll(async () => wiki.close());

  test('anonymous visitors get the "not logged in" error (403), on GET and POST', async () => {
    const anon = wiki.newAgent();
    const res = await anon.get(url('Watched page', 'watch'));
    expect(res.status).toBe(403);
    expect(heading(res.text)).toBe('Not logged in');
    expect(res.text).toContain('Please log in to view or edit items on your watchlist.');
    const posted = await anon.post(url('Watched page', 'watch')).type('form').send({ wpEditToken: '+\\' });
    expect(posted.status).toBe(403);
    expect(res.text).not.toContain('name="wpEditToken"');
  });

  test('GET shows the confirmation form and changes nothing', async () => {
    const res = await wiki.agent.get(url('Watched page', 'watch'));
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe('Watched page');
    expect(res.text).toContain('<legend>Add to watchlist</legend>');
    expect(res.text).toContain('Add this page to your watchlist?');
    expect(res.text).toMatch(/<form method="post" action="\/w\/index.php\?title=Watched_page&amp;action=watch"/);
    expect(res.text).toContain('name="wpEditToken"');
    expect(await isWatched('Watched page')).toBe(false);
  });

  test('POST with a bad or missing token shows sessionfailure and the form again, and watches nothing', async () => {
    const bad = await wiki.agent.post(url('Watched page', 'watch')).type('form').send({ wpEditToken: 'bogus+\\' });
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('There seems to be a problem with your login session');
    expect(bad.text).toContain('<legend>Add to watchlist</legend>');
    const missing = await wiki.agent.post(url('Watched page', 'watch')).type('form').send({});
    expect(missing.text).toContain('There seems to be a problem with your login session');
    expect(await isWatched('Watched page')).toBe(false);
  });

  test('POST with the token watches the page and its talk page (addedwatchtext)', async () => {
    const token = await wiki.getEditToken(url('Watched page', 'watch'));
    const res = await wiki.agent.post(url('Watched page', 'watch')).type('form').send({ wpEditToken: token });
    expect(res.status).toBe(200);
    // (The link text is the page name; the message renderer still shows the leading colon of [[:$1]].)
    expect(res.text).toMatch(/&quot;<a href="\/wiki\/Watched_page"[^>]*>:?Watched page<\/a>&quot; and its discussion page have been added to your <a href="\/wiki\/Special:Watchlist"[^>]*>watchlist<\/a>\./);
    expect(await isWatched('Watched page')).toBe(true);
    expect(await isWatched('Talk:Watched page')).toBe(true);
  });

  test('unwatch removes both (removedwatchtext); the talk-page variants name the associated page', async () => {
    let token = await wiki.getEditToken(url('Talk:Watched page', 'unwatch'));
    const form = await wiki.agent.get(url('Talk:Watched page', 'unwatch'));
    expect(form.text).toContain('<legend>Remove from watchlist</legend>');
    expect(form.text).toContain('Remove this page from your watchlist?');
    let res = await wiki.agent.post(url('Talk:Watched page', 'unwatch')).type('form').send({ wpEditToken: token });
    expect(res.text).toContain('and its associated page have been removed from your');
    expect(await isWatched('Watched page')).toBe(false);

    token = await wiki.getEditToken(url('Watched page', 'watch'));
    await wiki.agent.post(url('Talk:Missing topic', 'watch')).type('form').send({ wpEditToken: token });
    expect(await isWatched('Missing topic')).toBe(true);
    res = await wiki.agent.post(url('Missing topic', 'unwatch')).type('form').send({ wpEditToken: token });
    expect(res.text).toContain('and its discussion page have been removed from your');
    expect(await isWatched('Talk:Missing topic')).toBe(false);
  });

  test('a user without editmywatchlist gets the permission error (403) and nothing changes', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Norbert', undefined, agent);
    const res = await agent.get(url('Watched page', 'watch'));
    expect(res.status).toBe(403);
    expect(heading(res.text)).toBe('Permission error');
    const posted = await agent.post(url('Watched page', 'watch')).type('form').send({ wpEditToken: 'x+\\' });
    expect(posted.status).toBe(403);
    const norbert = await wiki.services.userStore.getUserIdByName('Norbert');
    expect(await isWatched('Watched page', norbert!)).toBe(false);
  });

  test('the ca-watch / ca-unwatch tab follows the watch state and the rights', async () => {
    const contextFor = (user: User) =>
      new RequestContext({
        services: wiki.services,
        koa: {} as never,
        request: new WebRequest({}, {}, 'GET'),
        user,
        userOptions: wiki.services.userOptions.getDefaultOptions(),
        language: 'en',
        skin: wiki.services.skinRegistry.resolve(null, 'fallback'),
        csrf: new CsrfTokenSet({}),
        ip: '127.0.0.1',
      });
    const alice = (await wiki.services.userStore.getUserById(aliceId))!;
    const norbert = (await wiki.services.userStore.getUserByName('Norbert'))!;
    await wiki.services.watchlist.watchedItemStore.unwatch(aliceId, [t('Tab page')]);
    expect(await watchTab(contextFor(alice), t('Tab page'))).toEqual({
      id: 'ca-watch',
      text: 'Watch',
      href: '/w/index.php?title=Tab_page&action=watch',
      title: 'Add this page to your watchlist',
      accesskey: 'w',
      classes: ['mw-watchlink'],
    });
    await wiki.services.watchlist.watchedItemStore.watch(aliceId, [t('Talk:Tab page')]);
    expect(await watchTab(contextFor(alice), t('Tab page'))).toMatchObject({ id: 'ca-unwatch', text: 'Unwatch', href: '/w/index.php?title=Tab_page&action=unwatch' });
    expect(await watchTab(contextFor(anonymousVisitor('10.0.0.1')), t('Tab page'))).toBeNull();
    expect(await watchTab(contextFor(norbert), t('Tab page'))).toBeNull();
    expect(await watchTab(contextFor(alice), t('Special:RecentChanges'))).toBeNull();
  });
});
