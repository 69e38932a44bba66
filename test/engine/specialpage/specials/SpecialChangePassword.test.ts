/**
 * Special:ChangePassword: the current password is required, the new one must
 * meet the policy, and a change ends the account's other sessions while the
 * current browser stays logged in. A temporary password from
 * Special:PasswordReset logs in once and leads here.
 */
import { createTestWiki, TEST_PASSWORD, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

type Agent = ReturnType<TestWiki['newAgent']>;

async function change(wiki: TestWiki, agent: Agent, fields: Record<string, string>) {
  const token = await wiki.getEditToken('/wiki/Special:ChangePassword', agent);
  return agent.post('/w/index.php?title=Special:ChangePassword').type('form').send({ wpEditToken: token, ...fields });
}

describe.each(testDatabaseKinds())('Special:ChangePassword on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  test('anonymous visitors are told to log in (403)', async () => {
    const res = await wiki.newAgent().get('/wiki/Special:ChangePassword');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Not logged in');
    // One login link, coming back here afterwards.
    expect(res.text.match(/Special:UserLogin/g)?.length).toBeGreaterThanOrEqual(1);
    expect(res.text).toContain('href="/w/index.php?title=Special:UserLogin&amp;returnto=Special%3AChangePassword"');
  });

  test('a wrong current password or a weak new one changes nothing', async () => {
    await wiki.createUser('Carol');
    const agent = wiki.newAgent();
    await wiki.login('Carol', TEST_PASSWORD, agent);
    expect((await change(wiki, agent, { wpPassword: 'nope', wpNewPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' })).text).toContain('Incorrect username or password');
    expect((await change(wiki, agent, { wpPassword: TEST_PASSWORD, wpNewPassword: 'short', wpRetype: 'short' })).text).toContain('at least 8 characters');
    expect((await change(wiki, agent, { wpPassword: TEST_PASSWORD, wpNewPassword: 'violet-harbour-17', wpRetype: 'other-harbour-17' })).text).toContain('do not match');
    const res = await agent.post('/w/index.php?title=Special:ChangePassword').type('form').send({ wpPassword: TEST_PASSWORD, wpNewPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
    expect(res.text).toContain('problem with your login session');
    expect((await wiki.services.auth.authManager.login('Carol', TEST_PASSWORD, '10.0.0.9')).ok).toBe(true);
  });

  test('a change ends other sessions and keeps this one', async () => {
    await wiki.createUser('Dave');
    const here = wiki.newAgent();
    const elsewhere = wiki.newAgent();
    await wiki.login('Dave', TEST_PASSWORD, here);
    await wiki.login('Dave', TEST_PASSWORD, elsewhere);
    const res = await change(wiki, here, { wpPassword: TEST_PASSWORD, wpNewPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
    expect(res.text).toContain('Your password has been changed successfully!');
    expect((await here.get('/wiki/Main_Page')).text).toContain('pt-logout');
    expect((await elsewhere.get('/wiki/Main_Page')).text).not.toContain('pt-logout');
    expect((await wiki.services.auth.authManager.login('Dave', 'violet-harbour-17', '10.0.0.9')).ok).toBe(true);
    expect((await wiki.services.auth.authManager.login('Dave', TEST_PASSWORD, '10.0.0.9')).ok).toBe(false);
  });

  test('a temporary password logs in and leads to the change form; it expires', async () => {
    const erin = await wiki.createUser('Erin');
    await wiki.services.userStore.setTemporaryPasswordHash(erin.id, await wiki.services.passwordHasher.hash('temporary-pass-123'));
    const agent = wiki.newAgent();
    const form = await agent.get('/w/index.php?title=Special:UserLogin');
    const token = /name="wpLoginToken" value="([^"]+)"/.exec(form.text)![1].replace(/&amp;/g, '&');
    const res = await agent.post('/w/index.php?title=Special:UserLogin').type('form').send({ wpLoginToken: token, wpName: 'Erin', wpPassword: 'temporary-pass-123' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toContain('Special:ChangePassword');
    const done = await change(wiki, agent, { wpPassword: 'temporary-pass-123', wpNewPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
    expect(done.text).toContain('changed successfully');
    // Setting a password clears the temporary one.
    expect((await wiki.services.auth.authManager.login('Erin', 'temporary-pass-123', '10.0.0.9')).ok).toBe(false);
    // An old temporary password no longer works.
    await wiki.services.userStore.setTemporaryPasswordHash(erin.id, await wiki.services.passwordHasher.hash('temporary-pass-456'));
    await wiki.database.db('user').where({ user_id: erin.id }).update({ user_newpass_time: '20000101000000' });
    expect((await wiki.services.auth.authManager.login('Erin', 'temporary-pass-456', '10.0.0.9')).ok).toBe(false);
  });
});
