import { createHash } from 'node:crypto';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { fromMwTimestamp, toMwTimestamp } from '../../../engine/util/Timestamp';
import { isWellFormedConfirmationToken } from '../../../engine/mail/EmailConfirmation';
import { captureMailLog, clearMail, lastMail, tokenLink, toAddresses } from './mailTestHelpers';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(testDatabaseKinds())('email confirmation on %s', (kind) => {
  let wiki: TestWiki;
  let log: string[];
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    log = captureMailLog(wiki);
  });
  afterAll(async () => wiki.close());
  beforeEach(() => {
    clearMail(wiki);
    log.length = 0;
  });

  const confirmation = () => wiki.services.mail.emailConfirmation;
  const row = (userId: number) => wiki.services.db('user').where({ user_id: userId }).first('user_email', 'user_email_token', 'user_email_token_expires', 'user_email_authenticated');

  /** Sends a confirmation mail and returns the token from its link. */
  async function send(userId: number, type?: 'created' | 'set' | 'changed'): Promise<string> {
    const user = (await wiki.services.userStore.getUserById(userId))!;
    clearMail(wiki);
    expect(await confirmation().sendConfirmationMail(user, '198.51.100.4', type)).toEqual({ sent: true });
    const mail = await lastMail(wiki);
    return tokenLink(mail.text!, 'ConfirmEmail').split('/').pop()!;
  }

  test('the mail: MediaWiki confirmemail_body with full confirm and cancel URLs, to the account address, logged with its link', async () => {
    const user = await wiki.createUser('Conf one', { email: 'one@example.org' });
    const token = await send(user.id);
    const mail = await lastMail(wiki);
    expect(toAddresses(mail)).toEqual(['one@example.org']);
    expect(mail.subject).toBe('API Portal email address confirmation');
    const expires = (await row(user.id)).user_email_token_expires as string;
    const [time, date] = [expires.slice(8, 10) + ':' + expires.slice(10, 12), fromMwTimestamp(expires).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })];
    expect(mail.text!.trim()).toBe(
      [
        'Someone, probably you, from IP address 198.51.100.4,',
        'has registered an account "Conf one" with this email address on API Portal.',
        '',
        'To confirm that this account really does belong to you and activate',
        'email features on API Portal, open this link in your browser:',
        '',
        `http://localhost/wiki/Special:ConfirmEmail/${token}`,
        '',
        'If you did *not* register the account, follow this link',
        'to cancel the email address confirmation:',
        '',
        `http://localhost/wiki/Special:InvalidateEmail/${token}`,
        '',
        `This confirmation code will expire at ${time}, ${date}.`,
      ].join('\n'),
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(new RegExp(`^mail: wrote \\S+\\.eml; confirmation link: http://localhost/wiki/Special:ConfirmEmail/${token}$`));
  });

  test('the token: 32 hex characters; only its SHA-256 hash is stored, with an expiry of $wgUserEmailConfirmationTokenExpiry', async () => {
    const user = await wiki.createUser('Conf two', { email: 'two@example.org' });
    const before = Date.now();
    const token = await send(user.id);
    expect(token).toMatch(/^[a-f0-9]{32}$/);
    const stored = await row(user.id);
    expect(stored.user_email_token).toBe(sha256(token));
    expect(stored.user_email_token).not.toContain(token);
    const expiry = fromMwTimestamp(stored.user_email_token_expires).getTime();
    const week = wiki.services.settings.userEmailConfirmationTokenExpiry * 1000;
    expect(week).toBe(7 * 86400 * 1000);
    expect(expiry).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + week);
    expect(expiry).toBeLessThanOrEqual(Date.now() + week);
    expect(await confirmation().isConfirmationPending((await wiki.services.userStore.getUserById(user.id))!)).toBe(true);
  });

  test('confirm: sets user_email_authenticated and uses the token up (single use)', async () => {
    const user = await wiki.createUser('Conf three', { email: 'three@example.org' });
    const token = await send(user.id);
    expect(await confirmation().confirm(token)).toBe(user.id);
    const after = await row(user.id);
    expect(after.user_email_authenticated).toMatch(/^\d{14}$/);
    expect(after.user_email_token).toBeNull();
    const loaded = (await wiki.services.userStore.getUserById(user.id))!;
    expect(loaded.emailAuthenticated).toBe(after.user_email_authenticated);
    expect(await confirmation().isConfirmationPending(loaded)).toBe(false);
    // A second use of the same link does nothing.
    expect(await confirmation().confirm(token)).toBeNull();
  });

  test('an expired token does not confirm', async () => {
    const user = await wiki.createUser('Conf four', { email: 'four@example.org' });
    const token = await send(user.id);
    await wiki.services.db('user').where({ user_id: user.id }).update({ user_email_token_expires: toMwTimestamp(new Date(Date.now() - 1000)) });
    expect(await confirmation().isConfirmationPending((await wiki.services.userStore.getUserById(user.id))!)).toBe(false);
    expect(await confirmation().confirm(token)).toBeNull();
    expect((await row(user.id)).user_email_authenticated).toBeNull();
  });

  test('a new mail replaces the previous token', async () => {
    const user = await wiki.createUser('Conf five', { email: 'five@example.org' });
    const first = await send(user.id);
    const second = await send(user.id);
    expect(second).not.toBe(first);
    expect(await confirmation().confirm(first)).toBeNull();
    expect(await confirmation().confirm(second)).toBe(user.id);
  });

  test('malformed and unknown tokens are refused', async () => {
    const user = await wiki.createUser('Conf six', { email: 'six@example.org' });
    const token = await send(user.id);
    for (const bad of ['', 'x', token.toUpperCase(), `${token}0`, token.slice(1), sha256(token), 'f'.repeat(32)]) {
      expect(await confirmation().confirm(bad)).toBeNull();
      expect(await confirmation().invalidate(bad)).toBeNull();
    }
    expect(isWellFormedConfirmationToken(token)).toBe(true);
    expect((await row(user.id)).user_email_authenticated).toBeNull();
    expect(await confirmation().confirm(token)).toBe(user.id);
  });

  test('invalidate (the cancel link): removes the address, its confirmation state and the token', async () => {
    const user = await wiki.createUser('Conf seven', { email: 'seven@example.org' });
    const token = await send(user.id);
    expect(await confirmation().invalidate(token)).toBe(user.id);
    const after = await row(user.id);
    expect(after.user_email).toBe('');
    expect(after.user_email_token).toBeNull();
    expect(after.user_email_authenticated).toBeNull();
    expect(await confirmation().confirm(token)).toBeNull();
    expect(await confirmation().invalidate(token)).toBeNull();
  });

  test('the "set" and "changed" mails use confirmemail_body_set and confirmemail_body_changed', async () => {
    const user = await wiki.createUser('Conf eight', { email: 'eight@example.org' });
    await send(user.id, 'set');
    expect((await lastMail(wiki)).text).toContain('has set the email address of the account "Conf eight" to this address on API Portal.');
    await send(user.id, 'changed');
    expect((await lastMail(wiki)).text).toContain('has changed the email address of the account "Conf eight" to this address on API Portal.');
  });

  test('an account without an address gets no mail and no token', async () => {
    const user = await wiki.createUser('Conf nine');
    const result = await confirmation().sendConfirmationMail(user, '198.51.100.4');
    expect(result.sent).toBe(false);
    expect(result.error).toBe('Tried to send email without an email address.');
    expect((await row(user.id)).user_email_token).toBeNull();
    expect(log).toEqual([]);
  });
});
