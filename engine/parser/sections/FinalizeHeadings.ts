/**
 * The final pass over a rendered page's HTML for its headings: MediaWiki's
 * Parser::finalizeHeadings followed by the HandleSectionLinks and
 * HandleTOCMarkers output stages.
 *
 * It runs on the finished HTML (link holders resolved) because that is what
 * MediaWiki works from: every `<h1>`–`<h6>` of the page in document order —
 * the wikitext headings the heading renderer left as placeholders, and HTML
 * headings written in the wikitext — is
 *  - given its id (SectionAnchors), unique on the page;
 *  - numbered for the table of contents (TableOfContents) and recorded as a
 *    section of the page;
 *  - written in its final form: a wikitext heading as
 *    `<div class="mw-heading mw-headingN"><hN id="…">…</hN>[edit]</div>`
 *    (no wrapper inside a wrapper the page wrote itself), an HTML heading
 *    as `<hN id="…" … class="mw-html-heading">…</hN>`, without wrapper or
 *    edit link, as MediaWiki does for headings with attributes from
 *    wikitext (T353489);
 * then the table of contents goes where `__TOC__` was, or else — when there
 * are at least four headings or `__FORCETOC__` — before the first heading.
 */
import type { FragmentMode } from '../sanitizer/IdEscaping';
import type { RenderContext } from '../RenderContext';
import { headingSwitches } from './BehaviorSwitches';
import { EditSectionLinkDeps, EditSectionLinks } from './EditSectionLink';
import { AnchorAllocator, sectionIdFromText } from './SectionAnchors';
import { HEADING_PLACEHOLDER_RE, PendingHeading, sectionState, SectionMetadata, TOC_PLACEHOLDER } from './SectionState';
import { tableOfContentsHtml, TocNumbering } from './TableOfContents';
import { headingText } from './TocLine';

export interface FinalizeHeadingsDeps extends EditSectionLinkDeps {
  /** $wgFragmentMode. */
  fragmentMode: readonly FragmentMode[];
  /** $wgMaxTocLevel: TOC levels from this one down are not listed. */
  maxTocLevel: number;
}

