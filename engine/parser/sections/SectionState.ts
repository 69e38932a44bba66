/**
 * What one render collects for headings and the table of contents (the
 * parser's mHeadings, mDoubleUnderscores, mShowToc and the TOC data of its
 * ParserOutput), kept in the render's extension data so that every render
 * pass starts afresh.
 */
import type { RenderFrame } from '../ParserHooks';
import type { SectionInfo } from '../ParserOutput';
import type { WikiToken } from '../wikiparser/tokens';
import type { HeadingOrigin } from './HeadingOrigins';

/** One entry of the table of contents with what MediaWiki's SectionMetadata adds to our SectionInfo. */
export interface SectionMetadata extends SectionInfo {
  /** The anchor as written in a link (`#…`), which differs from the id in some fragment modes. */
  linkAnchor: string;
  /** Prefixed title of the page whose text holds the heading; null for a heading that is not a section of any text. */
  fromTitle: string | null;
  /** Offset of the heading in the page's wikitext, in code points; null for headings from templates and HTML. */
  codepointOffset: number | null;
}

/** A heading the heading renderer left for the final pass. */
export interface PendingHeading {
  level: number;
  origin: HeadingOrigin | null;
}

export interface SectionState {
  /** Headings rendered so far; the placeholder in the HTML carries the index. */
  headings: PendingHeading[];
  /** Behaviour switches met, by MediaWiki's magic word id (notoc, forcetoc …). */
  switches: Set<string>;
  /** `__TOC__` was met (MediaWiki's mForceTocPosition); only the first one marks the TOC's place. */
  tocPlaced: boolean;
  /** Heading origins per expanded tree (the page's, and those of fragments rendered inside it). */
  origins: WeakMap<WikiToken, Map<WikiToken, HeadingOrigin>>;
  /** Sections already given an edit link ("title\u0000section"), so that no section is claimed twice. */
  claimed: Set<string>;
  /** The table of contents data, filled by the final pass. */
  sections: SectionMetadata[];
}

const KEY = 'core:sections';

export function sectionState(frame: RenderFrame): SectionState {
  return frame.getExtensionData<SectionState>(KEY, () => ({
    headings: [],
    switches: new Set(),
    tocPlaced: false,
    origins: new WeakMap(),
    claimed: new Set(),
    sections: [],
  }));
}

/**
 * Placeholders the renderers leave in the HTML for the final pass. They are
 * built with a control character no wikitext can produce (the same guard as
 * the link holders), so a page cannot forge them.
 */
// eslint-disable-next-line no-control-regex
export const HEADING_PLACEHOLDER_RE = /\u0001SH(\d+)\u0001/;
export const TOC_PLACEHOLDER = '<div \u0001TOC\u0001></div>';

export function headingPlaceholder(index: number): string {
  return `\u0001SH${index}\u0001`;
}
