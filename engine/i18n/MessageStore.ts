/**
 * Holds the message files of core, skins and extensions in an i18next
 * instance (MediaWiki's LocalisationCache). Files keep MediaWiki's format —
 * `i18n/<code>.json` with an `@metadata` block — and `qqq.json` is loaded as
 * documentation only, never rendered.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { i18n } from 'i18next';
import { getFallbackChain } from './LanguageFallback';

const NS = 'messages';

export class MessageStore {
  private readonly i18n: i18n;
  private readonly languages = new Set<string>();
  private readonly documentation = new Map<string, string>();

  constructor() {
    this.i18n = i18next.createInstance();
    // Message keys contain '.', ':' and '+' (apihelp-query+allpages-summary), so
    // i18next's key and namespace separators are switched off; i18next's own
    // interpolation and plurals are never used: MediaWiki syntax is formatted
    // by MessageFormatter.
    void this.i18n.init({
      initAsync: false,
      resources: {},
      ns: [NS],
      defaultNS: NS,
      keySeparator: false,
      nsSeparator: false,
      returnNull: false,
      fallbackLng: (code: string) => [...getFallbackChain(code)],
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
  }

  /** Loads every `<code>.json` of a MediaWiki-style i18n directory. */
  loadDirectory(dir: string): void {
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.json')) continue;
      const code = file.slice(0, -'.json'.length);
      const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      delete data['@metadata'];
      if (code === 'qqq') {
        for (const [key, doc] of Object.entries(data)) this.documentation.set(key, String(doc));
        continue;
      }
      this.addMessages(code, data as Record<string, string>);
    }
  }

  addMessages(language: string, messages: Record<string, string>): void {
    this.i18n.addResources(language, NS, messages);
    this.languages.add(language);
  }

  /** The built-in text in exactly this language (no fallback). */
  get(language: string, key: string): string | undefined {
    const value = this.i18n.getResource(language, NS, key) as unknown;
    return typeof value === 'string' ? value : undefined;
  }

  has(key: string): boolean {
    return this.get('en', key) !== undefined;
  }

  keys(language = 'en'): string[] {
    const bundle = this.i18n.getResourceBundle(language, NS) as Record<string, string> | undefined;
    return Object.keys(bundle ?? {});
  }

  documentationOf(key: string): string | undefined {
    return this.documentation.get(key);
  }

  documentedKeys(): string[] {
    return [...this.documentation.keys()];
  }

  getLanguages(): string[] {
    return [...this.languages];
  }
}
