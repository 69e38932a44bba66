/**
 * Recognises redirect pages. MediaWiki's `redirect` magic word: the text
 * starts (after optional whitespace) with `#REDIRECT` (case-insensitive), an
 * optional colon, then a wikilink; anything after the link is allowed.
 */
const REDIRECT = /^\s*#REDIRECT\s*:?\s*\[\[([^\]|\n]+)(?:\|[^\]\n]*)?\]\]/i;

/** The redirect target's text (may include `#fragment`), or null. */
export function getRedirectTargetText(text: string): string | null {
  const match = REDIRECT.exec(text);
  if (!match) return null;
  const target = match[1].trim();
  // A leading colon forces a plain link ([[:Category:X]]) and still redirects.
  return target.replace(/^:/, '') || null;
}
