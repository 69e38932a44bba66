/**
 * UserRights special pages by canonical name, merged into the core list:
 * group management, the user and group-rights lists, and contributions.
 */
import type { SpecialPageFactoryFunction } from './SpecialPageFactory';
import { SpecialContributions } from './specials/SpecialContributions';
import { SpecialListGroupRights } from './specials/SpecialListGroupRights';
import { SpecialListUsers } from './specials/SpecialListUsers';
import { SpecialUserRights } from './specials/SpecialUserRights';

export const USER_RIGHTS_SPECIAL_PAGES: ReadonlyMap<string, SpecialPageFactoryFunction> = new Map<string, SpecialPageFactoryFunction>([
  ['UserRights', () => new SpecialUserRights()],
  ['ListUsers', () => new SpecialListUsers()],
  ['ListGroupRights', () => new SpecialListGroupRights()],
  ['Contributions', () => new SpecialContributions()],
]);
