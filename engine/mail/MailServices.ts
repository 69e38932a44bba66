/**
 * Outgoing mail and email confirmation (owned by the email work): the
 * nodemailer-based Mailer (SMTP when configured, otherwise .eml files under
 * the data directory), email confirmation tokens, password resets, the
 * email rate limits, and the throttle of password checks on
 * Special:ChangeEmail (the login throttle's own counters, as MediaWiki's
 * old ChangeEmail shared LoginForm's throttle).
 *
 * The log: mail code writes its few lines (the .eml path and confirmation
 * link, transport failures) through a MailLogger, console by default. It is
 * injectable without touching the environment: pass `{ logger }` when
 * building the services by hand, or call `services.mail.setLogger(fn)` on a
 * running wiki — tests capture lines that way, and an embedding server can
 * route them to its own log.
 */
import type { BaseServices } from '../services/Services';
import type { LoginThrottle } from '../auth/LoginThrottle';
import { EmailConfirmation } from './EmailConfirmation';
import { EmailRateLimits } from './EmailRateLimits';
import { consoleMailLogger, Mailer, MailLogger } from './Mailer';
import { PasswordReset } from './PasswordReset';

export interface MailServices {
  readonly mailer: Mailer;
  /** Confirmation mails and tokens; the auth code calls `sendConfirmationMail(user, ip)` after creating an account with an address. */
  readonly emailConfirmation: EmailConfirmation;
  readonly passwordReset: PasswordReset;
  readonly rateLimits: EmailRateLimits;
  /** Failed password checks on Special:ChangeEmail count against (and are refused by) the login throttle. */
  readonly passwordThrottle: LoginThrottle;
  /** Where mail log lines go from now on. */
  setLogger(logger: MailLogger): void;
}

export interface MailServicesOptions {
  logger?: MailLogger;
}

export function createMailServices(base: BaseServices, passwordThrottle: LoginThrottle, options: MailServicesOptions = {}): MailServices {
  const { settings, messages } = base;
  let logger = options.logger ?? consoleMailLogger;
  const mailer = new Mailer(settings, () => messages.msg('emailsender', settings.languageCode).text(), logger);
  const emailConfirmation = new EmailConfirmation({
    settings,
    db: base.db,
    userStore: base.userStore,
    userOptions: base.userOptions,
    messages,
    titleFactory: base.titleFactory,
    mailer,
  });
  const passwordReset = new PasswordReset({
    settings,
    db: base.db,
    userStore: base.userStore,
    userNameUtils: base.userNameUtils,
    passwordHasher: base.passwordHasher,
    messages,
    titleFactory: base.titleFactory,
    mailer,
    emailConfirmation,
    logger: () => logger,
  });
  return {
    mailer,
    emailConfirmation,
    passwordReset,
    rateLimits: new EmailRateLimits(base.rateLimiters, settings.emailRateLimits),
    passwordThrottle,
    setLogger(next: MailLogger) {
      logger = next;
      mailer.setLogger(next);
    },
  };
}
