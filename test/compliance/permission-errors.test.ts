/**
 * Rule: an action a user may not perform is refused with MediaWiki's
 * permission error page and HTTP 403 — never a silent no-op, never a 200 that
 * looks like success. Walked from the router's own lists: every page action
 * other than the read-only ones, and every special page that names a
 * required right, for an anonymous visitor under the API Portal's model
 * (anonymous users only read). An edit refused for rights keeps the
 * submitted text on screen.
 */
import { listStateChangingRoutes } from '../../engine/http/RouteInventory';
import { databaseFingerprint } from '../helpers/databaseFingerprint';
import { createTestWiki, portalPermissions, TEST_PASSWORD, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

/** Actions that only read (MediaWiki lets anyone with `read` use them). */
const READ_ONLY_ACTIONS = new Set(['view', 'history', 'raw', 'info']);

describe.each(testDatabaseKinds())('permission errors on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind, portalPermissions());
    await wiki.edit('Guarded page', 'Original text');
    await wiki.createUser('Plain user');
  });
  afterAll(async () => wiki.close());

  test('every non-read action answers an anonymous visitor with 403 and changes nothing', async () => {
    const refused: string[] = [];
    const wrong: string[] = [];
    for (const route of listStateChangingRoutes(wiki.services).filter((r) => r.kind === 'action' && !READ_ONLY_ACTIONS.has(r.name))) {
      const agent = wiki.newAgent();
      const token = await wiki.getEditToken('/w/index.php?title=Guarded_page&action=edit', agent).catch(() => '');
      const before = await databaseFingerprint(wiki.database.db);
      for (const method of ['get', 'post'] as const) {
        const res = await agent[method](`/w/index.php?title=Guarded_page&action=${route.name}`).type('form').send(method === 'post' ? { wpEditToken: token, wpTextbox1: 'Anonymous text', wpSave: '1' } : {});
        const refusal = res.text.includes('permissions-errors') || res.text.includes('Not logged in');
        if (res.status === 403 && refusal) refused.push(`${method} ${route.name}`);
        else wrong.push(`${method} ${route.name}: ${res.status}`);
      }
      expect(await databaseFingerprint(wiki.database.db)).toEqual(before);
    }
    expect(wrong).toEqual([]);
    expect(refused.length).toBeGreaterThanOrEqual(6);
  });

  test("the refusal names the action in MediaWiki's words (permissionserrorstext-withaction)", async () => {
    const anon = wiki.newAgent();
    const cases: Array<[string, string]> = [
      ['/w/index.php?title=Guarded_page&action=delete', 'You do not have permission to delete this page, for the following reason:'],
      ['/w/index.php?title=Guarded_page&action=protect', 'You do not have permission to change protection levels for this page, for the following reason:'],
      ['/wiki/Special:MovePage/Guarded_page', 'You do not have permission to move this page, for the following reason:'],
      ['/wiki/Special:Undelete', "You do not have permission to view a page's deleted history, for the following reason:"],
    ];
    for (const [url, intro] of cases) {
      const res = await anon.get(url);
      expect([url, res.status]).toEqual([url, 403]);
      expect(res.text.replace(/&#0?39;/g, "'")).toContain(intro);
    }
  });

  test('every special page that requires a right refuses a visitor without it with 403', async () => {
    // A wiki where anonymous visitors hold nothing but `read`, so every restricted page is out of reach.
    const closed = await createTestWiki(kind, { groupPermissions: { '*': { read: true }, user: { read: true }, sysop: { createaccount: true, userrights: true } } });
    try {
      const checked: string[] = [];
      for (const name of closed.services.specialPageFactory.getNames()) {
        const page = closed.services.specialPageFactory.getPage(name)!;
        if (page.restriction === '') continue;
        const res = await closed.newAgent().get(`/wiki/Special:${name}`);
        expect([name, res.status]).toEqual([name, 403]);
        // Pages for one's own account (watchlist, preferences) ask visitors to log in first, as MediaWiki.
        expect(res.text.includes('Permission error') || res.text.includes('Not logged in')).toBe(true);
        checked.push(name);
      }
      expect(checked).toContain('CreateAccount');
    } finally {
      await closed.close();
    }
  });

  test('a logged-in user without edit-docs editing documentation gets 403 with the text kept', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Plain user', TEST_PASSWORD, agent);
    const token = await wiki.getEditToken('/w/index.php?title=Guarded_page&action=edit', agent).catch(() => null);
    // The form itself is "View source" (403) with MediaWiki's namespace protection message.
    const view = await agent.get('/w/index.php?title=Guarded_page&action=edit');
    expect(view.status).toBe(403);
    expect(view.text).toContain('You do not have permission to edit pages in the <strong>(Main)</strong> namespace.');
    expect(token).toBeNull();
    const csrf = await wiki.getEditToken('/wiki/Special:ChangePassword', agent);
    const res = await agent.post('/w/index.php?title=Guarded_page&action=submit').type('form').send({ wpEditToken: csrf, wpTextbox1: 'My carefully written text', wpSave: '1' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('My carefully written text');
    expect(await wiki.services.revisionStore.getTextByRevisionId((await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Guarded_page' }))!.latest)).toBe('Original text');
    // A talk page is open to them.
    const talk = await agent.post('/w/index.php?title=Talk:Guarded_page&action=submit').type('form').send({ wpEditToken: csrf, wpTextbox1: 'A question ~~~~', wpSave: '1' });
    expect(talk.status).toBe(303);
  });
});
