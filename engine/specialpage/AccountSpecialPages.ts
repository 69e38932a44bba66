/**
 * Account special pages by canonical name, merged into the core list.
 */
import type { SpecialPageFactoryFunction } from './SpecialPageFactory';
import { SpecialChangePassword } from './specials/SpecialChangePassword';
import { SpecialCreateAccount } from './specials/SpecialCreateAccount';
import { SpecialUserLogin } from './specials/SpecialUserLogin';
import { SpecialUserLogout } from './specials/SpecialUserLogout';

export const ACCOUNT_SPECIAL_PAGES: ReadonlyMap<string, SpecialPageFactoryFunction> = new Map<string, SpecialPageFactoryFunction>([
  ['UserLogin', () => new SpecialUserLogin()],
  ['CreateAccount', () => new SpecialCreateAccount()],
  ['UserLogout', () => new SpecialUserLogout()],
  ['ChangePassword', () => new SpecialChangePassword()],
]);
