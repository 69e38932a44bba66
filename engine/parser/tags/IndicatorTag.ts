/**
 * `<indicator name="…">wikitext</indicator>`: a page status indicator
 * (CoreTagHooks::indicator). It leaves nothing in the page body; its content
 * is rendered on its own and stored under its name in the parser output
 * (ParserOutput::setIndicator), where the skin picks it up and wraps it in
 * `<div class="mw-indicator" id="mw-indicator-NAME">` near the page title
 * (OutputPage::setIndicators / Skin::getIndicatorsHTML). A second indicator
 * with the same name replaces the first.
 *
 * Without a name (or with a blank one) the tag shows MediaWiki's
 * invalid-indicator-name error in the page instead.
 */
import { randomBytes } from 'node:crypto';
import type { ParserHookRegistry, RenderFrame } from '../ParserHooks';

export function registerIndicatorTag(registry: ParserHookRegistry): void {
  registry.setHook('indicator', (input, frame) => {
    const name = input.attributes.name;
    if (name === undefined || phpTrim(name) === '') {
      return `<span class="error">${frame.renderInline('{{int:invalid-indicator-name}}')}</span>`;
    }
    frame.setIndicator(phpTrim(name), stripOuterParagraph(renderFully(input.content ?? '', frame)));
    return '';
  });
}

/**
 * The content rendered as a page of its own, paragraphs and indent-pre
 * included (Parser::recursiveTagParseFully): a list, a table or two
 * paragraphs keep their block markup.
 *
 * frame.renderInline() drops a leading <p> and a trailing </p> whether or
 * not they belong together, which would break "Two\n\nparagraphs"; lines
 * of our own around the content keep its paragraphs whole. They are block
 * lines, so the content starts and ends in the same state as a page does.
 */
function renderFully(wikitext: string, frame: RenderFrame): string {
  const fence = `<div>indicator-${randomBytes(6).toString('hex')}</div>`;
  const html = frame.renderInline(`${fence}\n${wikitext}\n${fence}`);
  const start = html.indexOf(fence);
  const end = html.lastIndexOf(fence);
  if (start === -1 || end <= start) return html;
  return html.slice(start + fence.length, end).replace(/^\n/, '').replace(/\s+$/, '');
}

/**
 * Parser::stripOuterParagraph: content that is a single paragraph loses its
 * <p> wrapper ("hello world", not "<p>hello world</p>"); several paragraphs
 * stay as they are.
 */
export function stripOuterParagraph(html: string): string {
  const m = /^<p>([\s\S]*?)\n?<\/p>\n?$/.exec(html);
  return m && !m[1].includes('</p>') ? m[1] : html;
}

/** PHP's trim(), which strips fewer characters than String.prototype.trim. */
function phpTrim(text: string): string {
  return text.replace(/^[ \t\n\r\0\v]+|[ \t\n\r\0\v]+$/g, '');
}
