/**
 * Account creation, login and logout (MediaWiki's AuthManager), with the
 * password policy and the login and account-creation throttles kept in the
 * database.
 */
import type { BaseServices } from '../services/Services';
import type { MailServices } from '../mail/MailServices';
import { RateLimiterFactory } from '../ratelimit/RateLimiterFactory';
import { AccountCreationThrottle } from './AccountCreationThrottle';
import { AuthManager, ConfirmationMailer } from './AuthManager';
import { LoginThrottle } from './LoginThrottle';
import { PasswordPolicy } from './PasswordPolicy';

export interface AuthServices {
  authManager: AuthManager;
  passwordPolicy: PasswordPolicy;
  rateLimiters: RateLimiterFactory;
}

export function createAuthServices(base: BaseServices, mail: MailServices): AuthServices {
  const { settings } = base;
  const rateLimiters = new RateLimiterFactory(base.db);
  const passwordPolicy = new PasswordPolicy(settings.passwordPolicy);
  const mailer = (mail as { emailConfirmation?: ConfirmationMailer }).emailConfirmation ?? null;
  const authManager = new AuthManager(
    base.db,
    settings,
    base.userStore,
    base.userNameUtils,
    base.passwordHasher,
    passwordPolicy,
    new LoginThrottle(rateLimiters, settings.passwordAttemptThrottle),
    new AccountCreationThrottle(rateLimiters, settings.accountCreationThrottle),
    base.logStore,
    base.actorStore,
    () => mailer,
  );
  return { authManager, passwordPolicy, rateLimiters };
}
