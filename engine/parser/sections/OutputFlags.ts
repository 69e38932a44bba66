/**
 * The ParserOutputFlags a render sets through its headings and behaviour
 * switches, worked out from its ParserOutput (page properties and
 * sections), as MediaWiki's parser sets them:
 *
 * - Parser::handleDoubleUnderscore: `mw-NoGallery` (`__NOGALLERY__`), the
 *   index policy (`__INDEX__` → `mw-IndexPolicy`, `__NOINDEX__` →
 *   `mw-NoIndexPolicy`, both only where the namespace lets pages choose,
 *   Title::canUseNoindex);
 * - Parser::finalizeHeadings: `mw-NewSection` (`__NEWSECTIONLINK__`),
 *   `mw-HideNewSection` (`__NONEWSECTIONLINK__`), and for a page with
 *   headings whose TOC is not suppressed by the parser options: `show-toc`
 *   when the table of contents is shown (four headings or more, `__TOC__`,
 *   `__FORCETOC__`, as long as some heading is above $wgMaxTocLevel) and
 *   `no-toc` when `__NOTOC__` hides it (and no `__TOC__` brings it back).
 *
 * The legacy parser does not set `no-section-edit-links` for
 * `__NOEDITSECTION__` (Parsoid does).
 */
import type { SectionInfo } from '../ParserOutput';
import { DEFAULT_MAX_TOC_LEVEL } from './TableOfContents';

export interface OutputFlagInputs {
  /** ParserOutput.properties: every behaviour switch met is a property. */
  properties: Readonly<Record<string, string>>;
  /** ParserOutput.sections: every heading of the page. */
  sections: readonly Pick<SectionInfo, 'tocLevel'>[];
  /** Title::canUseNoindex for the page (its namespace is not exempt from user robots control). */
  canUseNoindex: boolean;
  /** The "suppress TOC" parser option: no TOC flags at all. */
  suppressToc?: boolean;
  /** $wgMaxTocLevel. */
  maxTocLevel?: number;
}

/** The flags, sorted as ParserTestRunner prints them. */
export function sectionOutputFlags(input: OutputFlagInputs): string[] {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(input.properties, name);
  const flags: string[] = [];
  if (has('nogallery')) flags.push('mw-NoGallery');
  if (input.canUseNoindex && has('noindex')) flags.push('mw-NoIndexPolicy');
  if (input.canUseNoindex && has('index')) flags.push('mw-IndexPolicy');
  if (has('newsectionlink')) flags.push('mw-NewSection');
  if (has('nonewsectionlink')) flags.push('mw-HideNewSection');
  if (input.sections.length > 0 && !input.suppressToc) {
    const maxTocLevel = input.maxTocLevel ?? DEFAULT_MAX_TOC_LEVEL;
    const forceTocPosition = has('toc');
    const showToc = forceTocPosition || !has('notoc') || has('forcetoc');
    const haveTocEntries = input.sections.some((section) => section.tocLevel < maxTocLevel);
    const enoughToc = ((showToc && (input.sections.length >= 4 || forceTocPosition)) || has('forcetoc')) && haveTocEntries;
    if (enoughToc) flags.push('show-toc');
    if (!showToc) flags.push('no-toc');
  }
  return flags.sort();
}
