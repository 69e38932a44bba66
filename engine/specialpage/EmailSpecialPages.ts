/**
 * Email special pages by canonical name, merged into the core list.
 */
import type { SpecialPageFactoryFunction } from './SpecialPageFactory';

export const EMAIL_SPECIAL_PAGES: ReadonlyMap<string, SpecialPageFactoryFunction> = new Map<string, SpecialPageFactoryFunction>([]);
