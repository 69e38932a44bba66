/**
 * Rule: the session cookie is HttpOnly, SameSite=Lax, scoped to the whole
 * site, signed, Secure when the wiki is served over https, and holds only an
 * opaque id (the session data stays on the server). Plain reads by anonymous
 * visitors set no cookie at all.
 */
import { SESSION_COOKIE } from '../../engine/http/middleware/session';
import { createTestWiki, TEST_PASSWORD, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

function sessionCookies(headers: Record<string, unknown>): string[] {
  return ((headers['set-cookie'] as string[] | undefined) ?? []).filter((c) => c.startsWith(SESSION_COOKIE));
}

describe.each(testDatabaseKinds())('cookie flags on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.createUser('Cookie user');
  });
  afterAll(async () => wiki.close());

  test('anonymous page views set no cookie', async () => {
    const res = await wiki.newAgent().get('/wiki/Main_Page');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test('the session cookie and its signature are HttpOnly, SameSite=Lax, Path=/, not Secure on http', async () => {
    const res = await wiki.newAgent().get('/wiki/Special:UserLogin');
    const cookies = sessionCookies(res.headers);
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual([SESSION_COOKIE, `${SESSION_COOKIE}.sig`]);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*httponly/i);
      expect(cookie).toMatch(/;\s*samesite=lax/i);
      expect(cookie).toMatch(/;\s*path=\//i);
      expect(cookie).not.toMatch(/;\s*secure/i);
    }
  });

  test('the cookie holds an opaque id, never the session data', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Cookie user', TEST_PASSWORD, agent);
    const res = await agent.get('/wiki/Special:UserLogin');
    const all = ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).join(' ');
    expect(all).not.toMatch(/wsUserID|wsToken|csrfSecret|Cookie user/);
    const rows = await wiki.database.db('session').whereNotNull('sess_user').select('sess_id', 'sess_data');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.sess_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe.each(testDatabaseKinds())('cookie flags behind https on %s', (kind) => {
  test('with an https server URL the session cookie is Secure', async () => {
    const wiki = await createTestWiki(kind, { server: 'https://portal.example' });
    try {
      const res = await wiki.newAgent().get('/wiki/Special:UserLogin').set('X-Forwarded-Proto', 'https');
      const cookies = sessionCookies(res.headers);
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*secure/i);
    } finally {
      await wiki.close();
    }
  });
});
