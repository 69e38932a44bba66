/**
 * Watched pages (MediaWiki's WatchedItemStore and WatchlistManager).
 */
import type { BaseServices } from '../services/Services';

export interface WatchlistServices {}

export function createWatchlistServices(base: BaseServices): WatchlistServices {
  void base;
  return {};
}
