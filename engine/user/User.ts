/**
 * A loaded user (MediaWiki's User / Authority): who is acting, with what the
 * permission checks need — explicit group memberships, registration date and
 * edit count (for the implicit `autoconfirmed` group) — and the account's
 * email state. Anonymous visitors are users with id 0, named by their IP.
 * Built once per request from the session; never holds the password hash.
 */
import type { UserIdentity } from './UserIdentity';
import { anonymousUser } from './UserIdentity';

export interface UserGroupMembership {
  group: string;
  /** TS_MW timestamp, or null for a membership without expiry. */
  expiry: string | null;
}

export interface User extends UserIdentity {
  /** Explicit, unexpired group memberships (implicit groups are computed by the PermissionManager). */
  readonly groups: readonly UserGroupMembership[];
  /** TS_MW registration timestamp (null for anonymous users and very old accounts). */
  readonly registration: string | null;
  readonly editCount: number;
  readonly email: string;
  /** TS_MW timestamp of the email confirmation, null while unconfirmed. */
  readonly emailAuthenticated: string | null;
  readonly realName: string;
  readonly touched: string;
}

export function anonymousVisitor(ip: string): User {
  return { ...anonymousUser(ip), groups: [], registration: null, editCount: 0, email: '', emailAuthenticated: null, realName: '', touched: '' };
}

/** MediaWiki's User::isEmailConfirmed(): an address is set and was confirmed. */
export function isEmailConfirmed(user: User): boolean {
  return user.email !== '' && user.emailAuthenticated !== null;
}

/** Names of the explicit groups. */
export function groupNames(user: User): string[] {
  return user.groups.map((m) => m.group);
}