/** HandleSectionLinks::HEADING_REGEX: a heading element, its attributes (quotes respected) and content. */
const HEADING_RE = /<h([1-6])((?:[^'">]|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/h[1-6] *>/gi;

/** The wrapper wikiparser-node puts around an HTML heading it gave an id. */
const LIBRARY_WRAPPER_RE = /<div class="mw-heading mw-heading([1-6])">$/;

interface FoundHeading {
  /** Where the heading's markup starts and ends in the HTML (a library wrapper included). */
  start: number;
  end: number;
  level: number;
  /** Attributes written in the wikitext (HTML headings), without any id; '' for wikitext headings. */
  attributes: string;
  /** The id an HTML heading was written with, or null. */
  writtenId: string | null;
  inner: string;
  /** The heading renderer's record, for wikitext headings. */
  pending: PendingHeading | null;
}

/** The output transform. */
export function finalizeHeadings(html: string, frame: RenderContext, deps: FinalizeHeadingsDeps): string {
  const state = sectionState(frame);
  const switches = headingSwitches(frame);
  const found = findHeadings(html, state.headings);
  if (found.length === 0) return html.split(TOC_PLACEHOLDER).join('');

  const anchors = new AnchorAllocator(deps.fragmentMode);
  const codepoints = new CodepointOffsets(frame.sourceText);
  const wrappers = new WrapperTracker(html);
  const editLinks = switches.noEditSection ? null : new EditSectionLinks(deps, frame.language);
  const numbering = new TocNumbering();
  const sections: SectionMetadata[] = [];
  let haveTocEntries = false;
  const pieces: string[] = [];
  let cursor = 0;
  for (const heading of found) {
    const { level, pending } = heading;
    const origin = pending?.origin ?? null;
    const index = origin ? `${origin.fromTemplate ? 'T-' : ''}${origin.index}` : '';
    const text = headingText(level, heading.inner);
    // An id written on an HTML heading is kept; otherwise it is made from the text.
    const { anchor, fallbackAnchor, linkAnchor } = anchors.allocate(heading.writtenId || sectionIdFromText(text.text));
    const { tocLevel, number } = numbering.next(level);
    if (tocLevel < deps.maxTocLevel) haveTocEntries = true;
    sections.push({
      level,
      tocLevel,
      line: text.line,
      number,
      index,
      anchor,
      linkAnchor,
      fromTitle: origin ? origin.title : null,
      codepointOffset: origin && origin.offset !== null ? codepoints.at(origin.offset) : null,
    });

    const fallback = fallbackAnchor !== false ? `<span id="${escapeAttribute(fallbackAnchor)}"></span>` : '';
    const editLink = origin && editLinks ? editLinks.link(origin.title, index, text.text) : '';
    const element = `<h${level} id="${escapeAttribute(anchor)}"${heading.attributes}>${fallback}${heading.inner}</h${level}>`;
    pieces.push(html.slice(cursor, heading.start));
    if (pending && !wrappers.inside(heading.start)) {
      pieces.push(`<div class="mw-heading mw-heading${level}">${element}${editLink}</div>`);
    } else {
      pieces.push(element + editLink);
    }
    cursor = heading.end;
  }
  pieces.push(html.slice(cursor));
  state.sections = sections;

  // Parser::finalizeHeadings and HandleTOCMarkers: where the table of contents goes, if anywhere.
  const showToc = switches.showToc || switches.forceToc;
  const enoughToc = ((showToc && (found.length >= 4 || switches.forceTocPosition)) || switches.forceToc) && haveTocEntries;
  const toc = tableOfContentsHtml(sections, { title: deps.messages.msg('toc', frame.language).escaped(), language: frame.language }, deps.maxTocLevel);
  if (!switches.forceTocPosition && enoughToc) {
    // Right before the first heading, followed by a line break of its own.
    pieces[0] += `${toc}\n`;
  }
  let out = pieces.join('');
  if (switches.forceTocPosition) {
    const at = out.indexOf(TOC_PLACEHOLDER);
    if (at !== -1) out = out.slice(0, at) + toc + out.slice(at + TOC_PLACEHOLDER.length).split(TOC_PLACEHOLDER).join('');
  }
  return out;
}

/** Every heading element of the HTML, in order, with what the heading renderer recorded for it. */
function findHeadings(html: string, pending: readonly PendingHeading[]): FoundHeading[] {
  const found: FoundHeading[] = [];
  for (const m of html.matchAll(HEADING_RE)) {
    const level = Number(m[1]);
    const start = m.index;
    const end = start + m[0].length;
    const placeholder = HEADING_PLACEHOLDER_RE.exec(m[2]);
    if (placeholder) {
      found.push({ start, end, level, attributes: '', writtenId: null, inner: m[3], pending: pending[Number(placeholder[1])] ?? null });
      continue;
    }
    // An HTML heading. wikiparser-node gives one without an id an id and a
    // wrapper of its own; both go, MediaWiki's take their place.
    const attributes = parseAttributes(m[2]);
    const wrapper = LIBRARY_WRAPPER_RE.exec(html.slice(Math.max(0, start - 40), start));
    const wrapped = wrapper !== null && Number(wrapper[1]) === level && html.startsWith('</div>', end);
    // The library wraps only headings written without an id, and appends its own id last.
    let writtenId: string | null = null;
    if (wrapped) {
      if (attributes[attributes.length - 1]?.name === 'id') attributes.pop();
    } else {
      const idAt = attributes.findIndex((a) => a.name === 'id');
      if (idAt !== -1) writtenId = decodeAttribute(attributes.splice(idAt, 1)[0].value);
    }
    const classAt = attributes.findIndex((a) => a.name === 'class');
    if (classAt === -1) attributes.push({ name: 'class', value: 'mw-html-heading' });
    else attributes[classAt] = { name: 'class', value: `${attributes[classAt].value} mw-html-heading`.trim() };
    found.push({
      start: wrapped ? start - wrapper[0].length : start,
      end: wrapped ? end + '</div>'.length : end,
      level,
      attributes: attributes.map((a) => ` ${a.name}="${a.value}"`).join(''),
      writtenId,
      inner: m[3],
      pending: null,
    });
  }
  return found;
}

/**
 * Whether a heading already sits in a `<div class="mw-heading …">` the page
 * wrote (HandleSectionLinks leaves such a heading unwrapped, for
 * DiscussionTools): the last such opening tag before it is not closed yet.
 * Asked for positions in increasing order.
 */
class WrapperTracker {
  private lastOpen = -1;
  private nextOpen: number;

  constructor(private readonly html: string) {
    this.nextOpen = html.indexOf(WRAPPER_OPEN);
  }

  inside(at: number): boolean {
    while (this.nextOpen !== -1 && this.nextOpen < at) {
      this.lastOpen = this.nextOpen;
      this.nextOpen = this.html.indexOf(WRAPPER_OPEN, this.nextOpen + 1);
    }
    if (this.lastOpen === -1) return false;
    const close = this.html.indexOf('</div>', this.lastOpen);
    return close === -1 || close > at;
  }
}

const WRAPPER_OPEN = '<div class="mw-heading';

/** Offsets in code points (MediaWiki counts mb_strlen) for UTF-16 offsets asked in increasing order. */
class CodepointOffsets {
  private unit = 0;
  private codepoint = 0;

  constructor(private readonly text: string) {}

  at(offset: number): number {
    if (offset < this.unit) {
      this.unit = 0;
      this.codepoint = 0;
    }
    while (this.unit < offset) {
      const c = this.text.charCodeAt(this.unit);
      const pair = c >= 0xd800 && c <= 0xdbff && (this.text.charCodeAt(this.unit + 1) & 0xfc00) === 0xdc00;
      this.unit += pair ? 2 : 1;
      this.codepoint++;
    }
    return this.codepoint;
  }
}

interface Attribute {
  name: string;
  /** As written (HTML-escaped), without quotes. */
  value: string;
}

/** The attributes of a tag as the renderer wrote them. */
function parseAttributes(text: string): Attribute[] {
  const out: Attribute[] = [];
  for (const m of text.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    out.push({ name: m[1].toLowerCase(), value: (m[2] ?? m[3] ?? m[4] ?? '').replace(/"/g, '&quot;') });
  }
  return out;
}

function decodeAttribute(value: string): string {
  return value.replace(/&(?:quot|#34|#x22);/gi, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#0*39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

/** htmlspecialchars( …, ENT_COMPAT ): the escaping of ids in HandleSectionLinks. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
