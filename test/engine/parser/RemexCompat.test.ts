import { applyRemexCompat, FOSTER_END, FOSTER_START } from '../../../engine/parser/RemexCompat';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';

describe('applyRemexCompat: p-wrapping', () => {
  test('wraps bare inline content at the top level up to the next block', () => {
    expect(applyRemexCompat('a <div>foo</div>\n<p>b\n</p>')).toBe('<p>a </p><div>foo</div>\n<p>b\n</p>');
    expect(applyRemexCompat('<hr />\nfoo <hr />bar')).toBe('<hr /><p>\nfoo </p><hr /><p>bar</p>');
  });

  test('wraps inline elements, not whitespace alone', () => {
    expect(applyRemexCompat('<div>x</div>\n<a href="/x">y</a> z\n')).toBe('<div>x</div>\n<p><a href="/x">y</a> z\n</p>');
    expect(applyRemexCompat('<div>x</div>\n\n<div>y</div>')).toBe('<div>x</div>\n\n<div>y</div>');
  });

  test('wraps the content of blockquotes but not of other blocks', () => {
    expect(applyRemexCompat('<blockquote>Line one\nLine two</blockquote>')).toBe('<blockquote><p>Line one\nLine two</p></blockquote>');
    expect(applyRemexCompat('<div>foo</div><center>x</center>')).toBe('<div>foo</div><center>x</center>');
    expect(applyRemexCompat('<ul><li>x</li></ul>')).toBe('<ul><li>x</li></ul>');
  });

  test('leaves out an inline element that holds a block', () => {
    expect(applyRemexCompat('<span><div>x</div></span>')).toBe('<span><div>x</div></span>');
    expect(applyRemexCompat('<small><em></em></small><span><s><div>x</div></s></span>')).toBe(
      '<p><small><em></em></small></p><span><s><div>x</div></s></span>',
    );
  });

  test('style, link and meta neither start nor end a paragraph', () => {
    expect(applyRemexCompat('<link rel="x" href="y">\n<div>a</div>')).toBe('<link rel="x" href="y">\n<div>a</div>');
    expect(applyRemexCompat('foo <link rel="x" href="y"> bar')).toBe('<p>foo <link rel="x" href="y"> bar</p>');
  });

  test('does not wrap content the HTML parser fosters out of a table', () => {
    expect(applyRemexCompat('<table>x<tr><td>y</td></tr></table>')).toBe('<table>x<tr><td>y</td></tr></table>');
  });

  test('does not wrap content marked as moved out of a table, and drops the marks', () => {
    const html = `<!--${FOSTER_START}-->a <div>b</div><!--${FOSTER_END}--><table>\n<tbody><tr><td></td></tr></tbody></table>`;
    expect(applyRemexCompat(html)).toBe('a <div>b</div><table>\n<tbody><tr><td></td></tr></tbody></table>');
  });

  test('keeps link holders and the rest of the markup byte for byte', () => {
    const html = '<a \u0001LH0\u0001>x</a> &amp; <b>y</b><DIV CLASS=z>q</DIV>';
    expect(applyRemexCompat(html)).toBe('<p><a \u0001LH0\u0001>x</a> &amp; <b>y</b></p><DIV CLASS=z>q</DIV>');
  });

  test('a formatting element re-opened after a block starts the paragraph at its content', () => {
    expect(applyRemexCompat('<blockquote>a\n<b>c</blockquote>d')).toBe('<blockquote><p>a\n<b>c</p></blockquote><p>d</p>');
  });

  test('leaves empty input and block-only output alone', () => {
    expect(applyRemexCompat('')).toBe('');
    expect(applyRemexCompat('<p>a\n</p>')).toBe('<p>a\n</p>');
  });
});

describe('applyRemexCompat: mw-empty-elt', () => {
  test('marks empty li, p and tr without attributes', () => {
    expect(applyRemexCompat('<ul><li>a</li>\n<li> </li>\n<li></li></ul>')).toBe(
      '<ul><li>a</li>\n<li class="mw-empty-elt"> </li>\n<li class="mw-empty-elt"></li></ul>',
    );
    expect(applyRemexCompat('<p></p>')).toBe('<p class="mw-empty-elt"></p>');
  });

  test('does not mark elements with attributes or content', () => {
    expect(applyRemexCompat('<ul><li class="x"></li><li><br></li></ul>')).toBe('<ul><li class="x"></li><li><br></li></ul>');
    expect(applyRemexCompat('<dl><dd></dd></dl>')).toBe('<dl><dd></dd></dl>');
  });

  test('marks the paragraph a stray </p> creates', () => {
    expect(applyRemexCompat('<ul><li>a</p>b</li></ul>')).toBe('<ul><li>a<p class="mw-empty-elt"></p>b</li></ul>');
    expect(applyRemexCompat('<p>a\nb</p></p>')).toBe('<p>a\nb</p><p class="mw-empty-elt"></p>');
  });
});

describe('block-level fixes in the renderer', () => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki('sqlite');
  });
  afterAll(async () => wiki.close());

  async function render(text: string): Promise<string> {
    const { renderer, titleFactory } = wiki.services;
    return (await renderer.render(text, { title: titleFactory.newFromTextThrow('Block test') })).html;
  }

  test('a line with a block tag has its inline part p-wrapped', async () => {
    expect(await render('a <div>foo</div>\n\nb')).toBe('<p>a </p><div>foo</div>\n<p>b\n</p>');
  });

  test('empty list items are marked', async () => {
    expect(await render('*a\n*\n*b')).toContain('<li class="mw-empty-elt"></li>');
  });

  test('content moved out of a table is not p-wrapped', async () => {
    const html = await render('{|\n{{1x|a}}\n|}');
    expect(html).not.toContain('<p>a');
    expect(html).not.toContain('mw:fostered');
  });
});
