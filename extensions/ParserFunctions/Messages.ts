/**
 * The extension's interface messages (error texts, month and weekday names),
 * read from its i18n/<language>.json files and formatted with the engine's
 * MediaWiki message syntax ($1, {{PLURAL:}} …).
 *
 * Parser function hooks get no message service from the renderer, so the
 * files are read here directly; the same directory is registered in
 * extension.json (MessagesDirs) so the keys exist for the rest of the wiki.
 * On-wiki overrides (MediaWiki:Pfunc_time_error …) are therefore not seen
 * by these functions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getFallbackChain } from '../../engine/i18n/LanguageFallback';
import { formatMessage, MessageFormatContext } from '../../engine/i18n/MessageFormatter';

export interface MessageSource {
  /** Message::text(): parameters substituted and {{…}} expanded, no HTML escaping. */
  text(key: string, language: string, ...params: string[]): string;
  /** Message::escaped(): text() escaped for use as element content (see escapeElementText). */
  escaped(key: string, language: string, ...params: string[]): string;
}

/**
 * PHP's htmlspecialchars() as MediaWiki applies it to error messages, except
 * that '"' is kept: the text is element content, where a quote means
 * nothing, and MediaWiki's final HTML (serialised by RemexHtml) shows a plain
 * '"' there too. "'" stays escaped so that '' in a parameter cannot turn
 * into italics when the result is parsed as wikitext.
 */
export function escapeElementText(text: string): string {
  return text.replace(/[&<>']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#039;' })[c]!);
}

export class DirectoryMessages implements MessageSource {
  private readonly byLanguage = new Map<string, Readonly<Record<string, string>>>();

  constructor(directory: string) {
    for (const file of fs.readdirSync(directory)) {
      if (!file.endsWith('.json') || file === 'qqq.json') continue;
      const data = JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as Record<string, string>;
      delete data['@metadata'];
      this.byLanguage.set(file.slice(0, -'.json'.length), data);
    }
  }

  /** The message source text in `language` or the first language of its fallback chain that has it. */
  private lookup(key: string, language: string): string | undefined {
    for (const code of [language, ...getFallbackChain(language)]) {
      const text = this.byLanguage.get(code)?.[key];
      if (text !== undefined) return text;
    }
    return undefined;
  }

  text(key: string, language: string, ...params: string[]): string {
    const source = this.lookup(key, language);
    // A missing message shows as ⧼key⧽, as MediaWiki's Message does.
    if (source === undefined) return `⧼${key}⧽`;
    const context: MessageFormatContext = {
      language,
      siteName: '',
      lookup: (k, lang) => this.lookup(k, lang),
      renderLink: (target, text) => text ?? target,
    };
    return formatMessage(source, params, 'text', context);
  }

  escaped(key: string, language: string, ...params: string[]): string {
    return escapeElementText(this.text(key, language, ...params));
  }
}

let shared: DirectoryMessages | null = null;

/** The messages of this extension (its i18n folder), loaded once. */
export function extensionMessages(): DirectoryMessages {
  shared ??= new DirectoryMessages(path.join(__dirname, 'i18n'));
  return shared;
}
