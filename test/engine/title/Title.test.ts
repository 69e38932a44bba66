import {
  DEFAULT_NAMESPACES_WITH_SUBPAGES,
  NamespaceInfo,
  type NamespaceConfig,
  NS_CATEGORY,
  NS_CATEGORY_TALK,
  NS_FILE,
  NS_MAIN,
  NS_MEDIA,
  NS_PROJECT,
  NS_PROJECT_TALK,
  NS_SPECIAL,
  NS_TALK,
  NS_USER,
  NS_USER_TALK,
} from '../../../engine/title/NamespaceInfo';
import { escapeIdForLink, type Title } from '../../../engine/title/Title';
import { TitleFactory } from '../../../engine/title/TitleFactory';
import { phpUrlencode, wfUrlencode } from '../../../engine/title/urlencode';

const URLS = { server: 'http://localhost:8080', articlePath: '/wiki/$1', scriptPath: '/w' };

function makeFactory(overrides: Partial<NamespaceConfig> = {}): TitleFactory {
  return new TitleFactory(
    new NamespaceInfo({
      sitename: 'API Portal',
      namespacesWithSubpages: DEFAULT_NAMESPACES_WITH_SUBPAGES,
      capitalLinks: true,
      ...overrides,
    }),
    URLS,
  );
}

/** Default MediaWiki settings: no subpages in the main namespace. */
const factory = makeFactory();
/** As on the API Portal: subpages in the main namespace too. */
const subpageFactory = makeFactory({
  namespacesWithSubpages: { ...DEFAULT_NAMESPACES_WITH_SUBPAGES, [NS_MAIN]: true },
});

const title = (text: string, f: TitleFactory = factory): Title => f.newFromTextThrow(text);

describe('Title accessors', () => {
  const t = title('user talk:foo_bar#Some section');

  it('gives the namespace and the various text forms', () => {
    expect(t.getNamespace()).toBe(NS_USER_TALK);
    expect(t.getDBkey()).toBe('Foo_bar');
    expect(t.getText()).toBe('Foo bar');
    expect(t.getNsText()).toBe('User talk');
    expect(t.getPrefixedDBkey()).toBe('User_talk:Foo_bar');
    expect(t.getPrefixedText()).toBe('User talk:Foo bar');
    expect(t.getFullText()).toBe('User talk:Foo bar#Some section');
    expect(t.toString()).toBe('User talk:Foo bar');
    expect(`${t}`).toBe('User talk:Foo bar');
  });

  it('gives the fragment', () => {
    expect(t.hasFragment()).toBe(true);
    expect(t.getFragment()).toBe('Some section');
    const plain = title('Foo');
    expect(plain.hasFragment()).toBe(false);
    expect(plain.getFragment()).toBe('');
    expect(plain.getFullText()).toBe('Foo');
  });

  it('has no namespace text in the main namespace', () => {
    const main = title('Main Page');
    expect(main.getNsText()).toBe('');
    expect(main.getPrefixedDBkey()).toBe('Main_Page');
    expect(main.getPrefixedText()).toBe('Main Page');
  });

  it('uses the site name for the project namespaces', () => {
    expect(title('Project:About').getPrefixedText()).toBe('API Portal:About');
    expect(title('Project talk:About').getPrefixedDBkey()).toBe('API_Portal_talk:About');
    expect(title('Project talk:About').getNsText()).toBe('API Portal talk');
  });

  it('creates a target for another fragment of the same page', () => {
    const other = t.createFragmentTarget('Other_one');
    expect(other.getPrefixedText()).toBe('User talk:Foo bar');
    expect(other.getFragment()).toBe('Other one');
    expect(t.getFragment()).toBe('Some section');
    expect(t.createFragmentTarget('').hasFragment()).toBe(false);
  });

  it('gives an unknown namespace a Special:Badtitle prefix rather than none', () => {
    const t2 = factory.makeTitle(3000, 'Foo');
    expect(t2.getPrefixedDBkey()).toBe('Special:Badtitle/NS3000:Foo');
    expect(t2.canExist()).toBe(false);
  });
});

describe('Title special pages', () => {
  it('recognises special pages', () => {
    const t = title('Special:RecentChanges');
    expect(t.isSpecialPage()).toBe(true);
    expect(t.canExist()).toBe(false);
    expect(title('RecentChanges').isSpecialPage()).toBe(false);
  });

  it('compares special page names case-insensitively, ignoring the subpage', () => {
    expect(title('Special:recentchanges').isSpecial('RecentChanges')).toBe(true);
    expect(title('Special:RecentChanges/50').isSpecial('Recentchanges')).toBe(true);
    expect(title('Special:Search').isSpecial('search')).toBe(true);
    expect(title('Special:Search').isSpecial('RecentChanges')).toBe(false);
    expect(title('Special:SearchX').isSpecial('Search')).toBe(false);
    expect(title('Search').isSpecial('Search')).toBe(false);
    expect(title('Special:All pages').isSpecial('All pages')).toBe(true);
  });
});

