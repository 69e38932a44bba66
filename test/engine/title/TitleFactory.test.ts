import {
  DEFAULT_NAMESPACES_WITH_SUBPAGES,
  NamespaceInfo,
  type NamespaceConfig,
  NS_CATEGORY,
  NS_FILE,
  NS_HELP,
  NS_MAIN,
  NS_MEDIA,
  NS_MEDIAWIKI,
  NS_PROJECT,
  NS_PROJECT_TALK,
  NS_SPECIAL,
  NS_TALK,
  NS_TEMPLATE,
  NS_USER,
  NS_USER_TALK,
} from '../../../engine/title/NamespaceInfo';
import { MalformedTitleError, TitleFactory, type TitleErrorKey } from '../../../engine/title/TitleFactory';

const URLS = { server: 'http://localhost:8080', articlePath: '/wiki/$1', scriptPath: '/w' };

function makeFactory(overrides: Partial<NamespaceConfig> = {}): TitleFactory {
  return new TitleFactory(
    new NamespaceInfo({
      sitename: 'API Portal',
      namespacesWithSubpages: DEFAULT_NAMESPACES_WITH_SUBPAGES,
      capitalLinks: true,
      extraNamespaces: { 1198: 'Translations', 1199: 'Translations_talk' },
      ...overrides,
    }),
    URLS,
  );
}

const factory = makeFactory();

/** [namespace, prefixed DB key, fragment] of a parsed title. */
function parse(text: string, defaultNs?: number, f: TitleFactory = factory): [number, string, string] {
  const t = f.newFromTextThrow(text, defaultNs);
  return [t.getNamespace(), t.getPrefixedDBkey(), t.getFragment()];
}

function errorKey(text: string, f: TitleFactory = factory): TitleErrorKey | null {
  try {
    f.newFromTextThrow(text);
    return null;
  } catch (e) {
    if (e instanceof MalformedTitleError) return e.messageKey;
    throw e;
  }
}

describe('TitleFactory.newFromTextThrow: normalisation', () => {
  it('turns spaces into underscores and collapses runs', () => {
    expect(parse('Main Page')).toEqual([NS_MAIN, 'Main_Page', '']);
    expect(parse('Main_Page')).toEqual([NS_MAIN, 'Main_Page', '']);
    expect(parse('Main   Page')).toEqual([NS_MAIN, 'Main_Page', '']);
    expect(parse('Main _ _Page')).toEqual([NS_MAIN, 'Main_Page', '']);
  });

  it('trims leading and trailing whitespace and underscores', () => {
    expect(parse('  Foo bar  ')).toEqual([NS_MAIN, 'Foo_bar', '']);
    expect(parse('__Foo__')).toEqual([NS_MAIN, 'Foo', '']);
    expect(parse('User :  foo')).toEqual([NS_USER, 'User:Foo', '']);
  });

  it('treats NBSP and other Unicode spaces as spaces', () => {
    expect(parse('Foo\u00A0bar')).toEqual([NS_MAIN, 'Foo_bar', '']);
    expect(parse('Foo\u3000\u2002bar')).toEqual([NS_MAIN, 'Foo_bar', '']);
    expect(parse('\u202FFoo\u205F')).toEqual([NS_MAIN, 'Foo', '']);
  });

  it('strips bidi marks', () => {
    expect(parse('Foo\u200E bar\u200F')).toEqual([NS_MAIN, 'Foo_bar', '']);
    expect(parse('\u202AUser:Foo\u202C')).toEqual([NS_USER, 'User:Foo', '']);
  });

  it('uppercases the first letter where the namespace is capitalised', () => {
    expect(parse('iPod')).toEqual([NS_MAIN, 'IPod', '']);
    expect(parse('foo bar')).toEqual([NS_MAIN, 'Foo_bar', '']);
    expect(parse('template:foo')).toEqual([NS_TEMPLATE, 'Template:Foo', '']);
    expect(parse('éclair')).toEqual([NS_MAIN, 'Éclair', '']);
    expect(parse('ǆemal')).toEqual([NS_MAIN, 'Ǆemal', '']);
    expect(parse('1st')).toEqual([NS_MAIN, '1st', '']);
    // Only the first letter; the rest is kept as typed.
    expect(parse('fOO')).toEqual([NS_MAIN, 'FOO', '']);
  });

  it('does not lower-case anything', () => {
    expect(parse('API reference/Core/Pages')).toEqual([NS_MAIN, 'API_reference/Core/Pages', '']);
  });

  it('keeps case when $wgCapitalLinks is off, except in User, MediaWiki and Special', () => {
    const lower = makeFactory({ capitalLinks: false });
    expect(parse('iPod', undefined, lower)).toEqual([NS_MAIN, 'iPod', '']);
    expect(parse('template:foo', undefined, lower)).toEqual([NS_TEMPLATE, 'Template:foo', '']);
    expect(parse('user:foo', undefined, lower)).toEqual([NS_USER, 'User:Foo', '']);
    expect(parse('user talk:foo', undefined, lower)).toEqual([NS_USER_TALK, 'User_talk:Foo', '']);
    expect(parse('mediawiki:foo', undefined, lower)).toEqual([NS_MEDIAWIKI, 'MediaWiki:Foo', '']);
    expect(parse('special:version', undefined, lower)).toEqual([NS_SPECIAL, 'Special:Version', '']);
  });

  it('decodes character references', () => {
    expect(parse('A&amp;B')).toEqual([NS_MAIN, 'A&B', '']);
    expect(parse('Rock &#39;n&#x27; roll')).toEqual([NS_MAIN, "Rock_'n'_roll", '']);
    expect(parse('Caf&eacute;')).toEqual([NS_MAIN, 'Café', '']);
    expect(parse('&Omega;mega')).toEqual([NS_MAIN, 'Ωmega', '']);
    expect(parse('a&nbsp;b')).toEqual([NS_MAIN, 'A_b', '']);
    expect(parse('&#x1F600;')).toEqual([NS_MAIN, '😀', '']);
    expect(parse('Foo&#X41;')).toEqual([NS_MAIN, 'FooA', '']);
    expect(parse('Foo&#0000000065;')).toEqual([NS_MAIN, 'FooA', '']);
    // An ampersand that isn't a reference stays.
    expect(parse('A & B')).toEqual([NS_MAIN, 'A_&_B', '']);
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301';
    expect(parse(decomposed)).toEqual([NS_MAIN, 'Caf\u00E9', '']);
    expect(parse('e\u0301clair')).toEqual([NS_MAIN, '\u00C9clair', '']);
  });
});

