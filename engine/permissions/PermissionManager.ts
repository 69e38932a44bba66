/**
 * Rights and per-title permission checks (MediaWiki's PermissionManager and
 * UserGroupManager::getUserEffectiveGroups).
 *
 * - Groups: the implicit ones ('*' for everyone; 'user' and, by account age
 *   and edit count, 'autoconfirmed' for registered users — $wgImplicitGroups,
 *   $wgAutoConfirmAge, $wgAutoConfirmCount) plus the user's unexpired
 *   explicit memberships.
 * - Rights: the union over the groups of `groupPermissions`, minus
 *   `revokePermissions`, then `UserGetRights` handlers.
 * - `getPermissionErrors` adds MediaWiki's per-title checks in its order:
 *   the action's rights (badaccess-groups naming the groups that have them),
 *   the MediaWiki namespace and user CSS/JS pages, $wgNamespaceProtection,
 *   page protection (page_restrictions) and create protection
 *   (protected_titles), then `getUserPermissionsErrors` handlers.
 * - `getChangeableGroups`: which groups a performer may add and remove
 *   ($wgAddGroups, $wgRemoveGroups, $wgGroupsAddToSelf, $wgGroupsRemoveFromSelf;
 *   the `userrights` right allows every group).
 */
import type { Settings } from '../config/Settings';
import type { HookContainer } from '../hooks/HookContainer';
import { NS_CATEGORY, NS_FILE, NS_MEDIAWIKI, NS_USER } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';
import type { User } from '../user/User';
import { isRegistered } from '../user/UserIdentity';
import { fromMwTimestamp } from '../util/Timestamp';
import type { RestrictionStore } from './RestrictionStore';

export type PageAction = 'read' | 'edit' | 'create' | 'move' | 'delete' | 'protect' | 'history' | 'raw' | 'info' | 'purge' | 'minoredit' | 'upload';

/** A reason an action is not allowed, as a message key and parameters (MediaWiki's PermissionStatus). */
export interface PermissionError {
  key: string;
  params: string[];
  /** For badaccess-groups: the groups that have the missing right (shown by their localised member names). */
  groups?: string[];
}

export type PermissionSettings = Pick<
  Settings,
  'groupPermissions' | 'revokePermissions' | 'namespaceProtection' | 'implicitGroups' | 'autoConfirmAge' | 'autoConfirmCount' | 'addGroups' | 'removeGroups' | 'groupsAddToSelf' | 'groupsRemoveFromSelf'
>;

/** Finds a page's id for the protection check (null: the title does not exist). */
export type PageIdLookup = (title: Title) => Promise<number | null>;

export interface ChangeableGroups {
  add: string[];
  remove: string[];
  addSelf: string[];
  removeSelf: string[];
}

/** Actions that only read: they need `read` and nothing per title. */
const READ_ACTIONS = new Set<PageAction>(['read', 'history', 'raw', 'info']);

/** MediaWiki's legacy protection levels, checked as these rights (PermissionManager::checkPageRestrictions). */
export function rightForRestrictionLevel(level: string): string {
  if (level === 'sysop') return 'editprotected';
  if (level === 'autoconfirmed') return 'editsemiprotected';
  return level;
}

export class PermissionManager {
  constructor(
    private readonly settings: PermissionSettings,
    private readonly hooks: HookContainer,
    private readonly restrictions: RestrictionStore,
    private readonly pageId: PageIdLookup,
  ) {}

  /** Implicit groups first ('*', 'user', 'autoconfirmed'), then explicit memberships. */
  getEffectiveGroups(user: User): string[] {
    const groups = ['*'];
    if (!isRegistered(user)) return groups;
    groups.push('user');
    if (this.settings.implicitGroups.includes('autoconfirmed') && this.isAutoconfirmed(user)) groups.push('autoconfirmed');
    for (const membership of user.groups) if (!groups.includes(membership.group)) groups.push(membership.group);
    return groups;
  }

  /** $wgAutopromote's default rule: old enough and enough edits. */
  private isAutoconfirmed(user: User): boolean {
    if (user.editCount < this.settings.autoConfirmCount) return false;
    if (this.settings.autoConfirmAge === 0) return true;
    if (!user.registration) return true;
    const ageSeconds = (Date.now() - fromMwTimestamp(user.registration).getTime()) / 1000;
    return ageSeconds >= this.settings.autoConfirmAge;
  }

