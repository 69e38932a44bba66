/**
 * Logging in and creating accounts (MediaWiki's AuthManager with the local
 * password provider, the throttle provider and the password policy).
 *
 * Login: the name is normalised; throttles are checked before the password
 * (so a throttled attacker learns nothing); an unknown account and a wrong
 * password give the same `wrongpassword` answer (no account enumeration);
 * each failure counts against the throttles; success clears the name+IP
 * count and re-hashes a password stored with old parameters. A temporary
 * password from Special:PasswordReset works until $wgNewPasswordExpiry and
 * makes the login ask for a new password.
 *
 * Account creation: `createaccount` right, per-IP throttle, creatable and
 * usable name, matching retyped password, password policy, well-formed
 * email; logged as newusers/create (self) or newusers/create2 (by another
 * logged-in user); a confirmation mail when an address is given.
 */
import type { Knex } from 'knex';
import type { Settings } from '../config/Settings';
import type { LogStore } from '../storage/LogStore';
import type { ActorStore } from '../storage/ActorStore';
import { NS_USER } from '../title/NamespaceInfo';
import type { PasswordHasher } from '../user/PasswordHasher';
import type { User } from '../user/User';
import type { UserNameUtils } from '../user/UserNameUtils';
import { UserExistsError, UserStore } from '../user/UserStore';
import { fromMwTimestamp } from '../util/Timestamp';
import { constantTimeEquals } from '../util/ConstantTime';
import type { AccountCreationThrottle } from './AccountCreationThrottle';
import type { LoginThrottle } from './LoginThrottle';
import type { PasswordPolicy } from './PasswordPolicy';

/** A reason for refusing, as a message key and its parameters. */
export interface AuthError {
  key: string;
  params: Array<string | number | { duration: number }>;
}

export type LoginResult = { ok: true; user: User; mustChangePassword: boolean } | { ok: false; error: AuthError };
export type CreateAccountResult = { ok: true; user: User; confirmationMailSent: boolean } | { ok: false; errors: AuthError[] };

export interface AccountRequest {
  name: string;
  password: string;
  retype: string;
  email: string;
  realName?: string;
  ip: string;
  /** The logged-in user creating the account for someone else, or null for a self-registration. */
  creator: User | null;
  /** The creator may bypass the throttle (right `noratelimit`). */
  exemptFromThrottle: boolean;
}

export interface ConfirmationMailer {
  sendConfirmationMail(user: User, ip: string): Promise<{ sent: boolean; error?: string }>;
}

/** Sanitizer::validateEmail(): HTML5's definition of a valid address. */
export function isValidEmail(address: string): boolean {
  return /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(address);
}

export class AuthManager {
  constructor(
    private readonly db: Knex,
    private readonly settings: Pick<Settings, 'newPasswordExpiry' | 'emailAuthentication' | 'enableEmail'>,
    private readonly users: UserStore,
    private readonly names: UserNameUtils,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly loginThrottle: LoginThrottle,
    private readonly creationThrottle: AccountCreationThrottle,
    private readonly logs: LogStore,
    private readonly actors: ActorStore,
    private readonly confirmationMailer: () => ConfirmationMailer | null,
  ) {}

  async login(rawName: string, password: string, ip: string): Promise<LoginResult> {
    const name = this.names.getCanonical(rawName, 'usable');
    if (!name) return { ok: false, error: { key: 'noname', params: [] } };
    if (password === '') return { ok: false, error: { key: 'wrongpasswordempty', params: [] } };
    const throttled = await this.loginThrottle.check(name, ip);
    if (throttled) return { ok: false, error: { key: 'login-throttled', params: [{ duration: throttled.retryAfterSeconds }] } };

    const credentials = await this.users.getCredentials(name);
    // Verify against a real hash even for unknown names, so timing doesn't tell which names exist.
    const stored = credentials?.passwordHash || (await this.dummyHash());
    let valid = await this.hasher.verify(stored, password);
    let mustChangePassword = false;
    if (credentials && !valid && credentials.newPasswordHash !== '' && this.temporaryPasswordValid(credentials.newPasswordTime)) {
      valid = await this.hasher.verify(credentials.newPasswordHash, password);
      mustChangePassword = valid;
    }
    if (!credentials || !valid) {
      await this.loginThrottle.recordFailure(name, ip);
      return { ok: false, error: { key: 'wrongpassword', params: [] } };
    }
    await this.loginThrottle.clear(name, ip);
    if (!mustChangePassword && this.hasher.needsRehash(credentials.passwordHash)) {
      await this.users.setPasswordHash(credentials.id, await this.hasher.hash(password));
    }
    const user = await this.users.getUserById(credentials.id);
    if (!user) return { ok: false, error: { key: 'wrongpassword', params: [] } };
    return { ok: true, user, mustChangePassword };
  }