describe('Title talk and subject pages', () => {
  it('maps subject pages to talk pages and back', () => {
    const t = title('User:Foo');
    expect(t.isTalkPage()).toBe(false);
    expect(t.canHaveTalkPage()).toBe(true);
    expect(t.getTalkPage().getPrefixedText()).toBe('User talk:Foo');
    expect(t.getSubjectPage()).toBe(t);
    expect(t.getOtherPage().getPrefixedText()).toBe('User talk:Foo');

    const talk = title('User talk:Foo');
    expect(talk.isTalkPage()).toBe(true);
    expect(talk.getTalkPage()).toBe(talk);
    expect(talk.getSubjectPage().getPrefixedText()).toBe('User:Foo');
    expect(talk.getOtherPage().getPrefixedText()).toBe('User:Foo');
  });

  it('pairs main with Talk, Project with Project talk, Category with Category talk', () => {
    expect(title('Foo').getTalkPage().getPrefixedText()).toBe('Talk:Foo');
    expect(title('Talk:Foo').getSubjectPage().getNamespace()).toBe(NS_MAIN);
    expect(title('Project:About').getTalkPage().getNamespace()).toBe(NS_PROJECT_TALK);
    expect(title('API Portal talk:About').getSubjectPage().getNamespace()).toBe(NS_PROJECT);
    expect(title('Category:X').getOtherPage().getNamespace()).toBe(NS_CATEGORY_TALK);
    expect(title('Category talk:X').getOtherPage().getNamespace()).toBe(NS_CATEGORY);
  });

  it('drops the fragment on the talk page', () => {
    expect(title('Foo#Bar').getTalkPage().getFullText()).toBe('Talk:Foo');
  });

  it('has no talk page for special and media pages', () => {
    for (const t of [title('Special:Version'), title('Media:Foo.png')]) {
      expect(t.canHaveTalkPage()).toBe(false);
      expect(t.getTalkPageIfDefined()).toBeNull();
      expect(() => t.getTalkPage()).toThrow();
      expect(() => t.getOtherPage()).toThrow();
      expect(t.getSubjectPage()).toBe(t);
    }
  });

  it('has no talk page for a fragment-only link', () => {
    const t = title('#Section');
    expect(t.canHaveTalkPage()).toBe(false);
    expect(t.canExist()).toBe(false);
    expect(() => t.getOtherPage()).toThrow();
  });

  it('says which titles can exist as pages', () => {
    expect(title('Foo').canExist()).toBe(true);
    expect(title('Talk:Foo').canExist()).toBe(true);
    expect(title('Media:Foo.png').canExist()).toBe(false);
    expect(title('Special:Version').canExist()).toBe(false);
  });

  it('knows namespace membership and content pages', () => {
    expect(title('File:X.png').inNamespace(NS_FILE)).toBe(true);
    expect(title('Foo').isContentPage()).toBe(true);
    expect(title('Talk:Foo').isContentPage()).toBe(false);
    expect(title('Media:X.png').getNamespace()).toBe(NS_MEDIA);
  });
});

