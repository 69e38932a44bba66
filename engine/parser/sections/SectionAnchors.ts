/**
 * Heading ids, as Parser::finalizeHeadings makes them: from the heading's
 * plain text, normalised the way a `[[#fragment]]` link is (so a link to a
 * section finds it), escaped for $wgFragmentMode, and made unique on the
 * page case-insensitively (`Foo bar`, `Foo Bar` → `Foo_bar`, `Foo_Bar_2`).
 */
import {
  escapeIdForAttribute,
  escapeIdForLink,
  FragmentMode,
  ID_FALLBACK,
  ID_PRIMARY,
  normalizeSectionNameWhitespace,
} from '../sanitizer/IdEscaping';

// MediaWikiTitleCodec's whitespace and directional marks, as TitleFactory applies them to a title.
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E]+/g;
const WHITESPACE_RUN = /[ _\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parser::normalizeSectionName: the fragment a title parser makes of
 * `#text` (T90902) — non-breaking and other Unicode spaces become plain
 * spaces, runs collapse, directional marks go, trailing spaces go. Text the
 * title parser would reject is kept as it is. Character references are not
 * decoded: the text is already plain text.
 */
export function normalizeSectionName(text: string): string {
  if (LONE_SURROGATE.test(text)) return text;
  const key = `#${text}`.replace(/ /g, '_').replace(BIDI_MARKS, '').replace(WHITESPACE_RUN, '_').replace(/_+$/, '');
  if (key.includes('\uFFFD')) return text;
  return key.slice(1).replace(/_/g, ' ');
}

/** The id MediaWiki derives from a heading's plain text. */
export function sectionIdFromText(plainText: string): string {
  return normalizeSectionName(normalizeSectionNameWhitespace(plainText));
}

export interface HeadingAnchor {
  /** The id attribute value (not HTML-escaped). */
  anchor: string;
  /** The second id for the fallback fragment mode, written as an empty span; false when there is none. */
  fallbackAnchor: string | false;
  /** The fragment for links to the heading (`#…`). */
  linkAnchor: string;
}

/** PHP strtolower(): ASCII only, so 'Тест' and 'тест' stay distinct ids. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Hands out the page's heading anchors in document order. */
export class AnchorAllocator {
  private readonly refers = new Set<string>();

  constructor(private readonly fragmentMode: readonly FragmentMode[]) {}

  allocate(headingId: string): HeadingAnchor {
    let anchor = escapeIdForAttribute(headingId, ID_PRIMARY, this.fragmentMode) as string;
    let linkAnchor = escapeIdForLink(headingId, this.fragmentMode);
    let fallbackAnchor = escapeIdForAttribute(headingId, ID_FALLBACK, this.fragmentMode);
    // No reason to have both (in fact, we can't).
    if (fallbackAnchor === anchor) fallbackAnchor = false;
    // HTML ids must be case-insensitively unique for IE compatibility (T12721).
    const key = asciiLower(anchor);
    if (this.refers.has(key)) {
      const i = this.nextFree(key);
      anchor += `_${i}`;
      linkAnchor += `_${i}`;
    } else {
      this.refers.add(key);
    }
    if (fallbackAnchor !== false) {
      const fallbackKey = asciiLower(fallbackAnchor);
      if (this.refers.has(fallbackKey)) fallbackAnchor += `_${this.nextFree(fallbackKey)}`;
      else this.refers.add(fallbackKey);
    }
    return { anchor, fallbackAnchor, linkAnchor };
  }

  private nextFree(key: string): number {
    let i = 2;
    while (this.refers.has(`${key}_${i}`)) i++;
    this.refers.add(`${key}_${i}`);
    return i;
  }
}
