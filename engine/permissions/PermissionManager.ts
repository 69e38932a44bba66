/**
 * Rights and per-title permission checks (MediaWiki's PermissionManager).
 * Rights come from the user's groups through `groupPermissions`, minus
 * `revokePermissions`, adjusted by `UserGetRights` handlers. `userCan` adds
 * the per-title rules: namespace protection and the MediaWiki namespace's
 * CSS/JS rights.
 */
import type { Settings } from '../config/Settings';
import type { HookContainer } from '../hooks/HookContainer';
import { NS_MEDIAWIKI } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';
import { UserIdentity, isRegistered } from '../user/UserIdentity';

export type PageAction = 'read' | 'edit' | 'create' | 'move' | 'delete' | 'protect' | 'history' | 'raw' | 'info' | 'purge' | 'minoredit';

/** A reason an action is not allowed, as a message key and parameters (MediaWiki's PermissionStatus). */
export interface PermissionError {
  key: string;
  params: string[];
}

/** Where group memberships come from (accounts arrive with the user service). */
export interface GroupLookup {
  getExplicitGroups(user: UserIdentity): readonly string[];
}

export class PermissionManager {
  constructor(
    private readonly settings: Pick<Settings, 'groupPermissions' | 'revokePermissions' | 'namespaceProtection'>,
    private readonly hooks: HookContainer,
    private readonly groups: GroupLookup,
  ) {}

  /** Implicit groups first ('*', 'user'), then explicit memberships. */
  getEffectiveGroups(user: UserIdentity): string[] {
    const groups = ['*'];
    if (isRegistered(user)) groups.push('user', ...this.groups.getExplicitGroups(user));
    return groups;
  }

  getUserRights(user: UserIdentity): string[] {
    const groups = this.getEffectiveGroups(user);
    const rights = new Set<string>();
    for (const group of groups) {
      for (const [right, granted] of Object.entries(this.settings.groupPermissions[group] ?? {})) if (granted) rights.add(right);
    }
    for (const group of groups) {
      for (const [right, revoked] of Object.entries(this.settings.revokePermissions[group] ?? {})) if (revoked) rights.delete(right);
    }
    const list = [...rights];
    this.hooks.runSync('UserGetRights', user, list);
    return list;
  }

  userHasRight(user: UserIdentity, right: string): boolean {
    return this.getUserRights(user).includes(right);
  }

  /** Every reason `user` may not do `action` on `title` (empty = allowed). */
  getPermissionErrors(action: PageAction, user: UserIdentity, title: Title): PermissionError[] {
    const rights = new Set(this.getUserRights(user));
    const errors: PermissionError[] = [];
    if (!rights.has('read')) {
      errors.push({ key: 'readrequired', params: [] });
      return errors;
    }
    if (action === 'read' || action === 'history' || action === 'raw' || action === 'info') return errors;
    if (title.isSpecialPage() || !title.canExist()) {
      errors.push({ key: 'badaccess-group0', params: [] });
      return errors;
    }
    const needed = neededRights(action, title);
    const missing = needed.filter((right) => !rights.has(right));
    if (missing.length > 0) {
      errors.push(isRegistered(user) || !this.anyLoggedInGroupHas(missing) ? { key: 'badaccess-group0', params: [] } : { key: 'nocreate-loggedin', params: [] });
      return errors;
    }
    if (action === 'edit' || action === 'create' || action === 'move' || action === 'delete') {
      for (const right of this.settings.namespaceProtection[String(title.getNamespace())] ?? []) {
        if (right !== '' && !rights.has(right)) errors.push({ key: 'namespaceprotected', params: [title.getNsText(), `[[:${title.getPrefixedText()}]]`] });
      }
      if (title.getNamespace() === NS_MEDIAWIKI) {
        const key = title.getDBkey();
        if (key.endsWith('.css') && !rights.has('editsitecss')) errors.push({ key: 'sitecssprotected', params: [] });
        if (key.endsWith('.js') && !rights.has('editsitejs')) errors.push({ key: 'sitejsprotected', params: [] });
        if (key.endsWith('.json') && !rights.has('editsitejson')) errors.push({ key: 'sitejsonprotected', params: [] });
      }
    }
    return errors;
  }

  userCan(action: PageAction, user: UserIdentity, title: Title): boolean {
    return this.getPermissionErrors(action, user, title).length === 0;
  }

  private anyLoggedInGroupHas(rights: string[]): boolean {
    const user = this.settings.groupPermissions.user ?? {};
    return rights.every((r) => user[r]);
  }
}

function neededRights(action: PageAction, title: Title): string[] {
  switch (action) {
    case 'edit':
      return ['edit'];
    case 'create':
      return ['edit', title.isTalkPage() ? 'createtalk' : 'createpage'];
    case 'minoredit':
      return ['minoredit'];
    case 'move':
      return ['move'];
    case 'delete':
      return ['delete'];
    case 'protect':
      return ['protect'];
    case 'purge':
      return ['purge'];
    default:
      return [];
  }
}