describe('TitleFactory.newFromTextThrow: namespaces', () => {
  it('recognises namespace prefixes case-insensitively', () => {
    expect(parse('User:Foo')).toEqual([NS_USER, 'User:Foo', '']);
    expect(parse('user:foo')).toEqual([NS_USER, 'User:Foo', '']);
    expect(parse('USER TALK:foo')).toEqual([NS_USER_TALK, 'User_talk:Foo', '']);
    expect(parse('uSeR_tAlK:foo')).toEqual([NS_USER_TALK, 'User_talk:Foo', '']);
    expect(parse('Category:Foo')).toEqual([NS_CATEGORY, 'Category:Foo', '']);
    expect(parse('translations:Foo/de')).toEqual([1198, 'Translations:Foo/de', '']);
  });

  it('knows the aliases Image, Project, Project talk and the site name', () => {
    expect(parse('Image:Foo.png')).toEqual([NS_FILE, 'File:Foo.png', '']);
    expect(parse('image talk:Foo.png')).toEqual([7, 'File_talk:Foo.png', '']);
    expect(parse('Project:About')).toEqual([NS_PROJECT, 'API_Portal:About', '']);
    expect(parse('Project talk:About')).toEqual([NS_PROJECT_TALK, 'API_Portal_talk:About', '']);
    expect(parse('API Portal:About')).toEqual([NS_PROJECT, 'API_Portal:About', '']);
    expect(parse('API_Portal_talk:About')).toEqual([NS_PROJECT_TALK, 'API_Portal_talk:About', '']);
    expect(parse('api portal talk:About')).toEqual([NS_PROJECT_TALK, 'API_Portal_talk:About', '']);
  });

  it('knows configured aliases', () => {
    const f = makeFactory({ namespaceAliases: { WP: NS_PROJECT } });
    expect(parse('wp:About', undefined, f)).toEqual([NS_PROJECT, 'API_Portal:About', '']);
  });

  it('leaves unknown prefixes (and interwiki prefixes, for now) in the title', () => {
    expect(parse('Foo:Bar')).toEqual([NS_MAIN, 'Foo:Bar', '']);
    expect(parse('w:Foo')).toEqual([NS_MAIN, 'W:Foo', '']);
    expect(parse('Foo:User:Bar')).toEqual([NS_MAIN, 'Foo:User:Bar', '']);
  });

  it('splits only the first prefix', () => {
    expect(parse('User:Help:Foo')).toEqual([NS_USER, 'User:Help:Foo', '']);
    expect(parse('Template:Category:X')).toEqual([NS_TEMPLATE, 'Template:Category:X', '']);
  });

  it('uses the default namespace when there is no prefix', () => {
    expect(parse('Foo', NS_TEMPLATE)).toEqual([NS_TEMPLATE, 'Template:Foo', '']);
    expect(parse('User:Foo', NS_TEMPLATE)).toEqual([NS_USER, 'User:Foo', '']);
    expect(parse('Foo:Bar', NS_TEMPLATE)).toEqual([NS_TEMPLATE, 'Template:Foo:Bar', '']);
  });

  it('takes a leading colon as the main namespace and still reads a prefix after it', () => {
    expect(parse(':Foo', NS_TEMPLATE)).toEqual([NS_MAIN, 'Foo', '']);
    expect(parse(': Foo', NS_TEMPLATE)).toEqual([NS_MAIN, 'Foo', '']);
    expect(parse(':Category:X')).toEqual([NS_CATEGORY, 'Category:X', '']);
    expect(parse(':category:x', NS_TEMPLATE)).toEqual([NS_CATEGORY, 'Category:X', '']);
  });

  it('parses Special and Media pages', () => {
    expect(parse('Special:recentchanges')).toEqual([NS_SPECIAL, 'Special:Recentchanges', '']);
    expect(parse('special:RecentChanges/50')).toEqual([NS_SPECIAL, 'Special:RecentChanges/50', '']);
    expect(parse('Media:foo.png')).toEqual([NS_MEDIA, 'Media:Foo.png', '']);
  });

  it('allows Talk: in front of a non-namespace prefix', () => {
    expect(parse('Talk:Foo:Bar')).toEqual([NS_TALK, 'Talk:Foo:Bar', '']);
  });
});