  getUserRights(user: User): string[] {
    return this.rightsOfGroups(this.getEffectiveGroups(user), user);
  }

  private rightsOfGroups(groups: readonly string[], user: User | null): string[] {
    const rights = new Set<string>();
    for (const group of groups) {
      for (const [right, granted] of Object.entries(this.settings.groupPermissions[group] ?? {})) if (granted) rights.add(right);
    }
    for (const group of groups) {
      for (const [right, revoked] of Object.entries(this.settings.revokePermissions[group] ?? {})) if (revoked) rights.delete(right);
    }
    const list = [...rights];
    if (user) this.hooks.runSync('UserGetRights', user, list);
    return list;
  }

  userHasRight(user: User, right: string): boolean {
    return this.getUserRights(user).includes(right);
  }

  /** Rights of a group alone (Special:ListGroupRights). */
  getGroupPermissions(group: string): string[] {
    return this.rightsOfGroups([group], null);
  }

  /** Every group that grants `right` and does not revoke it (MediaWiki's getGroupsWithPermission). */
  getGroupsWithPermission(right: string): string[] {
    return Object.keys(this.settings.groupPermissions).filter((group) => this.settings.groupPermissions[group][right] === true && this.settings.revokePermissions[group]?.[right] !== true);
  }

  /** Every group the configuration knows, implicit ones included. */
  getAllGroups(): string[] {
    const groups = new Set<string>([...Object.keys(this.settings.groupPermissions), ...Object.keys(this.settings.revokePermissions)]);
    return [...groups];
  }

  /** Groups that can be assigned (all known groups except the implicit ones). */
  getAssignableGroups(): string[] {
    return this.getAllGroups().filter((group) => !this.settings.implicitGroups.includes(group));
  }

  /** Every reason `user` may not do `action` on `title` (empty = allowed). */
  async getPermissionErrors(action: PageAction, user: User, title: Title): Promise<PermissionError[]> {
    const rights = new Set(this.getUserRights(user));
    if (!rights.has('read')) return [{ key: 'readrequired', params: [] }];
    if (READ_ACTIONS.has(action)) return [];
    if (title.isSpecialPage() || !title.canExist()) return [{ key: 'badaccess-group0', params: [] }];

    const missing = neededRights(action, title).filter((right) => !rights.has(right));
    if (missing.length > 0) {
      if (action === 'create' && rights.has('edit')) return [{ key: isRegistered(user) ? 'nocreate-loggedin' : 'nocreatetext', params: [] }];
      return [this.missingRightError(missing[0])];
    }
    if (action === 'purge' || action === 'minoredit') return [];
    if (action === 'move') {
      // PermissionManager::checkActionPermissions: some pages need a move right of their own.
      const special = moveRightError(title, rights);
      if (special) return [special];
    }

    const errors: PermissionError[] = [];
    if (action === 'edit' || action === 'create' || action === 'move' || action === 'delete' || action === 'protect') {
      errors.push(...this.checkSiteAndUserPages(user, rights, title));
      for (const right of this.settings.namespaceProtection[String(title.getNamespace())] ?? []) {
        if (right === '' || rights.has(right)) continue;
        // MediaWiki: is checked above with its own message (protectedinterface).
        if (title.getNamespace() === NS_MEDIAWIKI && right === 'editinterface') continue;
        const namespaceName = title.getNamespace() === 0 ? '(Main)' : title.getNsText().replace(/_/g, ' ');
        errors.push({ key: 'namespaceprotected', params: [namespaceName, action] });
        break;
      }
      errors.push(...(await this.checkPageRestrictions(action, rights, title)));
    }
    const hookErrors: string[] = [];
    await this.hooks.run('getUserPermissionsErrors', title, user, action, hookErrors);
    for (const key of hookErrors) errors.push({ key, params: [] });
    return errors;
  }

  async userCan(action: PageAction, user: User, title: Title): Promise<boolean> {
    return (await this.getPermissionErrors(action, user, title)).length === 0;
  }

