import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { Mailer } from '../../../engine/mail/Mailer';

describe('Mailer', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiportal-mailer-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('without SMTP, writes each message as an .eml file under dataDir/mail and logs one line with its path', async () => {
    const lines: string[] = [];
    const mailer = new Mailer({ dataDir, passwordSender: 'wiki@example.org' }, () => 'API Portal', (line) => lines.push(line));
    expect(mailer.usesSmtp()).toBe(false);
    const result = await mailer.send({ to: { address: 'alice@example.org', name: 'Alice' }, subject: 'Hello', text: 'Line one\nSecret body text ü' });
    expect(result.sent).toBe(true);
    const file = result.file!;
    expect(path.dirname(file)).toBe(path.join(path.resolve(dataDir), 'mail'));
    // Named by timestamp and a random id.
    expect(path.basename(file)).toMatch(/^\d{14}-[0-9a-f]{12}\.eml$/);
    // Only the wiki's own user may read it (a reset mail holds a temporary password).
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lines).toEqual([`mail: wrote ${file}`]);

    const parsed = await simpleParser(fs.readFileSync(file));
    expect(parsed.from?.value).toEqual([{ address: 'wiki@example.org', name: 'API Portal' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([{ address: 'alice@example.org', name: 'Alice' }]);
    expect(parsed.subject).toBe('Hello');
    expect(parsed.text?.trim()).toBe('Line one\nSecret body text ü');
    // Plain text only, as MediaWiki's account mails.
    expect(parsed.html).toBe(false);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
  });

  test('a confirmation mail names its link in the log line, and the body never reaches the log', async () => {
    const lines: string[] = [];
    const mailer = new Mailer({ dataDir, passwordSender: 'wiki@example.org' }, () => 'API Portal', (line) => lines.push(line));
    const link = 'http://localhost/wiki/Special:ConfirmEmail/0123456789abcdef0123456789abcdef';
    const first = await mailer.send({ to: { address: 'a@example.org' }, subject: 'S', text: `Body ${link}`, confirmationLink: link });
    const second = await mailer.send({ to: { address: 'a@example.org' }, subject: 'S', text: 'Another body' });
    expect(first.file).not.toBe(second.file);
    expect(lines).toEqual([`mail: wrote ${first.file}; confirmation link: ${link}`, `mail: wrote ${second.file}`]);
    expect(lines.join('\n')).not.toContain('Body');
  });

  test('an SMTP server that cannot be reached: not sent, the transport error is returned and logged, nothing written', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as net.AddressInfo;
        server.close(() => resolve(p));
      });
    });
    const lines: string[] = [];
    const mailer = new Mailer({ dataDir, passwordSender: 'wiki@example.org', smtp: { host: '127.0.0.1', port, ignoreTLS: true } }, () => 'API Portal', (line) => lines.push(line));
    expect(mailer.usesSmtp()).toBe(true);
    const result = await mailer.send({ to: { address: 'a@example.org' }, subject: 'S', text: 'Confidential body' });
    expect(result.sent).toBe(false);
    expect(result.error).toMatch(/ECONNREFUSED|connect/i);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mail: sending failed: /);
    expect(lines[0]).not.toContain('Confidential');
    expect(fs.existsSync(path.join(dataDir, 'mail'))).toBe(false);
    mailer.close();
  });
});
