/**
 * Namespace registry: the role of MediaWiki's `NamespaceInfo` service, plus the
 * namespace-name tables that MediaWiki keeps on `Language` (`getNsText`,
 * `getNsIndex`). The wiki is English-only, so canonical and local names are the
 * same except for the project namespace, which is named after the site.
 */

export const NS_MEDIA = -2;
export const NS_SPECIAL = -1;
export const NS_MAIN = 0;
export const NS_TALK = 1;
export const NS_USER = 2;
export const NS_USER_TALK = 3;
export const NS_PROJECT = 4;
export const NS_PROJECT_TALK = 5;
export const NS_FILE = 6;
export const NS_FILE_TALK = 7;
export const NS_MEDIAWIKI = 8;
export const NS_MEDIAWIKI_TALK = 9;
export const NS_TEMPLATE = 10;
export const NS_TEMPLATE_TALK = 11;
export const NS_HELP = 12;
export const NS_HELP_TALK = 13;
export const NS_CATEGORY = 14;
export const NS_CATEGORY_TALK = 15;

export interface NamespaceConfig {
  /** $wgSitename. The project namespace defaults to it with spaces turned into underscores. */
  sitename: string;
  /** $wgMetaNamespace: overrides the project namespace name when set. */
  metaNamespace?: string;
  /** $wgNamespacesWithSubpages */
  namespacesWithSubpages: Record<number, boolean>;
  /** $wgCapitalLinks */
  capitalLinks: boolean;
  /** $wgCapitalLinkOverrides, keyed by subject namespace */
  capitalLinkOverrides?: Record<number, boolean>;
  /** $wgExtraNamespaces, e.g. {1198: 'Translations', 1199: 'Translations_talk'} */
  extraNamespaces?: Record<number, string>;
  /** $wgNamespaceAliases: extra names (any case, spaces or underscores) for existing namespaces */
  namespaceAliases?: Record<string, number>;
  /** $wgContentNamespaces; NS_MAIN is always a content namespace. Default [0]. */
  contentNamespaces?: number[];
}

/** MediaWiki's default $wgNamespacesWithSubpages (DefaultSettings / MainConfigSchema). */
export const DEFAULT_NAMESPACES_WITH_SUBPAGES: Record<number, boolean> = Object.freeze({
  [NS_TALK]: true,
  [NS_USER]: true,
  [NS_USER_TALK]: true,
  [NS_PROJECT]: true,
  [NS_PROJECT_TALK]: true,
  [NS_FILE_TALK]: true,
  [NS_MEDIAWIKI]: true,
  [NS_MEDIAWIKI_TALK]: true,
  [NS_TEMPLATE]: true,
  [NS_TEMPLATE_TALK]: true,
  [NS_HELP]: true,
  [NS_HELP_TALK]: true,
  [NS_CATEGORY_TALK]: true,
});

/** NamespaceInfo::CANONICAL_NAMES, minus the project pair which depends on the site name. */
const CORE_NAMES: ReadonlyArray<[number, string]> = [
  [NS_MEDIA, 'Media'],
  [NS_SPECIAL, 'Special'],
  [NS_MAIN, ''],
  [NS_TALK, 'Talk'],
  [NS_USER, 'User'],
  [NS_USER_TALK, 'User_talk'],
  [NS_FILE, 'File'],
  [NS_FILE_TALK, 'File_talk'],
  [NS_MEDIAWIKI, 'MediaWiki'],
  [NS_MEDIAWIKI_TALK, 'MediaWiki_talk'],
  [NS_TEMPLATE, 'Template'],
  [NS_TEMPLATE_TALK, 'Template_talk'],
  [NS_HELP, 'Help'],
  [NS_HELP_TALK, 'Help_talk'],
  [NS_CATEGORY, 'Category'],
  [NS_CATEGORY_TALK, 'Category_talk'],
];

/**
 * NamespaceInfo::$alwaysCapitalizedNamespaces: user names and message keys are
 * case-sensitive only after the first letter, and special page names are looked
 * up case-insensitively anyway, so these ignore $wgCapitalLinks.
 */
const ALWAYS_CAPITALIZED: ReadonlySet<number> = new Set([NS_SPECIAL, NS_USER, NS_MEDIAWIKI]);

