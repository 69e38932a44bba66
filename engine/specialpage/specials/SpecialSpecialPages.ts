/**
 * Special:SpecialPages (MediaWiki's SpecialSpecialpages): every listed
 * special page, core and extension, under a heading per group
 * (`specialpages-group-<group>`), each linked by its description message
 * and sorted by it. Pages with a restriction (a right they require) carry
 * MediaWiki's `mw-specialpagerestricted` class and are set in bold, so the
 * ones the reader may not be able to use stand out, and a legend explains
 * the marking.
 */
import type { RequestContext } from '../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { SpecialPage } from '../SpecialPage';
import { resolveIntlLocale } from '../../i18n/LanguageFallback';
import { specialPageTitle } from './SpecialPageHtml';

/**
 * The order of the groups on the page, as MediaWiki's core list produces
 * it; groups of extensions that are not listed here come after these, by
 * name, and "other" is always last (SpecialSpecialpages::getPageGroups).
 */
const GROUP_ORDER = ['maintenance', 'pages', 'login', 'users', 'changes', 'media', 'wiki', 'redirects', 'highuse', 'pagetools', 'spam', 'developer'];

interface Entry {
  page: SpecialPage;
  description: string;
  restricted: boolean;
}

export class SpecialSpecialPages extends SpecialPage {
  override readonly group = 'other';

  constructor() {
    super('SpecialPages');
  }

  async execute(context: RequestContext): Promise<void> {
    const factory = context.services.specialPageFactory;
    const groups = new Map<string, Entry[]>();
    for (const name of factory.getNames()) {
      const page = factory.getPage(name);
      if (!page || !page.listed) continue;
      const entry = { page, description: context.msg(page.getDescriptionKey()).text(), restricted: isRestricted(context, page.restriction) };
      const list = groups.get(page.group) ?? [];
      list.push(entry);
      groups.set(page.group, list);
    }

    const collator = new Intl.Collator(resolveIntlLocale(context.language));
    const rank = (group: string) => (group === 'other' ? Number.MAX_SAFE_INTEGER : GROUP_ORDER.includes(group) ? GROUP_ORDER.indexOf(group) : GROUP_ORDER.length);
    const ordered = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

    let anyRestricted = false;
    const sections: SafeHtml[] = [];
    for (const group of ordered) {
      const entries = groups.get(group)!.sort((a, b) => collator.compare(a.description, b.description));
      const items = entries.map((entry) => {
        anyRestricted ||= entry.restricted;
        return this.item(context, entry);
      });
      sections.push(html`<h2 class="mw-specialpagesgroup" id="mw-specialpagesgroup-${group}">${this.groupName(context, group)}</h2>
<div class="mw-specialpages-list"><ul>${items}</ul></div>\n`);
    }
    context.output.addHtml(html`<div class="mw-specialpages-body">${sections}</div>`);
    if (anyRestricted) {
      context.output.addHtml(html`<div class="mw-specialpages-notes"><h2 id="mw-specialpages-note-top">${context.msg('specialpages-note-top').text()}</h2><p class="mw-specialpagerestricted-note">${rawHtml(context.msg('specialpages-note-restricted').parse())}</p></div>`);
    }
  }

  private item(context: RequestContext, entry: Entry): SafeHtml {
    const title = specialPageTitle(context, entry.page.name);
    const link = html`<a href="${title.getLocalURL()}" title="${title.getPrefixedText()}">${entry.description}</a>`;
    if (!entry.restricted) return html`<li>${link}</li>\n`;
    // MediaWiki makes these bold with CSS; the markup does it here so every skin shows it.
    const usable = entry.page.userCanExecute(context);
    return html`<li class="mw-specialpagerestricted${usable ? '' : ' mw-specialpagerestricted-unusable'}"><strong>${link}</strong></li>\n`;
  }

  /** The group's heading; a group nobody wrote a message for is shown by its name. */
  private groupName(context: RequestContext, group: string): string {
    const msg = context.msg(`specialpages-group-${group}`);
    return msg.exists() ? msg.text() : group;
  }
}

/** SpecialPage::isRestricted(): a right is needed that not everyone ('*') has. */
function isRestricted(context: RequestContext, restriction: string): boolean {
  return restriction !== '' && !context.services.permissionManager.getGroupPermissions('*').includes(restriction);
}
