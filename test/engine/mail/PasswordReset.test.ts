import { createTestWiki, TestWiki, TEST_PASSWORD } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { anonymousVisitor } from '../../../engine/user/User';
import { toMwTimestamp } from '../../../engine/util/Timestamp';
import { generateTemporaryPassword } from '../../../engine/mail/PasswordReset';
import { captureMailLog, clearMail, emlFiles, lastMail, parseEml, toAddresses } from './mailTestHelpers';

/** The temporary password in a reset mail. */
function temporaryPassword(text: string): string {
  const m = /Temporary password:\n(\S+)/.exec(text);
  if (!m) throw new Error(`No temporary password in: ${text}`);
  return m[1];
}

describe.each(testDatabaseKinds())('password reset service on %s', (kind) => {
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

  const reset = async (username: string | null, email: string | null, performer = anonymousVisitor('203.0.113.5')) => {
    wiki.services.mail.passwordReset.request({ performer, ip: '203.0.113.5', username, email });
    await wiki.services.mail.passwordReset.settled();
  };
  const credentials = (name: string) => wiki.services.userStore.getCredentials(name);

  test('by username: a random temporary password, stored hashed, mailed with passwordreset-emailtext-ip', async () => {
    await wiki.createUser('Reset one', { email: 'reset.one@example.org' });
    const before = await credentials('Reset one');
    await reset('reset one', null);
    const mail = await lastMail(wiki);
    expect(toAddresses(mail)).toEqual(['reset.one@example.org']);
    expect(mail.subject).toBe('Account details on API Portal');
    const password = temporaryPassword(mail.text!);
    expect(password).toMatch(/^[a-z2-7]{16}$/);
    expect(mail.text!.trim()).toBe(
      'Someone (probably you, from IP address 203.0.113.5) requested a reset of your password for API Portal (<http://localhost/wiki/Main_Page>). The following user account is associated with this email address:\n\n' +
        `Username:\nReset one\n\nTemporary password:\n${password}\n\n` +
        'This temporary password will expire in 7 days.\nYou should log in and choose a new password now. If someone else made this request, or if you have remembered your original password, and you no longer wish to change it, you may ignore this message and continue using your old password.',
    );
    const after = (await credentials('Reset one'))!;
    // Stored as an Argon2id hash of the mailed password; the real password is untouched.
    expect(after.newPasswordHash).toMatch(/^\$argon2id\$/);
    expect(after.newPasswordHash).not.toContain(password);
    expect(await wiki.services.passwordHasher.verify(after.newPasswordHash, password)).toBe(true);
    expect(after.newPasswordTime).toMatch(/^\d{14}$/);
    expect(after.passwordHash).toBe(before!.passwordHash);
    expect(await wiki.services.passwordHasher.verify(after.passwordHash, TEST_PASSWORD)).toBe(true);
    // The log names the file only: no password, no hash.
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^mail: wrote \S+\.eml$/);
  });

  test('asked by a logged-in user: passwordreset-emailtext-user names them', async () => {
    await wiki.createUser('Reset two', { email: 'reset.two@example.org' });
    const helper = await wiki.createUser('Helpful admin');
    await reset('Reset two', null, helper);
    expect((await lastMail(wiki)).text).toMatch(/^User Helpful admin on API Portal requested a reset of your password for API Portal \(<http:\/\/localhost\/wiki\/Main_Page>\)\./);
  });

  test('by email address: every account with that address gets its own mail', async () => {
    await wiki.createUser('Shared one', { email: 'shared@example.org' });
    await wiki.createUser('Shared two', { email: 'shared@example.org' });
    await reset(null, 'shared@example.org');
    const mails = await Promise.all(emlFiles(wiki).map(parseEml));
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => /Username:\n(.+)/.exec(m.text!)![1]).sort()).toEqual(['Shared one', 'Shared two']);
    for (const m of mails) expect(toAddresses(m)).toEqual(['shared@example.org']);
  });

  test('nothing happens for an unknown name or address, a name whose address does not match, or an account without address', async () => {
    await wiki.createUser('Reset three', { email: 'reset.three@example.org' });
    await wiki.createUser('No address');
    await reset('Nobody here', null);
    await reset(null, 'nobody@example.org');
    await reset('Reset three', 'someone.else@example.org');
    await reset('No address', null);
    await reset('Invalid|name', null);
    expect(emlFiles(wiki)).toEqual([]);
    expect(log).toEqual([]);
    expect((await credentials('Reset three'))!.newPasswordHash).toBe('');
    // Name and matching address together do work.
    await reset('Reset three', 'RESET.THREE@example.org');
    expect(emlFiles(wiki)).toHaveLength(1);
  });

  test('one temporary password per account per 24 hours ($wgPasswordReminderResendTime)', async () => {
    await wiki.createUser('Reset four', { email: 'reset.four@example.org' });
    await reset('Reset four', null);
    const first = (await credentials('Reset four'))!.newPasswordHash;
    clearMail(wiki);
    await reset('Reset four', null);
    expect(emlFiles(wiki)).toEqual([]);
    expect((await credentials('Reset four'))!.newPasswordHash).toBe(first);
    // A day later another one may be sent.
    await wiki.services.db('user').where({ user_name: 'Reset four' }).update({ user_newpass_time: toMwTimestamp(new Date(Date.now() - 25 * 3600 * 1000)) });
    await reset('Reset four', null);
    expect(emlFiles(wiki)).toHaveLength(1);
    expect((await credentials('Reset four'))!.newPasswordHash).not.toBe(first);
  });

  test('temporary passwords are random', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateTemporaryPassword()));
    expect(seen.size).toBe(200);
  });
});
