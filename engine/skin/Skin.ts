/**
 * The skin interface. The engine prepares everything a page shows as data
 * (SkinData); a skin only turns that data into an HTML document. Skins are
 * registered by the extension registry, so the engine never names one except
 * its built-in fallback.
 */
import type { Message } from '../i18n/Message';
import type { MessageParam } from '../i18n/MessageFormatter';
import type { Title } from '../title/Title';
import type { User } from '../user/User';

/** One link in a menu (MediaWiki's content_navigation / personal_urls items). */
export interface NavLink {
  id: string;
  text: string;
  href: string;
  title?: string;
  accesskey?: string;
  /** 'selected', 'new' (red link) … */
  classes?: string[];
  rel?: string;
}

export interface SidebarSection {
  id: string;
  heading: string;
  links: NavLink[];
}

export interface CategoryBoxItem {
  name: string;
  href: string;
  exists: boolean;
  /** A hidden category (__HIDDENCAT__); only present where MediaWiki shows them (category pages). */
  hidden?: boolean;
}

export interface SkinData {
  title: Title | null;
  /** HTML of the first heading (DISPLAYTITLE or title text), already safe. */
  displayTitleHtml: string;
  /** Plain text for <title>. */
  htmlTitle: string;
  contentHtml: string;
  subtitleHtml: string;
  /** Site notice / warnings shown above the content (safe HTML). */
  siteNoticeHtml: string;
  /** Namespace tabs (page, talk) and views (read, edit, history), actions (move, delete…). */
  namespaces: NavLink[];
  views: NavLink[];
  actions: NavLink[];
  personal: NavLink[];
  sidebar: SidebarSection[];
  footerLinks: NavLink[];
  footerInfo: string[];
  categories: CategoryBoxItem[];
  /** The #catlinks box built from `categories` (MediaWiki's 'catlinks' template data); '' when empty. */
  catlinksHtml: string;
  language: string;
  dir: 'ltr' | 'rtl';
  /**
   * Language and direction of the page's content, for #mw-content-text
   * (Title::getPageViewLanguage()): the wiki's content language on pages
   * that can exist, the interface language on special pages.
   */
  contentLanguage: string;
  contentDir: 'ltr' | 'rtl';
  bodyClasses: string[];
  /** Stylesheet URLs in load order (skin styles first, then site CSS). */
  styles: string[];
  scripts: string[];
  /** <meta> robots value. */
  robots: string;
  isMainPage: boolean;
  isArticle: boolean;
  action: string;
  user: User;
  /** The user's rights (skins show page tools by right, e.g. the portal's `edit-docs`). */
  userRights: readonly string[];
  /** Search form target and current query. */
  searchUrl: string;
  searchQuery: string;
  mainPageHref: string;
  logoUrl: string;
  siteName: string;
  /** Canonical link (MediaWiki outputs one for views of pages). */
  canonicalUrl: string | null;
  /** Last-modified info: MW timestamp of the displayed revision. */
  lastModified: string | null;
  revisionId: number | null;
  msg(key: string, ...params: MessageParam[]): Message;
}

export interface Skin {
  /** Lower-case skin name used in `useskin=` and settings (MediaWiki's skinname). */
  readonly name: string;
  /** Stylesheet URLs the skin needs (served from its resources directory). */
  readonly styles: readonly string[];
  readonly scripts: readonly string[];
  /** The whole page; a skin that reads SkinServices (trees, link sections) may answer asynchronously. */
  render(data: SkinData): string | Promise<string>;
}
