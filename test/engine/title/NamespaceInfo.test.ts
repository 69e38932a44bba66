import {
  DEFAULT_NAMESPACES_WITH_SUBPAGES,
  NamespaceInfo,
  type NamespaceConfig,
  NS_CATEGORY,
  NS_CATEGORY_TALK,
  NS_FILE,
  NS_FILE_TALK,
  NS_HELP,
  NS_HELP_TALK,
  NS_MAIN,
  NS_MEDIA,
  NS_MEDIAWIKI,
  NS_MEDIAWIKI_TALK,
  NS_PROJECT,
  NS_PROJECT_TALK,
  NS_SPECIAL,
  NS_TALK,
  NS_TEMPLATE,
  NS_TEMPLATE_TALK,
  NS_USER,
  NS_USER_TALK,
} from '../../../engine/title/NamespaceInfo';

function makeNsInfo(overrides: Partial<NamespaceConfig> = {}): NamespaceInfo {
  return new NamespaceInfo({
    sitename: 'API Portal',
    namespacesWithSubpages: DEFAULT_NAMESPACES_WITH_SUBPAGES,
    capitalLinks: true,
    extraNamespaces: { 1198: 'Translations', 1199: 'Translations_talk' },
    ...overrides,
  });
}

describe('namespace constants', () => {
  it('have MediaWiki’s numbers', () => {
    expect([NS_MEDIA, NS_SPECIAL, NS_MAIN, NS_TALK, NS_USER, NS_USER_TALK]).toEqual([-2, -1, 0, 1, 2, 3]);
    expect([NS_PROJECT, NS_PROJECT_TALK, NS_FILE, NS_FILE_TALK, NS_MEDIAWIKI, NS_MEDIAWIKI_TALK]).toEqual([
      4, 5, 6, 7, 8, 9,
    ]);
    expect([NS_TEMPLATE, NS_TEMPLATE_TALK, NS_HELP, NS_HELP_TALK, NS_CATEGORY, NS_CATEGORY_TALK]).toEqual([
      10, 11, 12, 13, 14, 15,
    ]);
  });

  it('DEFAULT_NAMESPACES_WITH_SUBPAGES is MediaWiki’s default $wgNamespacesWithSubpages', () => {
    const enabled = Object.keys(DEFAULT_NAMESPACES_WITH_SUBPAGES)
      .map(Number)
      .filter((ns) => DEFAULT_NAMESPACES_WITH_SUBPAGES[ns])
      .sort((a, b) => a - b);
    expect(enabled).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 15]);
  });
});

describe('NamespaceInfo names', () => {
  const nsInfo = makeNsInfo();

  it('gives canonical names with underscores', () => {
    expect(nsInfo.getCanonicalName(NS_MAIN)).toBe('');
    expect(nsInfo.getCanonicalName(NS_MEDIA)).toBe('Media');
    expect(nsInfo.getCanonicalName(NS_SPECIAL)).toBe('Special');
    expect(nsInfo.getCanonicalName(NS_USER_TALK)).toBe('User_talk');
    expect(nsInfo.getCanonicalName(NS_MEDIAWIKI_TALK)).toBe('MediaWiki_talk');
    expect(nsInfo.getCanonicalName(NS_CATEGORY_TALK)).toBe('Category_talk');
    expect(nsInfo.getCanonicalName(1199)).toBe('Translations_talk');
    expect(nsInfo.getCanonicalName(3000)).toBeUndefined();
  });

  it('names the project namespaces after the site', () => {
    expect(nsInfo.getCanonicalName(NS_PROJECT)).toBe('API_Portal');
    expect(nsInfo.getCanonicalName(NS_PROJECT_TALK)).toBe('API_Portal_talk');
    expect(nsInfo.getNamespaceName(NS_PROJECT)).toBe('API Portal');
    expect(nsInfo.getNamespaceName(NS_PROJECT_TALK)).toBe('API Portal talk');
  });

  it('lets metaNamespace override the project namespace name', () => {
    const meta = makeNsInfo({ metaNamespace: 'Meta Space' });
    expect(meta.getCanonicalName(NS_PROJECT)).toBe('Meta_Space');
    expect(meta.getCanonicalName(NS_PROJECT_TALK)).toBe('Meta_Space_talk');
    expect(meta.getNamespaceId('meta space talk')).toBe(NS_PROJECT_TALK);
    expect(meta.getNamespaceId('API Portal')).toBeUndefined();
  });

  it('gives display names with spaces', () => {
    expect(nsInfo.getNamespaceName(NS_MAIN)).toBe('');
    expect(nsInfo.getNamespaceName(NS_USER_TALK)).toBe('User talk');
    expect(nsInfo.getNamespaceName(1199)).toBe('Translations talk');
    expect(nsInfo.getNamespaceName(-5)).toBeUndefined();
  });
});

