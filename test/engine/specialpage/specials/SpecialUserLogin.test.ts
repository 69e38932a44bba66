/**
 * Special:UserLogin, Special:UserLogout and the session they bind: a real
 * login through the form, MediaWiki's answers for bad input, the
 * "Keep me logged in" cookie, returnto without open redirects, and logout
 * only by POST with the session's token.
 */
import { createTestWiki, TEST_PASSWORD, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { SESSION_COOKIE } from '../../../../engine/http/middleware/session';

function loginToken(text: string): string {
  const token = /name="wpLoginToken" value="([^"]+)"/.exec(text)?.[1];
  if (!token) throw new Error('no login token');
  return token.replace(/&#039;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function sessionCookie(headers: Record<string, unknown>): string | undefined {
  const cookies = (headers['set-cookie'] as string[] | undefined) ?? [];
  return cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

describe.each(testDatabaseKinds())('Special:UserLogin on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.createUser('Alice');
  });
  afterAll(async () => wiki.close());

  const attempt = (agent: ReturnType<TestWiki['newAgent']>, fields: Record<string, string>, query = '') => wiki.submitSpecialForm(agent, `UserLogin${query}`, 'wpLoginToken', fields);

  test('the form has MediaWiki’s fields', async () => {
    const res = await wiki.newAgent().get('/wiki/Special:UserLogin');
    expect(res.status).toBe(200);
    for (const name of ['wpName', 'wpPassword', 'wpRemember', 'wpLoginToken']) expect(res.text).toContain(`name="${name}"`);
    expect(res.text).toContain('Keep me logged in');
  });

  test('a correct login binds the session, shows the user and goes back to returnto', async () => {
    const agent = wiki.newAgent();
    const res = await attempt(agent, { wpName: 'alice', wpPassword: TEST_PASSWORD }, '&returnto=Help:Editing');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/wiki/Help:Editing');
    const page = await agent.get('/wiki/Main_Page');
    expect(page.text).toContain('Alice');
    expect(page.text).toContain('pt-logout');
  });

  test('a wrong password and an unknown name give the same answer, and nothing is logged in', async () => {
    const agent = wiki.newAgent();
    const wrong = await attempt(agent, { wpName: 'Alice', wpPassword: 'not the password' });
    const unknown = await attempt(agent, { wpName: 'Nobody here', wpPassword: 'not the password' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(200);
      expect(res.text).toContain('Incorrect username or password entered.');
    }
    // The name is kept on the form, the password never is.
    expect(wrong.text).toContain('value="Alice"');
    expect(wrong.text).not.toContain('not the password');
    expect((await agent.get('/wiki/Main_Page')).text).not.toContain('pt-logout');
  });

  test('an invalid name and an empty password get their own messages', async () => {
    const agent = wiki.newAgent();
    expect((await attempt(agent, { wpName: 'Bad#name', wpPassword: 'x' })).text).toContain('You have not specified a valid username.');
    expect((await attempt(agent, { wpName: 'Alice', wpPassword: '' })).text).toContain('The password entered was empty.');
  });

  test('a POST without the login token does nothing', async () => {
    const agent = wiki.newAgent();
    const res = await agent.post('/w/index.php?title=Special:UserLogin').type('form').send({ wpName: 'Alice', wpPassword: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.text).toContain('problem with your login session');
    expect((await agent.get('/wiki/Main_Page')).text).not.toContain('pt-logout');
  });

  test('the session id changes at login (no session fixation)', async () => {
    const agent = wiki.newAgent();
    const form = await agent.get('/w/index.php?title=Special:UserLogin');
    const before = sessionCookie(form.headers);
    expect(before).toBeDefined();
    const res = await agent.post('/w/index.php?title=Special:UserLogin').type('form').send({ wpLoginToken: loginToken(form.text), wpName: 'Alice', wpPassword: TEST_PASSWORD });
    const after = sessionCookie(res.headers);
    expect(after).toBeDefined();
    expect(after!.split(';')[0]).not.toBe(before!.split(';')[0]);
    // The pre-login session id is gone from the server.
    const oldId = decodeURIComponent(before!.split(';')[0].split('=')[1]);
    expect(await wiki.services.sessionStore.get(oldId)).toBeUndefined();
  });

  test('without "Keep me logged in" the cookie lasts the browser session; with it, 180 days', async () => {
    const plain = await attempt(wiki.newAgent(), { wpName: 'Alice', wpPassword: TEST_PASSWORD });
    expect(sessionCookie(plain.headers)).not.toMatch(/expires=/i);
    const remembered = await attempt(wiki.newAgent(), { wpName: 'Alice', wpPassword: TEST_PASSWORD, wpRemember: '1' });
    const cookie = sessionCookie(remembered.headers)!;
    const expires = new Date(/expires=([^;]+)/i.exec(cookie)![1]).getTime();
    expect(expires - Date.now()).toBeGreaterThan(179 * 86400 * 1000);
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);
  });

  test('returnto never leads off the wiki', async () => {
    for (const target of ['https://evil.example/', '//evil.example/x', 'Special:UserLogout']) {
      const res = await attempt(wiki.newAgent(), { wpName: 'Alice', wpPassword: TEST_PASSWORD }, `&returnto=${encodeURIComponent(target)}`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/wiki\//);
      expect(res.headers.location).not.toContain('UserLogout');
    }
  });

  test('logout needs a POST with the token; a GET only asks', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Alice', TEST_PASSWORD, agent);
    const ask = await agent.get('/wiki/Special:UserLogout');
    expect(ask.text).toContain('Do you want to log out?');
    expect((await agent.get('/wiki/Main_Page')).text).toContain('pt-logout');
    const forged = await agent.post('/w/index.php?title=Special:UserLogout').type('form').send({});
    expect(forged.status).toBe(400);
    expect((await agent.get('/wiki/Main_Page')).text).toContain('pt-logout');
    const token = /name="wpEditToken" value="([^"]+)"/.exec(ask.text)![1].replace(/&amp;/g, '&');
    const res = await agent.post('/w/index.php?title=Special:UserLogout').type('form').send({ wpEditToken: token });
    expect(res.status).toBe(200);
    expect(res.text).toContain('You are now logged out.');
    expect((await agent.get('/wiki/Main_Page')).text).not.toContain('pt-logout');
  });

  test('a session whose account token changed is no longer logged in', async () => {
    const agent = wiki.newAgent();
    await wiki.login('Alice', TEST_PASSWORD, agent);
    const alice = await wiki.services.userStore.getUserByName('Alice');
    await wiki.services.userStore.resetToken(alice!.id);
    expect((await agent.get('/wiki/Main_Page')).text).not.toContain('pt-logout');
  });
});
