/**
 * Rule: password guessing and mass account creation are throttled with the
 * shipped settings, as MediaWiki's defaults: 5 failed logins per 300 s per
 * user name + IP ($wgPasswordAttemptThrottle, together with 150 per 48 h per
 * IP) and 6 new accounts per IP per day ($wgAccountCreationThrottle).
 */
import { defaultSettings } from '../../engine/config/Settings';
import { createTestWiki, TEST_PASSWORD, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';


describe.each(testDatabaseKinds())('throttling with the shipped settings on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    const shipped = defaultSettings();
    wiki = await createTestWiki(kind, { passwordAttemptThrottle: shipped.passwordAttemptThrottle, accountCreationThrottle: shipped.accountCreationThrottle });
    await wiki.createUser('Guessing target');
  });
  afterAll(async () => wiki.close());

  test('the shipped limits are MediaWiki’s', () => {
    expect(defaultSettings().passwordAttemptThrottle).toEqual([
      { count: 5, seconds: 300, scope: 'user+ip' },
      { count: 150, seconds: 172800, scope: 'ip' },
    ]);
    expect(defaultSettings().accountCreationThrottle).toEqual([{ count: 6, seconds: 86400 }]);
  });

  test('the sixth login attempt after five failures is refused, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await wiki.submitSpecialForm(wiki.newAgent(), 'UserLogin', 'wpLoginToken', { wpName: 'Guessing target', wpPassword: `guess-${i}` });
      expect(res.text).toContain('Incorrect username or password');
    }
    const agent = wiki.newAgent();
    const res = await wiki.submitSpecialForm(agent, 'UserLogin', 'wpLoginToken', { wpName: 'Guessing target', wpPassword: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.text).toContain('You have made too many recent login attempts.');
    expect((await agent.get('/wiki/Main_Page')).text).not.toContain('id="pt-logout"');
  });

  test('the seventh account from one IP in a day is refused', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await wiki.submitSpecialForm(wiki.newAgent(), 'CreateAccount', 'wpCreateaccountToken', { wpName: `Bulk account ${i}`, wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
      expect(res.text).toContain('Welcome');
    }
    const res = await wiki.submitSpecialForm(wiki.newAgent(), 'CreateAccount', 'wpCreateaccountToken', { wpName: 'Bulk account 6', wpPassword: 'violet-harbour-17', wpRetype: 'violet-harbour-17' });
    expect(res.text).toContain('have created 6 accounts in the last 1 day');
    expect(await wiki.services.userStore.getUserByName('Bulk account 6')).toBeNull();
  });
});
