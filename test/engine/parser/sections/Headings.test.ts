/**
 * Headings, edit links and the table of contents against MediaWiki's
 * expected HTML (headings.txt; test names quoted). Ids are in the wiki's
 * default $wgFragmentMode, html5, where the parser tests use legacy ids.
 */
import { createSectionTestWiki, editLink, SectionTestWiki, TOC_START, tocDataLine } from './sectionTestWiki';

let t: SectionTestWiki;

beforeAll(async () => {
  t = await createSectionTestWiki({
    'Template:Test': '==th2==\n===th2.1===',
    'Template:Sections': '===Section 1===\n==Section 2==',
    'Template:1x': '{{{1}}}',
    'Template:Includeonly section': '<includeonly>\n==Includeonly section==\n</includeonly>\n==Section T-1==',
    'Template:With one': '=== in ===\n123',
    'Template:With two': '=== in 2 ===\n456\n\n=== in 3 ===\n789',
    'Template:With heading nesting': '=== in 4 ===\nlala\n\n{{with two}}',
    'Template:Pfheading': '{{#if:1|\n==foo==\n|unused}}\n==bar==',
    'Template:Noincludeheading': '==== test ====\nyup\n\n==== hi ho ====<noinclude>\nnope\n</noinclude>\n\n==== test 2 ====\nanother yup\n\n<!-- well -->==== ha ha ====\nback to nope\n\n==== he he ====  <!-- but this is ok -->\nsee',
  });
});

afterAll(async () => {
  await t.close();
});

function heading(level: number, id: string, inner: string, link = ''): string {
  return `<div class="mw-heading mw-heading${level}"><h${level} id="${id}">${inner}</h${level}>${link}</div>`;
}