describe('Title subpages', () => {
  it('treats / as a subpage separator only where subpages are enabled', () => {
    expect(title('API reference/Core/Pages').isSubpage()).toBe(false);
    expect(title('API reference/Core/Pages', subpageFactory).isSubpage()).toBe(true);
    expect(title('User:Foo/Bar').isSubpage()).toBe(true);
    expect(title('File:Foo/Bar.png').isSubpage()).toBe(false);
    expect(title('User:Foo').isSubpage()).toBe(false);
  });

  it('gives root, base and subpage text with subpages enabled', () => {
    const t = title('API reference/Core/Pages', subpageFactory);
    expect(t.getRootText()).toBe('API reference');
    expect(t.getBaseText()).toBe('API reference/Core');
    expect(t.getSubpageText()).toBe('Pages');
    expect(t.getRootTitle().getPrefixedText()).toBe('API reference');
    expect(t.getBaseTitle().getPrefixedText()).toBe('API reference/Core');
  });

  it('gives the full text for root, base and subpage without subpages', () => {
    const t = title('API reference/Core/Pages');
    expect(t.getRootText()).toBe('API reference/Core/Pages');
    expect(t.getBaseText()).toBe('API reference/Core/Pages');
    expect(t.getSubpageText()).toBe('API reference/Core/Pages');
    expect(t.getRootTitle().isSameAs(t)).toBe(true);
    expect(t.getBaseTitle().isSameAs(t)).toBe(true);
  });

  it('gives the whole text for a page that is not a subpage', () => {
    const t = title('User:Foo');
    expect(t.getRootText()).toBe('Foo');
    expect(t.getBaseText()).toBe('Foo');
    expect(t.getSubpageText()).toBe('Foo');
    expect(t.getBaseTitle().getPrefixedText()).toBe('User:Foo');
  });

  it('keeps the namespace in base and root titles', () => {
    const t = title('User:Foo/Bar/Baz');
    expect(t.getBaseTitle().getPrefixedText()).toBe('User:Foo/Bar');
    expect(t.getRootTitle().getPrefixedText()).toBe('User:Foo');
  });

  it('does not count leading slashes as dividers (T229443) but does count trailing ones', () => {
    const lead = title('User:/Foo');
    expect(lead.getRootText()).toBe('/Foo');
    expect(lead.getBaseText()).toBe('/Foo');
    expect(lead.getSubpageText()).toBe('/Foo');
    const leadMore = title('User://Foo/Bar');
    expect(leadMore.getRootText()).toBe('//Foo');
    expect(leadMore.getBaseText()).toBe('//Foo');
    const trail = title('User:Foo/');
    expect(trail.getBaseText()).toBe('Foo');
    expect(trail.getSubpageText()).toBe('');
  });

  it('makes subpage titles', () => {
    const t = title('API reference/Core', subpageFactory);
    expect(t.getSubpage('Pages')?.getPrefixedText()).toBe('API reference/Core/Pages');
    expect(title('User:Foo').getSubpage('common.js')?.getPrefixedDBkey()).toBe('User:Foo/common.js');
    expect(title('User:Foo').getSubpage('[bad]')).toBeNull();
    expect(title('User:Foo').getSubpage('..')).toBeNull();
  });

  it('tests whether one title is a subpage of another', () => {
    const parent = title('User:Foo');
    expect(title('User:Foo/Bar').isSubpageOf(parent)).toBe(true);
    expect(title('User:Foo/Bar/Baz').isSubpageOf(parent)).toBe(true);
    expect(title('User:Foobar').isSubpageOf(parent)).toBe(false);
    expect(title('User talk:Foo/Bar').isSubpageOf(parent)).toBe(false);
    expect(parent.isSubpageOf(parent)).toBe(false);
  });
});

describe('Title comparison', () => {
  it('compares namespace and DB key, ignoring the fragment', () => {
    const a = title('Foo bar#x');
    expect(a.isSameAs(title('foo_bar'))).toBe(true);
    expect(a.equals(title('Foo_bar#y'))).toBe(true);
    expect(a.isSameAs(title('Talk:Foo bar'))).toBe(false);
    expect(a.equals(title('Foo baz'))).toBe(false);
    expect(title('Image:X.png').equals(title('File:X.png'))).toBe(true);
  });
});

