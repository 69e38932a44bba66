/**
 * Cite's messages in the content language (ReferenceMessageLocalizer), and
 * their rendering.
 *
 * Cite builds its markup from messages that are wikitext
 * (cite_reference_link, cite_references_link_one …), so that a wiki can
 * restyle references by editing them. Parsing one message per footnote
 * marker would cost a parse per <ref>; instead each message is parsed once
 * per render with placeholders for its parameters, and every use fills the
 * placeholders in: plain-text parameters escaped for where they landed
 * (inside href="#…" or elsewhere), HTML parameters (the reference text)
 * inserted as they are — the way MediaWiki's strip markers carry finished
 * HTML through a parse.
 *
 * The texts come from the wiki's messages: this extension's i18n/ files
 * (loaded by the engine with the content language's fallback chain) and
 * on-wiki MediaWiki:Cite_… overrides.
 */
import { randomBytes } from 'node:crypto';
import type { RenderFrame } from '../../../engine/parser/ParserHooks';
import { escapeHtml } from '../../../engine/html/Html';
import { escapeIdForLink } from '../../../engine/title/Title';
import { resolveIntlLocale } from '../../../engine/i18n/LanguageFallback';
import { formatNum } from '../../../engine/i18n/MessageFormatter';

/** Finished HTML passed as a message parameter. */
export interface HtmlParam {
  html: string;
}

/** A string is plain text; it is escaped where it is inserted. */
export type MessageParam = string | HtmlParam;

export function htmlParam(html: string): HtmlParam {
  return { html };
}

export class CiteMessages {
  /** Unique per render, so text on the page cannot pose as a placeholder. */
  private readonly nonce = randomBytes(6).toString('hex');
  private readonly placeholder: RegExp;
  /** Parsed messages with placeholders, by message and literal parameters. */
  private readonly compiled = new Map<string, string>();
  private decimalSeparator: string | null = null;

  constructor(private readonly frame: RenderFrame) {
    this.placeholder = new RegExp(`0cite${this.nonce}p(\\d+)q`, 'g');
  }

  get language(): string {
    return this.frame.language;
  }

  /**
   * The raw text from the wiki's messages (this extension's i18n files, which
   * the engine loads, and on-wiki MediaWiki: overrides), or null when the
   * message does not exist or is disabled ("-" or empty, Message::isDisabled).
   */
  text(key: string): string | null {
    const text = this.frame.message(key);
    return text === undefined || text === '' || text === '-' ? null : text;
  }

  /**
   * The message parsed as wikitext with its parameters, as HTML. `literals`
   * are parameters written into the wikitext before parsing (attribute
   * lists such as ` class="mw-cite-dir-ltr"`); a message is parsed once per
   * combination of literals.
   */
  parse(key: string, params: readonly MessageParam[] = [], literals: Readonly<Record<number, string>> = {}): string {
    const text = this.text(key) ?? `⧼${key}⧽`;
    return this.fill(this.compile(`${key}\u0000${JSON.stringify(literals)}`, () => this.withPlaceholders(text, literals)), params);
  }

  /**
   * An error message inside the cite_error wrapper ("Cite error: $1"), whose
   * parameter is the inner message's text (not its HTML), as upstream does.
   */
  parseError(key: string, params: readonly MessageParam[]): string {
    const inner = this.text(key) ?? `⧼${key}⧽`;
    const wrapper = this.text('cite_error');
    return this.fill(
      this.compile(`cite_error\u0000${key}`, () => {
        const innerWikitext = this.withPlaceholders(inner, {});
        return wrapper === null ? innerWikitext : this.withPlaceholders(wrapper, { 1: innerWikitext });
      }),
      params,
    );
  }

  /** Language::formatNumNoSeparators: the content language's digits. */
  localizeDigits(value: number | string): string {
    return formatNum(this.frame.language, String(value), { noSeparators: true });
  }

  /** The content language's decimal separator in place of '.' (Language::separatorTransformTable). */
  localizeSeparators(text: string): string {
    this.decimalSeparator ??= new Intl.NumberFormat(resolveIntlLocale(this.frame.language)).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    const decimal = this.decimalSeparator;
    return text.replace(/\./g, decimal);
  }

  private withPlaceholders(text: string, literals: Readonly<Record<number, string>>): string {
    return text.replace(/\$(\d+)/g, (match, digits: string) => {
      const index = Number(digits);
      if (index < 1) return match;
      return Object.hasOwn(literals, index) ? literals[index] : `0cite${this.nonce}p${index}q`;
    });
  }

  private compile(cacheKey: string, wikitext: () => string): string {
    let html = this.compiled.get(cacheKey);
    if (html === undefined) {
      html = this.frame.renderInline(wikitext());
      this.compiled.set(cacheKey, html);
    }
    return html;
  }

  /** Puts the parameters in place of the placeholders; a parameter that was not given stays "$n", as in MediaWiki. */
  private fill(html: string, params: readonly MessageParam[]): string {
    const value = (digits: string, inHref: boolean): string => {
      const param = params[Number(digits) - 1];
      if (param === undefined) return `$${digits}`;
      if (typeof param !== 'string') return param.html;
      return escapeHtml(inHref ? escapeIdForLink(param) : param);
    };
    // In a link's href a parameter is a fragment ([[#$2|…]]), encoded as one.
    const withHrefs = html.replace(/(\shref=")([^"]*)"/g, (_m, start: string, href: string) => `${start}${href.replace(this.placeholder, (_p, d: string) => value(d, true))}"`);
    return withHrefs.replace(this.placeholder, (_p, d: string) => value(d, false));
  }
}
