/**
 * Core special pages by canonical name (MediaWiki's SpecialPageFactory::CORE_LIST).
 */
import type { SpecialPageFactoryFunction } from './SpecialPageFactory';
import { SpecialAllPages } from './specials/SpecialAllPages';
import { SpecialLog } from './specials/SpecialLog';
import { SpecialPrefixIndex } from './specials/SpecialPrefixIndex';
import { SpecialRecentChanges } from './specials/SpecialRecentChanges';
import { SpecialSearch } from './specials/SpecialSearch';
import { SpecialSpecialPages } from './specials/SpecialSpecialPages';
import { SpecialVersion } from './specials/SpecialVersion';
import { SpecialWhatLinksHere } from './specials/SpecialWhatLinksHere';
import { ACCOUNT_SPECIAL_PAGES } from './AccountSpecialPages';
import { EMAIL_SPECIAL_PAGES } from './EmailSpecialPages';
import { PREFERENCES_SPECIAL_PAGES } from './PreferencesSpecialPages';
import { USER_RIGHTS_SPECIAL_PAGES } from './UserRightsSpecialPages';
import { PAGE_MANAGEMENT_SPECIAL_PAGES } from './PageManagementSpecialPages';

export const CORE_SPECIAL_PAGES: ReadonlyMap<string, SpecialPageFactoryFunction> = new Map<string, SpecialPageFactoryFunction>([
  ['AllPages', () => new SpecialAllPages()],
  ['PrefixIndex', () => new SpecialPrefixIndex()],
  ['RecentChanges', () => new SpecialRecentChanges()],
  ['Log', () => new SpecialLog()],
  ['Version', () => new SpecialVersion()],
  ['SpecialPages', () => new SpecialSpecialPages()],
  ['Search', () => new SpecialSearch()],
  ['WhatLinksHere', () => new SpecialWhatLinksHere()],
  ...ACCOUNT_SPECIAL_PAGES,
  ...EMAIL_SPECIAL_PAGES,
  ...USER_RIGHTS_SPECIAL_PAGES,
  ...PREFERENCES_SPECIAL_PAGES,
  ...PAGE_MANAGEMENT_SPECIAL_PAGES,
]);
