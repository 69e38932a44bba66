/**
 * MediaWiki's Sanitizer::armorFrenchSpaces: a space before "?", ":", ";",
 * "!", "%", "»", "›" (not followed by a word character) and after "«", "‹"
 * becomes a non-breaking space, so French punctuation never starts a line.
 * Only text is touched — never tag attributes (T5158) — and nothing inside
 * <pre>, whose content MediaWiki has stripped out at that stage.
 */
const BEFORE = / (?=[?:;!%»›](?![\p{L}\p{N}_]))/gu;
// An opening guillemet right after a letter points inward (Croatian »x«): not armoured (T378404).
const AFTER = /(?<![\p{L}\p{N}_])([«‹]) /gu;

/** Whether the HTML holds anything BEFORE or AFTER could match (most pages do not): then it is left alone unscanned. */
const ANY_CANDIDATE = / [?:;!%»›]|[«‹] /;

export function armorFrenchSpaces(html: string): string {
  if (!ANY_CANDIDATE.test(html)) return html;
  let inPre = 0;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_m, tag: string | undefined, text: string | undefined) => {
    if (tag !== undefined) {
      if (/^<pre[\s>]/i.test(tag)) inPre++;
      else if (/^<\/pre\s*>/i.test(tag) && inPre > 0) inPre--;
      return tag;
    }
    if (inPre > 0 || !text!.includes(' ')) return text!;
    return text!.replace(BEFORE, '&#160;').replace(AFTER, '$1&#160;');
  });
}
