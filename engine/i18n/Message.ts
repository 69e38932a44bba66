/**
 * A message to show to a user (MediaWiki's Message class): a key, its
 * parameters and a language, formatted on demand in one of MediaWiki's
 * output modes. Missing keys render as ⧼key⧽, as in MediaWiki.
 */
import { escapeHtml, rawHtml, SafeHtml } from '../html/Html';
import type { MessageParam } from './MessageFormatter';
import type { MessageLocalizer } from './MessageLocalizer';

export class Message {
  private readonly parameters: MessageParam[];

  constructor(
    readonly key: string,
    params: readonly MessageParam[],
    private readonly localizer: MessageLocalizer,
    readonly language: string,
  ) {
    this.parameters = [...params];
  }

  params(...params: MessageParam[]): this {
    this.parameters.push(...params);
    return this;
  }

  numParams(...numbers: number[]): this {
    this.parameters.push(...numbers.map((num) => ({ num })));
    return this;
  }

  rawParams(...raw: Array<string | SafeHtml>): this {
    this.parameters.push(...raw.map((r) => ({ raw: String(r) })));
    return this;
  }

  plaintextParams(...texts: string[]): this {
    this.parameters.push(...texts.map((plaintext) => ({ plaintext })));
    return this;
  }

  inLanguage(language: string): Message {
    return new Message(this.key, this.parameters, this.localizer, language);
  }

  exists(): boolean {
    return this.localizer.lookup(this.key, this.language) !== undefined;
  }

  /** True when the message is missing or its text is '-' (MediaWiki's isDisabled). */
  isDisabled(): boolean {
    const text = this.localizer.lookup(this.key, this.language);
    return text === undefined || text === '-' || text === '';
  }

  plain(): string {
    return this.format('plain');
  }

  /** Parameters and {{…}} transformations; not escaped — for attributes via html``, headers, emails. */
  text(): string {
    return this.format('text');
  }

  escaped(): string {
    return this.format('escaped');
  }

  /** Inline HTML from the message's wikitext subset (links, bold, italic). */
  parse(): string {
    return this.format('parse');
  }

  parseAsBlock(): string {
    return this.format('parse', true);
  }

  /** Escaped text as SafeHtml, for html`` templates. */
  toHtml(): SafeHtml {
    return rawHtml(this.escaped());
  }

  /** Parsed HTML as SafeHtml. */
  toParsedHtml(): SafeHtml {
    return rawHtml(this.parse());
  }

  private format(mode: 'plain' | 'text' | 'escaped' | 'parse', block = false): string {
    const source = this.localizer.lookup(this.key, this.language);
    if (source === undefined) {
      const missing = `⧼${this.key}⧽`;
      return mode === 'plain' || mode === 'text' ? missing : escapeHtml(missing);
    }
    return this.localizer.format(source, this.parameters, mode, this.language, block);
  }

  toString(): string {
    return this.text();
  }
}
