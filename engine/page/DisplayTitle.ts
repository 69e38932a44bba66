/**
 * {{DISPLAYTITLE:…}} with MediaWiki's $wgRestrictDisplayTitle: the display
 * title is used only if, with formatting removed, it normalises to the real
 * title; otherwise the real title is shown (MediaWiki also warns).
 */
import { escapeHtml } from '../html/Html';
import type { Title } from '../title/Title';
import type { TitleFactory } from '../title/TitleFactory';

export interface DisplayTitle {
  html: string;
  text: string;
}

/** Removes tags and bold/italic quotes, decodes the few entities editors use. */
function toPlain(wikitext: string): string {
  return wikitext
    .replace(/<[^>]*>/g, '')
    .replace(/'{2,}/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

/** Whether `displayTitle`, formatting removed, names the same page as `title`. */
export function isAcceptableDisplayTitle(title: Title, displayTitle: string, titles: TitleFactory): boolean {
  const normalised = titles.newFromText(toPlain(displayTitle));
  return normalised !== null && normalised.isSameAs(title);
}

export function renderDisplayTitle(title: Title, displayTitle: string | null, titles: TitleFactory): DisplayTitle {
  const fallback = { html: escapeHtml(title.getPrefixedText()), text: title.getPrefixedText() };
  if (!displayTitle) return fallback;
  if (!isAcceptableDisplayTitle(title, displayTitle, titles)) return fallback;
  const plain = toPlain(displayTitle);
  // Keep italics/bold the editor asked for; everything else is escaped text.
  const formatted = escapeHtml(displayTitle.replace(/<[^>]*>/g, ''))
    .replace(/'''(.+?)'''/g, '<b>$1</b>')
    .replace(/''(.+?)''/g, '<i>$1</i>');
  return { html: formatted, text: plain };
}
