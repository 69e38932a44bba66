/**
 * URL functions, urlencode, anchorencode, ns/nse, #special/#speciale,
 * #language, DIRMARK and the language words, #formatdate, and the library
 * built-ins we keep (int, #tag), end to end through the renderer. Expected
 * outputs are MediaWiki's (parserTests.txt, extLinks.txt, magicWords.txt).
 */
import { createHarness, Harness, paragraph } from './coreFunctionsHarness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

/** '&' in text may be written bare or as &amp; by the HTML serializer; compare the text. */
const decodeAmp = (html: string): string => html.replace(/&amp;/g, '&');
const lines = (html: string): string[] => decodeAmp(paragraph(html)).split('\n');
/** The text inside a rendered free external link, or the paragraph text. */
const linkText = (html: string): string => decodeAmp(paragraph(html).replace(/<a [^>]*>([^<]*)<\/a>/g, '$1'));

describe('localurl, fullurl, canonicalurl', () => {
  test('article path without a query, index.php with one', async () => {
    expect(lines(await h.html('{{localurl:Foo bar}}\n{{localurl:Foo bar|action=edit}}\n{{localurl:Foo#frag}}\n{{LOCALURL:Talk:Foo?x|a=b}}'))).toEqual([
      '/wiki/Foo_bar',
      '/index.php?title=Foo_bar&action=edit',
      '/wiki/Foo',
      '/index.php?title=Talk:Foo%3Fx&a=b',
    ]);
  });

  test('fullurl and canonicalurl add the server (and the fragment)', async () => {
    expect(linkText(await h.html('{{fullurl:Foo bar}}'))).toBe('http://example.org/wiki/Foo_bar');
    expect(linkText(await h.html('{{fullurl:Foo|action=edit}}'))).toBe('http://example.org/index.php?title=Foo&action=edit');
    expect(linkText(await h.html('{{fullurl:Foo#Some section}}'))).toBe('http://example.org/wiki/Foo#Some_section');
    expect(linkText(await h.html('{{canonicalurl:Help:Contents}}'))).toBe('http://example.org/wiki/Help:Contents');
  });

  test('$wgCanonicalServer is used by canonicalurl only', async () => {
    const canonical = await createHarness({ canonicalServer: 'https://canonical.example' });
    try {
      expect(linkText(await canonical.html('{{canonicalurl:Foo}}'))).toBe('https://canonical.example/wiki/Foo');
      expect(linkText(await canonical.html('{{fullurl:Foo}}'))).toBe('http://example.org/wiki/Foo');
    } finally {
      await canonical.close();
    }
  });

  test('the …E forms escape the URL for HTML', async () => {
    expect(paragraph(await h.html('{{localurle:Foo|a=b&c="d"}}'))).toBe('/index.php?title=Foo&amp;a=b&amp;c=&quot;d&quot;');
  });

  test('URL-encoded titles are decoded, Media: links to the file page (extLinks.txt)', async () => {
    expect(lines(await h.html('{{localurl:Some%20page}}\n{{localurl:Media:Foo.png}}'))).toEqual(['/wiki/Some_page', '/wiki/File:Foo.png']);
  });

  test('interwiki titles link to the other wiki', async () => {
    expect(linkText(await h.html('{{fullurl:wikipedia:Foo bar|action=history}}'))).toBe('https://en.wikipedia.org/wiki/Foo_bar?action=history');
  });

  test('an invalid title is not a URL: the call stays a (red) template link, as in MediaWiki', async () => {
    const html = await h.html('{{localurl:}}');
    expect(html).toContain('class="new"');
    expect(html).toContain('Template:Localurl:');
  });
});

