/**
 * Feeds transclusions from the page store to the renderer. Follows one
 * redirect, as MediaWiki's Parser::fetchTemplateAndTitle does, and keeps
 * texts in memory until the page is saved again.
 */
import { getRedirectTargetText } from '../content/RedirectParser';
import type { TemplateSource } from '../parser/WikitextRenderer';
import type { PageStore } from '../storage/PageStore';
import type { RevisionStore } from '../storage/RevisionStore';
import type { TitleFactory } from '../title/TitleFactory';

export class PageTemplateSource implements TemplateSource {
  private readonly texts = new Map<string, string | null>();
  /** target title → redirect titles whose cached text is the target's */
  private readonly viaRedirect = new Map<string, Set<string>>();

  constructor(
    private readonly titles: TitleFactory,
    private readonly pages: PageStore,
    private readonly revisions: RevisionStore,
  ) {}

  invalidate(prefixedText: string): void {
    this.texts.delete(prefixedText);
    for (const redirect of this.viaRedirect.get(prefixedText) ?? []) this.texts.delete(redirect);
    this.viaRedirect.delete(prefixedText);
  }

  redirectTargetsOf(titles: readonly string[]): string[] {
    const wanted = new Set(titles);
    const targets: string[] = [];
    for (const [target, redirects] of this.viaRedirect) {
      for (const redirect of redirects) if (wanted.has(redirect)) targets.push(target);
    }
    return targets;
  }

  clear(): void {
    this.texts.clear();
  }

  private async loadText(prefixed: string, depth: number): Promise<string | null> {
    const title = this.titles.newFromText(prefixed);
    if (!title || !title.canExist()) return null;
    const page = await this.pages.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
    if (!page) return null;
    const rev = await this.revisions.getRevisionById(page.latest);
    if (!rev) return null;
    const text = await this.revisions.getText(rev);
    const target = page.isRedirect ? getRedirectTargetText(text) : null;
    if (target !== null && depth === 0) {
      const targetTitle = this.titles.newFromText(target);
      if (!targetTitle) return null;
      const targetName = targetTitle.getPrefixedText();
      if (!this.viaRedirect.has(targetName)) this.viaRedirect.set(targetName, new Set());
      this.viaRedirect.get(targetName)!.add(prefixed);
      return this.loadText(targetName, 1);
    }
    return text;
  }

  async fetch(titles: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const name of titles) {
      if (!this.texts.has(name)) this.texts.set(name, await this.loadText(name, 0));
      const text = this.texts.get(name);
      if (text !== null && text !== undefined) out.set(name, text);
    }
    return out;
  }
}
