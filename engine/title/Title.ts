/**
 * A page title: namespace + DB key (+ optional fragment). The role of
 * MediaWiki's `Title`, without the database-backed parts (article ID, page
 * properties, permissions), which live in other modules.
 *
 * Titles are created only by `TitleFactory`, which does all parsing and
 * validation; a Title keeps a reference to its factory so that derived titles
 * (talk page, base page, subpages) are built by the same rules.
 */

import { escapeIdForLink } from '../parser/sanitizer/IdEscaping';
import { NS_MAIN, NS_SPECIAL, type NamespaceInfo } from './NamespaceInfo';
import { phpUrlencode, wfUrlencode } from './urlencode';

export interface UrlConfig {
  /** $wgServer, e.g. 'https://example.org' or 'http://localhost:8080' (no trailing slash). */
  server: string;
  /** $wgArticlePath, e.g. '/wiki/$1'. */
  articlePath: string;
  /** $wgScriptPath, e.g. '/w'; index.php lives under it ($wgScript). */
  scriptPath: string;
}

/** Values of a query given as an object. As in wfArrayToCgi(), null/undefined/false are left out. */
export type UrlQueryValue = string | number | boolean | null | undefined;
/** A query string ('action=edit') or an object of parameters in the order wanted. */
export type UrlQuery = string | Record<string, UrlQueryValue>;

/**
 * What a Title needs from the factory that made it. TitleFactory implements
 * this; it is an interface only to keep Title.ts free of a runtime import cycle.
 * @internal
 */
export interface TitleMaker {
  readonly namespaceInfo: NamespaceInfo;
  readonly urlConfig: UrlConfig;
  makeTitle(ns: number, dbKey: string, fragment?: string): Title;
  makeTitleSafe(ns: number, text: string, fragment?: string): Title | null;
}

/**
 * wfArrayToCgi(): 'key=value' pairs joined with '&', keys and values escaped
 * with PHP urlencode(), in the order given. null and false are skipped as in
 * MediaWiki, and so is undefined; true is written as '1' like PHP's (string)true.
 */
function buildQuery(query: UrlQuery | undefined): string {
  if (query === undefined) return '';
  if (typeof query === 'string') return query;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === false) continue;
    const str = value === true ? '1' : String(value);
    parts.push(`${phpUrlencode(key)}=${phpUrlencode(str)}`);
  }
  return parts.join('&');
}

// Sanitizer::escapeIdForLink lives with the other id escaping; Title uses the
// html5 mode, MediaWiki's default $wgFragmentMode.
export { escapeIdForLink };

export class Title {
  private readonly text: string;

  /**
   * @internal Use TitleFactory. `dbKey` must already be in DB key form
   * (underscores) and `fragment` in text form (spaces, no leading '#').
   */
  constructor(
    private readonly maker: TitleMaker,
    private readonly namespace: number,
    private readonly dbKey: string,
    private readonly fragment: string = '',
  ) {
    this.text = dbKey.replace(/_/g, ' ');
  }

  private get nsInfo(): NamespaceInfo {
    return this.maker.namespaceInfo;
  }

  getNamespace(): number {
    return this.namespace;
  }

  /** The title without namespace, with underscores: the page_title column. */
  getDBkey(): string {
    return this.dbKey;
  }

  /** The title without namespace, with spaces. */
  getText(): string {
    return this.text;
  }

  /**
   * Namespace name with spaces ('User talk'; '' for main). MediaWiki's
   * Title::getNsText() returns the underscore form; the prefixed forms below
   * are the same either way. A title made with an unknown namespace gets
   * 'Special:Badtitle/NS<n>' as MediaWiki does (T165149), so it can never be
   * mistaken for a main-namespace page.
   */
  getNsText(): string {
    if (this.namespace === NS_MAIN) return '';
    const name = this.nsInfo.getNamespaceName(this.namespace);
    if (name !== undefined) return name;
    return `${this.nsInfo.getNamespaceName(NS_SPECIAL) ?? 'Special'}:Badtitle/NS${this.namespace}`;
  }

  /** Title::prefix(): namespace name and ':' in front of `name`, except in main. */
  private prefix(name: string): string {
    return this.namespace === NS_MAIN ? name : `${this.getNsText()}:${name}`;
  }

  /** 'User_talk:Foo_bar' */
  getPrefixedDBkey(): string {
    return this.prefix(this.dbKey).replace(/ /g, '_');
  }

  /** 'User talk:Foo bar' */
  getPrefixedText(): string {
    return this.prefix(this.text).replace(/_/g, ' ');
  }

  /** wfUrlencode() of the prefixed DB key: the form used in URLs (Title::getPrefixedURL). */
  getPrefixedURL(): string {
    return wfUrlencode(this.getPrefixedDBkey());
  }

