/**
 * The WikimediaApiPortal skin (upstream mediawiki-skins-WikimediaApiPortal,
 * re-implemented as server-rendered HTML on Codex design tokens).
 *
 * Page structure: a fixed header (jump link, menu button below 992 px,
 * logo, navigation from MediaWiki:Sidebar, search, user menu); a left
 * sidebar with the documentation tree of the current section, or the
 * "dashboard" on the configured special pages; the content with its page
 * tools; the footer with link groups from a message in sidebar syntax.
 *
 * Everything works without JavaScript: dropdowns and the menu are
 * <details> elements, in-page anchors clear the fixed header through
 * `scroll-padding-top`; resources/skin.js only adds conveniences.
 *
 * Work per request is small: the tree is built once per SubpageTree answer
 * (PageTreeCache), messages and dates that cost a parse are memoised by
 * their source text, and the rest is string building.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { html, rawHtml, SafeHtml } from '../../engine/html/Html';
import type { SkinModuleContext } from '../../engine/registry/ExtensionRegistry';
import type { NavLink, Skin, SkinData } from '../../engine/skin/Skin';
import { headElement } from '../../engine/skin/HeadElement';
import type { SkinServices } from '../../engine/skin/SkinServices';
import { NS_SPECIAL } from '../../engine/title/NamespaceInfo';
import type { Title } from '../../engine/title/Title';
import { formatUserDate } from '../../engine/util/Timestamp';
import { DashboardItem, navSections, renderDashboard, renderMenuSections, renderPrimaryNav, renderTree } from './src/Navigation';
import { PageTreeCache, PageTreeNode } from './src/PageTree';

export const SKIN_NAME = 'wikimediaapiportal';
const FOOTER_LINKS_MESSAGE = 'wikimediaapiportal-skin-footer-links';
const CONTACT_URL = 'https://wikimediafoundation.org/about/contact/';
const ABOUT_URL = 'https://wikimediafoundation.org/about/';

export interface PortalSkinConfig {
  /** Special pages with the dashboard sidebar (upstream $wgWMAPIPSidebarSpecialPages). */
  sidebarSpecialPages: string[];
  /** Special pages listed first in the user menu (upstream $wgWMAPIPExtraUserMenuSpecialPages). */
  extraUserMenuSpecialPages: string[];
  /** Pages (and everything below them) that use the full width instead of 775 px. */
  fullWidthPages: string[];
}

function stringList(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;
}

export function readConfig(config: Readonly<Record<string, unknown>>): PortalSkinConfig {
  return {
    sidebarSpecialPages: stringList(config.WMAPIPSidebarSpecialPages, ['AppManagement', 'Notifications', 'Preferences']),
    extraUserMenuSpecialPages: stringList(config.WMAPIPExtraUserMenuSpecialPages, ['AppManagement']),
    fullWidthPages: stringList(config.WMAPIPFullWidthPages, ['API reference']),
  };
}

/** A resource URL with a content hash, so browsers refetch a changed file despite caching. */
function versioned(dir: string, resourceUrl: string, file: string): string {
  let version = '0';
  try {
    version = createHash('sha1').update(fs.readFileSync(path.join(dir, 'resources', file))).digest('hex').slice(0, 8);
  } catch {
    // A missing file is served as 404; the page still renders.
  }
  return `${resourceUrl}/${file}?v=${version}`;
}

/** A bounded memo (first-in, first-out) for values derived from message texts and dates. */
class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string, make: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = make();
      if (this.map.size >= this.size) this.map.delete(this.map.keys().next().value as string);
      this.map.set(key, value);
    }
    return value;
  }
}

interface PageToolLinks {
  discussion: NavLink | null;
  lastEdit: NavLink | null;
  primary: NavLink[];
  secondary: NavLink[];
}

export class WikimediaApiPortalSkin implements Skin {
  readonly name = SKIN_NAME;
  readonly styles: readonly string[];
  readonly scripts: readonly string[];
  private readonly trees: PageTreeCache;
  private readonly config: PortalSkinConfig;
  private readonly scriptUrl: string;
  private readonly parsed = new Memo<string>(200);
  private readonly dates = new Memo<string>(500);
  private readonly subpageNamespaces = new Map<number, boolean>();

  constructor(
    context: SkinModuleContext,
    private readonly services: SkinServices = context.services,
  ) {
    this.config = readConfig(context.config);
    this.trees = new PageTreeCache(services.subpageTree);
    this.styles = [versioned(context.dir, context.resourceUrl, 'codex-tokens.css'), versioned(context.dir, context.resourceUrl, 'skin.css')];
    this.scripts = [versioned(context.dir, context.resourceUrl, 'skin.js')];
    this.scriptUrl = `${services.titleFactory.urlConfig.scriptPath}/index.php`;
  }

