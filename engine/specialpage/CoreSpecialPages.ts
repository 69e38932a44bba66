/**
 * Core special pages by canonical name (MediaWiki's SpecialPageFactory::CORE_LIST).
 */
import type { SpecialPageFactoryFunction } from './SpecialPageFactory';

export const CORE_SPECIAL_PAGES: ReadonlyMap<string, SpecialPageFactoryFunction> = new Map<string, SpecialPageFactoryFunction>([
]);
