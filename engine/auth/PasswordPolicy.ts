/**
 * $wgPasswordPolicy checks (MediaWiki's UserPasswordPolicy with the default
 * PasswordPolicyChecks): for the user's effective groups, the strictest value
 * of each policy applies (largest minimum length, smallest maximum length,
 * any "true" flag). Checked: minimum and maximum length, password equal to the
 * user name, and the common-passwords list (zxcvbn-ts' 49,000 most common
 * passwords, where MediaWiki ships its own 100,000-entry list).
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import type { Settings } from '../config/Settings';

export interface PasswordPolicyError {
  key: string;
  params: Array<string | number>;
}

type Policy = Settings['passwordPolicy'][string];

let commonPasswords: Set<string> | null = null;

/** Built on first use: the list is large and most processes never check a password. */
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((dictionary as Record<string, string[]>)['passwords-common']);
  return commonPasswords.has(password.toLowerCase());
}

export class PasswordPolicy {
  constructor(private readonly policies: Settings['passwordPolicy']) {}

  /** The effective policy for a set of groups ('default' always applies). */
  effectivePolicy(groups: readonly string[]): Policy {
    const result: Policy = { ...(this.policies.default ?? {}) };
    for (const group of groups) {
      const policy = this.policies[group];
      if (!policy) continue;
      if (policy.minimalPasswordLength !== undefined) result.minimalPasswordLength = Math.max(result.minimalPasswordLength ?? 0, policy.minimalPasswordLength);
      if (policy.maximalPasswordLength !== undefined) result.maximalPasswordLength = Math.min(result.maximalPasswordLength ?? Infinity, policy.maximalPasswordLength);
      if (policy.passwordCannotMatchUsername) result.passwordCannotMatchUsername = true;
      if (policy.passwordNotInCommonList) result.passwordNotInCommonList = true;
    }
    return result;
  }

  /** Every rule `password` breaks for the account `userName` in `groups` (empty: acceptable). */
  check(userName: string, password: string, groups: readonly string[] = []): PasswordPolicyError[] {
    const policy = this.effectivePolicy(groups);
    const errors: PasswordPolicyError[] = [];
    const length = [...password].length;
    if (policy.minimalPasswordLength !== undefined && length < policy.minimalPasswordLength) errors.push({ key: 'passwordtooshort', params: [policy.minimalPasswordLength] });
    if (policy.maximalPasswordLength !== undefined && length > policy.maximalPasswordLength) errors.push({ key: 'passwordtoolong', params: [policy.maximalPasswordLength] });
    // constant-time-exempt: the user's own new password against their own name, both typed by them.
    const sameAsName = password.toLowerCase() === userName.toLowerCase(); // constant-time-exempt: as above
    if (policy.passwordCannotMatchUsername && sameAsName) errors.push({ key: 'password-name-match', params: [] });
    if (policy.passwordNotInCommonList && isCommonPassword(password)) errors.push({ key: 'passwordincommonlist', params: [] });
    return errors;
  }
}