  private hasSubpages(namespace: number): boolean {
    let known = this.subpageNamespaces.get(namespace);
    if (known === undefined) {
      known = this.services.titleFactory.namespaceInfo.hasSubpages(namespace);
      this.subpageNamespaces.set(namespace, known);
    }
    return known;
  }

  /** A parse-mode message, parsed once per language and text (an on-wiki edit changes the text, so the key). */
  private parsedMessage(d: SkinData, key: string): SafeHtml {
    const message = d.msg(key);
    const source = message.plain();
    return rawHtml(this.parsed.get(`${d.language}\n${key}\n${source}`, () => message.parse()));
  }

  private userDate(ts: string, language: string): string {
    return this.dates.get(`${language}\n${ts.slice(0, 8)}`, () => formatUserDate(ts, language));
  }

  /** The subject page whose tree the sidebar shows, or null when the page has none. */
  private async pageTree(title: Title): Promise<{ root: Title; nodes: PageTreeNode[]; currentKey: string } | null> {
    const subject = title.getSubjectPage();
    if (!this.hasSubpages(subject.getNamespace())) return null;
    const root = subject.getRootTitle();
    const nodes = await this.trees.get(root);
    if (nodes.length === 0) return null;
    return { root, nodes, currentKey: subject.getPrefixedDBkey() };
  }

  /**
   * The dashboard on the configured special pages: those of them that are
   * installed (upstream SecondaryNavComponent asks SpecialPageFactory::exists),
   * labelled with the page's description message.
   */
  private dashboard(d: SkinData, title: Title): DashboardItem[] | null {
    const current = title.getDBkey().split('/')[0].toLowerCase();
    if (!this.config.sidebarSpecialPages.some((name) => name.toLowerCase() === current)) return null;
    const items: DashboardItem[] = [];
    for (const name of this.config.sidebarSpecialPages) {
      if (!this.services.specialPageExists(name)) continue;
      const href = this.services.titleFactory.makeTitle(NS_SPECIAL, name).getLocalURL();
      const active = name.toLowerCase() === current;
      const description = d.msg(name.toLowerCase());
      items.push({ text: description.exists() ? description.text() : name, href, active });
    }
    return items.some((item) => item.active) ? items : null;
  }

  private pageTools(d: SkinData, title: Title): PageToolLinks | null {
    if ((d.action !== 'view' && d.action !== 'history') || !title.canExist() || d.isMainPage) return null;
    const byId = (list: readonly NavLink[], id: string) => list.find((link) => link.id === id) ?? null;
    const returnLabel = d.msg('wikimediaapiportal-skin-return-to-page-label').text();
    let discussion: NavLink | null = null;
    if (d.action === 'view') {
      if (title.isTalkPage()) {
        const subject = d.namespaces.find((link) => link.id.startsWith('ca-nstab-'));
        if (subject) discussion = { ...subject, text: returnLabel, classes: [...(subject.classes ?? []).filter((c) => c !== 'selected'), 'wm-return'] };
      } else {
        const talk = byId(d.namespaces, 'ca-talk');
        if (talk) discussion = { ...talk, classes: (talk.classes ?? []).filter((c) => c !== 'selected') };
      }
    } else {
      const view = byId(d.views, 'ca-view');
      if (view) discussion = { ...view, id: 'ca-view', text: returnLabel, classes: ['wm-return'] };
    }
    let lastEdit: NavLink | null = null;
    const history = byId(d.views, 'ca-history');
    if (d.action === 'view' && history && d.lastModified) {
      lastEdit = { ...history, id: 'wm-last-edit', text: d.msg('wikimediaapiportal-skin-updated-ts-label', this.userDate(d.lastModified, d.language)).text(), classes: [] };
    }
    const editsDocs = d.userRights.includes('edit-docs');
    const primary: NavLink[] = [];
    const secondary: NavLink[] = [];
    if (editsDocs || title.isTalkPage()) {
      const edit = byId(d.views, 'ca-edit');
      if (edit && d.action === 'view') primary.push(edit);
      // Move and delete appear when the engine offers them (it filters them by right).
      if (editsDocs && d.action === 'view') {
        for (const id of ['ca-move', 'ca-delete']) {
          const action = byId(d.actions, id);
          if (action) secondary.push(action);
        }
      }
    }
    return { discussion, lastEdit, primary, secondary };
  }

