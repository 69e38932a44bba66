/**
 * $wgPasswordAttemptThrottle through the real login form: failures counted
 * per name + IP and per IP, MediaWiki's "too many recent login attempts"
 * with the time to wait, even for the right password, and a success clearing
 * the name + IP count. Counts live in the database, so a second app process
 * on the same database sees them.
 */
import { createApp } from '../../../engine/http/createApp';
import { createServices } from '../../../engine/services/createServices';
import supertest from 'supertest';
import { createTestWiki, TEST_PASSWORD, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';


describe.each(testDatabaseKinds())('login throttle on %s', (kind) => {
  let wiki: TestWiki;
  beforeEach(async () => {
    wiki = await createTestWiki(kind, {
      passwordAttemptThrottle: [
        { count: 3, seconds: 300, scope: 'user+ip' },
        { count: 5, seconds: 48 * 3600, scope: 'ip' },
      ],
    });
    await wiki.createUser('Alice');
    await wiki.createUser('Bob');
  });
  afterEach(async () => wiki.close());

  test('after the allowed failures even the right password is refused, with the wait in minutes', async () => {
    const agent = wiki.newAgent();
    for (let i = 0; i < 3; i++) expect((await wiki.submitSpecialForm(agent, 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: `wrong-${i}` })).text).toContain('Incorrect username or password');
    const res = await wiki.submitSpecialForm(agent, 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.text).toContain('You have made too many recent login attempts.');
    expect(res.text).toMatch(/Please wait (5 minutes|4 minutes, \d+ seconds) before trying again/);
    expect((await agent.get('/wiki/Main_Page')).text).not.toContain('pt-logout');
  });

  test('the name + IP limit does not lock other accounts; the IP limit does', async () => {
    const agent = wiki.newAgent();
    for (let i = 0; i < 3; i++) await wiki.submitSpecialForm(agent, 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: `wrong-${i}` });
    expect((await wiki.submitSpecialForm(agent, 'UserLogin', 'wpLoginToken', { wpName: 'Bob', wpPassword: TEST_PASSWORD })).status).toBe(303);
    for (let i = 0; i < 2; i++) await wiki.submitSpecialForm(wiki.newAgent(), 'UserLogin', 'wpLoginToken', { wpName: 'Bob', wpPassword: `wrong-${i}` });
    // Five failures from this address in all: nobody logs in from it now.
    const res = await wiki.submitSpecialForm(wiki.newAgent(), 'UserLogin', 'wpLoginToken', { wpName: 'Bob', wpPassword: TEST_PASSWORD });
    expect(res.text).toContain('too many recent login attempts');
  });

  test('a successful login clears the count for that name', async () => {
    const agent = wiki.newAgent();
    for (let i = 0; i < 2; i++) await wiki.submitSpecialForm(agent, 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: `wrong-${i}` });
    expect((await wiki.submitSpecialForm(agent, 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: TEST_PASSWORD })).status).toBe(303);
    for (let i = 0; i < 2; i++) await wiki.submitSpecialForm(wiki.newAgent(), 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: `wrong-${i}` });
    expect((await wiki.submitSpecialForm(wiki.newAgent(), 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: TEST_PASSWORD })).status).toBe(303);
  });

  test('a second app process on the same database sees the same counts', async () => {
    for (let i = 0; i < 3; i++) await wiki.submitSpecialForm(wiki.newAgent(), 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: `wrong-${i}` });
    const second = await createServices(wiki.services.settings, { db: wiki.database.db });
    try {
      const agent = supertest.agent(createApp(second).callback());
      expect((await wiki.submitSpecialForm(agent, 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: TEST_PASSWORD })).text).toContain('too many recent login attempts');
    } finally {
      await second.close();
    }
  });

  test('a password stored with old Argon2 parameters is re-hashed at login', async () => {
    const { PasswordHasher } = await import('../../../engine/user/PasswordHasher');
    const alice = await wiki.services.userStore.getUserByName('Alice');
    await wiki.services.userStore.setPasswordHash(alice!.id, await new PasswordHasher({ memoryCost: 4096, timeCost: 1, parallelism: 1 }).hash(TEST_PASSWORD));
    expect((await wiki.submitSpecialForm(wiki.newAgent(), 'UserLogin', 'wpLoginToken', { wpName: 'Alice', wpPassword: TEST_PASSWORD })).status).toBe(303);
    const stored = (await wiki.services.userStore.getCredentials('Alice'))!.passwordHash;
    expect(wiki.services.passwordHasher.needsRehash(stored)).toBe(false);
  });
});
