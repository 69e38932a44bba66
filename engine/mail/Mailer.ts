/**
 * Outgoing mail (MediaWiki's Emailer / UserMailer) on nodemailer, in plain
 * text as MediaWiki sends its account mails.
 *
 * With `settings.smtp` the message goes to that SMTP server ($wgSMTP).
 * Without it — the embedded default — nodemailer's stream transport builds
 * the complete RFC 5322 message and it is written as an `.eml` file under
 * `<dataDir>/mail/`, named by timestamp and a random id, readable only by
 * the wiki's own user (a password-reset mail holds a temporary password). A
 * person can open it in any mail program, and one log line names the file
 * and, for a confirmation mail, the confirmation link, so an address can be
 * confirmed on a wiki without a mail server.
 *
 * The log never receives a message body, a password or a hash: only that
 * line, or the transport's error message when sending fails.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Settings } from '../config/Settings';
import { toMwTimestamp } from '../util/Timestamp';

/** Where mail log lines go. */
export type MailLogger = (line: string) => void;

export const consoleMailLogger: MailLogger = (line) => console.log(line);

export interface MailAddress {
  address: string;
  /** Display name ("API Portal", a user name). */
  name?: string;
}

export interface OutgoingMail {
  to: MailAddress;
  subject: string;
  /** Plain-text body. */
  text: string;
  /** The confirmation link a confirmation mail carries; named in the log line of the .eml default. */
  confirmationLink?: string;
}

export interface SendResult {
  sent: boolean;
  /** The transport's error message when not sent. */
  error?: string;
  /** The .eml file written by the embedded default. */
  file?: string;
}

export type MailerSettings = Pick<Settings, 'smtp' | 'dataDir' | 'passwordSender'>;

export class Mailer {
  private transport: Transporter | null = null;

  constructor(
    private readonly settings: MailerSettings,
    /** The sender's display name ($wgPasswordSender's name: the `emailsender` message). */
    private readonly senderName: () => string,
    private logger: MailLogger = consoleMailLogger,
  ) {}

  setLogger(logger: MailLogger): void {
    this.logger = logger;
  }

  /** True when mail goes to an SMTP server rather than into .eml files. */
  usesSmtp(): boolean {
    return this.settings.smtp !== undefined;
  }

  /** The directory the embedded default writes messages to. */
  mailDirectory(): string {
    return path.resolve(this.settings.dataDir, 'mail');
  }

  private getTransport(): Transporter {
    if (!this.transport) {
      const smtp = this.settings.smtp;
      this.transport = smtp
        ? nodemailer.createTransport({
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure ?? false,
            ignoreTLS: smtp.ignoreTLS ?? false,
            auth: smtp.auth ? { user: smtp.auth.user, pass: smtp.auth.pass } : undefined,
          })
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
    return this.transport;
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const message = {
      from: { name: this.senderName(), address: this.settings.passwordSender },
      to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
      subject: mail.subject,
      text: mail.text,
    };
    try {
      const info = await this.getTransport().sendMail(message);
      if (this.usesSmtp()) return { sent: true };
      const file = await this.writeEml((info as { message: Buffer }).message);
      this.logger(mail.confirmationLink ? `mail: wrote ${file}; confirmation link: ${mail.confirmationLink}` : `mail: wrote ${file}`);
      return { sent: true, file };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger(`mail: sending failed: ${reason}`);
      return { sent: false, error: reason };
    }
  }

  private async writeEml(content: Buffer): Promise<string> {
    const dir = this.mailDirectory();
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, `${toMwTimestamp()}-${randomBytes(6).toString('hex')}.eml`);
    // 'wx': never overwrite; 0600: the file may hold a temporary password.
    await fs.writeFile(file, content, { flag: 'wx', mode: 0o600 });
    return file;
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
