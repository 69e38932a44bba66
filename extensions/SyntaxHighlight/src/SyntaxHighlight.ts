/**
 * <syntaxhighlight> and its old name <source> (SyntaxHighlight's
 * SyntaxHighlight::parserHook), with MediaWiki's markup around the code:
 *
 *   <div class="mw-highlight mw-highlight-lang-js mw-content-ltr" dir="ltr"><pre>…</pre></div>
 *   <code class="mw-highlight mw-highlight-lang-js mw-content-ltr" dir="ltr">…</code>   (inline)
 *
 * Attributes: lang, inline (or the old enclose="none"), line (line
 * numbers, as <span class="linenos" data-line="N"></span> so CSS shows them
 * and selecting the code leaves them out), start, highlight="1,4-6"
 * (<span class="hll">), linelinks (each number links to its line), copy
 * (a copy button, added by the client), dir="rtl", and style, class, id.
 * An unknown language, or code over the size limit, is shown unhighlighted
 * and without the language class.
 *
 * The code is never wikitext: everything in it is escaped. <nowiki> around
 * it is dropped, for {{#tag:syntaxhighlight|<nowiki>…</nowiki>}} in
 * templates (upstream unstrips it); the library expands the page before the
 * hook runs, so <nowiki> written literally inside the tag is dropped too,
 * where upstream would show it.
 */
import { escapeHtml } from '../../../engine/html/Html';
import type { ExtensionTagInput } from '../../../engine/parser/ParserHooks';
import { validateAttributes } from '../../../engine/parser/sanitizer/HtmlAllowlist';
import { getHighlighter } from './PrismHighlighter';
import type { Highlighter } from './PrismHighlighter';

const HIGHLIGHT_CSS_CLASS = 'mw-highlight';
/** $wgSyntaxHighlightMaxLines: highlighted lines per tag. */
const MAX_LINES = 1000;
/** $wgSyntaxHighlightMaxBytes: longer code is not highlighted. */
const MAX_BYTES = 102400;
/** The attributes that reach the wrapper element. */
const HTML_ATTRIBUTES: ReadonlySet<string> = new Set(['style', 'class', 'id']);

export function renderSyntaxHighlight(input: ExtensionTagInput): string {
  const args: Record<string, string> = { ...input.attributes };
  // Leading spaces are code (indentation); only the line feeds around it go.
  const text = (input.content ?? '').replace(/<nowiki\s*\/>|<nowiki(?:\s[^>]*)?>([\s\S]*?)<\/nowiki\s*>/gi, (_m, inner?: string) => inner ?? '');
  const code = text.replace(/^\n+|\n+$/g, '').replace(/[ \t\n\r\0\v]+$/, '');
  if (Object.hasOwn(args, 'enclose')) {
    if (args.enclose === 'none') args.inline = '';
    delete args.enclose;
  }
  return syntaxHighlight(code, args.lang ?? '', args);
}

function syntaxHighlight(code: string, lang: string, args: Readonly<Record<string, string>>): string {
  const highlighter = getHighlighter(lang);
  const isInline = Object.hasOwn(args, 'inline');
  const showLines = Object.hasOwn(args, 'line');
  let output = highlightInner(code, highlighter, args);

  const attributes = validateAttributes(args, HTML_ATTRIBUTES);
  const dir = args.dir === 'rtl' ? 'rtl' : 'ltr';
  const classes = [
    ...(attributes.class ? [attributes.class] : []),
    HIGHLIGHT_CSS_CLASS,
    ...(highlighter ? [`${HIGHLIGHT_CSS_CLASS}-lang-${lang.toLowerCase()}`] : []),
    `mw-content-${dir}`,
    ...(showLines ? [`${HIGHLIGHT_CSS_CLASS}-lines`] : []),
    ...(Object.hasOwn(args, 'copy') ? ['mw-highlight-copy'] : []),
  ];
  attributes.class = classes.join(' ');
  attributes.dir = dir;
  const attributeHtml = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');

  if (isInline) {
    // Kept on one line: a newline would start a new paragraph or list item.
    output = output.trim().replace(/\n/g, ' ');
    return `<code${attributeHtml}>${output}</code>`;
  }
  // The page's paragraph pass reads its input line by line and would turn
  // blank or indented code lines into paragraphs and <pre>s (upstream keeps
  // the code in a nowiki strip marker); as character references the line
  // breaks are the same text but not lines.
  return `<div${attributeHtml}>${output.replace(/\n/g, '&#10;')}</div>`;
}

