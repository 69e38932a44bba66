/**
 * ParserFirstCallInit for Poem: the <poem> tag (Poem::renderPoem). The
 * content is wikitext whose line breaks are kept:
 *
 *   <poem>                 <div class="poem">
 *   Roses are red,    →    <p>Roses are red,<br />
 *     violets blue         &#160;&#160;violets blue
 *   </poem>                </p></div>
 *
 * - every newline becomes <br /> except the first and last, and the one
 *   after a "----" rule line;
 * - leading spaces become non-breaking spaces (no indent-pre);
 * - ":" at the start of a line indents it (a span per line, not a list);
 * - `compact` drops the newlines inside the div; other attributes are those
 *   a <div> may have.
 *
 * wikiparser-node has its own <poem>, but it drops the mw-poem-indented
 * class, turns a bare "::" into an empty span instead of a list, and keeps no
 * breaks at the edges of <nowiki> content, unlike Poem's parser tests.
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../engine/html/Html';
import type { ExtensionTagInput, ParserHookRegistry, RenderFrame } from '../../engine/parser/ParserHooks';
import { validateTagAttributes } from '../../engine/parser/sanitizer/HtmlAllowlist';
import { stripOuterParagraph } from '../../engine/parser/tags/IndicatorTag';

export default function onParserFirstCallInit(parser: ParserHookRegistry): void {
  parser.setHook('poem', renderPoem);
}

export function renderPoem(input: ExtensionTagInput, frame: RenderFrame): string {
  // Without `compact`, newlines around the content let the page's paragraph
  // pass wrap it in <p> like any other text.
  const newline = Object.hasOwn(input.attributes, 'compact') ? '' : '\n';
  // Breaks are placeholders until the content is rendered, so that they
  // reach inside <nowiki> too (MediaWiki uses a strip marker). U+FFFD ends a
  // free URL or magic link, so a placeholder never joins one.
  const nonce = randomBytes(6).toString('hex');
  const br = `\uFFFDpoem-br-${nonce}\uFFFD`;

  // ":" indentation: one span per line. Every leading colon counts (the
  // rest of the line must not start with one), as upstream's possessive /^(:++)(.+)$/.
  let text = (input.content ?? '').replace(
    /^(:+)([^:\n][^\n]*)$/gm,
    (_m, colons: string, rest: string) => `<span class="mw-poem-indented" style="display: inline-block; margin-inline-start: ${colons.length}em;">${rest}</span>`,
  );
  text = text
    .replace(/^\n/, '')
    .replace(/\n$/, '')
    // A line of exactly four dashes is a rule, and a break after it would add an empty line.
    .replace(/(?<!^----)\n/gm, `${br}\n`)
    .replace(/^ +/gm, (spaces) => '&#160;'.repeat(spaces.length));

  let html = renderKeepingParagraphs(text, frame);
  // Longer rules did get a break after them.
  html = html.split(`<hr>${br}`).join('<hr>').split(`<hr />${br}`).join('<hr />').split(br).join('<br />');

  const attributes = validateTagAttributes(input.attributes, 'div');
  attributes.class = attributes.class ? `poem ${attributes.class}` : 'poem';
  const attributeHtml = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  // The page's paragraph pass then runs over the div as in MediaWiki. Here
  // the text already has its paragraphs; a compact poem loses a lone outer
  // one, as MediaWiki never wraps text that shares the <div>'s line.
  const body = newline === '' ? stripOuterParagraph(html.trim()) : html.trim();
  return `<div${attributeHtml}>${newline}${body}${newline}</div>`;
}

/**
 * Renders the wikitext in this render's context and returns it whole.
 * frame.renderInline() drops a leading <p> and a trailing </p> even when
 * they are not one paragraph (a rule in the middle of a poem makes two), so
 * the text goes between two block lines of our own that are cut off again.
 * The page's paragraph pass leaves the paragraphs made here alone.
 */
function renderKeepingParagraphs(wikitext: string, frame: RenderFrame): string {
  const fence = `<div>poem-${randomBytes(6).toString('hex')}</div>`;
  const html = frame.renderInline(`${fence}\n${wikitext}\n${fence}`);
  const start = html.indexOf(fence);
  const end = html.lastIndexOf(fence);
  if (start === -1 || end <= start) return html;
  return html.slice(start + fence.length, end);
}
