/**
 * <indicator> through the real renderer, against core's
 * tests/parser/indicators.txt (/work/shared/corpus/parser): nothing in the
 * body, the rendered content in the output's indicators by name.
 */
import { registerIndicatorTag, stripOuterParagraph } from '../../../../engine/parser/tags/IndicatorTag';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';

/** Core's English text of invalid-indicator-name. */
const INVALID_NAME = "<strong>Error:</strong> Page status indicators' <code>name</code> attribute must not be empty.";

describe('<indicator>', () => {
  let wiki: TestWiki;
  const render = (text: string) => wiki.services.renderer.render(text, { title: wiki.services.titleFactory.newFromTextThrow('Test') });

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite');
    registerIndicatorTag(wiki.services.renderer);
    await wiki.edit('Template:1x', '{{{1}}}');
    // Until core's i18n carries the message, the wiki provides it, as MediaWiki: pages may.
    if (wiki.services.messages.lookup('invalid-indicator-name', 'en') === undefined) await wiki.edit('MediaWiki:Invalid-indicator-name', INVALID_NAME);
  });
  afterAll(async () => wiki.close());

  test('a missing or blank name is an error in the page', async () => {
    const out = await render('<indicator name=" "></indicator>\n<indicator></indicator>');
    expect(out.html).toBe(`<p><span class="error">${INVALID_NAME}</span>\n<span class="error">${INVALID_NAME}</span>\n</p>`);
    expect(out.indicators).toEqual({});
  });

  test('empty indicators are recorded and leave nothing in the body', async () => {
    const out = await render('<indicator name="empty" />\n<indicator name="name"></indicator>');
    expect(out.indicators).toEqual({ empty: '', name: '' });
    // MediaWiki: "<p><br />\n</p>" (the blank line between the two tags).
    expect(out.html).toMatch(/^<p><br ?\/?>\n<\/p>$/);
  });

  test('content is rendered as a page of its own; a lone paragraph loses its <p>', async () => {
    const out = await render(
      [
        '<indicator name="01">hello world</indicator>',
        "<indicator name=\"02\">''formatted'' [http://www.example.com Example]</indicator>",
        '<indicator name="05">*foo\n*bar</indicator>',
        '<indicator name="06"><nowiki>foo</nowiki></indicator>',
        '<indicator name="07"> Preformatted</indicator>',
        '<indicator name="09">{| class=wikitable\n|cell\n|}</indicator>',
        '<indicator name="10">Two\n\nparagraphs</indicator>',
        '<indicator name="11"><!-- hello -->\n<span>some stuff</span>\n<!-- second comment--></indicator>',
      ].join('\n'),
    );
    expect(out.indicators).toEqual({
      '01': 'hello world',
      '02': '<i>formatted</i> <a rel="nofollow" class="external text" href="http://www.example.com">Example</a>',
      '05': '<ul><li>foo</li>\n<li>bar</li></ul>',
      '06': 'foo',
      '07': '<pre>Preformatted\n</pre>',
      '09': '<table class="wikitable">\n<tbody><tr>\n<td>cell\n</td></tr></tbody></table>',
      '10': '<p>Two\n</p><p>paragraphs\n</p>',
      '11': '<span>some stuff</span>',
    });
  });

  test('names are trimmed with entities decoded; the last of two with one name wins', async () => {
    const out = await render('<indicator name=" 1&2&amp;3&amp;amp;4 ">Indicator</indicator><indicator name="x">foo</indicator>\n<indicator name="x">bar</indicator>');
    expect(out.indicators).toEqual({ '1&2&3&amp;4': 'Indicator', x: 'bar' });
  });

  test('indicators from templates', async () => {
    const out = await render('abcd\n{{1x|<indicator name="x">foo</indicator>}}');
    expect(out.indicators).toEqual({ x: 'foo' });
    expect(out.html).toBe('<p>abcd\n</p>');
  });

  // Internal links come out of the render as link holders, resolved in the indicators too.
  test('internal links in an indicator are resolved', async () => {
    await wiki.edit('Main Page', 'blah blah');
    const out = await render('<indicator name="02">[[Main Page]]</indicator>');
    expect(out.indicators['02']).toBe('<a href="/wiki/Main_Page" title="Main Page">Main Page</a>');
  });

  test('stripOuterParagraph keeps several paragraphs', () => {
    expect(stripOuterParagraph('<p>one\n</p>')).toBe('one');
    expect(stripOuterParagraph('<p>one</p>\n')).toBe('one');
    expect(stripOuterParagraph('<p>one\n</p><p>two\n</p>')).toBe('<p>one\n</p><p>two\n</p>');
    expect(stripOuterParagraph('<div>x</div>')).toBe('<div>x</div>');
  });
});