describe('urlencode', () => {
  test('QUERY (default), WIKI and PATH (parserTests: Urlencode)', async () => {
    expect(lines(await h.html('{{urlencode:hi world?!}}\n{{urlencode:hi world?!|WIKI}}\n{{urlencode:hi world?!|PATH}}\n{{urlencode:hi world?!|QUERY}}'))).toEqual([
      'hi+world%3F%21',
      'hi_world%3F!',
      'hi%20world%3F%21',
      'hi+world%3F%21',
    ]);
  });

  test('strip markers are removed', async () => {
    expect(lines(await h.html('{{urlencode:x<nowiki/>y}}\n{{urlencode:x<nowiki/>y|wiki}}\n{{urlencode:x<nowiki/>y|path}}'))).toEqual(['xy', 'xy', 'xy']);
  });

  test('non-ASCII text is UTF-8 percent-encoded', async () => {
    expect(paragraph(await h.html("{{urlencode:Ævar's ~page}}"))).toBe('%C3%86var%27s+%7Epage');
  });
});

describe('anchorencode', () => {
  test.each([
    ['{{anchorencode:foo bar©#%n}}', 'foo_bar©#%n'],
    ['{{anchorencode: __pretty__please__}}', 'pretty_please'],
    ['{{anchorencode: [[hello|world]] [[hi]]}}', 'world_hi'],
    ['{{anchorencode: _ +:.3A%3A _ &&amp;]] x}}', '+:.3A%253A_&amp;&amp;&#93;&#93;_x'],
    ["{{anchorencode:'''Bold''' and ''italic''}}", 'Bold_and_italic'],
    ['{{anchorencode:x<nowiki/>y}}', 'xy'],
  ])('%s → %s', async (text, expected) => {
    expect(paragraph(await h.html(text))).toBe(expected);
  });
});

describe('ns and nse', () => {
  test.each([
    ['{{ns:1}}', 'Talk'],
    ['{{ns:01}}', 'Talk'],
    ['{{ns:-1}}', 'Special'],
    ['{{ns:User}}', 'User'],
    ['{{ns:User_talk}}', 'User talk'],
    ['{{ns:uSeR tAlK}}', 'User talk'],
    ['{{ns:File}}', 'File'],
    ['{{ns:Image}}', 'File'],
    ['{{nse:User talk}}', 'User_talk'],
    ['{{ns:Project}}', 'MediaWiki'],
  ])('%s → %s', async (text, expected) => {
    expect(paragraph(await h.html(text))).toBe(expected);
  });

  test('the main namespace and unused numbers are empty', async () => {
    expect(await h.html('{{ns:0}}{{ns:00}}{{ns:}}{{ns:99}}')).toBe('');
  });

  test('an unknown name is not found: the call is a template link', async () => {
    expect(await h.html('{{ns:Nonsense}}')).toContain('Template:Ns:Nonsense');
  });
});

describe('#special and #speciale', () => {
  test.each([
    ['{{#special:Recentchanges}}', 'Special:RecentChanges'],
    ['{{#special:Recentchanges/param}}', 'Special:RecentChanges/param'],
    ['{{#special:foobar nonexistent}}', 'Special:Foobar nonexistent'],
    ['{{#speciale:Recentchanges}}', 'Special:RecentChanges'],
    ['{{#speciale:Recentchanges/param}}', 'Special:RecentChanges/param'],
    ['{{#speciale:foobar nonexistent}}', 'Special:Foobar_nonexistent'],
    ['{{#special:<bad>}}', 'Special:Badtitle'],
  ])('%s → %s (parserTests)', async (text, expected) => {
    expect(paragraph(await h.html(text))).toBe(expected);
  });
});