  /** Prefixed text plus '#fragment' when there is one. */
  getFullText(): string {
    return this.hasFragment() ? `${this.getPrefixedText()}#${this.fragment}` : this.getPrefixedText();
  }

  /** The part after '#', with spaces (MediaWiki keeps it as typed apart from '_' → ' '). */
  getFragment(): string {
    return this.fragment;
  }

  hasFragment(): boolean {
    return this.fragment !== '';
  }

  /** The same page with another fragment ('' for none). */
  createFragmentTarget(fragment: string): Title {
    return this.maker.makeTitle(this.namespace, this.dbKey, fragment);
  }

  isSpecialPage(): boolean {
    return this.namespace === NS_SPECIAL;
  }

  /**
   * Is this Special:<name> (with or without a '/subpage')? MediaWiki resolves
   * the page name through SpecialPageFactory::resolveAlias(), which case-folds
   * it, so 'Special:recentchanges' and 'Special:RECENTCHANGES' are both the
   * Recentchanges page. Without an alias table, a case-insensitive comparison
   * with the canonical name is the equivalent.
   */
  isSpecial(name: string): boolean {
    if (!this.isSpecialPage()) return false;
    const slash = this.dbKey.indexOf('/');
    const pageName = slash === -1 ? this.dbKey : this.dbKey.slice(0, slash);
    return pageName.toLowerCase() === name.replace(/ /g, '_').toLowerCase();
  }

  /** True in NS_MAIN with no text: a same-page '#fragment' link. */
  private isFragmentOnly(): boolean {
    return this.namespace === NS_MAIN && this.dbKey === '';
  }

  isTalkPage(): boolean {
    return this.nsInfo.isTalk(this.namespace);
  }

  /**
   * NamespaceInfo::canHaveTalkPage(): false for Special/Media and for
   * fragment-only links ('#foo'), which are not pages.
   */
  canHaveTalkPage(): boolean {
    return this.nsInfo.hasTalkNamespace(this.namespace) && this.text !== '';
  }

  /** Talk page of this page (itself if already a talk page). Throws for Special/Media. */
  getTalkPage(): Title {
    const talkNs = this.nsInfo.getTalk(this.namespace);
    return talkNs === this.namespace ? this : this.maker.makeTitle(talkNs, this.dbKey);
  }

  /** Talk page, or null when this title cannot have one (Title::getTalkPageIfDefined). */
  getTalkPageIfDefined(): Title | null {
    return this.canHaveTalkPage() ? this.getTalkPage() : null;
  }

  /**
   * Subject page of this page (itself if already a subject page). As in
   * MediaWiki, Special and Media titles are their own subject page.
   */
  getSubjectPage(): Title {
    const subjectNs = this.nsInfo.getSubject(this.namespace);
    return subjectNs === this.namespace ? this : this.maker.makeTitle(subjectNs, this.dbKey);
  }

  /** The talk page of a subject page, or the subject page of a talk page. Throws for Special/Media. */
  getOtherPage(): Title {
    if (this.namespace < NS_MAIN) {
      throw new Error(`${this.getPrefixedText()}: special pages cannot have other pages`);
    }
    if (this.isTalkPage()) return this.getSubjectPage();
    if (!this.canHaveTalkPage()) {
      throw new Error(`${this.getPrefixedText()} does not have an other page`);
    }
    return this.getTalkPage();
  }

  /**
   * Can this title be a page in the database? Not Special/Media, not a
   * fragment-only link, and in a namespace the wiki knows (Title::canExist).
   */
  canExist(): boolean {
    return this.namespace >= NS_MAIN && this.dbKey !== '' && this.nsInfo.exists(this.namespace);
  }

  inNamespace(ns: number): boolean {
    return this.namespace === ns;
  }

  isContentPage(): boolean {
    return this.nsInfo.isContent(this.namespace);
  }

  /** Subpages only exist where $wgNamespacesWithSubpages enables them. */
  isSubpage(): boolean {
    return this.nsInfo.hasSubpages(this.namespace) && this.text.includes('/');
  }

  /**
   * Title::findSubpageDivider(): index of the first (dir +1) or last (dir -1)
   * '/' that separates two parts of a page name, or -1. Leading slashes do not
   * divide anything ('/Foo' has no parent, T229443), so a divider at index 0
   * doesn't count; trailing slashes do (empty subpage names are allowed).
   */
  private findSubpageDivider(text: string, dir: 1 | -1): number {
    let idx: number;
    if (dir > 0) {
      // Skip leading slashes, but keep the last one when there is nothing but slashes.
      let bottom = 0;
      while (bottom < text.length - 1 && text[bottom] === '/') bottom++;
      idx = text.indexOf('/', bottom);
    } else {
      idx = text.lastIndexOf('/');
    }
    return idx <= 0 ? -1 : idx;
  }

