/**
 * The page-name and namespace words, site variables and the page-property
 * words, end to end through the renderer. Expected outputs are MediaWiki's
 * (magicWords.txt and parserTests.txt of its parser tests).
 */
import { createHarness, Harness, paragraph } from './coreFunctionsHarness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

const AEVAR = 'User:Ævar Arnfjörð Bjarmason';

describe('PAGENAME family', () => {
  test.each([
    ['{{PAGENAME}}', AEVAR, 'Ævar Arnfjörð Bjarmason'],
    ['{{PAGENAMEE}}', AEVAR, '%C3%86var_Arnfj%C3%B6r%C3%B0_Bjarmason'],
    ['{{FULLPAGENAME}}', AEVAR, 'User:Ævar Arnfjörð Bjarmason'],
    ['{{FULLPAGENAMEE}}', AEVAR, 'User:%C3%86var_Arnfj%C3%B6r%C3%B0_Bjarmason'],
    ['{{TALKPAGENAME}}', AEVAR, 'User talk:Ævar Arnfjörð Bjarmason'],
    ['{{TALKPAGENAMEE}}', AEVAR, 'User_talk:%C3%86var_Arnfj%C3%B6r%C3%B0_Bjarmason'],
    ['{{SUBJECTPAGENAME}}', 'User talk:Ævar Arnfjörð Bjarmason', 'User:Ævar Arnfjörð Bjarmason'],
    ['{{SUBJECTPAGENAMEE}}', 'User talk:Ævar Arnfjörð Bjarmason', 'User:%C3%86var_Arnfj%C3%B6r%C3%B0_Bjarmason'],
    ['{{ARTICLEPAGENAME}}', 'User talk:Ævar Arnfjörð Bjarmason', 'User:Ævar Arnfjörð Bjarmason'],
    ['{{SUBPAGENAME}}', 'Ævar Arnfjörð Bjarmason/sub ö', 'sub ö'],
    ['{{SUBPAGENAMEE}}', 'Ævar Arnfjörð Bjarmason/sub ö', 'sub_%C3%B6'],
    ['{{ROOTPAGENAME}}', 'Ævar Arnfjörð Bjarmason/sub/sub2', 'Ævar Arnfjörð Bjarmason'],
    ['{{ROOTPAGENAMEE}}', 'Ævar Arnfjörð Bjarmason/sub/sub2', '%C3%86var_Arnfj%C3%B6r%C3%B0_Bjarmason'],
    ['{{BASEPAGENAME}}', 'Ævar Arnfjörð Bjarmason/sub', 'Ævar Arnfjörð Bjarmason'],
    ['{{BASEPAGENAMEE}}', 'Ævar Arnfjörð Bjarmason/sub', '%C3%86var_Arnfj%C3%B6r%C3%B0_Bjarmason'],
    ['{{BASEPAGENAME}}', 'Ævar Arnfjörð Bjarmason/sub/sub2', 'Ævar Arnfjörð Bjarmason/sub'],
  ])('%s on [[%s]] is %s', async (text, title, expected) => {
    expect(paragraph(await h.html(text, title))).toBe(expected);
  });

  test('subpage words see the whole name where the namespace has no subpages (File:)', async () => {
    expect(paragraph(await h.html('{{SUBPAGENAME}}|{{BASEPAGENAME}}|{{ROOTPAGENAME}}', 'File:A/B.png'))).toBe('A/B.png|A/B.png|A/B.png');
  });

  test('page names are escaped with wfEscapeWikiText, so they stay text', async () => {
    expect(await h.html("''{{PAGENAME}}''", "'foo & bar = baz'")).toBe('<p><i>&#39;foo &#38; bar &#61; baz&#39;</i>\n</p>');
    expect(paragraph(await h.html('{{PAGENAME}}', '*RFC 1234 http://example.com/'))).toBe('&#42;RFC&#32;1234 http&#58;//example.com/');
    expect(paragraph(await h.html('{{PAGENAMEE}}', '*RFC 1234 http://example.com/'))).toBe('&#42;RFC_1234_http&#58;//example.com/');
    expect(paragraph(await h.html('{{PAGENAME}}', '-Leading dash'))).toBe('&#45;Leading dash');
    expect(paragraph(await h.html('{{PAGENAME}}', 'Mailto:someone'))).toBe('Mailto&#58;someone');
  });

  test('the argument form names another page; an invalid or empty title gives nothing', async () => {
    expect(paragraph(await h.html('{{PAGENAME:Help:Foo/bar}}|{{FULLPAGENAME:help talk:foo}}|{{SUBPAGENAME:Help:Foo/bar}}'))).toBe('Foo/bar|Help talk:Foo|bar');
    expect(paragraph(await h.html('{{TALKPAGENAME:Template:X}}|{{SUBJECTPAGENAME:Template talk:X}}|{{NAMESPACE:Template talk:X}}'))).toBe('Template talk:X|Template:X|Template talk');
    expect(await h.html('{{PAGENAME:}}{{PAGENAME:[[x]]}}{{FULLPAGENAME: }}')).toBe('');
    expect(paragraph(await h.html('{{PAGENAME:{{FULLPAGENAME}}}}', 'User:Foo'))).toBe('Foo');
  });

  test('special pages have no talk page', async () => {
    expect(await h.html('{{TALKPAGENAME}}{{TALKSPACE}}', 'Special:RecentChanges')).toBe('');
    expect(paragraph(await h.html('{{SUBJECTPAGENAME}}|{{NAMESPACENUMBER}}', 'Special:RecentChanges'))).toBe('Special:RecentChanges|-1');
  });
});

