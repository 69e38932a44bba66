/**
 * Looks messages up along MediaWiki's chain and formats them: for language L,
 * the on-wiki page `MediaWiki:Key/L` (or `MediaWiki:Key` for the content
 * language), then the built-in L text, then each fallback language the same
 * way, ending in English. `qqx` shows keys instead of texts.
 */
import { formatMessage, MessageFormatContext, MessageParam, OutputMode } from './MessageFormatter';
import { getFallbackChain } from './LanguageFallback';
import { Message } from './Message';
import { MessageOverrides } from './MessageOverrides';
import { MessageStore } from './MessageStore';

export interface LocalizerSite {
  siteName: string;
  contentLanguage: string;
  /** HTML of an internal link for [[target|text]] in parse-mode messages. */
  renderLink(target: string, text: string | null): string;
  getGender?(username: string): 'male' | 'female' | 'unknown';
  /** {{ns:}} in messages (grouppage-* and friends). */
  namespaceName?(nameOrIndex: string): string | undefined;
}

export class MessageLocalizer {
  constructor(
    readonly store: MessageStore,
    readonly overrides: MessageOverrides,
    private readonly site: LocalizerSite,
  ) {}

  msg(key: string, language: string, ...params: MessageParam[]): Message {
    return new Message(key, params, this, language);
  }

  /** The raw message text for `language` after overrides and fallbacks; undefined when no language has it. */
  lookup(key: string, language: string): string | undefined {
    if (language === 'qqx') return this.store.has(key) || this.overrides.get(key, this.site.contentLanguage) !== undefined ? `(${key}$*)` : undefined;
    for (const code of [language, ...getFallbackChain(language).filter((c) => c !== language)]) {
      const override = this.overrides.get(key, code);
      if (override !== undefined) return override;
      const builtin = this.store.get(code, key);
      if (builtin !== undefined) return builtin;
    }
    return undefined;
  }

  format(source: string, params: readonly MessageParam[], mode: OutputMode, language: string, block = false): string {
    if (language === 'qqx') source = this.qqxSource(source, params.length);
    const ctx: MessageFormatContext = {
      language: language === 'qqx' ? 'en' : language,
      siteName: this.site.siteName,
      lookup: (key, lang) => this.lookup(key, lang),
      getGender: this.site.getGender,
      namespaceName: this.site.namespaceName,
      renderLink: (target, text) => this.site.renderLink(target, text),
    };
    return formatMessage(source, params, mode, ctx, mode === 'parse' && block);
  }

  /** uselang=qqx lists the parameters after the key: "(key: $1, $2)", as MediaWiki does. */
  private qqxSource(source: string, paramCount: number): string {
    const list = Array.from({ length: paramCount }, (_v, i) => `$${i + 1}`).join(', ');
    return source.replace('$*', paramCount > 0 ? `: ${list}` : '');
  }
}
