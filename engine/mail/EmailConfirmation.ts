/**
 * Email address confirmation (MediaWiki's User::sendConfirmationMail,
 * getConfirmationToken, UserFactory::newFromConfirmationCode, confirmEmail
 * and invalidateEmail).
 *
 * A token is 32 random hex characters (128 bits, MWCryptRand::generateHex(32)).
 * Only its SHA-256 hash is stored, with an expiry of
 * $wgUserEmailConfirmationTokenExpiry (MediaWiki stores an unsalted hash too,
 * so it can be looked up); the token itself exists only in the mail. A new
 * token replaces the previous one. Confirming consumes it (single use) and
 * sets user_email_authenticated; invalidating — the "cancel" link, for
 * someone who did not register the account — drops the address, its
 * confirmation and the token, as MediaWiki's invalidateEmail() does.
 *
 * The mail is `confirmemail_body` (account created, or resent from
 * Special:ConfirmEmail), `confirmemail_body_set` (an address added later) or
 * `confirmemail_body_changed` (an address replaced), in the recipient's
 * interface language, with the full URLs of Special:ConfirmEmail/<token>
 * and Special:InvalidateEmail/<token>.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Settings } from '../config/Settings';
import type { MessageLocalizer } from '../i18n/MessageLocalizer';
import { NS_SPECIAL } from '../title/NamespaceInfo';
import type { TitleFactory } from '../title/TitleFactory';
import type { User } from '../user/User';
import type { UserOptionsManager } from '../user/UserOptionsManager';
import type { UserStore } from '../user/UserStore';
import { formatUserDate, formatUserTime, formatUserTimestamp, toMwTimestamp } from '../util/Timestamp';
import type { Mailer, SendResult } from './Mailer';

/** Which mail: a new account (or a resend), an address added later, or an address replaced. */
export type ConfirmationMailType = 'created' | 'set' | 'changed';

const BODY_KEYS: Readonly<Record<ConfirmationMailType, string>> = {
  created: 'confirmemail_body',
  set: 'confirmemail_body_set',
  changed: 'confirmemail_body_changed',
};

/** User::isWellFormedConfirmationToken(). */
export function isWellFormedConfirmationToken(token: string): boolean {
  return /^[a-f0-9]{32}$/.test(token);
}

/** The stored form of a token. */
export function hashConfirmationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface EmailConfirmationDeps {
  settings: Pick<Settings, 'enableEmail' | 'emailAuthentication' | 'userEmailConfirmationTokenExpiry' | 'languageCode'>;
  db: Knex;
  userStore: UserStore;
  userOptions: UserOptionsManager;
  messages: MessageLocalizer;
  titleFactory: TitleFactory;
  mailer: Mailer;
}

export class EmailConfirmation {
  constructor(private readonly deps: EmailConfirmationDeps) {}

  /**
   * Makes a new token for the user's current address and mails the
   * confirmation and cancel links to it. `ip` is the requester's address,
   * quoted in the mail as MediaWiki does.
   */
  async sendConfirmationMail(user: User, ip: string, type: ConfirmationMailType = 'created'): Promise<{ sent: boolean; error?: string }> {
    const { settings, userStore, messages, mailer } = this.deps;
    if (!settings.enableEmail) return { sent: false, error: messages.msg('emaildisabled', settings.languageCode).text() };
    if (user.id <= 0 || user.email === '') return { sent: false, error: messages.msg('user-mail-no-addy', settings.languageCode).text() };

    const token = randomBytes(16).toString('hex');
    const expiresAt = new Date(Date.now() + settings.userEmailConfirmationTokenExpiry * 1000);
    const expires = toMwTimestamp(expiresAt);
    await userStore.setEmailToken(user.id, hashConfirmationToken(token), expires);

    const language = await this.languageOf(user);
    const confirmUrl = this.tokenUrl('ConfirmEmail', token);
    const invalidateUrl = this.tokenUrl('InvalidateEmail', token);
    const body = messages
      .msg(BODY_KEYS[type], language, ip, user.name, confirmUrl, formatUserTimestamp(expires, language), invalidateUrl, formatUserDate(expires, language), formatUserTime(expires, language))
      .text();
    const result: SendResult = await mailer.send({
      to: { address: user.email, name: user.name },
      subject: messages.msg('confirmemail_subject', language).text(),
      text: body,
      confirmationLink: confirmUrl,
    });
    return result.sent ? { sent: true } : { sent: false, error: result.error };
  }

  /**
   * Confirms the address of the user holding this unexpired token and
   * consumes the token. Returns that user's id, or null for an unknown,
   * used, expired or malformed token.
   */
  async confirm(token: string): Promise<number | null> {
    const userId = await this.userIdForToken(token);
    if (userId === null) return null;
    await this.deps.userStore.setEmailAuthenticated(userId, toMwTimestamp());
    return userId;
  }

  /**
   * Cancels the pending confirmation: the address, its confirmation state
   * and the token are removed (User::invalidateEmail()). Returns the user's
   * id, or null when the token is not valid.
   */
  async invalidate(token: string): Promise<number | null> {
    const userId = await this.userIdForToken(token);
    if (userId === null) return null;
    await this.deps.userStore.setEmail(userId, '');
    return userId;
  }

  /** User::isEmailConfirmationPending(): an unconfirmed address with an unexpired token. */
  async isConfirmationPending(user: User): Promise<boolean> {
    if (!this.deps.settings.emailAuthentication || user.id <= 0 || user.emailAuthenticated !== null) return false;
    const row = await this.deps.db('user').where({ user_id: user.id }).first('user_email_token', 'user_email_token_expires');
    return Boolean(row?.user_email_token) && typeof row?.user_email_token_expires === 'string' && row.user_email_token_expires > toMwTimestamp();
  }

  private async userIdForToken(token: string): Promise<number | null> {
    if (!isWellFormedConfirmationToken(token)) return null;
    return this.deps.userStore.getUserIdByEmailToken(hashConfirmationToken(token));
  }

  /**
   * User::getTokenUrl(): the canonical URL of Special:<page>/<token>, with
   * the English special page name so the link survives any mail client.
   */
  tokenUrl(page: 'ConfirmEmail' | 'InvalidateEmail', token: string): string {
    return this.deps.titleFactory.makeTitle(NS_SPECIAL, `${page}/${token}`).getFullURL();
  }

  /** The recipient's interface language (their preference, else the content language). */
  async languageOf(user: User): Promise<string> {
    if (user.id <= 0) return this.deps.settings.languageCode;
    const options = await this.deps.userOptions.getOptions(user.id);
    return typeof options.language === 'string' && options.language !== '' ? options.language : this.deps.settings.languageCode;
  }
}
