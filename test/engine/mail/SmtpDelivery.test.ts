/**
 * Mail through a real SMTP server: the test starts one (the smtp-server
 * package) on an ephemeral port, points settings.smtp at it, and reads the
 * message it received with mailparser.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, ParsedMail } from 'mailparser';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';
import { captureMailLog, emlFiles, localPath, tokenLink, toAddresses } from './mailTestHelpers';

interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  mail: ParsedMail;
}

async function startSmtpServer(): Promise<{ server: SMTPServer; port: number; received: Received[]; next(): Promise<Received> }> {
  const received: Received[] = [];
  const waiters: Array<(r: Received) => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    secure: false,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const item = {
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            mail,
          };
          received.push(item);
          waiters.shift()?.(item);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    server,
    port,
    received,
    next: () => new Promise<Received>((resolve) => (received.length > waiters.length ? resolve(received[waiters.length]) : waiters.push(resolve))),
  };
}

describe.each(testDatabaseKinds())('mail through a real SMTP server on %s', (kind) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let wiki: TestWiki;
  let log: string[];
  beforeAll(async () => {
    smtp = await startSmtpServer();
    wiki = await createTestWiki(kind, { smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }, passwordSender: 'apiportal@wiki.example' });
    log = captureMailLog(wiki);
  });
  afterAll(async () => {
    wiki.services.mail.mailer.close();
    await wiki.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  test('a confirmation mail arrives with To, From and Subject, and its link confirms the address', async () => {
    const user = await wiki.createUser('Smtp user', { email: 'smtp.user@example.org' });
    const arrival = smtp.next();
    const result = await wiki.services.mail.emailConfirmation.sendConfirmationMail(user, '192.0.2.7');
    expect(result).toEqual({ sent: true });
    const { mail, envelopeFrom, envelopeTo } = await arrival;

    expect(envelopeFrom).toBe('apiportal@wiki.example');
    expect(envelopeTo).toEqual(['smtp.user@example.org']);
    expect(toAddresses(mail)).toEqual(['smtp.user@example.org']);
    expect(mail.from?.value).toEqual([{ address: 'apiportal@wiki.example', name: 'API Portal' }]);
    expect(mail.subject).toBe('API Portal email address confirmation');
    expect(mail.text).toContain('Someone, probably you, from IP address 192.0.2.7,\nhas registered an account "Smtp user" with this email address on API Portal.');

    // Nothing went to .eml files, and SMTP delivery logs nothing.
    expect(emlFiles(wiki)).toEqual([]);
    expect(log).toEqual([]);

    const link = tokenLink(mail.text!, 'ConfirmEmail');
    expect(link).toMatch(/^http:\/\/localhost\/wiki\/Special:ConfirmEmail\/[a-f0-9]{32}$/);
    const res = await wiki.newAgent().get(localPath(link));
    expect(res.status).toBe(200);
    expect(res.text).toContain('Your email address has been confirmed.');
    const confirmed = await wiki.services.userStore.getUserById(user.id);
    expect(confirmed!.emailAuthenticated).toMatch(/^\d{14}$/);
  });
});