  private dummy: Promise<string> | null = null;

  private dummyHash(): Promise<string> {
    this.dummy ??= this.hasher.hash('not a password of anyone');
    return this.dummy;
  }

  private temporaryPasswordValid(setAt: string | null): boolean {
    if (!setAt) return false;
    return Date.now() - fromMwTimestamp(setAt).getTime() < this.settings.newPasswordExpiry * 1000;
  }

  /** Checks a new password for an account: policy errors (empty list = acceptable). */
  checkNewPassword(userName: string, password: string, retype: string, groups: readonly string[]): AuthError[] {
    const errors: AuthError[] = [];
    if (!constantTimeEquals(password, retype)) errors.push({ key: 'badretype', params: [] });
    errors.push(...this.policy.check(userName, password, groups));
    return errors;
  }

  async createAccount(request: AccountRequest): Promise<CreateAccountResult> {
    if (!request.exemptFromThrottle) {
      const hit = await this.creationThrottle.check(request.ip);
      if (hit) return { ok: false, errors: [{ key: 'acct_creation_throttle_hit', params: [hit.count, { duration: hit.seconds }] }] };
    }
    const name = this.names.getCanonical(request.name, 'creatable');
    if (!name || !this.names.isUsable(name)) return { ok: false, errors: [{ key: 'noname', params: [] }] };
    if ((await this.users.getUserIdByName(name)) !== null) return { ok: false, errors: [{ key: 'userexists', params: [] }] };
    const errors = this.checkNewPassword(name, request.password, request.retype, []);
    const email = request.email.trim();
    if (email !== '' && (!this.settings.enableEmail || !isValidEmail(email))) errors.push({ key: 'invalidemailaddress', params: [] });
    if (errors.length > 0) return { ok: false, errors };

    let user: User;
    try {
      user = await this.users.createUser({ name, passwordHash: await this.hasher.hash(request.password), email, realName: request.realName ?? '' });
    } catch (error) {
      if (error instanceof UserExistsError) return { ok: false, errors: [{ key: 'userexists', params: [] }] };
      throw error;
    }
    if (!request.exemptFromThrottle) await this.creationThrottle.recordCreation(request.ip);
    await this.db.transaction(async (trx) => {
      const performer = request.creator ?? user;
      const actorId = await this.actors.acquireActorId(performer, trx);
      await this.logs.insert(
        { type: 'newusers', action: request.creator ? 'create2' : 'create', actorId, namespace: NS_USER, dbKey: name.replace(/ /g, '_'), params: { '4::userid': user.id }, ip: request.ip },
        trx,
      );
    });
    let confirmationMailSent = false;
    const mailer = this.confirmationMailer();
    if (email !== '' && this.settings.emailAuthentication && mailer) confirmationMailSent = (await mailer.sendConfirmationMail(user, request.ip)).sent;
    return { ok: true, user, confirmationMailSent };
  }

  /** Sets a new password; every other session of the account ends (new user_token). Returns the new token. */
  async changePassword(user: User, newPassword: string): Promise<string> {
    await this.users.setPasswordHash(user.id, await this.hasher.hash(newPassword));
    return this.users.resetToken(user.id);
  }

  /** Verifies the current (or temporary) password of a logged-in user. */
  async verifyPassword(user: User, password: string): Promise<boolean> {
    const credentials = await this.users.getCredentials(user.name);
    if (!credentials) return false;
    if (await this.hasher.verify(credentials.passwordHash, password)) return true;
    return credentials.newPasswordHash !== '' && this.temporaryPasswordValid(credentials.newPasswordTime) && (await this.hasher.verify(credentials.newPasswordHash, password));
  }
}