describe('NamespaceInfo.getNamespaceId', () => {
  const nsInfo = makeNsInfo({ namespaceAliases: { WP: NS_PROJECT, 'Help desk': NS_HELP } });

  it('finds canonical names case-insensitively, with spaces or underscores', () => {
    expect(nsInfo.getNamespaceId('User')).toBe(NS_USER);
    expect(nsInfo.getNamespaceId('user')).toBe(NS_USER);
    expect(nsInfo.getNamespaceId('USER TALK')).toBe(NS_USER_TALK);
    expect(nsInfo.getNamespaceId('user_talk')).toBe(NS_USER_TALK);
    expect(nsInfo.getNamespaceId('mediawiki')).toBe(NS_MEDIAWIKI);
    expect(nsInfo.getNamespaceId('Special')).toBe(NS_SPECIAL);
    expect(nsInfo.getNamespaceId('media')).toBe(NS_MEDIA);
    expect(nsInfo.getNamespaceId('translations talk')).toBe(1199);
  });

  it('maps "" to the main namespace', () => {
    expect(nsInfo.getNamespaceId('')).toBe(NS_MAIN);
  });

  it('knows the site-named project namespaces and the Project aliases', () => {
    expect(nsInfo.getNamespaceId('API Portal')).toBe(NS_PROJECT);
    expect(nsInfo.getNamespaceId('api_portal_talk')).toBe(NS_PROJECT_TALK);
    expect(nsInfo.getNamespaceId('Project')).toBe(NS_PROJECT);
    expect(nsInfo.getNamespaceId('project talk')).toBe(NS_PROJECT_TALK);
  });

  it('knows Image and Image talk as aliases of File (Setup.php)', () => {
    expect(nsInfo.getNamespaceId('Image')).toBe(NS_FILE);
    expect(nsInfo.getNamespaceId('image_talk')).toBe(NS_FILE_TALK);
  });

  it('knows configured aliases', () => {
    expect(nsInfo.getNamespaceId('wp')).toBe(NS_PROJECT);
    expect(nsInfo.getNamespaceId('HELP_DESK')).toBe(NS_HELP);
  });

  it('does not let an alias shadow a canonical name', () => {
    const shadowed = makeNsInfo({ namespaceAliases: { Template: NS_HELP } });
    expect(shadowed.getNamespaceId('Template')).toBe(NS_TEMPLATE);
  });

  it('returns undefined for unknown names', () => {
    expect(nsInfo.getNamespaceId('Foo')).toBeUndefined();
    expect(nsInfo.getNamespaceId('Main')).toBeUndefined();
  });
});

