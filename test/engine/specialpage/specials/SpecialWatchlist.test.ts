/**
 * Special:Watchlist: login and `viewmywatchlist` required; the recent
 * changes of watched pages and their talk pages (edits and log entries),
 * newest first, in Special:RecentChanges' line format; `days` and `limit`
 * from the preferences unless given; filters.
 */
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { toMwTimestamp } from '../../../../engine/util/Timestamp';
import type { User } from '../../../../engine/user/User';

const WATCHLIST = '/wiki/Special:Watchlist';

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  if (!m) throw new Error('No #firstHeading');
  return m[1];
}

/** The page titles of the change lines, in order ("log:<type>/<action>" for log entries). */
function lineTitles(page: string): string[] {
  return [...page.matchAll(/<li class="[^"]*mw-changeslist-line[^"]*"[^>]*>[\s\S]*?<\/li>/g)].map((m) => {
    const log = /data-mw-logaction="([^"]*)"/.exec(m[0]);
    if (log) return `log:${log[1]}`;
    const title = /<span class="mw-title"><a [^>]*>([^<]*)<\/a>/.exec(m[0]);
    return title ? title[1] : m[0];
  });
}

describe.each(testDatabaseKinds())('Special:Watchlist on %s', (kind) => {
  let wiki: TestWiki;
  let alice: User;
  let bob: User;
  const t = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
  const ago = (days: number) => toMwTimestamp(new Date(Date.now() - days * 86400 * 1000));

  beforeAll(async () => {
    wiki = await createTestWiki(kind, { revokePermissions: { nowatch: { viewmywatchlist: true } } });
    alice = await wiki.createUser('Alice');
    bob = await wiki.createUser('Bob');
    await wiki.createUser('Norbert', { groups: ['nowatch'] });
    await wiki.createUser('Empty');
  });
  afterAll(async () => wiki.close());

  test('anonymous visitors get the "not logged in" error (403)', async () => {
    const res = await wiki.newAgent().get(WATCHLIST);
    expect(res.status).toBe(403);
    expect(heading(res.text)).toBe('Not logged in');
    expect(res.text).toContain('Please log in to view or edit items on your watchlist.');
  });

  test('a user without viewmywatchlist gets the permission error (403)', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Norbert', undefined, agent);
    const res = await agent.get(WATCHLIST);
    expect(res.status).toBe(403);
    expect(heading(res.text)).toBe('Permission error');
  });

  test('an empty watchlist says so', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Empty', undefined, agent);
    const res = await agent.get(WATCHLIST);
    expect(res.status).toBe(200);
    expect(heading(res.text)).toBe('Watchlist');
    expect(res.text).toContain('You have no items on your watchlist.');
    expect(res.text).toContain('href="/wiki/Special:EditWatchlist/raw"');
  });

  test('watched pages without recent changes: "none of your watched items were edited"', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Empty', undefined, agent);
    const empty = (await wiki.services.userStore.getUserIdByName('Empty'))!;
    await wiki.services.watchlist.watchedItemStore.watch(empty, [t('Never edited')]);
    const res = await agent.get(WATCHLIST);
    expect(res.text).toContain('1 page is on your watchlist (plus talk pages).');
    expect(res.text).toContain('None of your watched items were edited in the time period displayed.');
    await wiki.services.watchlist.watchedItemStore.clear(empty);
  });

  describe('with watched pages', () => {
    beforeAll(async () => {
      await wiki.edit('Watched', 'one', { user: bob, summary: 'created watched' });
      await wiki.edit('Unwatched', 'x', { user: bob, summary: 'not for alice' });
      await wiki.edit('Talk:Watched', 'talk', { user: bob, summary: 'talk edit' });
      await wiki.edit('Watched', 'one two', { user: bob, summary: 'small fix', minor: true });
      await wiki.edit('Old page', 'old', { user: bob, summary: 'long ago' });
      await wiki.services.db('recentchanges').where({ rc_title: 'Old_page' }).update({ rc_timestamp: ago(3) });
      await wiki.edit('Help:Manual', 'help', { user: bob });
      // A log entry about a watched page (as a protection would write).
      const actorId = await wiki.services.actorStore.acquireActorId(bob);
      await wiki.services.db.transaction((trx) => wiki.services.logStore.insert({ type: 'protect', action: 'protect', actorId, namespace: 12, dbKey: 'Manual', pageId: null, comment: 'vandalism', params: {} }, trx));
      await wiki.services.watchlist.watchedItemStore.watch(alice.id, [t('Watched'), t('Old page'), t('Help talk:Manual')]);
      await wiki.login('Alice');
    });

    test('lists changes to watched pages and their talk pages, newest first, in the recent changes format', async () => {
      const res = await wiki.agent.get(WATCHLIST);
      expect(res.status).toBe(200);
      expect(res.text).toContain('3 pages are on your watchlist (plus talk pages).');
      expect(res.text).toContain('<legend>Watchlist options</legend>');
      expect(res.text).toContain('View and edit watchlist');
      const titles = lineTitles(res.text);
      expect(titles.slice(0, 4)).toEqual(['log:protect/protect', 'Help:Manual', 'Watched', 'Talk:Watched']);
      expect(titles).toContain('Old page');
      expect(titles).not.toContain('Unwatched');
      // The line format of Special:RecentChanges.
      expect(res.text).toMatch(/<span class="mw-changeslist-links">\(<span><a href="[^"]*diff=[^"]*" class="mw-changeslist-diff"[^>]*>diff<\/a><\/span> \| <span><a [^>]*class="mw-changeslist-history"[^>]*>hist<\/a><\/span>\)<\/span>/);
      expect(res.text).toContain('<abbr class="minoredit" title="This is a minor edit">m</abbr>');
      expect(res.text).toContain('<span class="comment">(small fix)</span>');
      expect(res.text).toMatch(/class="mw-userlink"[^>]*><bdi>Bob<\/bdi><\/a>/);
      expect(res.text).toContain('data-mw-logaction="protect/protect"');
      expect(res.text).toContain('mw-changeslist-line-watched');
      expect(res.text).toMatch(/Below are the last <strong>6<\/strong> changes in the last <strong>168<\/strong> hours/);
    });

    test('days: from the watchlistdays preference, overridden by ?days=', async () => {
      await wiki.services.userOptions.setOptions(alice.id, { watchlistdays: 1 });
      let res = await wiki.agent.get(WATCHLIST);
      expect(lineTitles(res.text)).not.toContain('Old page');
      res = await wiki.agent.get(`${WATCHLIST}?days=7`);
      expect(lineTitles(res.text)).toContain('Old page');
      // A malformed value falls back to the preference.
      res = await wiki.agent.get(`${WATCHLIST}?days=lots`);
      expect(lineTitles(res.text)).not.toContain('Old page');
      await wiki.services.userOptions.setOptions(alice.id, { watchlistdays: 7 });
    });

    test('limit: from the wllimit preference, overridden by ?limit=', async () => {
      await wiki.services.userOptions.setOptions(alice.id, { wllimit: 2 });
      let res = await wiki.agent.get(WATCHLIST);
      expect(lineTitles(res.text)).toHaveLength(2);
      res = await wiki.agent.get(`${WATCHLIST}?limit=3`);
      expect(lineTitles(res.text)).toHaveLength(3);
      await wiki.services.userOptions.setOptions(alice.id, { wllimit: 250 });
    });

    test('filters: hideminor, namespace', async () => {
      let res = await wiki.agent.get(`${WATCHLIST}?hideminor=1`);
      expect(res.text).not.toContain('<span class="comment">(small fix)</span>');
      res = await wiki.agent.get(`${WATCHLIST}?namespace=12`);
      expect(new Set(lineTitles(res.text))).toEqual(new Set(['Help:Manual', 'log:protect/protect']));
      res = await wiki.agent.get(`${WATCHLIST}?namespace=0&associated=1`);
      expect(new Set(lineTitles(res.text))).toEqual(new Set(['Watched', 'Talk:Watched', 'Old page']));
    });

    test("other users' watchlists are separate", async () => {
      const agent = wiki.newAgent();
      await wiki.login('Bob', undefined, agent);
      const res = await agent.get(WATCHLIST);
      expect(res.text).toContain('You have no items on your watchlist.');
    });
  });
});