describe('NAMESPACE family', () => {
  test.each([
    ['{{NAMESPACE}}', AEVAR, 'User'],
    ['{{NAMESPACEE}}', 'User talk:X', 'User_talk'],
    ['{{NAMESPACENUMBER}}', AEVAR, '2'],
    ['{{TALKSPACE}}', AEVAR, 'User talk'],
    ['{{TALKSPACE}}', 'User talk:Ævar Arnfjörð Bjarmason', 'User talk'],
    ['{{TALKSPACE}}', 'Parser Test', 'Talk'],
    ['{{TALKSPACEE}}', AEVAR, 'User_talk'],
    ['{{SUBJECTSPACE}}', 'User talk:Ævar Arnfjörð Bjarmason', 'User'],
    ['{{SUBJECTSPACE}}', AEVAR, 'User'],
    ['{{SUBJECTSPACEE}}', 'User talk:Ævar Arnfjörð Bjarmason', 'User'],
    ['{{ARTICLESPACE}}', 'Help talk:X', 'Help'],
  ])('%s on [[%s]] is %s', async (text, title, expected) => {
    expect(paragraph(await h.html(text, title))).toBe(expected);
  });

  test('main namespace: empty names, number 0', async () => {
    expect(await h.html('{{NAMESPACE}}{{SUBJECTSPACE}}{{SUBJECTSPACEE}}', 'Parser Test')).toBe('');
    expect(paragraph(await h.html('{{NAMESPACENUMBER}}', 'Parser Test'))).toBe('0');
  });

  test('"Say the magic word" (parserTests.txt)', async () => {
    const text = [
      'PAGENAME', 'PAGENAMEE', 'FULLPAGENAME', 'FULLPAGENAMEE', 'BASEPAGENAME', 'BASEPAGENAMEE', 'SUBPAGENAME', 'SUBPAGENAMEE', 'ROOTPAGENAME', 'ROOTPAGENAMEE',
      'TALKPAGENAME', 'TALKPAGENAMEE', 'SUBJECTPAGENAME', 'SUBJECTPAGENAMEE', 'NAMESPACEE', 'NAMESPACE', 'NAMESPACENUMBER', 'TALKSPACE', 'TALKSPACEE', 'SUBJECTSPACE', 'SUBJECTSPACEE',
    ].map((word) => `*{{${word}}}`).join('\n');
    const items = [...(await h.html(text, 'Parser test')).matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toEqual([
      'Parser test', 'Parser_test', 'Parser test', 'Parser_test', 'Parser test', 'Parser_test', 'Parser test', 'Parser_test', 'Parser test', 'Parser_test',
      'Talk:Parser test', 'Talk:Parser_test', 'Parser test', 'Parser_test', '', '', '0', 'Talk', 'Talk', '', '',
    ]);
  });
});

describe('case-sensitive magic words', () => {
  // MediaWiki's PAGENAME, CURRENTMONTH … are case-sensitive: {{pagename}} is a
  // template, even though the engine registers its own hooks for them.
  test('differently cased, they are template transclusions', async () => {
    const html = await h.html('{{pagename}} {{CurrentMonth}}');
    expect(html).toContain('Template:Pagename');
    expect(html).toContain('Template:CurrentMonth');
  });
});

describe('site variables', () => {
  test('SITENAME, SERVER, SERVERNAME, SCRIPTPATH, STYLEPATH', async () => {
    expect(paragraph(await h.html('{{SITENAME}}'))).toBe('MediaWiki');
    expect(paragraph(await h.html('{{SERVERNAME}}'))).toBe('example.org');
    expect(await h.html('{{SERVER}}')).toContain('href="http://example.org"');
    expect(await h.html('{{SCRIPTPATH}}')).toBe('');
    expect(paragraph(await h.html('{{STYLEPATH}}'))).toBe('/skins');
  });

  test('{{!}} and {{=}}', async () => {
    expect(paragraph(await h.html('{{!}} and {{=}}'))).toBe('| and =');
  });
});

describe('DEFAULTSORT and DISPLAYTITLE', () => {
  test('render as nothing and set the page properties', async () => {
    const out = await h.render("{{DEFAULTSORT:Bar, Foo}}x{{DISPLAYTITLE:''Parser'' test}}");
    expect(paragraph(out.html)).toBe('x');
    expect(out.properties).toMatchObject({ defaultsort: 'Bar, Foo', displaytitle: "''Parser'' test" });
  });

  test('DEFAULTSORTKEY and DEFAULTCATEGORYSORT are synonyms', async () => {
    expect((await h.render('{{DEFAULTSORTKEY:A}}')).properties.defaultsort).toBe('A');
    expect((await h.render('{{DEFAULTCATEGORYSORT:B}}')).properties.defaultsort).toBe('B');
  });

  test('a second, different sort key replaces the first and shows an error', async () => {
    const out = await h.render('{{DEFAULTSORT:a}}{{DEFAULTSORT:b}}');
    expect(paragraph(out.html)).toBe('<span class="error"><strong>Warning:</strong> Default sort key "b" overrides earlier default sort key "a".</span>');
    expect(out.properties.defaultsort).toBe('b');
  });

  test('noerror keeps quiet, noreplace keeps the first; the same key twice is fine', async () => {
    let out = await h.render('{{DEFAULTSORT:a}}{{DEFAULTSORT:b|noerror}}');
    expect(out.html).toBe('');
    expect(out.properties.defaultsort).toBe('b');
    out = await h.render('{{DEFAULTSORT:a}}{{DEFAULTSORT:b|noreplace}}');
    expect(out.html).toBe('');
    expect(out.properties.defaultsort).toBe('a');
    expect((await h.render('{{DEFAULTSORT:a}}{{DEFAULTSORT:a}}')).html).toBe('');
  });

  test('a display title naming another page is ignored with a preview warning', async () => {
    const out = await h.render('{{DISPLAYTITLE:whatever}}', 'Screen');
    expect(out.html).toBe('');
    expect(out.properties.displaytitle).toBeUndefined();
    expect(out.warnings).toEqual([{ key: 'restricted-displaytitle', params: ['whatever'] }]);
    expect((await h.render('{{DISPLAYTITLE:screen}}', 'Screen')).properties.displaytitle).toBe('screen');
  });
});
