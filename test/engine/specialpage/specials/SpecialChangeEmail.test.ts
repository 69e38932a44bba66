import type TestAgent from 'supertest/lib/agent';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import { captureMailLog, clearMail, emlFiles, parseEml, localPath, tokenLink, toAddresses } from '../../mail/mailTestHelpers';
import { TEST_PASSWORD } from '../../../helpers/TestWiki';

describe.each(testDatabaseKinds())('Special:ChangeEmail on %s', (kind) => {
  let wiki: TestWiki;
  let log: string[];
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    log = captureMailLog(wiki);
  });
  afterAll(async () => wiki.close());
  beforeEach(() => clearMail(wiki));

  async function loggedIn(name: string, options: { email?: string; emailConfirmed?: boolean } = {}) {
    const user = await wiki.createUser(name, options);
    const agent = wiki.newAgent();
    await wiki.login(name, undefined, agent);
    return { user, agent };
  }

  async function submit(agent: TestAgent, fields: Record<string, string>, token?: string) {
    const wpEditToken = token ?? (await wiki.getEditToken('/wiki/Special:ChangeEmail', agent));
    return agent.post('/wiki/Special:ChangeEmail').type('form').send({ wpEditToken, ...fields });
  }

  const mails = async () => Promise.all(emlFiles(wiki).map(parseEml));
  const userRow = (id: number) => wiki.services.userStore.getUserById(id);

  test('not logged in: "Not logged in" with a link to log in', async () => {
    const res = await wiki.newAgent().get('/wiki/Special:ChangeEmail');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Not logged in</h1>');
    expect(mainContent(res.text)).toContain('Please <a rel="nofollow" class="external text" href="http://localhost/w/index.php?title=Special:UserLogin&amp;returnto=Special%3AChangeEmail">log in</a> to access this page or action.');
  });

  test('the form: user name, current address, new address and password, with a token', async () => {
    const { agent } = await loggedIn('Change form', { email: 'form@example.org' });
    const res = await agent.get('/wiki/Special:ChangeEmail');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Change or remove email address</h1>');
    const body = mainContent(res.text);
    expect(body).toContain('Complete this form to change your email address.');
    expect(body).toContain('<span id="mw-changeemail-name">Change form</span>');
    expect(body).toContain('<span id="mw-changeemail-oldemail">form@example.org</span>');
    expect(body).toMatch(/<input id="wpNewEmail" name="wpNewEmail" class="mw-ui-input" type="email" value=""/);
    expect(body).toMatch(/<input id="wpPassword" name="wpPassword" class="mw-ui-input" type="password"/);
    expect(body).toMatch(/<input type="hidden" name="wpEditToken" value="[^"]+">/);
    expect(body).toContain('>Change email</button>');
    const none = await loggedIn('Change none');
    expect(mainContent((await none.agent.get('/wiki/Special:ChangeEmail')).text)).toContain('<span id="mw-changeemail-oldemail">(none)</span>');
  });

  test('wrong password, bad token, malformed or unchanged address: the form again with the address typed, nothing changed, no mail', async () => {
    const { user, agent } = await loggedIn('Change refused', { email: 'kept@example.org', emailConfirmed: true });
    const cases: Array<[Record<string, string>, string | undefined, string]> = [
      [{ wpNewEmail: 'new@example.org', wpPassword: 'not the password' }, undefined, 'Incorrect username or password entered.'],
      [{ wpNewEmail: 'new@example.org', wpPassword: TEST_PASSWORD }, 'forged+\\', 'There seems to be a problem with your login session'],
      [{ wpNewEmail: 'not an address', wpPassword: TEST_PASSWORD }, undefined, 'The email address cannot be accepted as it appears to have an invalid format.'],
      [{ wpNewEmail: 'kept@example.org', wpPassword: TEST_PASSWORD }, undefined, 'Please enter a different new email address.'],
      [{ wpNewEmail: `${'a'.repeat(250)}@example.org`, wpPassword: TEST_PASSWORD }, undefined, 'Your email address must be 255 characters or less.'],
    ];
    for (const [fields, token, message] of cases) {
      const res = await submit(agent, fields, token);
      expect(res.status).toBe(200);
      const body = mainContent(res.text);
      expect(body).toContain(message);
      expect(body).toContain(`name="wpNewEmail" class="mw-ui-input" type="email" value="${fields.wpNewEmail}"`);
      // The password is never sent back.
      expect(body).not.toContain(TEST_PASSWORD);
      expect(body).not.toContain('not the password');
    }
    const after = (await userRow(user.id))!;
    expect(after.email).toBe('kept@example.org');
    expect(after.emailAuthenticated).not.toBeNull();
    expect(emlFiles(wiki)).toEqual([]);
  });

  test('changing: the address is saved unconfirmed, the old address is told, the new one gets confirmemail_body_changed', async () => {
    const { user, agent } = await loggedIn('Change ok', { email: 'old@example.org', emailConfirmed: true });
    const res = await submit(agent, { wpNewEmail: 'new.ok@example.org', wpPassword: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const body = mainContent(res.text);
    expect(body).toContain('<div class="mw-message-box-warning mw-message-box"><p>A confirmation email has been sent to the specified email address.');
    expect(body).not.toContain('<form');
    const after = (await userRow(user.id))!;
    expect(after.email).toBe('new.ok@example.org');
    expect(after.emailAuthenticated).toBeNull();

    const sent = await mails();
    const notice = sent.find((m) => toAddresses(m)[0] === 'old@example.org')!;
    expect(notice.subject).toBe('API Portal registered email address has been changed');
    expect(notice.text).toMatch(/^Someone, probably you, from IP address \S+,\nhas changed the email address of the account "Change ok" to "new.ok@example.org" on API Portal\./);
    const confirmation = sent.find((m) => toAddresses(m)[0] === 'new.ok@example.org')!;
    expect(confirmation.subject).toBe('API Portal email address confirmation');
    expect(confirmation.text).toContain('has changed the email address of the account "Change ok" to this address on API Portal.');
    expect(sent).toHaveLength(2);

    const confirmed = await agent.get(localPath(tokenLink(confirmation.text!, 'ConfirmEmail')));
    expect(mainContent(confirmed.text)).toContain('Your email address has now been confirmed.');
    expect((await userRow(user.id))!.emailAuthenticated).not.toBeNull();
  });

  test('adding an address to an account without one: confirmemail_body_set, no notice', async () => {
    const { user, agent } = await loggedIn('Change set');
    const res = await submit(agent, { wpNewEmail: 'first@example.org', wpPassword: TEST_PASSWORD });
    expect(mainContent(res.text)).toContain('A confirmation email has been sent to the specified email address.');
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(toAddresses(sent[0])).toEqual(['first@example.org']);
    expect(sent[0].text).toContain('has set the email address of the account "Change set" to this address on API Portal.');
    expect((await userRow(user.id))!.email).toBe('first@example.org');
  });

  test('an empty new address removes the address and returns to the main page (or returnto)', async () => {
    const { user, agent } = await loggedIn('Change remove', { email: 'gone@example.org', emailConfirmed: true });
    const res = await submit(agent, { wpNewEmail: '', wpPassword: TEST_PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/wiki/Main_Page');
    const after = (await userRow(user.id))!;
    expect(after.email).toBe('');
    expect(after.emailAuthenticated).toBeNull();
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(toAddresses(sent[0])).toEqual(['gone@example.org']);
    expect(sent[0].subject).toBe('API Portal registered email address has been removed');

    const other = await loggedIn('Change remove two', { email: 'gone2@example.org' });
    const back = await submit(other.agent, { wpNewEmail: '', wpPassword: TEST_PASSWORD, returnto: 'Help:Contents' });
    expect(back.headers.location).toBe('/wiki/Help:Contents');
  });

  test('wrong passwords count against the login throttle: after five, even the right one is refused for a while', async () => {
    const { user, agent } = await loggedIn('Change throttled', { email: 'throttle@example.org' });
    for (let i = 0; i < 5; i++) expect(mainContent((await submit(agent, { wpNewEmail: 'x@example.org', wpPassword: `wrong ${i}` })).text)).toContain('Incorrect username or password entered.');
    const res = await submit(agent, { wpNewEmail: 'x@example.org', wpPassword: TEST_PASSWORD });
    expect(mainContent(res.text)).toMatch(/You have made too many login attempts\.\nPlease wait \d+ minutes?(, \d+ seconds?)? before trying again\./);
    expect((await userRow(user.id))!.email).toBe('throttle@example.org');
  });

  test('the mail log has file names and links only', () => {
    for (const line of log) expect(line).toMatch(/^mail: wrote \S+\.eml(; confirmation link: http:\/\/localhost\/wiki\/Special:ConfirmEmail\/[a-f0-9]{32})?$/);
    expect(log.join('\n')).not.toContain(TEST_PASSWORD);
    expect(wiki.errors).toEqual([]);
  });
});
