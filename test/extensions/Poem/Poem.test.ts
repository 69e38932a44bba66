/**
 * <poem> through the real renderer, against Poem's tests/parser/parserTests.txt.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';

describe('Poem', () => {
  let wiki: TestWiki;
  const render = async (text: string) => (await wiki.services.renderer.render(text, { title: wiki.services.titleFactory.newFromTextThrow('Test') })).html;

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', { extensions: ['Poem'] });
  });
  afterAll(async () => wiki.close());

  test('line breaks are kept, the first and last newline dropped, wikitext rendered', async () => {
    expect(await render("<poem>\nthis\nis\n''a'' [[Missing]]\n</poem>")).toBe(
      '<div class="poem">\n<p>this<br />\nis<br />\n<i>a</i> <a href="/w/index.php?title=Missing&amp;action=edit&amp;redlink=1" class="new" title="Missing (page does not exist)">Missing</a>\n</p>\n</div>',
    );
  });

  test('leading spaces become non-breaking spaces, not a <pre>', async () => {
    expect(await render('<poem>\nfoo\n  bar\n</poem>')).toBe('<div class="poem">\n<p>foo<br />\n&#160;&#160;bar\n</p>\n</div>');
  });

  test('":" indents a line with a span; a bare ":" line stays a list', async () => {
    const html = await render("<poem>\n''CONGREGATI''\n:'''EX TOTO ORBE'''\n::'''''MATHEMATICI'''''\n</poem>");
    expect(html).toContain('<span class="mw-poem-indented" style="display: inline-block; margin-inline-start: 1em;"><b>EX TOTO ORBE</b></span><br />');
    expect(html).toContain('<span class="mw-poem-indented" style="display: inline-block; margin-inline-start: 2em;"><i><b>MATHEMATICI</b></i></span>');
    expect(await render('<poem>\n::\n</poem>')).toContain('<dl><dd><dl><dd></dd></dl></dd></dl>');
  });

  test('a "----" line is a rule with no break after it; a longer one too', async () => {
    const html = await render('<poem>\nsome\n----\nmore\n-----\nend\n</poem>');
    expect(html).toContain('some<br />\n</p>\n<hr>\n<p>more<br />\n</p>\n<hr>\n<p>end');
    expect(html).not.toContain('<hr><br />');
  });

  test('line breaks reach into <nowiki>', async () => {
    const html = await render("<poem><nowiki>\nthis\n'''is'''\n</nowiki></poem>");
    expect(html).toMatch(/^<div class="poem">\n<p><br \/>(&#10;|\n)this<br \/>(&#10;|\n)'''is'''<br \/>(&#10;|\n)\n?<\/p>\n<\/div>$/);
  });

  test('a break never joins a URL at the end of a line', async () => {
    expect(await render('<poem>\nhttp://example.org\nnext\n</poem>')).toContain('<a rel="nofollow" class="external free" href="http://example.org">http://example.org</a><br />');
  });

  test('attributes: those of a <div>, class added after "poem"; compact drops the newlines', async () => {
    expect(await render('<poem style="border: 2px solid #d6d2c5;" class="x" onclick="alert(1)">\nsome\n</poem>')).toBe(
      '<div style="border: 2px solid #d6d2c5;" class="poem x">\n<p>some\n</p>\n</div>',
    );
    expect(await render('<poem compact>a\nb</poem>')).toBe('<div class="poem">a<br />\nb</div>');
  });
});
