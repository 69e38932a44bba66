/**
 * On-wiki message overrides (MediaWiki's MessageCache): the page
 * `MediaWiki:Some-key` overrides `some-key` in the content language and
 * `MediaWiki:Some-key/de` in German. The MediaWiki namespace is small, so all
 * of it is kept in memory and updated as soon as a page in it is saved.
 */
export class MessageOverrides {
  /** key (lower-case first letter, as message keys) + '/' + language → text */
  private readonly texts = new Map<string, string>();
  private version = 0;

  constructor(private readonly contentLanguage: string) {}

  /** `dbKey` is the MediaWiki-namespace page name (e.g. 'Sidebar', 'Some-key/de'); null deletes. */
  set(dbKey: string, text: string | null): void {
    const { key, language } = this.split(dbKey);
    const id = `${key}/${language}`;
    if (text === null) this.texts.delete(id);
    else this.texts.set(id, text);
    this.version++;
  }

  get(key: string, language: string): string | undefined {
    return this.texts.get(`${MessageOverrides.normalizeKey(key)}/${language}`);
  }

  /** Changes on every override edit: caches derived from messages (sidebar) compare it. */
  getVersion(): number {
    return this.version;
  }

  /** Message keys are compared with the first letter lower-cased and underscores as spaces, as MediaWiki does. */
  static normalizeKey(key: string): string {
    const spaced = key.replace(/_/g, ' ');
    return spaced.charAt(0).toLowerCase() + spaced.slice(1);
  }

  private split(dbKey: string): { key: string; language: string } {
    const slash = dbKey.lastIndexOf('/');
    if (slash > 0) {
      const code = dbKey.slice(slash + 1);
      if (/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(code)) return { key: MessageOverrides.normalizeKey(dbKey.slice(0, slash)), language: code };
    }
    return { key: MessageOverrides.normalizeKey(dbKey), language: this.contentLanguage };
  }
}
