/**
 * Parses MediaWiki:Sidebar into sections of links (MediaWiki's
 * Skin::addToSidebarPlain):
 * - only lines starting with `*` count; `*` starts a section, `**` (or
 *   deeper) adds a `target|text` link to it;
 * - `target` and `text` are message keys when such a message exists
 *   (a message text of `-` removes the item), otherwise literal;
 * - a target with a URL protocol is an external link, otherwise a page title;
 * - repeated headings merge; SEARCH, TOOLBOX and LANGUAGES are placeholders
 *   that skins place themselves, kept as empty sections.
 * The result is cached per language and rebuilt when any MediaWiki: message
 * override changes (an edit to MediaWiki:Sidebar takes effect at once).
 */
import type { MessageLocalizer } from '../i18n/MessageLocalizer';
import type { TitleFactory } from '../title/TitleFactory';
import type { NavLink, SidebarSection } from './Skin';

const EXTERNAL = /^(https?:|\/\/|mailto:|ftp:|irc:|news:)/i;
export const SIDEBAR_PLACEHOLDERS = new Set(['SEARCH', 'TOOLBOX', 'LANGUAGES']);

/** Item ids: `n-` + text with spaces as dashes, escaped like MediaWiki's Sanitizer::escapeIdForAttribute. */
export function sidebarItemId(prefix: string, text: string): string {
  return prefix + text.replace(/ /g, '-').replace(/[^\w\-.:]/gu, (c) => encodeURIComponent(c).replace(/%/g, '.'));
}

export class SidebarBuilder {
  private readonly cache = new Map<string, { version: number; sections: SidebarSection[] }>();

  constructor(
    private readonly messages: MessageLocalizer,
    private readonly titles: TitleFactory,
    private readonly noFollow: boolean,
  ) {}

  /** Sections for a language; callers get a copy they may modify (SkinBuildSidebar). */
  build(language: string, messageKey = 'sidebar'): SidebarSection[] {
    const version = this.messages.overrides.getVersion();
    const cacheKey = `${messageKey}/${language}`;
    const hit = this.cache.get(cacheKey);
    if (hit && hit.version === version) return structuredClone(hit.sections);
    const text = this.messages.lookup(messageKey, language) ?? '';
    const sections = this.parse(text, language);
    this.cache.set(cacheKey, { version, sections });
    return structuredClone(sections);
  }

  parse(text: string, language: string): SidebarSection[] {
    const sections: SidebarSection[] = [];
    let current: SidebarSection | null = null;
    for (const rawLine of text.split('\n')) {
      if (!rawLine.startsWith('*')) continue;
      if (!rawLine.startsWith('**')) {
        const heading = rawLine.replace(/^\*+/, '').trim();
        if (heading === '') continue;
        const existing = sections.find((s) => s.id === heading);
        if (existing) {
          current = existing;
        } else {
          const headingMsg = this.messages.msg(heading, language);
          current = { id: heading, heading: SIDEBAR_PLACEHOLDERS.has(heading) || !headingMsg.exists() ? heading : headingMsg.text(), links: [] };
          sections.push(current);
        }
        continue;
      }
      if (!current || SIDEBAR_PLACEHOLDERS.has(current.id)) continue;
      const link = this.parseLink(rawLine.replace(/^\*+/, '').trim(), language);
      if (link) current.links.push(link);
    }
    return sections;
  }

  private parseLink(line: string, language: string): NavLink | null {
    const pipe = line.indexOf('|');
    if (pipe < 0) return null;
    const targetKey = line.slice(0, pipe).trim();
    const textKey = line.slice(pipe + 1).trim();
    const targetMsg = this.messages.msg(targetKey, language);
    let target = targetKey;
    if (targetMsg.exists()) {
      if (targetMsg.isDisabled()) return null;
      target = targetMsg.text();
    }
    const textMsg = this.messages.msg(textKey, language);
    const text = textMsg.exists() ? textMsg.text() : textKey;
    if (text === '-' || target === '-') return null;
    if (EXTERNAL.test(target)) {
      return { id: sidebarItemId('n-', textKey), text, href: target, rel: this.noFollow ? 'nofollow' : undefined };
    }
    const title = this.titles.newFromText(target);
    if (!title) return null;
    return { id: sidebarItemId('n-', textKey), text, href: title.getLinkURL(), title: title.getPrefixedText() };
  }
}
