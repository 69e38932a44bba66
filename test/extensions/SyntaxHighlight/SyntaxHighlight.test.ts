/**
 * <syntaxhighlight>/<source> through the real renderer, against
 * SyntaxHighlight's tests/parser/parserTests.txt (the token spans are
 * Prism's, not Pygments'). Line breaks inside <pre> come out as &#10; so the
 * page's paragraph pass leaves the code alone.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';

describe('SyntaxHighlight', () => {
  let wiki: TestWiki;
  const render = async (text: string) => (await wiki.services.renderer.render(text, { title: wiki.services.titleFactory.newFromTextThrow('Test') })).html;

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', { extensions: ['SyntaxHighlight'] });
    await wiki.edit('Template:Markup', '{{#tag:syntaxhighlight|{{{1}}}|lang="text"}}');
  });
  afterAll(async () => wiki.close());

  test('a known language: MediaWiki\'s wrapper, Prism\'s token spans', async () => {
    expect(await render('<syntaxhighlight lang="javascript">\nvar a;\n</syntaxhighlight>')).toBe(
      '<div class="mw-highlight mw-highlight-lang-javascript mw-content-ltr" dir="ltr"><pre><span></span><span class="token keyword">var</span> a<span class="token punctuation">;</span>&#10;</pre></div>',
    );
  });

  test('no or an unknown language: the code escaped as it is, no language class', async () => {
    expect(await render('<source>\nfoo\n</source>')).toBe('<div class="mw-highlight mw-content-ltr" dir="ltr"><pre>foo</pre></div>');
    expect(await render('<source lang="doesnotexist">\n<script>alert("pwnd")</script>\nSRC=&#106;&#97; &amp;\n</source>')).toBe(
      '<div class="mw-highlight mw-content-ltr" dir="ltr"><pre>&lt;script&gt;alert("pwnd")&lt;/script&gt;&#10;SRC=&amp;#106;&amp;#97; &amp;amp;</pre></div>',
    );
  });

  test('highlighted code is escaped too', async () => {
    const html = await render('<syntaxhighlight lang="html"><script>alert(1)</script>&amp;</syntaxhighlight>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;');
    expect(html).toContain('&amp;amp;');
  });

  test('inline: a <code> on one line', async () => {
    expect(await render('Text <source lang="javascript" inline>var a;</source>.')).toBe(
      '<p>Text <code class="mw-highlight mw-highlight-lang-javascript mw-content-ltr" dir="ltr"><span class="token keyword">var</span> a<span class="token punctuation">;</span></code>.\n</p>',
    );
    expect(await render('Text <source lang="doesnotexist" enclose="none">\na <b>\nc\n</source>.')).toBe(
      '<p>Text <code class="mw-highlight mw-content-ltr" dir="ltr">a &lt;b&gt; c</code>.\n</p>',
    );
  });

  test('attributes: id, class, style kept (style checked), rtl, copy; others dropped', async () => {
    expect(await render('<source lang="javascript" id="foo" class="bar" dir="rtl" style="font-size: larger;" onclick="x()" copy>var a;</source>')).toBe(
      '<div id="foo" class="bar mw-highlight mw-highlight-lang-javascript mw-content-rtl mw-highlight-copy" style="font-size: larger;" dir="rtl"><pre><span></span><span class="token keyword">var</span> a<span class="token punctuation">;</span>&#10;</pre></div>',
    );
    expect(await render('<syntaxhighlight lang="js" style="background:url(http://evil.example/x)">a</syntaxhighlight>')).toContain('style="/* insecure input */"');
  });

  test('line numbers from start=, highlighted lines, line links', async () => {
    const html = await render('<syntaxhighlight lang="python" line start="5" highlight="1,3-4" linelinks="L">a = 1\nb = """x\n\ny"""\nd</syntaxhighlight>');
    expect(html).toContain('<div class="mw-highlight mw-highlight-lang-python mw-content-ltr mw-highlight-lines" dir="ltr"><pre><span></span>');
    expect(html).toContain('<span id="L-5"><span class="hll"><a href="#L-5"><span class="linenos" data-line="5"></span></a>a <span class="token operator">=</span> <span class="token number">1</span>&#10;</span></span>');
    // A token over several lines is closed and reopened at each line end.
    expect(html).toContain('<span id="L-6"><a href="#L-6"><span class="linenos" data-line="6"></span></a>b <span class="token operator">=</span> <span class="token triple-quoted-string string">"""x</span>&#10;</span>');
    expect(html).toContain('<span id="L-7"><span class="hll"><a href="#L-7"><span class="linenos" data-line="7"></span></a><span class="token triple-quoted-string string"></span>&#10;</span></span>');
    expect(html).toContain('<span id="L-9"><a href="#L-9"><span class="linenos" data-line="9"></span></a>d&#10;</span></pre></div>');
  });

  test('highlight without line numbers; blank and indented lines stay code', async () => {
    expect(await render('<syntaxhighlight lang="text" highlight="2">a\n\n  b</syntaxhighlight>')).toBe(
      '<div class="mw-highlight mw-highlight-lang-text mw-content-ltr" dir="ltr"><pre><span></span>a&#10;<span class="hll">&#10;</span>  b&#10;</pre></div>',
    );
  });

  test('empty code gives an empty wrapper', async () => {
    expect(await render('<syntaxhighlight lang="CSharp" />')).toBe('<div class="mw-highlight mw-highlight-lang-csharp mw-content-ltr" dir="ltr"></div>');
    expect(await render('<source lang="CSharp"> </source>')).toBe('<div class="mw-highlight mw-highlight-lang-csharp mw-content-ltr" dir="ltr"></div>');
  });

  test('<nowiki> around the code in {{#tag:syntaxhighlight}} is dropped (T398967)', async () => {
    const expected = '<div class="mw-highlight mw-highlight-lang-text mw-content-ltr" dir="ltr"><pre><span></span>{{test}}&lt;div>123&lt;/div>&#10;</pre></div>';
    expect(await render('{{#tag:syntaxhighlight|<nowiki>{{test}}<div>123</div></nowiki>|lang="text"}}')).toBe(expected);
    expect(await render('{{markup|<nowiki>{{test}}<div>123</div></nowiki>}}')).toBe(expected);
  });

  test('Pygments names Prism knows differently', async () => {
    expect(await render('<syntaxhighlight lang="c++">int a;</syntaxhighlight>')).toContain('class="mw-highlight mw-highlight-lang-c++ mw-content-ltr"');
    expect(await render('<syntaxhighlight lang="wikitext">[[a]]</syntaxhighlight>')).toContain('class="mw-highlight mw-highlight-lang-wikitext mw-content-ltr"');
  });
});