describe('TitleFactory.newFromTextThrow: fragments', () => {
  it('splits off the fragment at the first #, underscores shown as spaces', () => {
    expect(parse('Foo#Bar')).toEqual([NS_MAIN, 'Foo', 'Bar']);
    expect(parse('Foo#Bar_baz')).toEqual([NS_MAIN, 'Foo', 'Bar baz']);
    expect(parse('Foo#a#b')).toEqual([NS_MAIN, 'Foo', 'a#b']);
    expect(parse('User talk:Foo bar#History')).toEqual([NS_USER_TALK, 'User_talk:Foo_bar', 'History']);
  });

  it('does not leave a trailing underscore before the #', () => {
    expect(parse('Foo bar #Baz')).toEqual([NS_MAIN, 'Foo_bar', 'Baz']);
  });

  it('keeps the fragment as typed otherwise (case, characters that are illegal in titles)', () => {
    expect(parse('Foo#bar [x]')).toEqual([NS_MAIN, 'Foo', 'bar [x]']);
    expect(parse('foo#lower')).toEqual([NS_MAIN, 'Foo', 'lower']);
  });

  it('allows a fragment-only title in the main namespace', () => {
    const t = factory.newFromTextThrow('#History');
    expect(t.getNamespace()).toBe(NS_MAIN);
    expect(t.getDBkey()).toBe('');
    expect(t.getFragment()).toBe('History');
  });
});