  private renderPageTools(d: SkinData, tools: PageToolLinks, mobile: boolean): SafeHtml {
    const button = (link: NavLink, icon: string, extra = '') =>
      html`<a${mobile ? '' : html` id="${link.id}"`} class="wm-button${extra}${link.classes?.includes('new') ? ' new' : ''}" href="${link.href}"${link.title ? html` title="${link.title}"` : ''}${!mobile && link.accesskey ? html` accesskey="${link.accesskey}"` : ''}><span class="wm-icon ${icon}" aria-hidden="true"></span><span>${link.text}</span></a>`;
    const parts: SafeHtml[] = [];
    if (tools.discussion) parts.push(button(tools.discussion, tools.discussion.classes?.includes('wm-return') ? 'wm-icon-previous' : 'wm-icon-talk', ' wm-button-quiet'));
    if (tools.lastEdit) parts.push(button(tools.lastEdit, 'wm-icon-history', ' wm-button-quiet'));
    for (const link of tools.primary) parts.push(button(link, 'wm-icon-edit', ' wm-button-progressive'));
    if (tools.secondary.length && mobile) {
      for (const link of tools.secondary) parts.push(button(link, link.id === 'ca-delete' ? 'wm-icon-trash' : 'wm-icon-move', link.id === 'ca-delete' ? ' wm-button-destructive' : ''));
    } else if (tools.secondary.length) {
      const label = d.msg('wikimediaapiportal-skin-more-label').text();
      const items = tools.secondary.map((link) => html`<li><a id="${link.id}" href="${link.href}"${link.id === 'ca-delete' ? html` class="wm-destructive"` : ''}>${link.text}</a></li>`);
      parts.push(html`<details class="wm-dropdown wm-dropdown-end wm-page-tools-more"><summary id="wm-page-tools-more" class="wm-button wm-button-quiet wm-button-icon" title="${label}"><span class="wm-icon wm-icon-ellipsis" aria-hidden="true"></span><span class="wm-sr-only">${label}</span></summary><ul class="wm-dropdown-menu">${items}</ul></details>`);
    }
    if (parts.length === 0) return html``;
    const label = d.msg('wikimediaapiportal-skin-page-tools-label').text();
    return mobile
      ? html`<div class="wm-menu-tools" role="group" aria-label="${label}">${parts}</div>`
      : html`<div id="wm-page-tools" class="wm-page-tools" role="group" aria-label="${label}">${parts}</div>`;
  }

  private renderUserMenu(d: SkinData): SafeHtml {
    const byId = (id: string) => d.personal.find((link) => link.id === id);
    if (d.user.id === 0) {
      const login = byId('pt-login');
      if (!login) return html``;
      return html`<div id="p-personal" class="wm-user-menu"><a id="pt-login" class="wm-button wm-button-quiet wm-login" href="${login.href}">${d.msg('wikimediaapiportal-skin-login-link-label').text()}</a></div>`;
    }
    const items: SafeHtml[] = [];
    // Upstream UserMenuComponent: the configured special pages that are installed, before Preferences and Log out.
    for (const name of this.config.extraUserMenuSpecialPages) {
      if (!this.services.specialPageExists(name)) continue;
      const href = this.services.titleFactory.makeTitle(NS_SPECIAL, name).getLocalURL();
      const description = d.msg(name.toLowerCase());
      items.push(html`<li><a href="${href}">${description.exists() ? description.text() : name}</a></li>`);
    }
    for (const id of ['pt-preferences', 'pt-logout']) {
      const link = byId(id);
      if (link) items.push(html`<li id="${id}"><a href="${link.href}"${link.title ? html` title="${link.title}"` : ''}>${link.text}</a></li>`);
    }
    const label = d.msg('wikimediaapiportal-skin-user-menu-label', d.user.name).text();
    return html`<nav id="p-personal" class="wm-user-menu" aria-label="${d.msg('personaltools').text()}"><details class="wm-dropdown wm-dropdown-end"><summary class="wm-button wm-button-quiet wm-button-icon" title="${label}"><span class="wm-icon wm-icon-user" aria-hidden="true"></span><span class="wm-sr-only">${label}</span></summary><div class="wm-dropdown-menu"><p class="wm-user-name">${d.user.name}</p><ul>${items}</ul></div></details></nav>`;
  }

