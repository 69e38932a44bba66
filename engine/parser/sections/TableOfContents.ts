/**
 * The table of contents: its numbering (Parsoid's TOCData::processHeading,
 * which Parser::finalizeHeadings uses), its markup (the legacy TOC of
 * HandleTOCMarkers: generateTOC, tocList, tocLine) and the section list a
 * render hands to its ParserOutput.
 */
import { toBcp47 } from '../../i18n/LanguageFallback';
import { languageDirection } from '../../output/SkinDataBuilder';
import type { RenderFrame } from '../ParserHooks';
import { escapeHtml } from '../wikiparser/tokens';
import { sectionState, SectionMetadata } from './SectionState';

/** $wgMaxTocLevel's default: headings at any depth are listed. */
export const DEFAULT_MAX_TOC_LEVEL = 999;

/** Nesting depth and number of each heading, in document order (TOCData's temporary state). */
export class TocNumbering {
  private tocLevel = 0;
  private prevLevel = 0;
  private lastLevel = 0;
  private readonly levelCount: number[] = [];
  private readonly subLevelCount: number[] = [];

  /** The TOC level (1 = top) and number ("1.2") of the next heading, of level 1–6. */
  next(level: number): { tocLevel: number; number: string } {
    const oldLevel = this.lastLevel;
    this.lastLevel = level;
    if (this.tocLevel) this.prevLevel = oldLevel;
    if (level > this.prevLevel) {
      // Increase TOC level.
      this.tocLevel++;
      this.subLevelCount[this.tocLevel] = 0;
    } else if (level < this.prevLevel && this.tocLevel > 1) {
      // Decrease TOC level: back to the last heading of this level, or to just below the first lower one.
      let i = this.tocLevel;
      for (; i > 0; i--) {
        if (this.levelCount[i] === level) {
          this.tocLevel = i;
          break;
        } else if (this.levelCount[i] < level) {
          this.tocLevel = i + 1;
          break;
        }
      }
      if (i === 0) this.tocLevel = 1;
    }
    this.levelCount[this.tocLevel] = level;
    this.subLevelCount[this.tocLevel]++;
    const parts: number[] = [];
    for (let i = 1; i <= this.tocLevel; i++) if (this.subLevelCount[i]) parts.push(this.subLevelCount[i]);
    return { tocLevel: this.tocLevel, number: parts.join('.') };
  }
}

export interface TocLabels {
  /** The 'toc' message, HTML ("Contents"). */
  title: string;
  /** Language code of the title. */
  language: string;
}

/** Html attribute escaping as the TOC's serializer writes it (quotes of both kinds escaped). */
function attr(value: string): string {
  return escapeHtml(value).replace(/&#039;/g, '&#39;');
}

/** HandleTOCMarkers::tocLine. */
function tocLine(section: SectionMetadata): string {
  // Sections from templates and HTML headings have no tocsection-N class.
  const index = section.index !== '' && !section.index.startsWith('T-') ? ` tocsection-${section.index}` : '';
  return (
    `<li class="toclevel-${section.tocLevel}${index}"><a href="#${attr(section.linkAnchor)}">` +
    `<span class="tocnumber">${escapeHtml(section.number)}</span> <span class="toctext">${section.line}</span></a>`
  );
}

/**
 * HandleTOCMarkers::generateTOC: the nested list of the sections above
 * `maxTocLevel`, in the TOC box; '' when there is nothing to list.
 */
export function tableOfContentsHtml(sections: readonly SectionMetadata[], labels: TocLabels, maxTocLevel: number): string {
  let toc = '';
  let lastLevel = 0;
  for (const section of sections) {
    const { tocLevel } = section;
    if (tocLevel >= maxTocLevel) continue;
    if (tocLevel > lastLevel) toc += '\n<ul>\n';
    else if (tocLevel < lastLevel) toc += lastLevel < maxTocLevel ? tocUnindent(lastLevel - tocLevel) : '</li>\n';
    else toc += '</li>\n';
    toc += tocLine(section);
    lastLevel = tocLevel;
  }
  if (lastLevel === 0) return '';
  if (lastLevel < maxTocLevel) toc += tocUnindent(lastLevel - 1);
  const lang = toBcp47(labels.language);
  return (
    '<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading">' +
    '<input type="checkbox" role="button" id="toctogglecheckbox" class="toctogglecheckbox" style="display:none" />' +
    `<div class="toctitle" lang="${attr(lang)}" dir="${languageDirection(labels.language)}">` +
    `<h2 id="mw-toc-heading">${labels.title}</h2>` +
    '<span class="toctogglespan"><label class="toctogglelabel" for="toctogglecheckbox"></label></span>' +
    '</div>' +
    toc +
    '</ul>\n</div>\n'
  );
}

const TOC_BOX_RE = /<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading">[\s\S]*?<\/ul>\n<\/div>\n\n?/g;

/**
 * The HTML without its table of contents: the output pipeline's `allowTOC`
 * off (MediaWiki drops the TOC marker instead of filling it in). The box
 * goes with the line break that follows it.
 */
export function removeTableOfContents(html: string): string {
  return html.replace(TOC_BOX_RE, '');
}

/** HandleTOCMarkers::tocUnindent: close the current item and `levels` nested lists. */
function tocUnindent(levels: number): string {
  return '</li>\n' + '</ul>\n</li>\n'.repeat(Math.max(levels, 0));
}

/**
 * The page's sections, for ParserOutput.sections (MediaWiki's
 * ParserOutput::getSections): every heading of the rendered page in order,
 * with its TOC level, number, TOC line, anchor and edit section index ('3',
 * 'T-1', or '' when it has none). Empty before the render's final pass.
 */
export function collectSections(frame: RenderFrame): SectionMetadata[] {
  return sectionState(frame).sections;
}