describe('headings', () => {
  it('renders MediaWiki\'s heading markup with edit links ("Basic section headings")', async () => {
    const { html } = await t.render('==Headline 1==\nSome text\n\n==Headline 2==\nMore\n===Smaller headline===\nBlah blah');
    expect(html).toBe(
      [
        heading(2, 'Headline_1', 'Headline 1', editLink('Parser_test', '1', 'Headline 1')),
        '<p>Some text',
        '</p>',
        heading(2, 'Headline_2', 'Headline 2', editLink('Parser_test', '2', 'Headline 2')),
        '<p>More',
        '</p>',
        heading(3, 'Smaller_headline', 'Smaller headline', editLink('Parser_test', '3', 'Smaller headline')),
        '<p>Blah blah',
        '</p>',
      ].join('\n'),
    );
  });

  it('makes ids unique case-insensitively ("Resolving duplicate section names with differing case")', async () => {
    const { html } = await t.render('__NOTOC__\n==Foo bar==\n==Foo Bar==\n==Тест==\n==тест==\n==Тест==');
    expect(html.match(/ id="[^"]*"/g)).toEqual([' id="Foo_bar"', ' id="Foo_Bar_2"', ' id="Тест"', ' id="тест"', ' id="Тест_2"']);
  });

  it('makes the id from the heading\'s text with tags, links and entities resolved', async () => {
    const { html, sections } = await t.render("==''Lost'' episodes==\n==[[Main Page|I love my ''cat'']]==\n==Foo&nbsp;bar==\n== ==\n==text & text==");
    expect(sections.map((s) => s.anchor)).toEqual(['Lost_episodes', 'I_love_my_cat', 'Foo_bar', '', 'text_&_text']);
    expect(html).toContain('<h2 id="text_&amp;_text">');
    expect(html).toContain(`<h2 id=""></h2>${editLink('Parser_test', '4', '')}`);
    expect(sections.map((s) => s.line)).toEqual(['<i>Lost</i> episodes', 'I love my <i>cat</i>', 'Foo&#160;bar', '', 'text &amp; text']);
  });

  it('keeps HTML headings unwrapped and without edit links ("HTML headers vs TOC (T25393)")', async () => {
    const { html } = await t.render('<h1>Header 1</h1>\n==Header 1.1==\n<h3 style="color: red">Styled</h3>\n<h3 id="asdf">odd</h3>');
    expect(html).toContain('<h1 id="Header_1" class="mw-html-heading">Header 1</h1>');
    expect(html).toContain('<h3 id="Styled" style="color: red" class="mw-html-heading">Styled</h3>');
    // "TOC data when heading already has an id": the id written is kept.
    expect(html).toContain('<h3 id="asdf" class="mw-html-heading">odd</h3>');
    expect(html).toContain(heading(2, 'Header_1.1', 'Header 1.1', editLink('Parser_test', '1', 'Header 1.1')));
  });

  it('does not wrap a heading the page wrapped itself ("mw-heading wrapper edge cases")', async () => {
    const { html } = await t.render('__NOTOC__\n<div class="mw-heading mw-heading2">\n==Normal heading with existing wrapper!==\n</div>');
    expect(html).toContain(`<div class="mw-heading mw-heading2">\n<h2 id="Normal_heading_with_existing_wrapper!">Normal heading with existing wrapper!</h2>${editLink('Parser_test', '1', 'Normal heading with existing wrapper!')}\n</div>`);
  });

  it('has no edit links with __NOEDITSECTION__ ("__NOEDITSECTION__ keyword")', async () => {
    const { html } = await t.render('__NOEDITSECTION__\n==Section 1==\n==Section 2==');
    expect(html).toBe([heading(2, 'Section_1', 'Section 1'), heading(2, 'Section_2', 'Section 2')].join('\n'));
  });

  it('escapes the edit link\'s tooltip as text ("Heading with literal wikitext …")', async () => {
    const { html } = await t.render('== <nowiki>{{PAGENAME}}</nowiki> ==\n== a "quoted" <b>bold</b> ==');
    expect(html).toContain(`<h2 id="{{PAGENAME}}">{{PAGENAME}}</h2>${editLink('Parser_test', '1', '{{PAGENAME}}')}`);
    expect(html).toContain(editLink('Parser_test', '2', 'a &quot;quoted&quot; bold'));
  });
});

describe('section numbers', () => {
  it('links a template\'s headings to the template ("Template with sections, __NOTOC__")', async () => {
    const { html } = await t.render('__NOTOC__\n==Section 0==\n{{sections}}\n==Section 4==');
    expect(html).toBe(
      [
        heading(2, 'Section_0', 'Section 0', editLink('Parser_test', '1', 'Section 0')),
        heading(3, 'Section_1', 'Section 1', editLink('Template:Sections', 'T-1', 'Section 1')),
        heading(2, 'Section_2', 'Section 2', editLink('Template:Sections', 'T-2', 'Section 2')),
        heading(2, 'Section_4', 'Section 4', editLink('Parser_test', '2', 'Section 4')),
      ].join('\n'),
    );
  });

  it('counts a template\'s <includeonly> headings ("T8563: Edit link generation for section shown by <includeonly>")', async () => {
    const { html } = await t.render('{{includeonly section}}');
    expect(html).toContain(editLink('Template:Includeonly_section', 'T-1', 'Includeonly section'));
    expect(html).toContain(editLink('Template:Includeonly_section', 'T-2', 'Section T-1'));
    // "… suppressed by <includeonly>": on the page itself they do not exist.
    const own = await t.render('<includeonly>\n==Includeonly section==\n</includeonly>\n==Section 1==');
    expect(own.html).toBe(heading(2, 'Section_1', 'Section 1', editLink('Parser_test', '1', 'Section 1')));
  });

  const cases: [string, string, string[]][] = [
    [
      'Templated sections (heading from template content)',
      '==a==\n{{Test}}',
      [
        ' h2 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:a line:a',
        ' h2 index:T-1 toclevel:1 number:2 title:Template:Test off:NULL anchor/linkAnchor:th2 line:th2',
        '  h3 index:T-2 toclevel:2 number:2.1 title:Template:Test off:NULL anchor/linkAnchor:th2.1 line:th2.1',
      ],
    ],
    [
      'Templated sections (heading from template arg)',
      '==a==\n{{1x|1=\n==b==\n}}',
      [' h2 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:a line:a', ' h2 index: toclevel:1 number:2 title:NULL off:NULL anchor/linkAnchor:b line:b'],
    ],
    [
      'Handle parser functions generating sections',
      '{{#if:1|\n==foo==\n|unused}}\n==bar==',
      [' h2 index: toclevel:1 number:1 title:NULL off:NULL anchor/linkAnchor:foo line:foo', ' h2 index:2 toclevel:1 number:2 title:Parser_test off:27 anchor/linkAnchor:bar line:bar'],
    ],
    [
      'Handle parser functions generating sections (in template)',
      '{{pfheading}}',
      [' h2 index: toclevel:1 number:1 title:NULL off:NULL anchor/linkAnchor:foo line:foo', ' h2 index:T-2 toclevel:1 number:2 title:Template:Pfheading off:NULL anchor/linkAnchor:bar line:bar'],
    ],
    [
      'Handle top-level template args generating sections',
      '{{{foo|\n==tplarg==\n|abcd}}}\n==bar==',
      [' h2 index: toclevel:1 number:1 title:NULL off:NULL anchor/linkAnchor:tplarg line:tplarg', ' h2 index:2 toclevel:1 number:2 title:Parser_test off:28 anchor/linkAnchor:bar line:bar'],
    ],
    [
      'Handle multi-part content transclusion blocks',
      '<div>\n{{1x|1=\n==foo==\n</div>\n}}\n==bar==',
      [' h2 index: toclevel:1 number:1 title:NULL off:NULL anchor/linkAnchor:foo line:foo', ' h2 index:2 toclevel:1 number:2 title:Parser_test off:32 anchor/linkAnchor:bar line:bar'],
    ],
    [
      'Reset section numbering per template',
      '=== out ===\n123\n\n{{with one}}\n\n=== out 2 ===\n456\n\n{{with two}}\n\n{{with one}}',
      [
        ' h3 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:out line:out',
        ' h3 index:T-1 toclevel:1 number:2 title:Template:With_one off:NULL anchor/linkAnchor:in line:in',
        ' h3 index:2 toclevel:1 number:3 title:Parser_test off:31 anchor/linkAnchor:out_2 line:out 2',
        ' h3 index:T-1 toclevel:1 number:4 title:Template:With_two off:NULL anchor/linkAnchor:in_2 line:in 2',
        ' h3 index:T-2 toclevel:1 number:5 title:Template:With_two off:NULL anchor/linkAnchor:in_3 line:in 3',
        ' h3 index:T-1 toclevel:1 number:6 title:Template:With_one off:NULL anchor/linkAnchor:in_4 line:in',
      ],
    ],
    [
      'Nested section numbering',
      '=== out ===\n123\n\n{{with heading nesting}}',
      [
        ' h3 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:out line:out',
        ' h3 index:T-1 toclevel:1 number:2 title:Template:With_heading_nesting off:NULL anchor/linkAnchor:in_4 line:in 4',
        ' h3 index:T-1 toclevel:1 number:3 title:Template:With_two off:NULL anchor/linkAnchor:in_2 line:in 2',
        ' h3 index:T-2 toclevel:1 number:4 title:Template:With_two off:NULL anchor/linkAnchor:in_3 line:in 3',
      ],
    ],
    [
      'Editable headings can only have trailing comments and whitespace',
      '==== test ====\nyup\n\n==== hi ho ====<noinclude>\nnope\n</noinclude>\n\n==== test 2 ====\nanother yup\n\n<!-- well -->==== ha ha ====\nback to nope\n\n==== he he ====  <!-- but this is ok -->\nsee',
      [
        ' h4 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:test line:test',
        ' h4 index: toclevel:1 number:2 title:NULL off:NULL anchor/linkAnchor:hi_ho line:hi ho',
        ' h4 index:2 toclevel:1 number:3 title:Parser_test off:66 anchor/linkAnchor:test_2 line:test 2',
        ' h4 index: toclevel:1 number:4 title:NULL off:NULL anchor/linkAnchor:ha_ha line:ha ha',
        ' h4 index:3 toclevel:1 number:5 title:Parser_test off:139 anchor/linkAnchor:he_he line:he he',
      ],
    ],
    [
      'Editable headings can only have trailing comments and whitespace (in template)',
      '{{noincludeheading}}',
      [
        ' h4 index:T-1 toclevel:1 number:1 title:Template:Noincludeheading off:NULL anchor/linkAnchor:test line:test',
        ' h4 index: toclevel:1 number:2 title:NULL off:NULL anchor/linkAnchor:hi_ho line:hi ho',
        ' h4 index:T-2 toclevel:1 number:3 title:Template:Noincludeheading off:NULL anchor/linkAnchor:test_2 line:test 2',
        ' h4 index: toclevel:1 number:4 title:NULL off:NULL anchor/linkAnchor:ha_ha line:ha ha',
        ' h4 index:T-3 toclevel:1 number:5 title:Template:Noincludeheading off:NULL anchor/linkAnchor:he_he line:he he',
      ],
    ],
    [
      'Unclosed template in heading',
      '== test {{ 123 ==\ntest\n\n== asdf ==\nasdf',
      [' h2 index: toclevel:1 number:1 title:NULL off:NULL anchor/linkAnchor:test_{{_123 line:test {{ 123', ' h2 index:1 toclevel:1 number:2 title:Parser_test off:24 anchor/linkAnchor:asdf line:asdf'],
    ],
    [
      'Compound template with top-level headings',
      '{{1x|\n{{{!}}\n{{!}}\n}}\n==One==\nText 1\n===Two===\nText 2\n|}',
      [' h2 index:1 toclevel:1 number:1 title:Parser_test off:22 anchor/linkAnchor:One line:One', '  h3 index:2 toclevel:2 number:1.1 title:Parser_test off:37 anchor/linkAnchor:Two line:Two'],
    ],
    [
      'Offsets in toc metadata should be unicode codepoints, not bytes or UCS-2',
      '==One 💩==\n==Two 💩==\n==Three 💩==',
      [
        ' h2 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:One_💩 line:One 💩',
        ' h2 index:2 toclevel:1 number:2 title:Parser_test off:10 anchor/linkAnchor:Two_💩 line:Two 💩',
        ' h2 index:3 toclevel:1 number:3 title:Parser_test off:20 anchor/linkAnchor:Three_💩 line:Three 💩',
      ],
    ],
    [
      'HTML headings should get TOC entries with some empty properties',
      '==a==\n<h2>b</h2>\n<h3>c</h3>\n===d===\n<h2>e</h2>',
      [
        ' h2 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:a line:a',
        ' h2 index: toclevel:1 number:2 title:NULL off:NULL anchor/linkAnchor:b line:b',
        '  h3 index: toclevel:2 number:2.1 title:NULL off:NULL anchor/linkAnchor:c line:c',
        '  h3 index:2 toclevel:2 number:2.2 title:Parser_test off:28 anchor/linkAnchor:d line:d',
        ' h2 index: toclevel:1 number:3 title:NULL off:NULL anchor/linkAnchor:e line:e',
      ],
    ],
    [
      'Ensure disallowed attributes are stripped, but dir attribute in a span is left behind',
      "==<span dir='ltr' title='x'>a</span>==\n==<span dir='rtl' title='x'>b</span>==\n==<i dir='rtl' title='ha'>c</i>==",
      [
        ' h2 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:a line:<span dir="ltr">a</span>',
        ' h2 index:2 toclevel:1 number:2 title:Parser_test off:39 anchor/linkAnchor:b line:<span dir="rtl">b</span>',
        ' h2 index:3 toclevel:1 number:3 title:Parser_test off:78 anchor/linkAnchor:c line:<i>c</i>',
      ],
    ],
  ];

  it.each(cases)('%s', async (_name, wikitext, expected) => {
    const { sections } = await t.render(wikitext);
    expect(sections.map(tocDataLine)).toEqual(expected);
  });
});

describe('table of contents', () => {
  it('comes before the first heading for four headings ("Section headings with TOC")', async () => {
    const { html } = await t.render('==Headline 1==\n===Subheadline 1===\n=====Skipping a level=====\n======Skipping a level======\n\n==Headline 2==\nSome text\n===Another headline===');
    expect(html.startsWith(
      [
        TOC_START,
        '<ul>',
        '<li class="toclevel-1 tocsection-1"><a href="#Headline_1"><span class="tocnumber">1</span> <span class="toctext">Headline 1</span></a>',
        '<ul>',
        '<li class="toclevel-2 tocsection-2"><a href="#Subheadline_1"><span class="tocnumber">1.1</span> <span class="toctext">Subheadline 1</span></a>',
        '<ul>',
        '<li class="toclevel-3 tocsection-3"><a href="#Skipping_a_level"><span class="tocnumber">1.1.1</span> <span class="toctext">Skipping a level</span></a>',
        '<ul>',
        '<li class="toclevel-4 tocsection-4"><a href="#Skipping_a_level_2"><span class="tocnumber">1.1.1.1</span> <span class="toctext">Skipping a level</span></a></li>',
        '</ul>',
        '</li>',
        '</ul>',
        '</li>',
        '</ul>',
        '</li>',
        '<li class="toclevel-1 tocsection-5"><a href="#Headline_2"><span class="tocnumber">2</span> <span class="toctext">Headline 2</span></a>',
        '<ul>',
        '<li class="toclevel-2 tocsection-6"><a href="#Another_headline"><span class="tocnumber">2.1</span> <span class="toctext">Another headline</span></a></li>',
        '</ul>',
        '</li>',
        '</ul>',
        '</div>',
        '',
        heading(2, 'Headline_1', 'Headline 1', editLink('Parser_test', '1', 'Headline 1')),
      ].join('\n'),
    )).toBe(true);
  });

  it('is not shown for fewer than four headings, nor with __NOTOC__', async () => {
    expect((await t.render('==A==\n==B==\n==C==')).html).not.toContain('id="toc"');
    expect((await t.render('__NOTOC__\n==A==\n==B==\n==C==\n==D==')).html).not.toContain('id="toc"');
  });

  it('is shown for any heading with __FORCETOC__, even against __NOTOC__ ("TOC anchors don\'t collide")', async () => {
    const { html } = await t.render('__FORCETOC__\n==Headline 2==\n==Headline==\n==Headline 2==\n==Headline==');
    expect(html).toContain('<li class="toclevel-1 tocsection-3"><a href="#Headline_2_2"><span class="tocnumber">3</span> <span class="toctext">Headline 2</span></a></li>');
    expect(html).toContain('<li class="toclevel-1 tocsection-4"><a href="#Headline_3"><span class="tocnumber">4</span> <span class="toctext">Headline</span></a></li>');
    expect((await t.render('__NOTOC__ __FORCETOC__\n==A==')).html).toContain('id="toc"');
    // "__FORCETOC__ override": no headings, no table of contents.
    expect((await t.render('__FORCETOC__')).html).not.toContain('id="toc"');
  });

  it('goes where __TOC__ is ("T307691: show-toc flag: not "enough" sections, but __TOC__")', async () => {
    const { html } = await t.render('== One ==\n__TOC__');
    expect(html).toBe(
      `${heading(2, 'One', 'One', editLink('Parser_test', '1', 'One'))}\n${TOC_START}\n<ul>\n` +
        '<li class="toclevel-1 tocsection-1"><a href="#One"><span class="tocnumber">1</span> <span class="toctext">One</span></a></li>\n</ul>\n</div>\n',
    );
    // __TOC__ wins over __NOTOC__; a second __TOC__ and one without headings leave nothing.
    expect((await t.render('__NOTOC__\n== One ==\n__TOC__ __TOC__')).html.match(/id="toc"/g)).toHaveLength(1);
    expect((await t.render('__TOC__')).html).toBe('');
  });

  it('puts the TOC inside the box that holds __TOC__', async () => {
    const { html } = await t.render('<div class="box">\n__TOC__\n</div>\n==A==');
    expect(html).toMatch(/^<div class="box">\n<div id="toc"[\s\S]*<\/div>\n\n<\/div>\n<div class="mw-heading/);
  });

  it('lists headings from templates and HTML, without tocsection classes', async () => {
    const { html } = await t.render('__FORCETOC__\n==a==\n{{Test}}\n<h2>html</h2>');
    expect(html).toContain('<li class="toclevel-1 tocsection-1"><a href="#a">');
    expect(html).toContain('<li class="toclevel-1"><a href="#th2"><span class="tocnumber">2</span>');
    expect(html).toContain('<li class="toclevel-1"><a href="#html"><span class="tocnumber">3</span>');
  });

  it('reduces the TOC line to a few inline elements ("Tags with parameters in TOC", "T198618")', async () => {
    const { sections } = await t.render('==<sup class="in-h2">Hello</sup>==\n==<s>test</s> test <strike>test</strike>==\n==<bdi>test</bdi>==\n==<span id="old-anchor"></span>New title==\n==<small>Small</small> <blockquote>Quote</blockquote>==\n==Proof: 2 < 3==');
    expect(sections.map((s) => s.line)).toEqual(['<sup>Hello</sup>', '<s>test</s> test <strike>test</strike>', '<bdi>test</bdi>', 'New title', 'Small Quote', 'Proof: 2 &lt; 3']);
    expect(sections.map((s) => s.anchor)).toEqual(['Hello', 'test_test_test', 'test', 'New_title', 'Small_Quote', 'Proof:_2_<_3']);
  });
});

describe('behaviour switches', () => {
  it('become page properties and render as nothing', async () => {
    const { html, properties } = await t.render('a __NOINDEX__ __HIDDENCAT__ __NEWSECTIONLINK__ __NOCC__ __NOGALLERY__ __EXPECTUNUSEDCATEGORY__ b');
    expect(html).toBe('<p>a       b\n</p>');
    expect(properties).toMatchObject({ noindex: '', hiddencat: '', newsectionlink: '', nocontentconvert: '', nogallery: '', expectunusedcategory: '' });
  });

  it('count when a template sets them', async () => {
    await t.wiki.edit('Template:Notoc', '__NOTOC__');
    const { html, properties } = await t.render('{{notoc}}\n==A==\n==B==\n==C==\n==D==');
    expect(properties.notoc).toBe('');
    expect(html).not.toContain('id="toc"');
  });

  it('leave switches of extensions this wiki does not have as text', async () => {
    const { html } = await t.render('__DISAMBIG__');
    expect(html).toBe('<p>__DISAMBIG__\n</p>');
  });
});
