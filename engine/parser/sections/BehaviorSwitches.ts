/**
 * Behaviour switches (`__NOTOC__`, `__NOINDEX__` …): MediaWiki's
 * Parser::handleDoubleUnderscore. The library parses them into
 * `double-underscore` tokens of the expanded tree (so a template can set
 * them too), named by magic word id whatever the alias (`__NOCC__` is
 * `nocontentconvert`); each one renders here as nothing, and is recorded:
 *
 * - every switch becomes a page property with an empty value, as MediaWiki
 *   caches all of them in page_props (`notoc`, `hiddencat`, `noindex`,
 *   `newsectionlink` …, and `toc` for `__TOC__`);
 * - the first `__TOC__` leaves a placeholder where the table of contents
 *   goes; later ones vanish;
 * - the heading pass reads the switches that shape headings (notoc,
 *   forcetoc, noeditsection) from the render's state.
 *
 * What the other switches do beyond the page property belongs to their
 * consumers: robots policy (index/noindex, only in namespaces that allow
 * it), the "new section" tab (newsectionlink/nonewsectionlink), gallery
 * pages (nogallery), hidden categories (hiddencat), language conversion
 * (nocontentconvert/notitleconvert, no variants here).
 *
 * The library also knows switches of extensions this wiki does not have
 * (`__DISAMBIG__`, `__EXPECTED_UNCONNECTED_PAGE__` …); as in MediaWiki
 * without those extensions they stay literal text.
 */
import type { RenderFrame } from '../ParserHooks';
import type { WikiToken } from '../wikiparser/tokens';
import { escapeHtml } from '../wikiparser/tokens';
import { sectionState, TOC_PLACEHOLDER } from './SectionState';

/** MagicWordFactory::$mDoubleUnderscoreIDs. */
export const CORE_BEHAVIOR_SWITCHES: ReadonlySet<string> = new Set([
  'notoc',
  'nogallery',
  'forcetoc',
  'toc',
  'noeditsection',
  'newsectionlink',
  'nonewsectionlink',
  'hiddencat',
  'expectunusedcategory',
  'expectunusedtemplate',
  'index',
  'noindex',
  'staticredirect',
  'notitleconvert',
  'nocontentconvert',
  'archivedtalk',
  'notalk',
]);

/** Token renderer for `double-underscore` tokens. */
export function renderBehaviorSwitch(token: WikiToken, frame: RenderFrame | null): string | null {
  if (!frame) return null;
  const name = String(token.name ?? '').toLowerCase();
  if (!CORE_BEHAVIOR_SWITCHES.has(name)) return escapeHtml(String(token));
  const state = sectionState(frame);
  state.switches.add(name);
  frame.setPageProperty(name, '');
  if (name === 'toc' && !state.tocPlaced) {
    state.tocPlaced = true;
    return TOC_PLACEHOLDER;
  }
  return '';
}

/** What the switches of a render decide for its headings (Parser::handleDoubleUnderscore, ::finalizeHeadings). */
export interface HeadingSwitches {
  /** `__TOC__`: the table of contents goes where the switch is, and is shown even for few headings. */
  forceTocPosition: boolean;
  /** Not hidden by `__NOTOC__` (which `__TOC__` overrides). */
  showToc: boolean;
  /** `__FORCETOC__`: shown even for few headings. */
  forceToc: boolean;
  /** `__NOEDITSECTION__`. */
  noEditSection: boolean;
}

export function headingSwitches(frame: RenderFrame): HeadingSwitches {
  const { switches, tocPlaced } = sectionState(frame);
  return {
    forceTocPosition: tocPlaced,
    showToc: tocPlaced || !switches.has('notoc'),
    forceToc: switches.has('forcetoc'),
    noEditSection: switches.has('noeditsection'),
  };
}