  /** Text before the first subpage '/': 'API reference/Core/Pages' → 'API reference'. */
  getRootText(): string {
    if (!this.nsInfo.hasSubpages(this.namespace)) return this.text;
    const idx = this.findSubpageDivider(this.text, 1);
    return idx === -1 ? this.text : this.text.slice(0, idx);
  }

  /** Text before the last subpage '/': 'API reference/Core/Pages' → 'API reference/Core'. */
  getBaseText(): string {
    if (!this.nsInfo.hasSubpages(this.namespace)) return this.text;
    const idx = this.findSubpageDivider(this.text, -1);
    return idx === -1 ? this.text : this.text.slice(0, idx);
  }

  /** Text after the last subpage '/': 'API reference/Core/Pages' → 'Pages' (T256922: whole text if none). */
  getSubpageText(): string {
    if (!this.nsInfo.hasSubpages(this.namespace)) return this.text;
    const idx = this.findSubpageDivider(this.text, -1);
    return idx === -1 ? this.text : this.text.slice(idx + 1);
  }

  /**
   * Title of getRootText(). MediaWiki asserts this always parses; for a title
   * built by makeTitle() from bad data it may not, and then (like MediaWiki
   * before 1.38, T290194) we return this title rather than fail a page view.
   */
  getRootTitle(): Title {
    return this.maker.makeTitleSafe(this.namespace, this.getRootText()) ?? this;
  }

  /** Title of getBaseText(); see getRootTitle() about the fallback. */
  getBaseTitle(): Title {
    return this.maker.makeTitleSafe(this.namespace, this.getBaseText()) ?? this;
  }

  /** This title + '/' + text, validated; null if that isn't a valid title. */
  getSubpage(text: string): Title | null {
    return this.maker.makeTitleSafe(this.namespace, `${this.text}/${text}`);
  }

  /**
   * Title::isSubpageOf(): a plain prefix test on the DB key, deliberately not
   * consulting hasSubpages().
   */
  isSubpageOf(other: Title): boolean {
    return this.namespace === other.namespace && this.dbKey.startsWith(`${other.dbKey}/`);
  }

  /** Same page: namespace and DB key (the fragment is ignored). */
  isSameAs(other: Title): boolean {
    return this.namespace === other.namespace && this.dbKey === other.dbKey;
  }

  equals(other: Title): boolean {
    return this.isSameAs(other);
  }

  /** '#' + escaped fragment, or '' (Title::getFragmentForURL). */
  getFragmentForURL(): string {
    return this.hasFragment() ? `#${escapeIdForLink(this.fragment)}` : '';
  }

  /**
   * URL path of the page, without server or fragment (Title::getLocalURL).
   * Without a query it is $wgArticlePath with the wfUrlencode()d prefixed DB
   * key ('/wiki/Talk:Foo'); with one it is
   * '$wgScript?title=<key>&<query>'. A query of '-' asks for the index.php
   * form with no parameters, as in MediaWiki.
   */
  getLocalURL(query?: UrlQuery): string {
    const { articlePath, scriptPath } = this.maker.urlConfig;
    const q = buildQuery(query);
    const dbKey = this.getPrefixedURL();
    if (q === '') return articlePath.split('$1').join(dbKey);
    return `${scriptPath}/index.php?title=${dbKey}&${q === '-' ? '' : q}`;
  }

  /**
   * Simplest URL for linking to this title from a page of this wiki: the local
   * URL plus fragment, or just '#fragment' for a fragment-only title.
   */
  getLinkURL(query?: UrlQuery): string {
    if (this.isFragmentOnly() && this.hasFragment()) return this.getFragmentForURL();
    return this.getLocalURL(query) + this.getFragmentForURL();
  }

  /**
   * Absolute URL (Title::getFullURL): $wgServer + local URL, then the fragment,
   * which MediaWiki's getFullURL also appends. A protocol-relative or absolute
   * local URL is left alone, as wfExpandUrl() would.
   */
  getFullURL(query?: UrlQuery): string {
    const local = this.getLocalURL(query);
    const expanded = local.startsWith('/') && !local.startsWith('//') ? this.maker.urlConfig.server + local : local;
    return expanded + this.getFragmentForURL();
  }

  /** Title::getEditURL(): the local URL with action=edit. */
  getEditURL(): string {
    return this.getLocalURL({ action: 'edit' });
  }

  toString(): string {
    return this.getPrefixedText();
  }
}
