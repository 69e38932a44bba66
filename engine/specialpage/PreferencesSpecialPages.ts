/**
 * Preferences special pages by canonical name, merged into the core list.
 */
import type { SpecialPageFactoryFunction } from './SpecialPageFactory';
import { SpecialEditWatchlist } from './specials/SpecialEditWatchlist';
import { SpecialPreferences } from './specials/SpecialPreferences';
import { SpecialWatchlist } from './specials/SpecialWatchlist';

export const PREFERENCES_SPECIAL_PAGES: ReadonlyMap<string, SpecialPageFactoryFunction> = new Map<string, SpecialPageFactoryFunction>([
  ['Preferences', () => new SpecialPreferences()],
  ['Watchlist', () => new SpecialWatchlist()],
  ['EditWatchlist', () => new SpecialEditWatchlist()],
]);