/** Namespace names are stored with underscores, as in MediaWiki's Language::getNamespaces(). */
function toDbForm(name: string): string {
  return name.replace(/[ _]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Lower-cases a namespace name for lookup. MediaWiki lower-cases both sides
 * (Language::lc on the input, strtolower on the table), making namespace
 * prefixes case-insensitive: 'user:Foo', 'USER TALK:Foo'.
 */
function lookupKey(name: string): string {
  return toDbForm(name).toLowerCase();
}

export class NamespaceInfo {
  /** ns → name with underscores (Language::getNamespaces). */
  private readonly names = new Map<number, string>();
  /** lower-cased name with underscores → ns (Language::getNamespaceIds + getCanonicalIndex). */
  private readonly ids = new Map<string, number>();
  private readonly validNamespaces: number[];
  private readonly allNamespaces: number[];
  private readonly contentNamespaces: ReadonlySet<number>;

  constructor(private readonly config: NamespaceConfig) {
    for (const [ns, name] of CORE_NAMES) this.names.set(ns, name);

    // Setup.php: $wgMetaNamespace defaults to $wgSitename with spaces → underscores;
    // MessagesEn names the project talk namespace '$1_talk'.
    const meta = toDbForm(config.metaNamespace || config.sitename);
    this.names.set(NS_PROJECT, meta);
    this.names.set(NS_PROJECT_TALK, `${meta}_talk`);

    // $wgExtraNamespaces are added after the core ones and cannot replace them
    // (NamespaceInfo::getCanonicalNamespaces uses array `+=`).
    for (const [key, name] of Object.entries(config.extraNamespaces ?? {})) {
      const ns = Number(key);
      if (!this.names.has(ns)) this.names.set(ns, toDbForm(name));
    }

    // Lookup table, built in increasing order of precedence so later entries
    // win, as in Language::getNamespaceIds(): local names, then the
    // Setup.php aliases Image/Image_talk, then $wgNamespaceAliases.
    for (const [ns, name] of this.names) {
      if (ns !== NS_MAIN) this.ids.set(lookupKey(name), ns);
    }
    this.ids.set('image', NS_FILE);
    this.ids.set('image_talk', NS_FILE_TALK);
    for (const [alias, ns] of Object.entries(config.namespaceAliases ?? {})) {
      this.ids.set(lookupKey(alias), ns);
    }
    // Language::getNsIndex() consults NamespaceInfo::getCanonicalIndex() first,
    // so canonical names (core and $wgExtraNamespaces) beat any alias. The
    // canonical names of 4/5 are always 'Project'/'Project_talk', so those work
    // on every wiki whatever the site is called.
    for (const [ns, name] of this.names) {
      if (ns !== NS_MAIN && ns !== NS_PROJECT && ns !== NS_PROJECT_TALK) {
        this.ids.set(lookupKey(name), ns);
      }
    }
    this.ids.set('project', NS_PROJECT);
    this.ids.set('project_talk', NS_PROJECT_TALK);

    this.allNamespaces = [...this.names.keys()].sort((a, b) => a - b);
    this.validNamespaces = this.allNamespaces.filter((ns) => ns >= 0);
    // NamespaceInfo::isContent(): NS_MAIN is content regardless of configuration.
    this.contentNamespaces = new Set([NS_MAIN, ...(config.contentNamespaces ?? [NS_MAIN])]);
  }

  /**
   * Name with underscores; '' for main, undefined for an unknown namespace.
   * For the project namespace this is the site's name ('API_Portal'), which is
   * what MediaWiki's Language::getNsText() gives (MediaWiki's own
   * NamespaceInfo::getCanonicalName() would say 'Project', which we accept as an
   * alias instead).
   */
  getCanonicalName(ns: number): string | undefined {
    return this.names.get(ns);
  }

  /** Display form with spaces, e.g. 'User talk' (Language::getFormattedNsText). */
  getNamespaceName(ns: number): string | undefined {
    return this.names.get(ns)?.replace(/_/g, ' ');
  }

  /**
   * Namespace index for a name or alias, case-insensitively, with spaces or
   * underscores (Language::getNsIndex). '' is the main namespace.
   */
  getNamespaceId(name: string): number | undefined {
    const key = lookupKey(name);
    if (key === '') return NS_MAIN;
    return this.ids.get(key);
  }

  /** Every namespace that can hold pages (>= 0), sorted numerically (T109137). */
  getValidNamespaces(): number[] {
    return [...this.validNamespaces];
  }

  /** Every known namespace including Media (-2) and Special (-1), sorted. */
  getAllNamespaces(): number[] {
    return [...this.allNamespaces];
  }

  exists(ns: number): boolean {
    return this.names.has(ns);
  }

  /** NamespaceInfo::isTalk: talk namespaces are the odd positive ones. */
  isTalk(ns: number): boolean {
    return ns > NS_MAIN && ns % 2 === 1;
  }

  isSubject(ns: number): boolean {
    return !this.isTalk(ns);
  }

  /** NamespaceInfo::getTalk: throws for Media/Special, which have no talk namespace. */
  getTalk(ns: number): number {
    this.assertHasTalk(ns, 'getTalk');
    return this.isTalk(ns) ? ns : ns + 1;
  }

  /** NamespaceInfo::getSubject: Media and Special are their own subject. */
  getSubject(ns: number): number {
    if (ns < NS_MAIN) return ns;
    return this.isTalk(ns) ? ns - 1 : ns;
  }

  /** NamespaceInfo::getAssociated: the talk namespace of a subject and vice versa. */
  getAssociated(ns: number): number {
    this.assertHasTalk(ns, 'getAssociated');
    return this.isSubject(ns) ? this.getTalk(ns) : this.getSubject(ns);
  }

  /** NamespaceInfo::hasTalkNamespace: every namespace >= 0 comes in a subject/talk pair. */
  hasTalkNamespace(ns: number): boolean {
    return ns >= NS_MAIN;
  }

  /** $wgNamespacesWithSubpages: only listed namespaces treat '/' as a subpage separator. */
  hasSubpages(ns: number): boolean {
    return this.config.namespacesWithSubpages[ns] === true;
  }

  /** NamespaceInfo::isCapitalized: is the first letter of titles in `ns` forced to upper case? */
  isCapitalized(ns: number): boolean {
    // Media: links point at files, so they follow the File namespace; a talk
    // namespace always follows its subject namespace.
    const subject = this.getSubject(ns === NS_MEDIA ? NS_FILE : ns);
    if (ALWAYS_CAPITALIZED.has(subject)) return true;
    const override = this.config.capitalLinkOverrides?.[subject];
    if (override !== undefined) return override;
    return this.config.capitalLinks;
  }

  isContent(ns: number): boolean {
    return this.contentNamespaces.has(ns);
  }

  /** NamespaceInfo::isMovable: virtual namespaces can't be moved ($wgAllowImageMoving is on). */
  isMovable(ns: number): boolean {
    return ns >= NS_MAIN;
  }

  /** NamespaceInfo::isMethodValidFor: talk arithmetic makes no sense below NS_MAIN. */
  private assertHasTalk(ns: number, method: string): void {
    if (ns < NS_MAIN) {
      throw new Error(`NamespaceInfo.${method} does not make any sense for namespace ${ns}`);
    }
  }
}
