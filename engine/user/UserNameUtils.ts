/**
 * User name rules (MediaWiki's UserNameUtils): a name is normalised like a
 * title (underscores to spaces, first letter upper case), and then
 * - valid: not empty, not an IP address, at most $wgMaxNameChars bytes, a
 *   plain title in the main namespace with nothing changed by parsing (so no
 *   namespace prefix, no `#<>[]|{}`), no `/` (it would name a subpage), no
 *   invisible or space-like characters MediaWiki refuses;
 * - usable: valid and not in $wgReservedUsernames;
 * - creatable: valid and free of $wgInvalidUsernameCharacters (`@:>=`).
 */
import type { TitleFactory } from '../title/TitleFactory';
import { NS_MAIN } from '../title/NamespaceInfo';
import { isIpAddress } from './UserIdentity';

export type UserNameRigor = 'valid' | 'usable' | 'creatable';

/** UserNameUtils::isValid's list of characters that look like nothing or like a space. */
const INVISIBLE_OR_SPACE_LIKE = /[\u0080-\u00a0\u00ad\u115f\u1160\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ue000-\uf8ff\ufeff\uffa0]/u;

export interface UserNameRules {
  maxNameChars: number;
  reservedUsernames: readonly string[];
  invalidUsernameCharacters: string;
}

export class UserNameUtils {
  constructor(
    private readonly titles: TitleFactory,
    private readonly rules: UserNameRules,
  ) {}

  /** UserNameUtils::getCanonical(): the normalised name, or null when it breaks the rules of `rigor`. */
  getCanonical(name: string, rigor: UserNameRigor = 'valid'): string | null {
    const trimmed = name.replace(/_/g, ' ').trim();
    if (trimmed === '' || trimmed.startsWith(':')) return null;
    const title = this.titles.newFromText(trimmed, NS_MAIN);
    if (!title || title.getNamespace() !== NS_MAIN || title.hasFragment()) return null;
    const canonical = title.getText();
    switch (rigor) {
      case 'creatable':
        return this.isCreatable(canonical) ? canonical : null;
      case 'usable':
        return this.isUsable(canonical) ? canonical : null;
      default:
        return this.isValid(canonical) ? canonical : null;
    }
  }

  isValid(name: string): boolean {
    if (name === '' || isIpAddress(name)) return false;
    if (Buffer.byteLength(name, 'utf8') > this.rules.maxNameChars) return false;
    if (name.includes('/') || INVISIBLE_OR_SPACE_LIKE.test(name)) return false;
    const title = this.titles.newFromText(name, NS_MAIN);
    // Parsing must change nothing: no namespace prefix, no case change, no illegal characters.
    return title !== null && title.getNamespace() === NS_MAIN && title.getText() === name && !title.hasFragment();
  }

  isUsable(name: string): boolean {
    if (!this.isValid(name)) return false;
    return !this.rules.reservedUsernames.some((reserved) => reserved === name || (reserved.startsWith('msg:') && reserved.slice(4) === name));
  }

  isCreatable(name: string): boolean {
    if (!this.isValid(name)) return false;
    for (const char of this.rules.invalidUsernameCharacters) if (name.includes(char)) return false;
    return true;
  }

  /** MediaWiki treats IP-shaped names as anonymous users. */
  isIP(name: string): boolean {
    return isIpAddress(name);
  }
}