function highlightInner(code: string, highlighter: Highlighter | null, args: Readonly<Record<string, string>>): string {
  // No code, no empty <pre>.
  if (code === '') return '';
  const isInline = Object.hasOwn(args, 'inline');
  if (isInline) code = code.replace(/^[ \t\n\r\0\v]+|[ \t\n\r\0\v]+$/g, '');
  if (highlighter === null || Buffer.byteLength(code) > MAX_BYTES) return plainCodeWrap(code, isInline);

  const lines = splitLines(highlighter.highlight(code));
  const highlighted = new Set(Object.hasOwn(args, 'highlight') ? parseHighlightLines(args.highlight) : []);
  const start = Object.hasOwn(args, 'start') && /^[0-9]+$/.test(args.start) ? Number(args.start) : 1;
  // An anchor prefix for each line; a comma would inject options into Pygments upstream, so it is refused there too.
  const lineLinks = args.linelinks && !args.linelinks.includes(',') ? args.linelinks : null;
  const showLines = Object.hasOwn(args, 'line') && !isInline;

  const out = lines.map((line, index) => {
    const number = start + index;
    let html = `${line}\n`;
    if (showLines) {
      const marker = `<span class="linenos" data-line="${number}"></span>`;
      html = (lineLinks === null ? marker : `<a href="#${escapeHtml(lineLinks)}-${number}">${marker}</a>`) + html;
    }
    // The line number goes inside the highlight, as Pygments does.
    if (highlighted.has(index + 1)) html = `<span class="hll">${html}</span>`;
    if (lineLinks !== null && !isInline) html = `<span id="${escapeHtml(lineLinks)}-${number}">${html}</span>`;
    return html;
  });
  if (isInline) return out.join('');
  // The empty span is Pygments'; kept so the markup matches upstream's.
  return `<pre><span></span>${out.join('')}</pre>`;
}

/** The code escaped, unhighlighted (no language, or too long). */
function plainCodeWrap(code: string, isInline: boolean): string {
  // htmlspecialchars with ENT_NOQUOTES: quotes stay as they are.
  const escaped = code.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  return isInline ? escaped : `<pre>${escaped}</pre>`;
}

/**
 * Highlighted HTML cut into lines. A token can span lines (a block
 * comment); its spans are closed at each line end and opened again on the
 * next line, so every line is balanced and can be wrapped on its own.
 */
function splitLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  for (const part of html.split(/(<span\b[^>]*>|<\/span>|\n)/)) {
    if (part === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else {
      if (part.startsWith('<span')) open.push(part);
      else if (part === '</span>') open.pop();
      current += part;
    }
  }
  lines.push(current);
  return lines;
}

/** "1,4-6" → [1, 4, 5, 6]; ranges longer than the line limit are ignored, and the list is capped. */
function parseHighlightLines(spec: string): number[] {
  const lines: number[] = [];
  for (const value of spec.split(',').map((v) => v.trim())) {
    if (/^[0-9]+$/.test(value)) {
      lines.push(Number(value));
    } else if (value.includes('-')) {
      const [start, end] = value.split('-').map((n) => parseInt(n, 10) || 0);
      // Each line of a range is listed; a huge range would be a cheap way to load the server.
      if (start > 0 && start < end && end - start < MAX_LINES) {
        for (let i = start; i <= end; i++) lines.push(i);
      }
    }
    if (lines.length > MAX_LINES) return lines.slice(0, MAX_LINES);
  }
  return lines;
}
