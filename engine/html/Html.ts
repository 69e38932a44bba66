/**
 * HTML building with escaping by default (the role of MediaWiki's `Html` class).
 *
 * Every interpolated value in an `html\`…\`` template is escaped unless it is
 * already a `SafeHtml`, so forgetting to escape is impossible rather than a bug
 * waiting to be found. Markup from a trusted producer (the wikitext renderer,
 * a parse-mode message) is wrapped with `rawHtml()` at the point it is produced.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#039;',
};

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${userText}</p>\`` escapes `userText`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + strings[i + 1];
  }
  return new SafeHtml(out);
}

/** Marks trusted markup as safe. Only for output of the renderer or of parse-mode messages. */
export function rawHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins fragments (escaping plain strings) into one SafeHtml. */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

export type Attributes = Record<string, string | number | boolean | null | undefined>;

/** Renders attributes; `false`/`null`/`undefined` drop the attribute, `true` writes it bare. */
export function attributes(attrs: Attributes): SafeHtml {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (!/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(name)) throw new Error(`Invalid attribute name ${name}`);
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return new SafeHtml(out);
}

/** `Html::element`: an element with escaped text content. */
export function element(tag: string, attrs: Attributes, content: HtmlValue = ''): SafeHtml {
  return new SafeHtml(`<${tag}${attributes(attrs).value}>${render(content)}</${tag}>`);
}

/** A void element such as `<input>` or `<meta>`. */
export function voidElement(tag: string, attrs: Attributes): SafeHtml {
  return new SafeHtml(`<${tag}${attributes(attrs).value}>`);
}