describe('language words', () => {
  test.each([
    ['{{#language:ar}}', 'العربية'],
    ['{{#language:AR}}', 'العربية'],
    ['{{#language:aR|En}}', 'Arabic'],
    ['{{#language:de-x-formal|en-simple}}', 'German (formal address)'],
    ['{{#language:de}}', 'Deutsch'],
    ['{{#language:de|fr}}', 'allemand'],
    ['{{#language:pt-br}}', 'português do Brasil'],
    ['{{#language:}}', 'English'],
    ['{{#language}}', 'English'],
    ['{{#language:xyz}}', 'xyz'],
    ['{{#language:sr-ec}}', 'српски (ћирилица)'],
  ])('%s → %s (parserTests: Language parser function)', async (text, expected) => {
    expect(paragraph(await h.html(text))).toBe(expected);
  });

  test('the autonym of the page language when no code is given', async () => {
    expect(paragraph(await h.html('{{#language}} / {{#language:}} / {{#language:|en}}', 'MediaWiki:Test/ar'))).toBe('العربية / العربية / Arabic');
  });

  test('CONTENTLANGUAGE, PAGELANGUAGE, USERLANGUAGE', async () => {
    expect(paragraph(await h.html('{{CONTENTLANGUAGE}}|{{CONTENTLANG}}|{{PAGELANGUAGE}}|{{USERLANGUAGE}}'))).toBe('en|en|en|en');
    expect(paragraph(await h.html('{{CONTENTLANGUAGE}}|{{PAGELANGUAGE}}', 'MediaWiki:Test/fr'))).toBe('en|fr');
    // Only a real language code counts.
    expect(paragraph(await h.html('{{PAGELANGUAGE}}', 'MediaWiki:Test/not-a-language'))).toBe('en');
  });

  test('DIRMARK is LRM, or RLM on a right-to-left page', async () => {
    expect(paragraph(await h.html('{{DIRMARK}}{{DIRECTIONMARK}}'))).toBe('\u200e\u200e');
    expect(paragraph(await h.html('{{DIRMARK}}', 'MediaWiki:Test/he'))).toBe('\u200f');
  });
});

describe('#formatdate', () => {
  test.each([
    ['{{#formatdate:2009-03-24}}', '<span class="mw-formatted-date" title="2009-03-24">2009-03-24</span>'],
    ['{{#formatdate:2009-03-24|mdy}}', '<span class="mw-formatted-date" title="2009-03-24">March 24, 2009</span>'],
    ['{{#formatdate:2009-03-24|dmy}}', '<span class="mw-formatted-date" title="2009-03-24">24 March 2009</span>'],
    ['{{#formatdate:2009-03-24|ymd}}', '<span class="mw-formatted-date" title="2009-03-24">2009 March 24</span>'],
    ['{{#dateformat:24 March 2009|ISO 8601}}', '<span class="mw-formatted-date" title="2009-03-24">2009-03-24</span>'],
    ['{{#formatdate:January 15}}', '<span class="mw-formatted-date" title="01-15">January 15</span>'],
    ['{{#formatdate:june 3|dmy}}', '<span class="mw-formatted-date" title="06-03">3 June</span>'],
    ['{{#formatdate:Dec 1, 44 BC|dmy}}', '<span class="mw-formatted-date" title="-0043-12-01">1 December 44 BC</span>'],
    ['{{#formatdate:2019-22-22|dmy}}', '2019-22-22'],
    ['{{#formatdate:not a date|dmy}}', 'not a date'],
  ])('%s → %s (parserTests: formatdate)', async (text, expected) => {
    expect(paragraph(await h.html(text))).toBe(expected);
  });

  test('ISO year 0 is 1 BC', async () => {
    expect(lines(await h.html('{{#formatdate:-0001-12-31|mdy}}\n{{#formatdate:0000-12-31|mdy}}\n{{#formatdate:0001-12-31|mdy}}'))).toEqual([
      '<span class="mw-formatted-date" title="-0001-12-31">December 31, 2 BC</span>',
      '<span class="mw-formatted-date" title="0000-12-31">December 31, 1 BC</span>',
      '<span class="mw-formatted-date" title="0001-12-31">December 31, 1</span>',
    ]);
  });
});

describe('library built-ins kept as they are', () => {
  test('{{int:}} expands an interface message with its parameters', async () => {
    expect(paragraph(await h.html('{{int:mainpage}}'))).toBe(h.messages.lookup('mainpage', 'en'));
    expect(paragraph(await h.html('{{int:red-link-title|Foo}}'))).toBe(h.messages.msg('red-link-title', 'en', 'Foo').text());
    expect(paragraph(await h.html('{{int:no-such-message-key}}'))).toBe('⧼no-such-message-key⧽');
  });

  test('{{#tag:}} builds an HTML or extension tag', async () => {
    expect(paragraph(await h.html('{{#tag:span|a|class=x|title="q"}}'))).toBe('<span class="x" title="q">a</span>');
    expect(paragraph(await h.html("{{#tag:nowiki|''x''}}"))).toBe("''x''");
  });
});
