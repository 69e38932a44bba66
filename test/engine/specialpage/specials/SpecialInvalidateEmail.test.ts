import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import { toMwTimestamp } from '../../../../engine/util/Timestamp';
import { captureMailLog, clearMail, lastMail, localPath, tokenLink } from '../../mail/mailTestHelpers';

describe.each(testDatabaseKinds())('Special:InvalidateEmail on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    captureMailLog(wiki);
  });
  afterAll(async () => wiki.close());
  beforeEach(() => clearMail(wiki));

  async function mailLinks(name: string, email: string) {
    const user = await wiki.createUser(name, { email });
    await wiki.services.mail.emailConfirmation.sendConfirmationMail(user, '192.0.2.1');
    const text = (await lastMail(wiki)).text!;
    return { user, confirm: localPath(tokenLink(text, 'ConfirmEmail')), invalidate: localPath(tokenLink(text, 'InvalidateEmail')) };
  }

  test('the cancel link removes the address from the account; the confirm link is dead afterwards', async () => {
    const { user, confirm, invalidate } = await mailLinks('Not mine', 'stranger@example.org');
    const res = await wiki.newAgent().get(invalidate);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Cancel email confirmation</h1>');
    expect(mainContent(res.text)).toContain('<p>Email address confirmation canceled</p>');
    expect(mainContent(res.text)).toContain('id="mw-returnto"');
    const after = (await wiki.services.userStore.getUserById(user.id))!;
    expect(after.email).toBe('');
    expect(after.emailAuthenticated).toBeNull();
    expect(mainContent((await wiki.newAgent().get(confirm)).text)).toContain('Invalid confirmation code.');
    // Single use.
    expect(mainContent((await wiki.newAgent().get(invalidate)).text)).toContain('Invalid confirmation code.');
  });

  test('unknown, expired and missing codes change nothing', async () => {
    const { user, invalidate } = await mailLinks('Keeps address', 'keeps@example.org');
    await wiki.services.db('user').where({ user_id: user.id }).update({ user_email_token_expires: toMwTimestamp(new Date(Date.now() - 1000)) });
    for (const url of [invalidate, '/wiki/Special:InvalidateEmail/0123456789abcdef0123456789abcdef', '/wiki/Special:InvalidateEmail']) {
      const res = await wiki.newAgent().get(url);
      expect(res.status).toBe(200);
      expect(mainContent(res.text)).toContain('Invalid confirmation code.\nThe code may have expired.');
    }
    expect((await wiki.services.userStore.getUserById(user.id))!.email).toBe('keeps@example.org');
  });

  test('unlisted on Special:SpecialPages, like Special:ConfirmEmail', async () => {
    const body = mainContent((await wiki.agent.get('/wiki/Special:SpecialPages')).text);
    expect(body).not.toContain('Special:InvalidateEmail');
    expect(body).not.toContain('Special:ConfirmEmail');
    expect(body).toContain('href="/wiki/Special:PasswordReset"');
    expect(body).toContain('href="/wiki/Special:ChangeEmail"');
  });
});