describe('Title URLs', () => {
  it('builds article paths with wfUrlencode()d titles', () => {
    expect(title('API reference/Core/Pages').getLocalURL()).toBe('/wiki/API_reference/Core/Pages');
    expect(title('Talk:Foo').getLocalURL()).toBe('/wiki/Talk:Foo');
    expect(title('Foo?bar').getLocalURL()).toBe('/wiki/Foo%3Fbar');
    expect(title('A&B').getLocalURL()).toBe('/wiki/A%26B');
    expect(title('C++').getLocalURL()).toBe('/wiki/C%2B%2B');
    expect(title('Main Page').getLocalURL()).toBe('/wiki/Main_Page');
    expect(title("Don't panic").getLocalURL()).toBe('/wiki/Don%27t_panic');
    expect(title('Café (1)').getLocalURL()).toBe('/wiki/Caf%C3%A9_(1)');
    expect(title('Special:Version').getLocalURL()).toBe('/wiki/Special:Version');
    expect(title('100% pure').getLocalURL()).toBe('/wiki/100%25_pure');
    expect(title('Foo;bar@baz,$x!*~').getLocalURL()).toBe('/wiki/Foo;bar@baz,$x!*~');
  });

  it('uses index.php with title= when there is a query', () => {
    const main = title('Main Page');
    expect(main.getLocalURL({ action: 'edit' })).toBe('/w/index.php?title=Main_Page&action=edit');
    expect(main.getLocalURL('action=history')).toBe('/w/index.php?title=Main_Page&action=history');
    expect(title('A&B').getLocalURL({ action: 'raw' })).toBe('/w/index.php?title=A%26B&action=raw');
  });

  it('keeps query keys in order, encodes values and skips undefined', () => {
    const url = title('Main Page').getLocalURL({ action: 'history', offset: undefined, limit: 50, dir: 'prev' });
    expect(url).toBe('/w/index.php?title=Main_Page&action=history&limit=50&dir=prev');
    expect(title('Special:Search').getLocalURL({ search: 'a&b=c d', fulltext: 1 })).toBe(
      '/w/index.php?title=Special:Search&search=a%26b%3Dc+d&fulltext=1',
    );
    expect(title('Special:UserLogin').getLocalURL({ returnto: 'Talk:Foo/Bar' })).toBe(
      '/w/index.php?title=Special:UserLogin&returnto=Talk%3AFoo%2FBar',
    );
  });

  it('uses the article path for an empty query', () => {
    expect(title('Foo').getLocalURL('')).toBe('/wiki/Foo');
    expect(title('Foo').getLocalURL({})).toBe('/wiki/Foo');
    expect(title('Foo').getLocalURL({ oldid: undefined })).toBe('/wiki/Foo');
  });

  it('treats the query "-" as index.php without parameters', () => {
    expect(title('Foo').getLocalURL('-')).toBe('/w/index.php?title=Foo&');
  });

  it('leaves the fragment out of the local URL and puts it in the link URL', () => {
    const t = title('Foo#Bar baz');
    expect(t.getLocalURL()).toBe('/wiki/Foo');
    expect(t.getLinkURL()).toBe('/wiki/Foo#Bar_baz');
    expect(t.getLinkURL({ action: 'edit' })).toBe('/w/index.php?title=Foo&action=edit#Bar_baz');
    expect(title('Foo').getLinkURL()).toBe('/wiki/Foo');
  });

  it('gives just the fragment as link URL of a fragment-only title', () => {
    expect(title('#Section two').getLinkURL()).toBe('#Section_two');
  });

  it('escapes fragments as Sanitizer::escapeIdForLink does', () => {
    expect(title('Foo#a%20b').getLinkURL()).toBe('/wiki/Foo#a%2520b');
    expect(title('Foo#Größe').getLinkURL()).toBe('/wiki/Foo#Größe');
    expect(escapeIdForLink('a b\tc')).toBe('a_b_c');
    expect(escapeIdForLink('x'.repeat(2000))).toHaveLength(1024);
  });

  it('builds full URLs with the server', () => {
    expect(title('Main Page').getFullURL()).toBe('http://localhost:8080/wiki/Main_Page');
    expect(title('Main Page').getFullURL({ action: 'edit' })).toBe(
      'http://localhost:8080/w/index.php?title=Main_Page&action=edit',
    );
    expect(title('Foo#Bar').getFullURL()).toBe('http://localhost:8080/wiki/Foo#Bar');
  });

  it('builds edit URLs', () => {
    expect(title('Main Page').getEditURL()).toBe('/w/index.php?title=Main_Page&action=edit');
    expect(title('User talk:Foo#x').getEditURL()).toBe('/w/index.php?title=User_talk:Foo&action=edit');
  });

  it('honours other article and script paths', () => {
    const f = new TitleFactory(factory.namespaceInfo, {
      server: 'https://example.org',
      articlePath: '/index.php/$1',
      scriptPath: '',
    });
    const t = f.newFromTextThrow('Foo bar');
    expect(t.getLocalURL()).toBe('/index.php/Foo_bar');
    expect(t.getEditURL()).toBe('/index.php?title=Foo_bar&action=edit');
    expect(t.getFullURL()).toBe('https://example.org/index.php/Foo_bar');
  });
});

describe('wfUrlencode', () => {
  it('leaves ; @ $ ! * ( ) , / ~ : readable', () => {
    expect(wfUrlencode(';@$!*(),/~:')).toBe(';@$!*(),/~:');
  });

  it('encodes everything else as PHP urlencode() does', () => {
    expect(wfUrlencode('a b')).toBe('a+b');
    expect(wfUrlencode("'")).toBe('%27');
    expect(wfUrlencode('&?=#+%"')).toBe('%26%3F%3D%23%2B%25%22');
    expect(wfUrlencode('[]{}|\\^`<>')).toBe('%5B%5D%7B%7D%7C%5C%5E%60%3C%3E');
    expect(wfUrlencode('-_.')).toBe('-_.');
    expect(wfUrlencode('é😀')).toBe('%C3%A9%F0%9F%98%80');
  });

  it('does not throw on lone surrogates', () => {
    expect(wfUrlencode('a\uD800b')).toBe('a%EF%BF%BDb');
  });

  it('phpUrlencode escapes all of !\'()*~ and writes spaces as +', () => {
    expect(phpUrlencode("!'()*~ ")).toBe('%21%27%28%29%2A%7E+');
  });
});

describe('Title uses only public namespace constants', () => {
  it('NS_TALK, NS_USER and NS_SPECIAL titles round-trip through their prefixed text', () => {
    for (const text of ['Talk:Foo', 'User:Foo/Bar', 'Special:Version', 'Media:X.png']) {
      const t = title(text);
      const again = title(t.getPrefixedText());
      expect(again.isSameAs(t)).toBe(true);
      expect([NS_TALK, NS_USER, NS_SPECIAL, NS_MEDIA]).toContain(t.getNamespace());
    }
  });
});
