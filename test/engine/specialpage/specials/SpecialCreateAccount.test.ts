/**
 * Special:CreateAccount: MediaWiki's name rules and password policy through
 * the real form, a new visitor logged in to the new account, accounts made
 * by a logged-in user (create2), the per-IP throttle, and the `createaccount`
 * right.
 */
import { createTestWiki, portalPermissions, TEST_PASSWORD, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';


describe.each(testDatabaseKinds())('Special:CreateAccount on %s', (kind) => {
  let wiki: TestWiki;
  const createAccount = (agent: ReturnType<TestWiki['newAgent']>, fields: Record<string, string>) => wiki.submitSpecialForm(agent, 'CreateAccount', 'wpCreateaccountToken', fields);
  beforeAll(async () => {
    wiki = await createTestWiki(kind, { ...portalPermissions(), accountCreationThrottle: [{ count: 100, seconds: 86400 }] });
  });
  afterAll(async () => wiki.close());

  test('a visitor creates an account and is logged in to it', async () => {
    const agent = wiki.newAgent();
    const res = await createAccount(agent, { wpName: 'new_person', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17', wpEmail: '' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Welcome, New person!');
    const user = await wiki.services.userStore.getUserByName('New person');
    expect(user).not.toBeNull();
    expect(user!.registration).toMatch(/^\d{14}$/);
    expect((await agent.get('/wiki/Main_Page')).text).toContain('id="pt-logout"');
    const log = await wiki.services.logStore.query({ type: 'newusers', limit: 10 });
    expect(log.find((e) => e.dbKey === 'New_person')).toMatchObject({ action: 'create', actorName: 'New person' });
    // The stored password is an Argon2id hash, never the password.
    const credentials = await wiki.services.userStore.getCredentials('New person');
    expect(credentials!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(credentials!.passwordHash).not.toContain('violet-harbour-17');
  });

  test.each([
    [{ wpName: 'Bad#name' }, 'You have not specified a valid username.'],
    [{ wpName: 'Someone@home' }, 'You have not specified a valid username.'],
    [{ wpName: '10.0.0.1' }, 'You have not specified a valid username.'],
    [{ wpName: 'MediaWiki default' }, 'You have not specified a valid username.'],
    [{ wpRetype: 'something-else-99' }, 'The passwords you entered do not match.'],
    [{ wpPassword: 'short', wpRetype: 'short' }, 'Passwords must be at least 8 characters.'],
    [{ wpPassword: 'password', wpRetype: 'password' }, 'list of very commonly used passwords'],
    [{ wpName: 'Samesame99', wpPassword: 'samesame99', wpRetype: 'samesame99' }, 'Your password must be different from your username.'],
    [{ wpEmail: 'not an address' }, 'invalid format'],
  ])('refuses %j with MediaWiki’s message and keeps the fields', async (override, message) => {
    const fields = { wpName: 'Valid person', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17', wpEmail: 'valid@example.org', wpRealName: 'Val Person', ...override };
    const res = await createAccount(wiki.newAgent(), fields);
    expect(res.status).toBe(200);
    expect(res.text).toContain(message);
    expect(res.text).toContain('Val Person');
    expect(res.text).not.toContain(fields.wpPassword === 'violet-harbour-17' ? 'violet-harbour-17' : `value="${fields.wpPassword}"`);
    expect(await wiki.services.userStore.getUserByName('Valid person')).toBeNull();
  });

  test('an existing name (after normalisation) is refused', async () => {
    await wiki.createUser('Taken name');
    const res = await createAccount(wiki.newAgent(), { wpName: 'taken_name', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
    expect(res.text).toContain('Username entered already in use.');
  });

  test('without the token nothing is created', async () => {
    const res = await wiki.newAgent().post('/w/index.php?title=Special:CreateAccount').type('form').send({ wpName: 'Csrf victim', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
    expect(res.text).toContain('problem with your login session');
    expect(await wiki.services.userStore.getUserByName('Csrf victim')).toBeNull();
  });

  test('a logged-in user creating an account stays logged in as themselves (newusers/create2)', async () => {
    await wiki.createUser('Creator', { groups: ['sysop'] });
    const agent = wiki.newAgent();
    await wiki.login('Creator', TEST_PASSWORD, agent);
    const res = await createAccount(agent, { wpName: 'Created for', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
    expect(res.text).toContain('has been created');
    const page = await agent.get('/wiki/Main_Page');
    expect(page.text).toContain('>Creator<');
    const log = await wiki.services.logStore.query({ type: 'newusers', limit: 10 });
    expect(log.find((e) => e.dbKey === 'Created_for')).toMatchObject({ action: 'create2', actorName: 'Creator' });
  });

  test('with an email address the account starts unconfirmed', async () => {
    await createAccount(wiki.newAgent(), { wpName: 'Mailer', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17', wpEmail: 'mailer@example.org' });
    const user = await wiki.services.userStore.getUserByName('Mailer');
    expect(user).toMatchObject({ email: 'mailer@example.org', emailAuthenticated: null });
  });
});

describe.each(testDatabaseKinds())('account creation limits on %s', (kind) => {
  test('an IP may create only $wgAccountCreationThrottle accounts per window', async () => {
    const wiki = await createTestWiki(kind, { accountCreationThrottle: [{ count: 2, seconds: 86400 }] });
    const createAccount = (agent: ReturnType<TestWiki['newAgent']>, fields: Record<string, string>) => wiki.submitSpecialForm(agent, 'CreateAccount', 'wpCreateaccountToken', fields);
    try {
      for (const name of ['First one', 'Second one']) {
        expect((await createAccount(wiki.newAgent(), { wpName: name, wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' })).text).toContain('Welcome');
      }
      const third = await createAccount(wiki.newAgent(), { wpName: 'Third one', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
      expect(third.text).toContain('have created 2 accounts in the last 1 day');
      expect(await wiki.services.userStore.getUserByName('Third one')).toBeNull();
    } finally {
      await wiki.close();
    }
  });

  test('without the createaccount right the page answers with a 403 permission error', async () => {
    const wiki = await createTestWiki(kind, { groupPermissions: { '*': { read: true }, user: { read: true }, sysop: { createaccount: true } } });
    try {
      const res = await wiki.newAgent().get('/wiki/Special:CreateAccount');
      expect(res.status).toBe(403);
      expect(res.text).toContain('Permission error');
      expect(res.text).toContain('limited to users in the group');
      // The group by its name, linked to its project page ({{ns:project}}:Administrators), as MediaWiki.
      expect(res.text).toMatch(/the group: <a href="\/wiki\/API_Portal:Administrators"[^>]*>Administrators<\/a>\./);
    } finally {
      await wiki.close();
    }
  });
});