  private renderSearch(d: SkinData): SafeHtml {
    const label = d.msg('search').text();
    const searchPage = this.services.titleFactory.makeTitle(NS_SPECIAL, 'Search');
    return html`<form id="searchform" class="wm-search" role="search" aria-label="${d.msg('tooltip-wikimediaapiportal-skin-search-title').text()}" action="${this.scriptUrl}" method="get"><input type="hidden" name="title" value="${searchPage.getPrefixedText()}"><label for="searchInput" class="wm-sr-only">${label}</label><input type="search" id="searchInput" class="wm-search-input" name="search" value="${d.searchQuery}" placeholder="${d.msg('wikimediaapiportal-skin-search-placeholder').text()}" title="${d.msg('tooltip-wikimediaapiportal-skin-search-title').text()}" autocomplete="off" accesskey="f"><button type="submit" class="wm-button wm-button-quiet wm-button-icon wm-search-submit" title="${d.msg('searchbutton').text()}"><span class="wm-icon wm-icon-search" aria-hidden="true"></span><span class="wm-sr-only">${d.msg('searchbutton').text()}</span></button><button type="button" class="wm-button wm-button-quiet wm-button-icon wm-search-close" hidden title="${d.msg('wikimediaapiportal-skin-button-clear-search-label').text()}"><span class="wm-icon wm-icon-close" aria-hidden="true"></span><span class="wm-sr-only">${d.msg('wikimediaapiportal-skin-button-clear-search-label').text()}</span></button></form><a class="wm-button wm-button-quiet wm-button-icon wm-search-link" href="${searchPage.getLocalURL()}" title="${label}"><span class="wm-icon wm-icon-search" aria-hidden="true"></span><span class="wm-sr-only">${label}</span></a>`;
  }

  private renderFooter(d: SkinData): SafeHtml {
    const groups = this.services.buildLinkSections(FOOTER_LINKS_MESSAGE, d.language).filter((section) => section.links.length > 0);
    const groupHtml = groups.map(
      (group, i) =>
        html`<section class="wm-footer-group${i === 0 ? ' wm-footer-group-first' : ''}" aria-labelledby="wm-footer-group-${i}"><h2 id="wm-footer-group-${i}" class="wm-footer-group-name">${group.heading}</h2><ul>${group.links.map(
          (link) => html`<li><a href="${link.href}">${link.text}</a></li>`,
        )}</ul></section>`,
    );
    return html`<footer id="footer" class="wm-footer">
<div class="wm-footer-inner">
<div class="wm-footer-top">
<div class="wm-footer-info"><span class="wm-footer-logo" role="img" aria-label="${d.msg('wikimediaapiportal-skin-footer-label').text()}"></span><p>${this.parsedMessage(d, 'wikimediaapiportal-skin-wikimedia-info')}</p></div>
<div class="wm-footer-buttons"><a class="wm-button" href="${CONTACT_URL}">${d.msg('wikimediaapiportal-skin-button-contact-label').text()}</a><a class="wm-button" href="${ABOUT_URL}">${d.msg('wikimediaapiportal-skin-button-about-wm-label').text()}</a></div>
</div>
${groups.length ? html`<div class="wm-footer-links">${groupHtml}</div>` : ''}
<div class="wm-footer-disclaimer">${this.parsedMessage(d, 'wikimediaapiportal-skin-disclaimer')}</div>
</div>
</footer>`;
  }

  /** The heading: on views of subpages only the last title segment (upstream's setSubpageDisplayTitle). */
  private headingHtml(d: SkinData, title: Title | null): SafeHtml {
    if (title && d.action === 'view' && title.canExist() && title.isSubpage()) {
      const ns = title.getNsText();
      return html`${ns ? `${ns.replace(/_/g, ' ')}:` : ''}${title.getSubpageText()}`;
    }
    return rawHtml(d.displayTitleHtml);
  }

  private isFullWidth(title: Title): boolean {
    const subject = title.getSubjectPage();
    if (subject.getNamespace() !== 0) return false;
    const text = subject.getText();
    return this.config.fullWidthPages.some((page) => text === page || text.startsWith(`${page}/`));
  }

