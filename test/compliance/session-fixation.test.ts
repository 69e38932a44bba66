/**
 * Rule: a session id known before login is worthless after it (OWASP session
 * fixation). Logging in (and creating an account) issues a new session id and
 * deletes the old one on the server; an attacker who planted or read the
 * pre-login id gets an anonymous session, and a forged cookie without its
 * signature is ignored.
 */
import { SESSION_COOKIE } from '../../engine/http/middleware/session';
import { createTestWiki, TEST_PASSWORD, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';

function cookiePairs(headers: Record<string, unknown>): string[] {
  return ((headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split(';')[0]);
}

describe.each(testDatabaseKinds())('session fixation on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.createUser('Fixation victim');
  });
  afterAll(async () => wiki.close());

  test('the pre-login session cookies do not carry the login', async () => {
    const victim = wiki.newAgent();
    const form = await victim.get('/w/index.php?title=Special:UserLogin');
    // What an attacker who fixed the session knows: the cookie pair(s) before login.
    const planted = cookiePairs(form.headers).filter((c) => c.startsWith(SESSION_COOKIE));
    expect(planted.length).toBeGreaterThan(0);
    const token = /name="wpLoginToken" value="([^"]+)"/.exec(form.text)![1].replace(/&amp;/g, '&');
    const login = await victim.post('/w/index.php?title=Special:UserLogin').type('form').send({ wpLoginToken: token, wpName: 'Fixation victim', wpPassword: TEST_PASSWORD });
    expect(login.status).toBe(303);
    const issued = cookiePairs(login.headers).filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(issued).toHaveLength(1);
    expect(planted).not.toContain(issued[0]);
    // The victim is logged in; the attacker replaying the old cookies is not.
    expect((await victim.get('/wiki/Main_Page')).text).toContain('id="pt-logout"');
    const attacker = await wiki.newAgent().get('/wiki/Main_Page').set('Cookie', planted.join('; '));
    expect(attacker.text).not.toContain('id="pt-logout"');
    expect(attacker.text).toContain('id="pt-login"');
  });

  test('account creation also starts a new session', async () => {
    const agent = wiki.newAgent();
    const form = await agent.get('/w/index.php?title=Special:CreateAccount');
    const before = cookiePairs(form.headers).filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
    const token = /name="wpCreateaccountToken" value="([^"]+)"/.exec(form.text)![1].replace(/&amp;/g, '&');
    const res = await agent.post('/w/index.php?title=Special:CreateAccount').type('form').send({ wpCreateaccountToken: token, wpName: 'Fresh account', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
    const after = cookiePairs(res.headers).filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
  });

  test('a session cookie without a valid signature is ignored', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Fixation victim', TEST_PASSWORD, agent);
    const page = await agent.get('/wiki/Main_Page');
    expect(page.text).toContain('id="pt-logout"');
    const rows = await wiki.database.db('session').whereNotNull('sess_user').select('sess_id');
    const forged = await wiki.newAgent().get('/wiki/Main_Page').set('Cookie', `${SESSION_COOKIE}=${rows[0].sess_id}`);
    expect(forged.text).not.toContain('id="pt-logout"');
  });
});
