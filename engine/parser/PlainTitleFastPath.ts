/**
 * wikiparser-node's `Parser.normalizeTitle()` runs a small two-stage parse of
 * the title text (comments and extension tags, then braces) before it builds
 * the Title, and setting that parse's page name normalises a second title
 * the same way. Every internal link's target goes through it when the link
 * is built: ~13 % of a render of a link-heavy page.
 *
 * Those two stages only act on markup: `<` (comments, tags), `{`/`}` (braces,
 * `-{…}-`), `[[` (the redirect check), `=` at a line start (headings). A text
 * with none of these characters comes out of them as the text node it went
 * in as, so the Title is built from the text itself — exactly what the
 * library does for callers that pass `halfParsed` (its Title constructor does
 * not read that option). Anything else takes the library's full path.
 */
import type Parser from 'wikiparser-node';

/** Characters either parse stage can act on (plus NUL/DEL, its own token markers). */
const MARKUP_CHARS = /[<>{}[\]=\n\r\0\x7F]/;

type NormalizeTitle = (title: string, defaultNs?: number, include?: boolean, config?: unknown, opt?: { halfParsed?: boolean }) => unknown;

export function installPlainTitleFastPath(parser: typeof Parser): void {
  const library = parser as unknown as { normalizeTitle: NormalizeTitle };
  const original = library.normalizeTitle;
  library.normalizeTitle = function normalizePlainTitle(this: unknown, title, defaultNs, include, config, opt) {
    if (!opt?.halfParsed && title !== '' && !MARKUP_CHARS.test(title)) {
      return original.call(this, title, defaultNs, include, config, { ...opt, halfParsed: true });
    }
    return original.call(this, title, defaultNs, include, config, opt);
  };
}