  async render(d: SkinData): Promise<string> {
    const title = d.title;
    const currentUrl = title ? title.getLinkURL() : null;
    const sections = navSections(d.sidebar, currentUrl);
    const navLabel = d.msg('navigation-heading').text();

    let sidebar: SafeHtml | null = null;
    let menuTree: SafeHtml | null = null;
    let treeLabel = '';
    if (title && title.isSpecialPage()) {
      const items = this.dashboard(d, title);
      if (items) {
        const tree = renderDashboard(items);
        treeLabel = d.msg('wikimediaapiportal-skin-dashboard-label').text();
        sidebar = html`<nav id="wm-page-nav" class="wm-page-nav" aria-label="${treeLabel}">${tree}</nav>`;
        menuTree = tree;
      }
    } else if (title && title.canExist()) {
      const tree = await this.pageTree(title);
      if (tree) {
        const treeHtml = renderTree(tree.nodes, tree.currentKey);
        treeLabel = d.msg('wikimediaapiportal-skin-page-nav-label', tree.root.getPrefixedText()).text();
        sidebar = html`<nav id="wm-page-nav" class="wm-page-nav" aria-label="${treeLabel}">${treeHtml}</nav>`;
        menuTree = treeHtml;
      }
    }

    const tools = title && !title.isSpecialPage() ? this.pageTools(d, title) : null;
    const bodyClasses = [...d.bodyClasses, sidebar ? 'wm-has-page-nav' : 'wm-no-page-nav'];
    if (!d.views.some((link) => link.id === 'ca-edit')) bodyClasses.push('wm-no-edit');
    if (d.isMainPage && d.action === 'view') bodyClasses.push('wm-mainpage');
    else if (title && title.canExist() && d.action === 'view') bodyClasses.push(this.isFullWidth(title) ? 'wm-content-wide' : 'wm-content-narrow');

    const mainPageLabel = d.msg('mainpage-description').text();
    // With a tree, the menu shows it (as upstream) and, below it, the other header sections.
    const otherSections = menuTree ? sections.filter((section) => !section.active) : sections;
    const siteMenu = otherSections.length ? html`<nav class="wm-menu-site" aria-label="${navLabel}">${renderMenuSections(otherSections, currentUrl)}</nav>` : '';
    const menuBody = menuTree
      ? html`${tools ? this.renderPageTools(d, tools, true) : ''}<a class="wm-menu-mainpage" href="${d.mainPageHref}"><span class="wm-icon wm-icon-previous" aria-hidden="true"></span>${mainPageLabel}</a><nav class="wm-menu-tree" aria-label="${treeLabel}">${menuTree}</nav>${siteMenu}`
      : siteMenu;
    const menuLabel = d.msg('wikimediaapiportal-skin-menu-label').text();

    // Upstream Skin::initPage's viewport, with shrink-to-fit for old Safari.
    const doc = html`${headElement(d, { viewport: 'width=device-width, initial-scale=1, shrink-to-fit=no' })}
<body class="${bodyClasses.join(' ')}">
<a class="mw-jump-link" href="#content">${d.msg('wikimediaapiportal-jumpto-content').text()}</a>
<header id="wm-header" class="wm-header">
<div class="wm-header-inner">
<details id="wm-menu" class="wm-menu"><summary class="wm-button wm-button-quiet wm-button-icon wm-menu-button" title="${menuLabel}"><span class="wm-icon wm-icon-menu" aria-hidden="true"></span><span class="wm-sr-only">${menuLabel}</span></summary><div id="mw-navigation--small" class="wm-menu-panel">${menuBody}</div></details>
<a id="p-logo" class="wm-logo" href="${d.isMainPage ? '#' : d.mainPageHref}" title="${d.msg('tooltip-p-logo').text()}"><span class="wm-logo-icon" aria-hidden="true"></span><span class="wm-site-name"><span class="wm-site-name-main">${d.msg('wikimediaapiportal-skin-site-name-main').text()}</span> <span class="wm-site-name-sub">${d.msg('wikimediaapiportal-skin-site-name-sub').text()}</span></span></a>
${renderPrimaryNav(sections, currentUrl, navLabel)}
<div class="wm-header-tools">${this.renderSearch(d)}${this.renderUserMenu(d)}</div>
</div>
</header>
<div class="wm-page">
${sidebar ? html`<div class="wm-page-nav-column">${sidebar}</div>\n` : ''}<main id="content" class="mw-body">
<a id="top"></a>
${d.siteNoticeHtml ? html`<div id="siteNotice">${rawHtml(d.siteNoticeHtml)}</div>\n` : ''}<div class="wm-content-header">
<h1 id="firstHeading" class="firstHeading mw-first-heading">${this.headingHtml(d, title)}</h1>
${tools ? this.renderPageTools(d, tools, false) : ''}
</div>
<div id="bodyContent" class="wm-body-content">
${d.subtitleHtml ? html`<div id="contentSub">${rawHtml(d.subtitleHtml)}</div>\n` : ''}<div id="mw-content-text" class="mw-body-content mw-content-${d.contentDir}" lang="${d.contentLanguage}" dir="${d.contentDir}">${rawHtml(d.contentHtml)}</div>
${rawHtml(d.catlinksHtml)}
</div>
</main>
</div>
${this.renderFooter(d)}
</body>
</html>
`;
    return doc.value;
  }
}

/** The SkinFactory the registry calls (skin.json ValidSkinNames). */
export default function createWikimediaApiPortalSkin(context: SkinModuleContext): Skin {
  return new WikimediaApiPortalSkin(context);
}

