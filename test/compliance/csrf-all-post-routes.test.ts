/**
 * Rule: no state-changing request is carried out without the session's CSRF
 * token. Every route that can change state is enumerated from the router's
 * own sources (page actions, special pages, REST routes with unsafe methods),
 * and each is sent a POST carrying every form field the wiki knows, from a
 * logged-in administrator's browser (the victim's cookie is sent, as a
 * cross-site form would) but without the token. Afterwards the database must
 * be exactly as before and the victim still logged in. A new route that
 * forgets its token check fails this test.
 */
import { listStateChangingRoutes, RouteEntry } from '../../engine/http/RouteInventory';
import { databaseFingerprint } from '../helpers/databaseFingerprint';
import { createTestWiki, TEST_PASSWORD, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

/** Every field name the wiki's forms read, with values that would do something. */
const ALL_FORM_FIELDS: Record<string, string> = {
  wpTextbox1: 'CSRF probe text', wpSave: '1', wpSummary: 'probe', wpMinoredit: '1', wpWatchthis: '1', wpSection: '',
  wpName: 'Csrf probe user', wpPassword: TEST_PASSWORD, wpRetype: 'violet-harbour-17', wpNewPassword: 'violet-harbour-17',
  wpEmail: 'probe@example.org', wpNewEmail: 'probe@example.org', wpRealName: 'Probe', wpRemember: '1',
  wpReason: 'probe', reason: 'probe', user: 'Target user', target: 'Target user', username: 'Target user', wpUsername: 'Target user',
  'wpGroup-docseditor': '1', 'wpGroup-sysop': '1', 'wpExpiry-docseditor': 'infinite', 'wpExpiry-sysop': 'infinite', saveusergroups: '1', 'user-reason': 'probe',
  'mwProtect-level-edit': 'sysop', 'mwProtect-level-move': 'sysop', 'mwProtect-level-create': 'sysop', 'mwProtect-expiry-edit': 'infinite', 'mwProtectSelect-edit': 'sysop',
  'mwProtect-reason': 'probe', mwProtectWatch: '1', 'mwProtect-cascade': '1',
  wpLogoutEverywhere: '1', wpLogoutAll: '1', 'wpdefault-language': 'de', 'wpskin': 'fallback', wplanguage: 'de', wpgender: 'female', wpwatchdefault: '1', wpwatchcreations: '0',
  wpTitles: 'Csrf target page', titles: 'Csrf target page', 'titles[]': 'Csrf target page', wpTitlesToRemove: 'Csrf target page', 'wpTitles[]': 'Csrf target page',
  confirm: '1', wpConfirm: '1', submit: '1',
  wpOldTitle: 'Csrf target page', wpNewTitleNs: '0', wpNewTitleMain: 'Csrf moved page', wpMovetalk: '1', wpLeaveRedirect: '0', wpMovesubpages: '1', wpMove: '1',
  wpDeleteReasonList: 'other', wpConfirmB: '1', restore: '1', wpComment: 'probe',
};

function requestPath(route: RouteEntry): string {
  if (route.kind === 'action') return `/w/index.php?title=Csrf_target_page&action=${encodeURIComponent(route.name)}`;
  if (route.kind === 'special') return `/w/index.php?title=Special:${encodeURIComponent(route.name)}/Target_user`;
  return `/w/rest.php${route.name.replace(/\{[^}]+\}/g, 'Csrf_target_page')}`;
}

describe.each(testDatabaseKinds())('CSRF on every state-changing route on %s', (kind) => {
  let wiki: TestWiki;
  let victim: ReturnType<TestWiki['newAgent']>;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Csrf target page', 'Original text');
    await wiki.createUser('Victim admin', { groups: ['sysop', 'bureaucrat', 'interface-admin'], email: 'victim@example.org', emailConfirmed: true });
    await wiki.createUser('Target user', { email: 'target@example.org' });
    victim = wiki.newAgent();
    await wiki.login('Victim admin', TEST_PASSWORD, victim);
    // The victim's session has a CSRF secret, as after opening any form.
    await wiki.getEditToken('/w/index.php?title=Csrf_target_page&action=edit', victim);
  });
  afterAll(async () => wiki.close());

  test('the inventory covers the core routes (the walk below is not vacuous)', () => {
    const routes = listStateChangingRoutes(wiki.services);
    const names = routes.map((r) => `${r.kind}:${r.name}`);
    for (const expected of ['action:submit', 'action:edit', 'action:purge', 'special:UserLogin', 'special:UserLogout', 'special:CreateAccount', 'special:ChangePassword']) expect(names).toContain(expected);
    expect(routes.length).toBeGreaterThan(20);
  });

  test('every route refuses a POST without the token and changes nothing', async () => {
    const changed: string[] = [];
    for (const route of listStateChangingRoutes(wiki.services)) {
      for (const method of route.methods) {
        const before = await databaseFingerprint(wiki.database.db);
        const req = victim[method.toLowerCase() as 'post'](requestPath(route)).set('Origin', 'https://evil.example').type('form').send(ALL_FORM_FIELDS);
        const res = await req;
        const after = await databaseFingerprint(wiki.database.db);
        if (JSON.stringify(before) !== JSON.stringify(after)) changed.push(`${method} ${route.kind}:${route.name} (status ${res.status})`);
        const stillLoggedIn = (await victim.get('/wiki/Csrf_target_page')).text.includes('id="pt-logout"');
        if (!stillLoggedIn) changed.push(`${method} ${route.kind}:${route.name} logged the victim out`);
        if (!stillLoggedIn) await wiki.login('Victim admin', TEST_PASSWORD, victim);
      }
    }
    expect(changed).toEqual([]);
  });

  test('the same POST with the token does change state (the fingerprint sees changes)', async () => {
    const before = await databaseFingerprint(wiki.database.db);
    const token = await wiki.getEditToken('/w/index.php?title=Csrf_target_page&action=edit', victim);
    const res = await victim.post('/w/index.php?title=Csrf_target_page&action=submit').type('form').send({ ...ALL_FORM_FIELDS, wpEditToken: token });
    expect(res.status).toBe(303);
    expect(await databaseFingerprint(wiki.database.db)).not.toEqual(before);
  });
});
