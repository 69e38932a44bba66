/**
 * Password reset by username or email address (MediaWiki's PasswordReset
 * with $wgPasswordResetRoutes = username + email, and the temporary-password
 * provider's reset mail).
 *
 * No account enumeration: the caller gets the same answer whether or not an
 * account matches, and the work that only happens for a real account —
 * hashing a new temporary password, storing it, sending the mail — runs
 * after the response, as MediaWiki defers it (SendPasswordResetEmailUpdate),
 * so the response time does not tell either. For every matching account that
 * has an address: a random temporary password, stored hashed in
 * user_newpassword (login accepts it until $wgNewPasswordExpiry and then asks
 * for a new password), mailed with `passwordreset-emailtext-ip` (anonymous
 * requester, $1 = IP) or `passwordreset-emailtext-user` ($1 = the logged-in
 * requester) in the recipient's language. An account that was sent a
 * temporary password within $wgPasswordReminderResendTime (24 hours) is
 * silently skipped, so the form cannot be used to flood someone's inbox.
 */
import { randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import type { Settings } from '../config/Settings';
import type { MessageLocalizer } from '../i18n/MessageLocalizer';
import type { TitleFactory } from '../title/TitleFactory';
import type { User } from '../user/User';
import type { UserNameUtils } from '../user/UserNameUtils';
import type { PasswordHasher } from '../user/PasswordHasher';
import type { UserStore } from '../user/UserStore';
import { fromMwTimestamp } from '../util/Timestamp';
import type { EmailConfirmation } from './EmailConfirmation';
import type { Mailer, MailLogger } from './Mailer';

/** $wgPasswordReminderResendTime, MediaWiki's default: one temporary password per account per 24 hours. */
export const PASSWORD_REMINDER_RESEND_HOURS = 24;

/** PasswordFactory::generateRandomPasswordString(): lower-case base32, long enough for any password policy. */
export function generateTemporaryPassword(length = 16): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export interface PasswordResetRequest {
  /** Who asked (an anonymous visitor or a logged-in user). */
  performer: User;
  ip: string;
  /** Username as typed, or null. */
  username: string | null;
  /** Email address as typed, or null. */
  email: string | null;
}

export interface PasswordResetDeps {
  settings: Pick<Settings, 'newPasswordExpiry' | 'languageCode' | 'mainPage'>;
  db: Knex;
  userStore: UserStore;
  userNameUtils: UserNameUtils;
  passwordHasher: PasswordHasher;
  messages: MessageLocalizer;
  titleFactory: TitleFactory;
  mailer: Mailer;
  emailConfirmation: EmailConfirmation;
  logger: () => MailLogger;
}

export class PasswordReset {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: PasswordResetDeps) {}

  /**
   * Starts a reset and returns at once; the outcome is never reported to
   * the requester. Validation of the form (something given, a well-formed
   * address) and the rate limit are the caller's.
   */
  request(request: PasswordResetRequest): void {
    const work = this.run(request)
      .catch((error: unknown) => {
        // Only the error's code: a database error's message can quote the
        // statement with its values, and those include a password hash.
        const code = (error as { code?: unknown })?.code;
        this.deps.logger()(`mail: a password reset could not be completed${typeof code === 'string' ? ` (${code})` : ''}`);
      })
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Resolves when every reset started so far has finished (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async run(request: PasswordResetRequest): Promise<void> {
    for (const user of await this.findUsers(request.username, request.email)) {
      if (user.email === '') continue;
      const credentials = await this.deps.userStore.getCredentials(user.name);
      if (!credentials || this.recentlySent(credentials.newPasswordTime)) continue;
      const password = generateTemporaryPassword();
      await this.deps.userStore.setTemporaryPasswordHash(user.id, await this.deps.passwordHasher.hash(password));
      await this.sendMail(user, password, request);
    }
  }

  private recentlySent(newPasswordTime: string | null): boolean {
    if (!newPasswordTime || !/^\d{14}$/.test(newPasswordTime)) return false;
    return fromMwTimestamp(newPasswordTime).getTime() + PASSWORD_REMINDER_RESEND_HOURS * 3600 * 1000 > Date.now();
  }

  /** The accounts a request names: by username (and, if given too, only when the address matches), else every account with that address. */
  private async findUsers(username: string | null, email: string | null): Promise<User[]> {
    const { userStore, userNameUtils, db } = this.deps;
    if (username) {
      const name = userNameUtils.getCanonical(username, 'valid');
      const user = name ? await userStore.getUserByName(name) : null;
      if (!user) return [];
      if (email && user.email.toLowerCase() !== email.toLowerCase()) return [];
      return [user];
    }
    if (!email) return [];
    const rows: Array<{ user_id: number }> = await db('user').where({ user_email: email }).select('user_id').orderBy('user_id').limit(100);
    const users: User[] = [];
    for (const row of rows) {
      const user = await userStore.getUserById(Number(row.user_id));
      if (user) users.push(user);
    }
    return users;
  }

  private async sendMail(user: User, password: string, request: PasswordResetRequest): Promise<void> {
    const { messages, settings, titleFactory, mailer, emailConfirmation } = this.deps;
    const language = await emailConfirmation.languageOf(user);
    const byUser = request.performer.id > 0;
    const mainPage = titleFactory.newFromText(messages.msg('mainpage', settings.languageCode).text()) ?? titleFactory.newFromText(settings.mainPage);
    const passwordText = messages.msg('passwordreset-emailelement', language, user.name, password).text();
    const body = messages
      .msg(byUser ? 'passwordreset-emailtext-user' : 'passwordreset-emailtext-ip', language, byUser ? request.performer.name : request.ip, passwordText, 1, `<${mainPage?.getFullURL() ?? ''}>`, Math.round(settings.newPasswordExpiry / 86400))
      .text();
    await mailer.send({ to: { address: user.email, name: user.name }, subject: messages.msg('passwordreset-emailtitle', language).text(), text: body });
  }
}