describe('NamespaceInfo namespace lists', () => {
  const nsInfo = makeNsInfo();

  it('lists valid namespaces (>= 0) sorted numerically', () => {
    expect(nsInfo.getValidNamespaces()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1198, 1199]);
  });

  it('lists all namespaces including Media and Special', () => {
    expect(nsInfo.getAllNamespaces()).toEqual([-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1198, 1199]);
  });

  it('returns copies that callers cannot corrupt', () => {
    nsInfo.getValidNamespaces().push(99);
    expect(nsInfo.getValidNamespaces()).not.toContain(99);
  });

  it('knows which namespaces exist', () => {
    expect(nsInfo.exists(NS_MEDIA)).toBe(true);
    expect(nsInfo.exists(NS_SPECIAL)).toBe(true);
    expect(nsInfo.exists(NS_MAIN)).toBe(true);
    expect(nsInfo.exists(1198)).toBe(true);
    expect(nsInfo.exists(16)).toBe(false);
    expect(nsInfo.exists(-3)).toBe(false);
  });
});

describe('NamespaceInfo talk/subject pairs', () => {
  const nsInfo = makeNsInfo();

  it('classifies talk and subject namespaces', () => {
    for (const ns of [NS_TALK, NS_USER_TALK, NS_PROJECT_TALK, NS_CATEGORY_TALK, 1199]) {
      expect(nsInfo.isTalk(ns)).toBe(true);
      expect(nsInfo.isSubject(ns)).toBe(false);
    }
    for (const ns of [NS_MEDIA, NS_SPECIAL, NS_MAIN, NS_USER, NS_CATEGORY, 1198]) {
      expect(nsInfo.isTalk(ns)).toBe(false);
      expect(nsInfo.isSubject(ns)).toBe(true);
    }
  });

  it('maps between subject and talk namespaces', () => {
    expect(nsInfo.getTalk(NS_MAIN)).toBe(NS_TALK);
    expect(nsInfo.getTalk(NS_TALK)).toBe(NS_TALK);
    expect(nsInfo.getTalk(NS_USER)).toBe(NS_USER_TALK);
    expect(nsInfo.getTalk(1198)).toBe(1199);
    expect(nsInfo.getSubject(NS_TALK)).toBe(NS_MAIN);
    expect(nsInfo.getSubject(NS_MAIN)).toBe(NS_MAIN);
    expect(nsInfo.getSubject(NS_CATEGORY_TALK)).toBe(NS_CATEGORY);
    expect(nsInfo.getAssociated(NS_TEMPLATE)).toBe(NS_TEMPLATE_TALK);
    expect(nsInfo.getAssociated(NS_TEMPLATE_TALK)).toBe(NS_TEMPLATE);
  });

  it('treats Media and Special as their own subject and without talk', () => {
    expect(nsInfo.getSubject(NS_SPECIAL)).toBe(NS_SPECIAL);
    expect(nsInfo.getSubject(NS_MEDIA)).toBe(NS_MEDIA);
    expect(() => nsInfo.getTalk(NS_SPECIAL)).toThrow();
    expect(() => nsInfo.getTalk(NS_MEDIA)).toThrow();
    expect(() => nsInfo.getAssociated(NS_SPECIAL)).toThrow();
    expect(nsInfo.hasTalkNamespace(NS_SPECIAL)).toBe(false);
    expect(nsInfo.hasTalkNamespace(NS_MEDIA)).toBe(false);
    expect(nsInfo.hasTalkNamespace(NS_MAIN)).toBe(true);
    expect(nsInfo.hasTalkNamespace(NS_USER_TALK)).toBe(true);
  });
});

