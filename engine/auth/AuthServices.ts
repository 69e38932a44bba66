/**
 * Account creation, login and logout (MediaWiki's AuthManager), with the
 * password policy and the login and account-creation throttles kept in the
 * database.
 */
import type { BaseServices } from '../services/Services';
import { AccountCreationThrottle } from './AccountCreationThrottle';
import { AuthManager, ConfirmationMailer } from './AuthManager';
import { LoginThrottle } from './LoginThrottle';
import { PasswordPolicy } from './PasswordPolicy';

export interface AuthServices {
  authManager: AuthManager;
  passwordPolicy: PasswordPolicy;
  /** Failed password checks; Special:ChangeEmail counts against the same limits. */
  loginThrottle: LoginThrottle;
}

/** `confirmationMailer` is read when an account is created (the mail services are built after these). */
export function createAuthServices(base: BaseServices, confirmationMailer: () => ConfirmationMailer | null): AuthServices {
  const { settings, rateLimiters } = base;
  const passwordPolicy = new PasswordPolicy(settings.passwordPolicy);
  const loginThrottle = new LoginThrottle(rateLimiters, settings.passwordAttemptThrottle);
  const authManager = new AuthManager(
    base.db,
    settings,
    base.userStore,
    base.userNameUtils,
    base.passwordHasher,
    passwordPolicy,
    loginThrottle,
    new AccountCreationThrottle(rateLimiters, settings.accountCreationThrottle),
    base.logStore,
    base.actorStore,
    confirmationMailer,
  );
  return { authManager, passwordPolicy, loginThrottle };
}
