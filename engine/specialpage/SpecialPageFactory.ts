/**
 * The list of special pages and name resolution (MediaWiki's
 * SpecialPageFactory). Names are matched case-insensitively in their first
 * letter and with spaces or underscores, and aliases resolve to the
 * canonical page: Special:Recentchanges is Special:RecentChanges.
 */
import type { HookContainer } from '../hooks/HookContainer';
import type { SpecialPage } from './SpecialPage';

export type SpecialPageFactoryFunction = () => SpecialPage;

export class SpecialPageFactory {
  private list: Map<string, SpecialPageFactoryFunction> | null = null;
  private aliases: Map<string, string> | null = null;
  private readonly instances = new Map<string, SpecialPage>();

  constructor(
    private readonly core: ReadonlyMap<string, SpecialPageFactoryFunction>,
    private readonly extensionPages: ReadonlyMap<string, SpecialPageFactoryFunction>,
    private readonly hooks: HookContainer,
  ) {}

  /** Builds the list once: core pages, then extension pages, then SpecialPage_initList handlers. */
  async initialize(): Promise<void> {
    const list = new Map<string, SpecialPageFactoryFunction>([...this.core, ...this.extensionPages]);
    await this.hooks.run('SpecialPage_initList', list);
    const aliases = new Map<string, string>();
    for (const [name, factory] of list) {
      aliases.set(normalize(name), name);
      for (const alias of factory().aliases) if (!aliases.has(normalize(alias))) aliases.set(normalize(alias), name);
    }
    this.list = list;
    this.aliases = aliases;
  }

  private ensure(): { list: Map<string, SpecialPageFactoryFunction>; aliases: Map<string, string> } {
    if (!this.list || !this.aliases) throw new Error('SpecialPageFactory.initialize() was not called');
    return { list: this.list, aliases: this.aliases };
  }

  getNames(): string[] {
    return [...this.ensure().list.keys()];
  }

  /** Canonical name for a (possibly aliased, differently cased) name, or null. */
  resolveAlias(name: string): string | null {
    return this.ensure().aliases.get(normalize(name)) ?? null;
  }

  /** Splits "RecentChanges/50" into the page and its subpage parameter. */
  resolve(text: string): { page: SpecialPage; subPage: string | null } | null {
    const slash = text.indexOf('/');
    const name = slash < 0 ? text : text.slice(0, slash);
    const subPage = slash < 0 ? null : text.slice(slash + 1);
    const page = this.getPage(name);
    return page ? { page, subPage } : null;
  }

  getPage(name: string): SpecialPage | null {
    const canonical = this.resolveAlias(name);
    if (!canonical) return null;
    let page = this.instances.get(canonical);
    if (!page) {
      page = this.ensure().list.get(canonical)!();
      this.instances.set(canonical, page);
    }
    return page;
  }
}

/** First letter case-insensitive, spaces = underscores (MediaWiki compares aliases lower-cased). */
function normalize(name: string): string {
  return name.replace(/ /g, '_').toLowerCase();
}