describe('TitleFactory.newFromTextThrow: errors', () => {
  it.each<[string, TitleErrorKey]>([
    ['', 'title-invalid-empty'],
    ['   ', 'title-invalid-empty'],
    ['_', 'title-invalid-empty'],
    [':', 'title-invalid-empty'],
    ['Talk:', 'title-invalid-empty'],
    ['User:  ', 'title-invalid-empty'],
    ['Talk:#frag', 'title-invalid-empty'],
    ['#', 'title-invalid-empty'],
    ['Foo\uD800bar', 'title-invalid-utf8'],
    ['Foo\uFFFD', 'title-invalid-utf8'],
    ['&#xD800;', 'title-invalid-utf8'],
    ['&#1;', 'title-invalid-utf8'],
    ['&#99999999999;', 'title-invalid-utf8'],
    ['Foo<bar', 'title-invalid-characters'],
    ['Foo>bar', 'title-invalid-characters'],
    ['Foo[bar]', 'title-invalid-characters'],
    ['Foo|bar', 'title-invalid-characters'],
    ['Foo{bar}', 'title-invalid-characters'],
    ['Foo\tbar', 'title-invalid-characters'],
    ['Foo\nbar', 'title-invalid-characters'],
    ['Foo\u007Fbar', 'title-invalid-characters'],
    ['Foo%41', 'title-invalid-characters'],
    ['Foo%2f', 'title-invalid-characters'],
    ['Foo&lt;', 'title-invalid-characters'],
    ['Foo&amp;lt;', 'title-invalid-characters'],
    ['Foo&unknownentity;', 'title-invalid-characters'],
    ['Foo&#37;41', 'title-invalid-characters'],
    ['.', 'title-invalid-relative'],
    ['..', 'title-invalid-relative'],
    ['./Foo', 'title-invalid-relative'],
    ['../Foo', 'title-invalid-relative'],
    ['Foo/./Bar', 'title-invalid-relative'],
    ['Foo/../Bar', 'title-invalid-relative'],
    ['Foo/.', 'title-invalid-relative'],
    ['Foo/..', 'title-invalid-relative'],
    ['User:..', 'title-invalid-relative'],
    ['Foo~~~', 'title-invalid-magic-tilde'],
    ['~~~~', 'title-invalid-magic-tilde'],
    ['x'.repeat(256), 'title-invalid-too-long'],
    ['é'.repeat(128), 'title-invalid-too-long'],
    ['Talk::Foo', 'title-invalid-leading-colon'],
    ['::Foo', 'title-invalid-leading-colon'],
    ['User:_:Foo', 'title-invalid-leading-colon'],
    ['Talk:User:Foo', 'title-invalid-talk-namespace'],
    ['Talk:File:Foo.png', 'title-invalid-talk-namespace'],
    ['talk:special:Foo', 'title-invalid-talk-namespace'],
    ['Talk:Project:Foo', 'title-invalid-talk-namespace'],
  ])('%j → %s', (text, key) => {
    expect(errorKey(text)).toBe(key);
  });

  it('accepts what is merely close to an error', () => {
    for (const ok of ['100%', 'A%B', 'A%4', 'Foo.', '.Foo', 'Foo./Bar', 'Foo/.Bar', 'Foo/...', '...', '~~', 'Foo~~Bar']) {
      expect(errorKey(ok)).toBeNull();
    }
    expect(errorKey('x'.repeat(255))).toBeNull();
    expect(errorKey('é'.repeat(127))).toBeNull();
    expect(errorKey('User talk:File:Foo')).toBeNull();
  });

  it('measures length in UTF-8 bytes of the DB key, without namespace', () => {
    expect(errorKey(`User:${'x'.repeat(255)}`)).toBeNull();
    expect(errorKey(`User:${'x'.repeat(256)}`)).toBe('title-invalid-too-long');
    expect(errorKey('😀'.repeat(63))).toBeNull(); // 252 bytes
    expect(errorKey('😀'.repeat(64))).toBe('title-invalid-too-long'); // 256 bytes
  });

  it('allows special pages up to 512 bytes', () => {
    expect(errorKey(`Special:${'x'.repeat(512)}`)).toBeNull();
    expect(errorKey(`Special:${'x'.repeat(513)}`)).toBe('title-invalid-too-long');
  });

  it('reports the error key, the original text and message parameters', () => {
    let err: unknown;
    try {
      factory.newFromTextThrow('Foo[bar]');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MalformedTitleError);
    expect(err).toBeInstanceOf(Error);
    const mte = err as MalformedTitleError;
    expect(mte.messageKey).toBe('title-invalid-characters');
    expect(mte.titleText).toBe('Foo[bar]');
    expect(mte.params).toEqual(['[']);
    expect(mte.message).toContain('title-invalid-characters');

    try {
      factory.newFromTextThrow('x'.repeat(300));
    } catch (e) {
      expect((e as MalformedTitleError).params).toEqual([255]);
    }
  });
});

describe('TitleFactory.newFromTextThrow: IP user pages', () => {
  it('normalises IPv6 addresses so that "::" can start a user name', () => {
    expect(parse('User:::1')).toEqual([NS_USER, 'User:0:0:0:0:0:0:0:1', '']);
    expect(parse('User talk:2001:db8::ff00:42:8329')).toEqual([
      NS_USER_TALK,
      'User_talk:2001:DB8:0:0:0:FF00:42:8329',
      '',
    ]);
    expect(parse('User:2001:0db8:0000:0000:0000:0000:0000:0001')).toEqual([NS_USER, 'User:2001:DB8:0:0:0:0:0:1', '']);
    expect(parse('User:fe80::')).toEqual([NS_USER, 'User:FE80:0:0:0:0:0:0:0', '']);
  });

  it('drops leading zeros from IPv4 addresses', () => {
    expect(parse('User:127.000.000.001')).toEqual([NS_USER, 'User:127.0.0.1', '']);
    expect(parse('User:10.0.0.0/8')).toEqual([NS_USER, 'User:10.0.0.0/8', '']);
  });

  it('leaves ordinary names and other namespaces alone', () => {
    expect(parse('User:Dead:beef')).toEqual([NS_USER, 'User:Dead:beef', '']);
    expect(parse('Help:127.000.000.001')).toEqual([NS_HELP, 'Help:127.000.000.001', '']);
    expect(errorKey('::1')).toBe('title-invalid-leading-colon');
  });
});