describe('NamespaceInfo settings', () => {
  it('has subpages only where configured (by default not in main)', () => {
    const nsInfo = makeNsInfo();
    expect(nsInfo.hasSubpages(NS_MAIN)).toBe(false);
    expect(nsInfo.hasSubpages(NS_TALK)).toBe(true);
    expect(nsInfo.hasSubpages(NS_USER)).toBe(true);
    expect(nsInfo.hasSubpages(NS_FILE)).toBe(false);
    expect(nsInfo.hasSubpages(NS_CATEGORY)).toBe(false);
    expect(nsInfo.hasSubpages(NS_SPECIAL)).toBe(false);

    const withMain = makeNsInfo({ namespacesWithSubpages: { ...DEFAULT_NAMESPACES_WITH_SUBPAGES, [NS_MAIN]: true } });
    expect(withMain.hasSubpages(NS_MAIN)).toBe(true);
    const explicitlyOff = makeNsInfo({ namespacesWithSubpages: { [NS_USER]: false } });
    expect(explicitlyOff.hasSubpages(NS_USER)).toBe(false);
  });

  it('capitalises according to $wgCapitalLinks', () => {
    const nsInfo = makeNsInfo();
    for (const ns of [NS_MAIN, NS_TALK, NS_TEMPLATE, NS_CATEGORY, NS_FILE, NS_MEDIA, 1198]) {
      expect(nsInfo.isCapitalized(ns)).toBe(true);
    }
  });

  it('always capitalises User, User talk, MediaWiki and Special', () => {
    const nsInfo = makeNsInfo({ capitalLinks: false, capitalLinkOverrides: { [NS_USER]: false } });
    expect(nsInfo.isCapitalized(NS_USER)).toBe(true);
    expect(nsInfo.isCapitalized(NS_USER_TALK)).toBe(true);
    expect(nsInfo.isCapitalized(NS_MEDIAWIKI)).toBe(true);
    expect(nsInfo.isCapitalized(NS_MEDIAWIKI_TALK)).toBe(true);
    expect(nsInfo.isCapitalized(NS_SPECIAL)).toBe(true);
    expect(nsInfo.isCapitalized(NS_MAIN)).toBe(false);
    expect(nsInfo.isCapitalized(NS_TALK)).toBe(false);
    expect(nsInfo.isCapitalized(NS_TEMPLATE)).toBe(false);
  });

  it('applies $wgCapitalLinkOverrides to the subject namespace and its talk; Media follows File', () => {
    const nsInfo = makeNsInfo({ capitalLinks: true, capitalLinkOverrides: { [NS_FILE]: false } });
    expect(nsInfo.isCapitalized(NS_FILE)).toBe(false);
    expect(nsInfo.isCapitalized(NS_FILE_TALK)).toBe(false);
    expect(nsInfo.isCapitalized(NS_MEDIA)).toBe(false);
    expect(nsInfo.isCapitalized(NS_MAIN)).toBe(true);

    const upper = makeNsInfo({ capitalLinks: false, capitalLinkOverrides: { [NS_HELP]: true } });
    expect(upper.isCapitalized(NS_HELP)).toBe(true);
    expect(upper.isCapitalized(NS_HELP_TALK)).toBe(true);
    expect(upper.isCapitalized(NS_MAIN)).toBe(false);
  });

  it('knows content namespaces (main always, default only main)', () => {
    const nsInfo = makeNsInfo();
    expect(nsInfo.isContent(NS_MAIN)).toBe(true);
    expect(nsInfo.isContent(NS_PROJECT)).toBe(false);
    const custom = makeNsInfo({ contentNamespaces: [NS_PROJECT, NS_HELP] });
    expect(custom.isContent(NS_MAIN)).toBe(true);
    expect(custom.isContent(NS_PROJECT)).toBe(true);
    expect(custom.isContent(NS_HELP)).toBe(true);
    expect(custom.isContent(NS_TALK)).toBe(false);
  });

  it('says real namespaces are movable and virtual ones are not', () => {
    const nsInfo = makeNsInfo();
    expect(nsInfo.isMovable(NS_MAIN)).toBe(true);
    expect(nsInfo.isMovable(NS_FILE)).toBe(true);
    expect(nsInfo.isMovable(NS_CATEGORY)).toBe(true);
    expect(nsInfo.isMovable(NS_SPECIAL)).toBe(false);
    expect(nsInfo.isMovable(NS_MEDIA)).toBe(false);
  });
});