  /** badaccess-groups with the groups that have the right, or badaccess-group0 when none has it. */
  missingRightError(right: string): PermissionError {
    const groups = this.getGroupsWithPermission(right).filter((group) => group !== '*');
    if (groups.length === 0) return { key: 'badaccess-group0', params: [] };
    return { key: 'badaccess-groups', params: [], groups };
  }

  /** The MediaWiki namespace (editinterface, site CSS/JS/JSON rights) and User:X/*.css|js|json pages. */
  private checkSiteAndUserPages(user: User, rights: Set<string>, title: Title): PermissionError[] {
    const errors: PermissionError[] = [];
    const key = title.getDBkey();
    const kind = /\.(css|js|json)$/.exec(key)?.[1];
    if (title.getNamespace() === NS_MEDIAWIKI) {
      if (!rights.has('editinterface')) errors.push({ key: 'protectedinterface', params: [] });
      else if (kind && !rights.has(`editsite${kind}`)) errors.push({ key: `site${kind}protected`, params: [] });
    } else if (title.getNamespace() === NS_USER && kind && key.includes('/')) {
      const own = key.slice(0, key.indexOf('/')) === user.name.replace(/ /g, '_');
      if (own ? !rights.has(`editmyuser${kind}`) && !rights.has(`edituser${kind}`) : !rights.has(`edituser${kind}`)) {
        errors.push({ key: own ? `mycustom${kind}protected` : `custom${kind}protected`, params: [] });
      }
    }
    return errors;
  }

  private async checkPageRestrictions(action: PageAction, rights: Set<string>, title: Title): Promise<PermissionError[]> {
    if (action === 'create') {
      const protection = await this.restrictions.getCreateProtection(title.getNamespace(), title.getDBkey());
      if (protection && !rights.has(rightForRestrictionLevel(protection.level))) return [{ key: 'titleprotected', params: [String(protection.userId), protection.reason] }];
      return [];
    }
    const pageId = await this.pageId(title);
    if (pageId === null) return [];
    const type = action === 'move' ? 'move' : 'edit';
    const errors: PermissionError[] = [];
    for (const restriction of await this.restrictions.getRestrictions(pageId)) {
      // Every action that changes a page also needs the edit restriction (MediaWiki checks 'edit' for moves too).
      if (restriction.type !== type && restriction.type !== 'edit') continue;
      const right = rightForRestrictionLevel(restriction.level);
      if (right !== '' && !rights.has(right)) {
        errors.push({ key: 'protectedpagetext', params: [right, action] });
        break;
      }
    }
    return errors;
  }

  /**
   * UserGroupManager::getGroupsChangeableBy(): groups `performer` may add
   * and remove, for any account and for their own.
   */
  getChangeableGroups(performer: User): ChangeableGroups {
    const all = this.getAssignableGroups();
    if (this.userHasRight(performer, 'userrights')) return { add: all, remove: all, addSelf: [], removeSelf: [] };
    const groups = this.getEffectiveGroups(performer);
    const collect = (config: Settings['addGroups']): string[] => {
      const out = new Set<string>();
      for (const group of groups) {
        const value = config[group];
        if (value === true) all.forEach((g) => out.add(g));
        else if (Array.isArray(value)) value.forEach((g) => out.add(g));
      }
      return [...out];
    };
    return {
      add: collect(this.settings.addGroups),
      remove: collect(this.settings.removeGroups),
      addSelf: collect(this.settings.groupsAddToSelf),
      removeSelf: collect(this.settings.groupsRemoveFromSelf),
    };
  }
}

function moveRightError(title: Title, rights: Set<string>): PermissionError | null {
  if (title.getNamespace() === NS_USER && !title.isSubpage() && !rights.has('move-rootuserpages')) return { key: 'cant-move-user-page', params: [] };
  if (title.getNamespace() === NS_FILE && !rights.has('movefile')) return { key: 'movenotallowedfile', params: [] };
  if (title.getNamespace() === NS_CATEGORY && !rights.has('move-categorypages')) return { key: 'cant-move-category-page', params: [] };
  return null;
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
    case 'upload':
      return ['upload'];
    default:
      return [];
  }
}
