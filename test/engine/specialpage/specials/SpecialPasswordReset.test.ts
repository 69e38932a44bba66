import type TestAgent from 'supertest/lib/agent';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import { captureMailLog, clearMail, emlFiles, lastMail, toAddresses } from '../../mail/mailTestHelpers';

describe.each(testDatabaseKinds())('Special:PasswordReset on %s', (kind) => {
  let wiki: TestWiki;
  let log: string[];
  beforeAll(async () => {
    wiki = await createTestWiki(kind, { emailRateLimits: { confirmemail: { user: [4, 86400], ip: [10, 3600] }, mailpassword: { ip: [6, 3600] } } });
    log = captureMailLog(wiki);
    await wiki.createUser('Forgetful', { email: 'forgetful@example.org' });
  });
  afterAll(async () => {
    await wiki.services.mail.passwordReset.settled();
    await wiki.close();
  });
  beforeEach(async () => {
    clearMail(wiki);
    // Every request here comes from the same address: each test starts with the per-IP limit unused.
    if (await wiki.services.db.schema.hasTable('rate_limit')) await wiki.services.db('rate_limit').where('key', 'like', 'mailpassword-ip:%').delete();
  });

  const visitor = () => ({ agent: wiki.newAgent() });

  async function submit(agent: TestAgent, fields: Record<string, string>, token?: string) {
    const wpEditToken = token ?? (await wiki.getEditToken('/wiki/Special:PasswordReset', agent));
    const res = await agent.post('/wiki/Special:PasswordReset').type('form').send({ wpEditToken, ...fields });
    await wiki.services.mail.passwordReset.settled();
    return res;
  }

  test('the form: username or email address, with a token', async () => {
    const res = await wiki.newAgent().get('/wiki/Special:PasswordReset');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Reset password</h1>');
    const body = mainContent(res.text);
    expect(body).toContain('<p>Fill in one of the fields to receive a temporary password via email.</p>');
    expect(body).toMatch(/<form method="post" action="\/wiki\/Special:PasswordReset"/);
    expect(body).toContain('<label for="wpUsername">Username:</label><input id="wpUsername" name="wpUsername" class="mw-ui-input" type="text" value=""');
    expect(body).toContain('<label for="wpEmail">Email address:</label><input id="wpEmail" name="wpEmail" class="mw-ui-input" type="email" value=""');
    expect(body).toMatch(/<input type="hidden" name="wpEditToken" value="[^"]+">/);
    expect(body).toContain('>Reset password</button>');
    // A logged-in user finds their name filled in.
    const agent = wiki.newAgent();
    await wiki.login('Forgetful', undefined, agent);
    expect(mainContent((await agent.get('/wiki/Special:PasswordReset')).text)).toContain('name="wpUsername" class="mw-ui-input" type="text" value="Forgetful"');
  });

  test('empty form, malformed address, bad token: the form again with what was typed, no mail', async () => {
    const { agent } = visitor();
    const cases: Array<[Record<string, string>, string | undefined, string]> = [
      [{ wpUsername: '', wpEmail: '' }, undefined, 'Neither a username nor an email address was supplied'],
      [{ wpUsername: '', wpEmail: 'no-at-sign' }, undefined, 'Invalid email address'],
      [{ wpUsername: 'Forgetful', wpEmail: '' }, 'forged+\\', 'There seems to be a problem with your login session'],
    ];
    for (const [fields, token, message] of cases) {
      const res = await submit(agent, fields, token);
      expect(res.status).toBe(200);
      const body = mainContent(res.text);
      expect(body).toContain(message);
      expect(body).toContain(`name="wpUsername" class="mw-ui-input" type="text" value="${fields.wpUsername}"`);
      expect(body).toContain(`name="wpEmail" class="mw-ui-input" type="email" value="${fields.wpEmail}"`);
    }
    expect(emlFiles(wiki)).toEqual([]);
  });

  test('the same answer whether or not the account exists (no account enumeration); only a real account gets mail', async () => {
    const { agent } = visitor();
    const normalise = (html: string, typed: string) => mainContent(html).split(typed).join('TYPED');

    const existing = await submit(agent, { wpUsername: 'Forgetful' });
    const mail = await lastMail(wiki);
    expect(toAddresses(mail)).toEqual(['forgetful@example.org']);
    clearMail(wiki);
    const missing = await submit(agent, { wpUsername: 'Nobody at all' });
    expect(emlFiles(wiki)).toEqual([]);
    expect(missing.status).toBe(existing.status);
    expect(existing.status).toBe(200);
    expect(normalise(missing.text, 'Nobody at all')).toBe(normalise(existing.text, 'Forgetful'));
    const body = mainContent(existing.text);
    expect(body).toContain('<p>You have requested a password reset.</p>');
    expect(body).toContain('If the information submitted is valid, a password reset email will be sent.');
    expect(body).toContain('You can only request one password reset email in 24 hours.');
    expect(body).toContain('<p>The details you submitted are: </p><ul><li>Username: Forgetful</li></ul>');

    // By address: the same.
    clearMail(wiki);
    await wiki.createUser('Forgetful two', { email: 'two@example.org' });
    const byAddress = await submit(agent, { wpEmail: 'two@example.org' });
    expect(emlFiles(wiki)).toHaveLength(1);
    clearMail(wiki);
    const byUnknownAddress = await submit(agent, { wpEmail: 'ghost@example.org' });
    expect(emlFiles(wiki)).toEqual([]);
    expect(normalise(byUnknownAddress.text, 'ghost@example.org')).toBe(normalise(byAddress.text, 'two@example.org'));
  });

  test('the mailed temporary password logs in (and leads to choosing a new password)', async () => {
    await wiki.createUser('Locked out', { email: 'locked@example.org' });
    const { agent } = visitor();
    await submit(agent, { wpUsername: 'Locked out' });
    const text = (await lastMail(wiki)).text!;
    expect(text).toMatch(/^Someone \(probably you, from IP address [0-9a-f.:]+\) requested a reset of your password for API Portal/);
    const password = /Temporary password:\n(\S+)/.exec(text)![1];
    const login = wiki.newAgent();
    const form = await login.get('/wiki/Special:UserLogin');
    const token = /name="wpLoginToken" value="([^"]+)"/.exec(form.text)![1].replace(/&amp;/g, '&');
    const res = await login.post('/wiki/Special:UserLogin').type('form').send({ wpName: 'Locked out', wpPassword: password, wpLoginToken: token });
    expect(res.status).toBe(303);
    expect(res.headers.location).toContain('Special:ChangePassword');
    // The log never saw it.
    expect(log.join('\n')).not.toContain(password);
  });

  test('throttled per IP ($wgRateLimits mailpassword): HTTP 429 whichever account is named', async () => {
    const { agent } = visitor();
    for (let i = 0; i < 6; i++) expect((await submit(agent, { wpUsername: i % 2 ? 'Forgetful' : `Ghost ${i}` })).status).toBe(200);
    clearMail(wiki);
    for (const name of ['Forgetful', 'Ghost 99']) {
      const res = await submit(agent, { wpUsername: name });
      expect(res.status).toBe(429);
      expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Action throttled</h1>');
    }
    expect(emlFiles(wiki)).toEqual([]);
  });

  test('nothing secret reaches the logs', async () => {
    const hashes = await wiki.services.db('user').whereNot({ user_newpassword: '' }).pluck('user_newpassword');
    expect(hashes.length).toBeGreaterThan(0);
    const joined = [...log, ...wiki.errors].join('\n');
    for (const hash of hashes) expect(joined).not.toContain(hash);
    expect(joined).not.toMatch(/\$argon2|Temporary password/);
    for (const line of log) expect(line).toMatch(/^mail: wrote \S+\.eml$/);
  });
});