describe('TitleFactory.newFromText', () => {
  it('returns null for null, undefined and invalid text', () => {
    expect(factory.newFromText(null)).toBeNull();
    expect(factory.newFromText(undefined)).toBeNull();
    expect(factory.newFromText('')).toBeNull();
    expect(factory.newFromText('Foo|Bar')).toBeNull();
    expect(factory.newFromText('Talk:User:X')).toBeNull();
  });

  it('returns the title for valid text, honouring the default namespace', () => {
    expect(factory.newFromText('Foo')?.getPrefixedText()).toBe('Foo');
    expect(factory.newFromText('Foo', NS_TEMPLATE)?.getPrefixedText()).toBe('Template:Foo');
  });
});

describe('TitleFactory.makeTitle', () => {
  it('builds a title without validation or capitalisation', () => {
    const t = factory.makeTitle(NS_MAIN, 'iPod');
    expect(t.getPrefixedDBkey()).toBe('iPod');
    const bad = factory.makeTitle(NS_TEMPLATE, 'Foo|Bar');
    expect(bad.getPrefixedDBkey()).toBe('Template:Foo|Bar');
  });

  it('accepts spaces or underscores and a fragment', () => {
    const t = factory.makeTitle(NS_USER_TALK, 'Foo bar', 'Section_one');
    expect(t.getDBkey()).toBe('Foo_bar');
    expect(t.getText()).toBe('Foo bar');
    expect(t.getFragment()).toBe('Section one');
    expect(factory.makeTitle(NS_MAIN, 'Foo', '#Bar').getFragment()).toBe('Bar');
  });
});

describe('TitleFactory.makeTitleSafe', () => {
  it('validates and normalises the text within the namespace', () => {
    expect(factory.makeTitleSafe(NS_USER, 'foo bar')?.getPrefixedDBkey()).toBe('User:Foo_bar');
    expect(factory.makeTitleSafe(NS_PROJECT, 'about')?.getPrefixedDBkey()).toBe('API_Portal:About');
    expect(factory.makeTitleSafe(NS_MAIN, 'Foo', 'Bar_baz')?.getFullText()).toBe('Foo#Bar baz');
  });

  it('does not read a namespace prefix inside the text', () => {
    const t = factory.makeTitleSafe(NS_TEMPLATE, 'User:X');
    expect(t?.getNamespace()).toBe(NS_TEMPLATE);
    expect(t?.getDBkey()).toBe('User:X');
    expect(factory.makeTitleSafe(NS_HELP, 'Category:Foo')?.getPrefixedDBkey()).toBe('Help:Category:Foo');
  });

  it('in the main namespace reads a prefix, as MediaWiki does', () => {
    expect(factory.makeTitleSafe(NS_MAIN, 'Help:X')?.getPrefixedDBkey()).toBe('Help:X');
  });

  it('returns null for invalid text or an unknown namespace', () => {
    expect(factory.makeTitleSafe(NS_USER, '')).toBeNull();
    expect(factory.makeTitleSafe(NS_USER, 'Foo[1]')).toBeNull();
    expect(factory.makeTitleSafe(NS_TALK, 'User:X')).toBeNull();
    expect(factory.makeTitleSafe(42, 'Foo')).toBeNull();
  });

  it('does not decode character references', () => {
    expect(factory.makeTitleSafe(NS_MAIN, 'A&amp;B')).toBeNull();
  });
});

describe('TitleFactory.newMainPage', () => {
  it('parses the main page text', () => {
    expect(factory.newMainPage('API Portal').getPrefixedText()).toBe('API Portal');
    expect(factory.newMainPage('Project:Home').getPrefixedText()).toBe('API Portal:Home');
  });

  it('falls back to "Main Page" if the text is not a valid title', () => {
    expect(factory.newMainPage('').getPrefixedText()).toBe('Main Page');
    expect(factory.newMainPage('[[Broken]]').getPrefixedText()).toBe('Main Page');
  });
});

describe('TitleFactory properties', () => {
  it('exposes its NamespaceInfo and URL configuration', () => {
    expect(factory.namespaceInfo.getCanonicalName(NS_PROJECT)).toBe('API_Portal');
    expect(factory.urlConfig).toEqual(URLS);
  });
});
