/**
 * Cite end to end through the real renderer: <ref>, <references>, the
 * automatic list, errors. Expected markup is MediaWiki's (Cite's
 * tests/parser/citeParserTests.txt, html/php), with plain "_" in ids where
 * the parser tests show the entity &#95; (the same attribute value).
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';

const marker = (id: string, note: string, label: string) =>
  `<sup id="${id}" class="reference"><a href="#${note}"><span class="cite-bracket">&#91;</span>${label}<span class="cite-bracket">&#93;</span></a></sup>`;
const item = (note: string, backlink: string, text: string) =>
  `<li id="${note}"><span class="mw-cite-backlink"><a href="#${backlink}">↑</a></span> <span class="reference-text">${text}</span>\n</li>`;
const error = (text: string) => `<span class="error mw-ext-cite-error" lang="en" dir="ltr">Cite error: ${text}</span>`;

describe('Cite', () => {
  let wiki: TestWiki;
  const render = async (text: string) => (await wiki.services.renderer.render(text, { title: wiki.services.titleFactory.newFromTextThrow('Test') })).html;

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', { extensions: ['Cite'] });
    await wiki.edit('Existing', 'exists');
    await wiki.edit('Template:Simple template', "A ''simple'' template.");
    await wiki.edit('Template:Cite note', '{{#tag:ref|{{{1}}}|name={{{name|}}}}}');
  });
  afterAll(async () => wiki.close());

  test('a <ref> without <references/> gets the list at the end of the page', async () => {
    expect(await render('Wikipedia rocks!<ref>Proceeds of Rockology, vol. XXI</ref>')).toBe(
      `<p>Wikipedia rocks!${marker('cite_ref-1', 'cite_note-1', '1')}\n</p>\n` +
        `<div class="mw-references-wrap"><ol class="references">\n${item('cite_note-1', 'cite_ref-1', 'Proceeds of Rockology, vol. XXI')}\n</ol></div>`,
    );
  });

  test('<references /> places the list', async () => {
    expect(await render('Wikipedia rocks!<ref>Proceeds of Rockology, vol. XXI</ref>\n\n<references />\n\nAfter.')).toBe(
      `<p>Wikipedia rocks!${marker('cite_ref-1', 'cite_note-1', '1')}\n</p>\n` +
        `<div class="mw-references-wrap"><ol class="references">\n${item('cite_note-1', 'cite_ref-1', 'Proceeds of Rockology, vol. XXI')}\n</ol></div>\n<p>After.\n</p>`,
    );
  });

  test('the content is wikitext: formatting, links (blue and red), templates, nowiki', async () => {
    const html = await render("A<ref>''It'' is [[Existing|here]], not [[Missing page]]: {{Simple template}} <nowiki>{{x}}</nowiki><!-- hidden --></ref>\n<references/>");
    expect(html).toContain(
      '<span class="reference-text"><i>It</i> is <a href="/wiki/Existing" title="Existing">here</a>, not ' +
        '<a href="/w/index.php?title=Missing_page&amp;action=edit&amp;redlink=1" class="new" title="Missing page (page does not exist)">Missing page</a>: ' +
        'A <i>simple</i> template. {{x}}</span>',
    );
  });

  test('a reused name: one number, backlinks 1.0 1.1 …, and a reuse may come before the content', async () => {
    const html = await render('A<ref name="blank" />B<ref name="blank">content</ref>C<ref name="blank"/>\n<references />');
    expect(html).toContain(`A${marker('cite_ref-blank_1-0', 'cite_note-blank-1', '1')}B${marker('cite_ref-blank_1-1', 'cite_note-blank-1', '1')}C${marker('cite_ref-blank_1-2', 'cite_note-blank-1', '1')}`);
    expect(html).toContain(
      '<li id="cite_note-blank-1"><span class="mw-cite-backlink">↑ <sup><a href="#cite_ref-blank_1-0">1.0</a></sup>&#32;<sup><a href="#cite_ref-blank_1-1">1.1</a></sup>&#32;<sup><a href="#cite_ref-blank_1-2">1.2</a></sup></span> <span class="reference-text">content</span>\n</li>',
    );
  });

  test('unnamed and named references are numbered in order; ids follow the global sequence', async () => {
    const html = await render('<ref>one</ref><ref name="a b">two</ref><ref>three</ref>');
    expect(html).toContain(marker('cite_ref-1', 'cite_note-1', '1') + marker('cite_ref-a_b_2-0', 'cite_note-a_b-2', '2') + marker('cite_ref-3', 'cite_note-3', '3'));
    expect(html).toContain(item('cite_note-a_b-2', 'cite_ref-a_b_2-0', 'two'));
  });

  test('groups are numbered on their own, labelled with the group name, and listed by <references group=…/>', async () => {
    const html = await render('A<ref>plain</ref> B<ref group="note">a note</ref> C<ref group="note">another</ref>\n<references />\n<references group="note" />');
    expect(html).toContain(`A${marker('cite_ref-1', 'cite_note-1', '1')} B${marker('cite_ref-2', 'cite_note-2', 'note 1')} C${marker('cite_ref-3', 'cite_note-3', 'note 2')}`);
    const lists = html.split('<div class="mw-references-wrap">');
    expect(lists).toHaveLength(3);
    expect(lists[1]).toContain(item('cite_note-1', 'cite_ref-1', 'plain'));
    expect(lists[1]).not.toContain('a note');
    expect(lists[2]).toContain(item('cite_note-2', 'cite_ref-2', 'a note') + '\n' + item('cite_note-3', 'cite_ref-3', 'another'));
  });

  // MediaWiki marks a group's list with data-mw-group; the engine's final
  // sanitizer currently strips reserved data-mw* attributes from all output.
  test.failing('a group list carries data-mw-group (needs the output sanitizer to keep it on Cite\'s list)', async () => {
    expect(await render('A<ref group="note">a note</ref>\n<references group="note" />')).toContain('<ol class="references" data-mw-group="note">');
  });

  test('a group without its <references/> is an error at the end of the page', async () => {
    expect(await render('x<ref group="g">y</ref>')).toBe(
      `<p>x${marker('cite_ref-1', 'cite_note-1', 'g 1')}\n</p>\n` +
        `<p><br />${error('<code>&lt;ref&gt;</code> tags exist for a group named "g", but no corresponding <code>&lt;references group="g"/&gt;</code> tag was found.')}\n</p>`,
    );
  });

  test('a list takes the references before it; later ones start a new list, numbering goes on', async () => {
    const html = await render('A<ref>first</ref>\n<references />\nB<ref>second</ref>\n<references />\n<references />');
    const lists = html.split('<div class="mw-references-wrap">');
    expect(lists).toHaveLength(3);
    expect(lists[1]).toContain(item('cite_note-1', 'cite_ref-1', 'first'));
    expect(lists[2]).toContain(item('cite_note-2', 'cite_ref-2', 'second'));
    expect(html).toContain(marker('cite_ref-2', 'cite_note-2', '1'));
  });

  test('references defined inside <references> (list-defined)', async () => {
    const html = await render('A<ref name="foo" /> B<ref name="bar"/>\n<references>\n<ref name="foo">Foo text</ref>\n<ref name="bar">Bar [[Existing]]</ref>\nignored text\n</references>');
    expect(html).toContain(marker('cite_ref-foo_1-0', 'cite_note-foo-1', '1'));
    expect(html).toContain(item('cite_note-foo-1', 'cite_ref-foo_1-0', 'Foo text') + '\n' + item('cite_note-bar-2', 'cite_ref-bar_2-0', 'Bar <a href="/wiki/Existing" title="Existing">Existing</a>'));
    expect(html).not.toContain('ignored text');
  });

  test('list-defined reference errors: unused, unnamed, empty, wrong group', async () => {
    const html = await render('A<ref name="used" group="2"/>\n<references group="2">\n<ref name="used">ok</ref>\n<ref name="unused">BAR</ref>\n<ref>BAR BAR</ref>\n<ref name="empty" />\n<ref name="used2" group="1">bad group</ref>\n</references>');
    expect(html).toContain(
      `<li><span class="mw-cite-backlink">↑</span> <span class="reference-text">BAR ${error('<code>&lt;ref&gt;</code> tag with name "unused" defined in <code>&lt;references&gt;</code> is not used in prior text.')}</span>\n</li>`,
    );
    expect(html).toContain(`<span class="reference-text">BAR BAR ${error('<code>&lt;ref&gt;</code> tag defined in <code>&lt;references&gt;</code> has no name attribute.')}</span>`);
    // A fatal error of a list-defined reference has no place in the list: it follows it.
    expect(html).toContain(
      `</ol></div>\n<p>${error('<code>&lt;ref&gt;</code> tag with name "empty" defined in <code>&lt;references&gt;</code> group "2" has no content.')}\n</p>`,
    );
    expect(html).toContain(error('<code>&lt;ref&gt;</code> tag in <code>&lt;references&gt;</code> has conflicting group attribute "1".'));
  });

  test('errors that replace the <ref>', async () => {
    expect(await render('<ref />')).toBe(`<p>${error('The opening <code>&lt;ref&gt;</code> tag is malformed or has a bad name.')}\n</p>`);
    expect(await render('<ref></ref>')).toBe(`<p>${error('Invalid <code>&lt;ref&gt;</code> tag; refs with no name must have content.')}\n</p>`);
    expect(await render('<ref>a<ref>b</ref>')).toContain(error('Closing <code>&lt;/ref&gt;</code> missing for <code>&lt;ref&gt;</code> tag.'));
    expect(await render('<ref name="n" follow="m">x</ref>')).toContain(
      error('A <code>&lt;ref follow="…"&gt;</code> tag that is the continuation of a previous one cannot be named individually or have details.'),
    );
    expect(await render('x<references name="quasit" />')).toContain(error('Invalid parameter "name" in <code>&lt;references&gt;</code> tag. The supported parameters are: group, responsive.'));
  });

  test('warnings shown after the text in the list: numeric name, duplicate content, bad attributes, bad dir, no text', async () => {
    const html = await render(
      '<ref name="0">Zero</ref><ref name="d">one</ref><ref name="d">two</ref><ref nmae="x">typo</ref><ref dummy="1">unknown</ref><ref dir="up">dir</ref><ref name="nothing"/><ref details="p. 3">details</ref>',
    );
    expect(html).toContain(`<span class="reference-text">Zero ${error('Invalid <code>&lt;ref&gt;</code> tag; name cannot be a simple integer. Use a descriptive title.')}</span>`);
    expect(html).toContain(`<span class="reference-text">one ${error('Invalid <code>&lt;ref&gt;</code> tag; name "d" defined multiple times with different content.')}</span>`);
    expect(html).toContain(`<span class="reference-text">typo ${error('Invalid parameter "nmae" in <code>&lt;ref&gt;</code> tag. Did you mean "name"?')}</span>`);
    expect(html).toContain(`<span class="reference-text">unknown ${error('Invalid parameter "dummy" in <code>&lt;ref&gt;</code> tag. The supported parameters are: dir, follow, group, name.')}</span>`);
    expect(html).toContain(`<span class="reference-text">dir ${error('Invalid <code>dir="up"</code>, must be "ltr", "rtl" or "auto".')}</span>`);
    expect(html).toContain(`<span class="reference-text"> ${error('Invalid <code>&lt;ref&gt;</code> tag; no text was provided for refs named "nothing".')}</span>`);
    // Sub-references are off, as upstream's default ($wgCiteSubReferencing = false).
    expect(html).toContain(`<span class="reference-text">details ${error('Invalid parameter "details" in <code>&lt;ref&gt;</code> tag. The supported parameters are: dir, follow, group, name.')}</span>`);
  });

  test('dir: a class on the item; "auto" also on the text', async () => {
    const html = await render('<ref dir="RTL">r</ref><ref dir="auto">a</ref>');
    expect(html).toContain('<li id="cite_note-1" class="mw-cite-dir-rtl"><span class="mw-cite-backlink"><a href="#cite_ref-1">↑</a></span> <span class="reference-text">r</span>');
    expect(html).toContain('<li id="cite_note-2" class="mw-cite-dir-auto"><span class="mw-cite-backlink"><a href="#cite_ref-2">↑</a></span> <span class="reference-text" dir="auto">a</span>');
  });

  test('follow="…" continues the text of an earlier reference, or is a paragraph of its own', async () => {
    const html = await render('<ref name="p">First part</ref><ref follow="p">second part</ref><ref>next</ref>\n<references />');
    expect(html).toContain(item('cite_note-p-1', 'cite_ref-p_1-0', 'First part second part'));
    expect(html).toContain(marker('cite_ref-2', 'cite_note-2', '2'));
    expect(await render('<ref follow="elsewhere">Continued</ref>\n<references />')).toBe(
      '<div class="mw-references-wrap"><ol class="references">\n<p><span class="reference-text">Continued</span>\n</p>\n</ol></div>',
    );
  });

  test('responsive lists: off with responsive="0", in columns above ten references', async () => {
    expect(await render('<ref>x</ref>\n<references responsive="0" />')).toContain(`</p>\n<ol class="references">\n${item('cite_note-1', 'cite_ref-1', 'x')}\n</ol>`);
    expect(await render(`${'<ref>x</ref>'.repeat(11)}\n<references />`)).toContain('<div class="mw-references-wrap mw-references-columns"><ol class="references">');
    expect(await render(`${'<ref>x</ref>'.repeat(10)}\n<references />`)).toContain('<div class="mw-references-wrap"><ol class="references">');
  });

  // MediaWiki runs the inner <ref> while expanding #tag's argument and the
  // outer one gets its strip marker. The engine's preprocessor
  // (engine/parser/preprocessor) now unstrips the inner tag into the outer's
  // source, so the text reads <ref>456<ref>123</ref></ref> and the first
  // </ref> closes the outer one. (Cite renders a nested <ref> content-first,
  // which gave MediaWiki's numbering with the library's expansion.)
  test.failing('a <ref> nested with {{#tag:ref}} is numbered before the one around it (needs #tag to keep nested tags apart)', async () => {
    const html = await render('test {{#tag:ref|456<ref>123</ref>}}\n<references />');
    expect(html).toContain(`test ${marker('cite_ref-2', 'cite_note-2', '2')}`);
    expect(html).toContain(item('cite_note-1', 'cite_ref-1', '123') + '\n' + item('cite_note-2', 'cite_ref-2', `456${marker('cite_ref-1', 'cite_note-1', '1')}`));
  });

  test('references made by templates', async () => {
    const html = await render('A{{Cite note|From a template|name=t}} B{{Cite note|x|name=t}}');
    expect(html).toContain(marker('cite_ref-t_1-0', 'cite_note-t-1', '1'));
    expect(html).toContain(`<span class="reference-text">From a template ${error('Invalid <code>&lt;ref&gt;</code> tag; name "t" defined multiple times with different content.')}</span>`);
  });

  test('names and groups are escaped where they are written', async () => {
    const html = await render('a<ref name="x&quot;y&lt;z" group="&lt;b&gt;">c</ref><references group="&lt;b&gt;"/>');
    expect(html).toContain('<sup id="cite_ref-x&quot;y&lt;z_1-0" class="reference"><a href="#cite_note-x&quot;y&lt;z-1"><span class="cite-bracket">&#91;</span>&lt;b&gt; 1<span class="cite-bracket">&#93;</span></a></sup>');
    expect(html).not.toContain('<b>');
  });

  test('a name with %-escapes links to its id (the href is URL-encoded once more)', async () => {
    expect(await render('<ref name="a%41">x</ref>')).toContain('<sup id="cite_ref-a%41_1-0" class="reference"><a href="#cite_note-a%2541-1">');
  });

  test('each render starts afresh', async () => {
    await render('<ref name="x">one</ref><ref>two</ref>');
    expect(await render('<ref>again</ref>')).toContain(marker('cite_ref-1', 'cite_note-1', '1'));
    expect(await render('No references here.')).toBe('<p>No references here.\n</p>');
  });

  // A heading's id is computed from its text; that must not run the <ref> hook twice.
  test('a <ref> in a heading is one reference', async () => {
    const html = await render('== Head<ref>in heading</ref> ==\ntext<ref>t</ref>');
    expect(html).toContain(`Head${marker('cite_ref-1', 'cite_note-1', '1')}</h2>`);
    expect(html).toContain(`text${marker('cite_ref-2', 'cite_note-2', '2')}`);
  });

  // The automatic list is appended by an output transform, which runs before
  // link holders are replaced (as MediaWiki's ParserAfterParse does).
  test('links inside references of the automatic list are resolved', async () => {
    expect(await render('A<ref>[[Existing]]</ref>')).toContain('<span class="reference-text"><a href="/wiki/Existing" title="Existing">Existing</a></span>');
  });
});
