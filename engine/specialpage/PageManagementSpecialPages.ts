/**
 * Page management special pages by canonical name, merged into the core
 * list: moving pages and restoring deleted ones (deletion is action=delete).
 */
import type { SpecialPageFactoryFunction } from './SpecialPageFactory';
import { SpecialMovePage } from './specials/SpecialMovePage';
import { SpecialUndelete } from './specials/SpecialUndelete';

export const PAGE_MANAGEMENT_SPECIAL_PAGES: ReadonlyMap<string, SpecialPageFactoryFunction> = new Map<string, SpecialPageFactoryFunction>([
  ['MovePage', () => new SpecialMovePage()],
  ['Undelete', () => new SpecialUndelete()],
]);
