import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import { toMwTimestamp } from '../../../../engine/util/Timestamp';
import { captureMailLog, clearMail, emlFiles, lastMail, localPath, tokenLink } from '../../mail/mailTestHelpers';

describe.each(testDatabaseKinds())('Special:ConfirmEmail on %s', (kind) => {
  let wiki: TestWiki;
  let log: string[];
  beforeAll(async () => {
    wiki = await createTestWiki(kind, { emailRateLimits: { confirmemail: { user: [3, 86400], ip: [100, 3600] }, mailpassword: { ip: [5, 3600] } } });
    log = captureMailLog(wiki);
  });
  afterAll(async () => wiki.close());
  beforeEach(() => clearMail(wiki));

  /** Logs a fresh agent in as a new user with an unconfirmed address. */
  async function loggedIn(name: string, email = `${name.toLowerCase().replace(/ /g, '.')}@example.org`) {
    const user = await wiki.createUser(name, { email });
    const agent = wiki.newAgent();
    await wiki.login(name, undefined, agent);
    return { user, agent };
  }

  async function sendFromPage(agent: ReturnType<TestWiki['newAgent']>) {
    const token = await wiki.getEditToken('/wiki/Special:ConfirmEmail', agent);
    return agent.post('/wiki/Special:ConfirmEmail').type('form').send({ wpEditToken: token });
  }

  test('not logged in and no code: "Not logged in" with a link to log in and come back', async () => {
    const res = await wiki.newAgent().get('/wiki/Special:ConfirmEmail');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Not logged in</h1>');
    expect(mainContent(res.text)).toContain('Please <a rel="nofollow" class="external text" href="http://localhost/w/index.php?title=Special:UserLogin&amp;returnto=Special%3AConfirmEmail">log in</a> to confirm your email address.');
  });

  test('logged in, unconfirmed: the explanation and a POST form with a token; sending mails a new code', async () => {
    const { user, agent } = await loggedIn('Confirm page one');
    const form = await agent.get('/wiki/Special:ConfirmEmail');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Confirm email address</h1>');
    const body = mainContent(form.text);
    expect(body).toContain('API Portal requires that you validate your email address before using email features.');
    expect(body).toMatch(/<form method="post" action="\/wiki\/Special:ConfirmEmail"[^>]*>/);
    expect(body).toMatch(/<input type="hidden" name="wpEditToken" value="[^"]+">/);
    expect(body).toContain('>Mail a confirmation code</button>');
    expect(body).not.toContain('mw-confirmemail-pending');

    const sent = await sendFromPage(agent);
    expect(sent.status).toBe(200);
    expect(mainContent(sent.text)).toContain('Confirmation email sent.');
    const mail = await lastMail(wiki);
    expect(mail.text).toContain('has registered an account "Confirm page one" with this email address');
    // Now a code is pending.
    expect(mainContent((await agent.get('/wiki/Special:ConfirmEmail')).text)).toContain('<div class="error mw-confirmemail-pending">A confirmation code has already been emailed to you;');

    // The link works from another browser that is not logged in, once.
    const link = localPath(tokenLink(mail.text!, 'ConfirmEmail'));
    const visitor = wiki.newAgent();
    const confirmed = await visitor.get(link);
    expect(confirmed.status).toBe(200);
    expect(mainContent(confirmed.text)).toContain('Your email address has been confirmed.');
    expect(mainContent(confirmed.text)).toContain('<a href="/wiki/Special:UserLogin" title="Special:UserLogin">Special:UserLogin</a>');
    expect((await wiki.services.userStore.getUserById(user.id))!.emailAuthenticated).toMatch(/^\d{14}$/);
    const again = await visitor.get(link);
    expect(mainContent(again.text)).toContain('Invalid confirmation code.\nThe code may have expired.');

    // The page now shows when the address was confirmed, and no form.
    const state = mainContent((await agent.get('/wiki/Special:ConfirmEmail')).text);
    expect(state).toMatch(/Your email address was confirmed on \d+ [A-Z][a-z]+ \d{4} at \d\d:\d\d\./);
    expect(state).not.toContain('<form');
  });

  test('a bad or missing token: sessionfailure, no mail', async () => {
    const { agent } = await loggedIn('Confirm page two');
    await agent.get('/wiki/Special:ConfirmEmail');
    for (const send of [{ wpEditToken: 'bogus+\\' }, {}]) {
      const res = await agent.post('/wiki/Special:ConfirmEmail').type('form').send(send);
      expect(res.status).toBe(200);
      expect(mainContent(res.text)).toContain('There seems to be a problem with your login session');
      expect(mainContent(res.text)).toContain('>Mail a confirmation code</button>');
    }
    expect(emlFiles(wiki)).toEqual([]);
  });

  test('sending is rate limited per user (HTTP 429 "Action throttled")', async () => {
    const { agent } = await loggedIn('Confirm page three');
    for (let i = 0; i < 3; i++) expect(mainContent((await sendFromPage(agent)).text)).toContain('Confirmation email sent.');
    clearMail(wiki);
    const res = await sendFromPage(agent);
    expect(res.status).toBe(429);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Action throttled</h1>');
    expect(mainContent(res.text)).toContain('As an anti-abuse measure, you are limited from performing this action too many times');
    expect(emlFiles(wiki)).toEqual([]);
  });

  test('a code confirms the address of its account whoever follows it; logged in: confirmemail_loggedin', async () => {
    const owner = await wiki.createUser('Confirm owner', { email: 'owner@example.org' });
    await wiki.services.mail.emailConfirmation.sendConfirmationMail(owner, '192.0.2.1');
    const link = localPath(tokenLink((await lastMail(wiki)).text!, 'ConfirmEmail'));
    const { user: other, agent } = await loggedIn('Confirm bystander');
    const res = await agent.get(link);
    expect(res.status).toBe(200);
    expect(mainContent(res.text)).toContain('Your email address has now been confirmed.');
    expect((await wiki.services.userStore.getUserById(owner.id))!.emailAuthenticated).not.toBeNull();
    expect((await wiki.services.userStore.getUserById(other.id))!.emailAuthenticated).toBeNull();
  });

  test('expired, unknown and malformed codes: confirmemail_invalid, nothing confirmed', async () => {
    const owner = await wiki.createUser('Confirm late', { email: 'late@example.org' });
    await wiki.services.mail.emailConfirmation.sendConfirmationMail(owner, '192.0.2.1');
    const link = localPath(tokenLink((await lastMail(wiki)).text!, 'ConfirmEmail'));
    await wiki.services.db('user').where({ user_id: owner.id }).update({ user_email_token_expires: toMwTimestamp(new Date(Date.now() - 60_000)) });
    for (const url of [link, '/wiki/Special:ConfirmEmail/0123456789abcdef0123456789abcdef', '/wiki/Special:ConfirmEmail/not-a-code', '/w/index.php?title=Special:ConfirmEmail/ABCDEF0123456789ABCDEF0123456789']) {
      const res = await wiki.newAgent().get(url);
      expect(res.status).toBe(200);
      expect(mainContent(res.text)).toContain('<p>Invalid confirmation code.\nThe code may have expired.</p>');
    }
    expect((await wiki.services.userStore.getUserById(owner.id))!.emailAuthenticated).toBeNull();
  });

  test('logged in without an address: confirmemail_noemail', async () => {
    await wiki.createUser('Confirm nomail');
    const agent = wiki.newAgent();
    await wiki.login('Confirm nomail', undefined, agent);
    const body = mainContent((await agent.get('/wiki/Special:ConfirmEmail')).text);
    expect(body).toContain('You do not have a valid email address set in your <a href="/wiki/Special:Preferences" title="Special:Preferences">user preferences</a>.');
    expect(body).not.toContain('<form');
  });

  test('the log got one line per mail with its file and link, and never a body, token hash or password hash', async () => {
    const joined = log.join('\n');
    for (const line of log) expect(line).toMatch(/^mail: wrote \S+\.eml(; confirmation link: http:\/\/localhost\/wiki\/Special:ConfirmEmail\/[a-f0-9]{32})?$/);
    expect(joined).not.toMatch(/\$argon2/);
    expect(joined).not.toContain('Someone, probably you');
    const hashes = await wiki.services.db('user').whereNotNull('user_email_token').pluck('user_email_token');
    for (const hash of hashes) expect(joined).not.toContain(hash);
    expect(wiki.errors).toEqual([]);
  });
});
