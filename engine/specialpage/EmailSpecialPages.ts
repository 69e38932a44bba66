/**
 * Email special pages by canonical name, merged into the core list:
 * Special:ConfirmEmail and Special:InvalidateEmail (unlisted, as MediaWiki's
 * UnlistedSpecialPage; reached from the confirmation mail and from
 * Preferences), Special:ChangeEmail and Special:PasswordReset (listed under
 * "Login / create account", as MediaWiki's getGroupName() says).
 */
import type { SpecialPageFactoryFunction } from './SpecialPageFactory';
import { SpecialChangeEmail } from './specials/SpecialChangeEmail';
import { SpecialConfirmEmail } from './specials/SpecialConfirmEmail';
import { SpecialInvalidateEmail } from './specials/SpecialInvalidateEmail';
import { SpecialPasswordReset } from './specials/SpecialPasswordReset';

export const EMAIL_SPECIAL_PAGES: ReadonlyMap<string, SpecialPageFactoryFunction> = new Map<string, SpecialPageFactoryFunction>([
  ['ConfirmEmail', () => new SpecialConfirmEmail()],
  ['InvalidateEmail', () => new SpecialInvalidateEmail()],
  ['ChangeEmail', () => new SpecialChangeEmail()],
  ['PasswordReset', () => new SpecialPasswordReset()],
]);
