/**
 * Rule: passwords, password hashes, session ids, account tokens and CSRF
 * secrets never reach a log. Everything the process writes (console,
 * stdout, stderr, the app's error log) during account creation, failed and
 * successful logins, a password change, an internal error and logout is
 * collected and searched for each of them.
 */
import { createTestWiki, TestWiki } from '../helpers/TestWiki';
import { testDatabaseKinds } from '../helpers/testDatabases';


describe.each(testDatabaseKinds())('no secrets in logs on %s', (kind) => {
  let wiki: TestWiki;
  const written: string[] = [];
  const restore: Array<() => void> = [];

  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const spy = jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
      restore.push(() => spy.mockRestore());
    }
  });
  afterAll(async () => {
    restore.forEach((undo) => undo());
    await wiki.close();
  });

  test('a whole account lifecycle leaves no secret in any output', async () => {
    const password = 'Secret-Violet-Harbour-17';
    const newPassword = 'Other-Secret-Tide-42';
    const agent = wiki.newAgent();
    await wiki.submitSpecialForm(agent, 'CreateAccount', 'wpCreateaccountToken', { wpName: 'Log watcher', wpPassword: password, wpRetype: password, wpEmail: 'watcher@example.org' });
    await wiki.submitSpecialForm(wiki.newAgent(), 'UserLogin', 'wpLoginToken', { wpName: 'Log watcher', wpPassword: 'Wrong-Guess-99' });
    await wiki.login('Log watcher', password, agent);
    const token = await wiki.getEditToken('/wiki/Special:ChangePassword', agent);
    await agent.post('/w/index.php?title=Special:ChangePassword').type('form').send({ wpEditToken: token, wpPassword: password, wpNewPassword: newPassword, wpRetype: newPassword });
    // An internal error while logged in: its log line must not carry the session either.
    wiki.services.hooks.register('BeforePageDisplay', (out) => {
      if (out.getHtmlTitle().startsWith('Boom page')) throw new Error('forced failure');
    });
    await wiki.edit('Boom page', 'x');
    await agent.get('/wiki/Boom_page');
    const logout = await agent.get('/wiki/Special:UserLogout');
    const logoutToken = /name="wpEditToken" value="([^"]+)"/.exec(logout.text)![1].replace(/&amp;/g, '&');
    await agent.post('/w/index.php?title=Special:UserLogout').type('form').send({ wpEditToken: logoutToken });

    const user = await wiki.services.userStore.getUserByName('Log watcher');
    const credentials = await wiki.services.userStore.getCredentials('Log watcher');
    const sessions = await wiki.database.db('session').select('sess_id', 'sess_data');
    const secrets = [password, newPassword, 'Wrong-Guess-99', credentials!.passwordHash, (await wiki.services.userStore.getToken(user!.id))!];
    for (const row of sessions) {
      secrets.push(row.sess_id);
      const data = JSON.parse(row.sess_data);
      if (data.csrfSecret) secrets.push(data.csrfSecret);
    }
    const output = [...written, ...wiki.errors].join('\n');
    expect(wiki.errors.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(output.includes(secret)).toBe(false);
    expect(output).not.toMatch(/\$argon2id\$/);
  });
});
