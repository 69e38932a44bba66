/**
 * The final safety pass over rendered HTML: MediaWiki's element and
 * attribute rules, plus the markup MediaWiki's parser itself generates,
 * leaving everything else as it was.
 */
import fs from 'node:fs';
import {
  attributesAllowedFor, getRecognizedTagData, isReservedDataAttribute, validateAttributes, validateTag, validateTagAttributes,
} from '../../../../engine/parser/sanitizer/HtmlAllowlist';
import { sanitizeRenderedHtml } from '../../../../engine/parser/sanitizer/OutputSanitizer';
import { sharedPath } from '../../../../tools/sharedFixtures';
import {
  DEFAULT_URL_PROTOCOLS, EVIL_URI_RE, hasAllowedProtocol, isSafeSrcset, isSafeUrl, urlProtocolsPattern,
} from '../../../../engine/parser/sanitizer/UrlProtocols';

const BENCH_PAGE = sharedPath('bench', 'page30k', 'Benchmark_page.mw-1.39.html');

describe('sanitizeRenderedHtml keeps MediaWiki output as it is', () => {
  (fs.existsSync(BENCH_PAGE) ? test : test.skip)('MediaWiki 1.39 rendering of a 30 KB page, byte for byte', () => {
    const html = fs.readFileSync(BENCH_PAGE, 'utf8');
    expect(sanitizeRenderedHtml(html)).toBe(html);
  });

  test.each([
    ['heading (current MediaWiki)', '<div class="mw-heading mw-heading2"><h2 id="Mayor_and_council">Mayor and council</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/index.php?title=Parser_test&amp;action=edit&amp;section=1" title="Edit section: Mayor and council">edit</a><span class="mw-editsection-bracket">]</span></span></div>'],
    ['empty heading anchor (T368722)', '<div class="mw-heading mw-heading2"><h2 id=""></h2></div>'],
    ['table of contents', '<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading"><input type="checkbox" role="button" id="toctogglecheckbox" class="toctogglecheckbox" style="display:none" /><div class="toctitle" lang="en" dir="ltr"><h2 id="mw-toc-heading">Contents</h2><span class="toctogglespan"><label class="toctogglelabel" for="toctogglecheckbox"></label></span></div>\n<ul>\n<li class="toclevel-1 tocsection-1"><a href="#A"><span class="tocnumber">1</span> <span class="toctext">A</span></a></li>\n</ul>\n</div>'],
    ['TOC placeholder', '<meta property="mw:PageProp/toc" />'],
    ['thumbnail', '<figure class="mw-default-size" typeof="mw:File/Thumb"><a href="/wiki/File:Foobar.jpg" class="mw-file-description"><img src="http://example.com/images/thumb/3/3a/Foobar.jpg/180px-Foobar.jpg" decoding="async" loading="lazy" width="180" height="20" class="mw-file-element" srcset="http://example.com/images/thumb/3/3a/Foobar.jpg/270px-Foobar.jpg 1.5x, http://example.com/images/thumb/3/3a/Foobar.jpg/360px-Foobar.jpg 2x" /></a><figcaption>Caption</figcaption></figure>'],
    ['inline image with empty alt', '<span typeof="mw:File"><a href="/wiki/File:Foobar.jpg" class="mw-file-description"><img alt="" src="/images/3/3a/Foobar.jpg" decoding="async" width="1941" height="220" class="mw-file-element" /></a></span>'],
    ['links', '<p><a href="/wiki/Foo" title="Foo">Foo</a> <a href="/index.php?title=Bar&amp;action=edit&amp;redlink=1" class="new" title="Bar (page does not exist)">Bar</a> <a rel="nofollow" class="external text" href="http://example.com/?a=1&amp;b=2">ex</a> <a rel="nofollow" class="external autonumber" href="//example.com/">[1]</a> <a href="mailto:x@example.com" class="external free">x</a> <a href="http://www.usemod.com/cgi-bin/mb.pl?Soft%22Security" class="extiw" title="meatball:Soft&quot;Security">m</a></p>'],
    ['references', '<sup id="cite_ref-1" class="reference"><a href="#cite_note-1"><span class="cite-bracket">&#91;</span>1<span class="cite-bracket">&#93;</span></a></sup><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">↑</a></span> <span class="reference-text">Note</span></li></ol>'],
    ['entities in text and attributes', '<p title="&#91;&#91;Main Page&#93;&#93; &#39;&#39;x&#39;&#39; http&#58;//x &quot;q&quot;">C&#39;est grave&#160;! &lt;script&gt; &amp; &eacute; &#x1F600;</p>'],
    ['table with cell attributes', '<table class="wikitable sortable" style="width:100%;" border="1" cellpadding="2">\n<tbody><tr>\n<th colspan="2" data-sort-type="number" scope="col">H</th></tr>\n<tr valign="top">\n<td rowspan="2" align="center" bgcolor="#fff" style="color:red">c\n</td></tr></tbody></table>'],
    ['microdata', '<div itemscope="" itemtype="http://schema.org/Person"><span itemprop="name">N</span><meta itemprop="birthDate" content="1970-01-01" /><link itemprop="url" href="http://example.com/" /></div>'],
    ['lists, pre, inline elements', '<ul><li>a</li></ul><ol start="3" reversed=""><li value="4">b</li></ol><dl><dt>t</dt><dd>d</dd></dl><pre>x &lt; y</pre><p><b>b</b><i>i</i><s>s</s><u>u</u><code>c</code><kbd>k</kbd><sub>1</sub><sup>2</sup><abbr title="t">a</abbr><bdi dir="rtl">r</bdi><time datetime="2020-01-01">t</time><data value="1">d</data><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby><font color="red" size="2" face="x">f</font><br clear="all" /><wbr /></p><hr />'],
    ['data attributes', '<span data-sort-value="3" data-foo="bar">x</span>'],
    ['style with entities', '<span style="font-family:&quot;Foo&quot;, serif">x</span>'],
  ])('%s', (_name, html) => {
    expect(sanitizeRenderedHtml(html)).toBe(html);
  });

  test('tags stay as written (quoting, void elements); comments go', () => {
    expect(sanitizeRenderedHtml("<p class='a'>x<br><img src=a.png alt=x><!-- c --></p>")).toBe("<p class='a'>x<br><img src=a.png alt=x></p>");
    expect(sanitizeRenderedHtml('<P CLASS="a"\n  title=t>x</P ><br/><hr / >')).toBe('<P CLASS="a"\n  title=t>x</P><br/><hr / >');
  });

  test('text and character references stay byte for byte; a < or a bare & that is text is escaped', () => {
    // Sanitizer::normalizeCharReferences: a & that starts no reference (no `;`) becomes &amp;.
    expect(sanitizeRenderedHtml('F&GT &amp x&y &#x3C; &lt;b&gt; &eacute; a > b')).toBe('F&amp;GT &amp;amp x&amp;y &#x3C; &lt;b&gt; &eacute; a > b');
    expect(sanitizeRenderedHtml('a < b <3 <')).toBe('a &lt; b &lt;3 &lt;');
  });

  test('is idempotent', () => {
    const dirty = '<div style="a:u/**/rl(x)" onclick="y" id="a b">t<script>x</script><a href="javascript:x">l</a><span data-mw="x">s</span></div>';
    const once = sanitizeRenderedHtml(dirty);
    expect(sanitizeRenderedHtml(once)).toBe(once);
  });
});

describe('sanitizeRenderedHtml removes what may not be there', () => {
  test.each([
    ['script, with its content', 'a<script>alert(1)</script>b', 'ab'],
    ['style element, with its content', 'a<style>p{}</style>b', 'ab'],
    ['iframe, object, embed', '<iframe src="x">f</iframe><object data="x">o</object><embed src="x">', ''],
    ['svg and math, with their content', '<svg onload="x"><script>y</script><text>t</text></svg><math><mi>x</mi></math>', ''],
    ['form elements keep their text', '<form action="javascript:x">in<button formaction="javascript:y">b</button></form>', 'inb'],
    ['base', '<base href="http://evil.example/">x', 'x'],
    ['noscript, xmp, template', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><xmp><b>x</b></xmp><template><b>t</b></template>', ''],
    ['unknown elements keep their text', '<blink>b</blink><custom-el>c</custom-el>', 'bc'],
    ['comments and CDATA', 'a<!-- <script>x</script> -->b<![CDATA[<img src=x onerror=y>]]>c', 'abc'],
  ])('%s', (_name, html, expected) => {
    expect(sanitizeRenderedHtml(html)).toBe(expected);
  });

  test('event handlers, whatever their case', () => {
    expect(sanitizeRenderedHtml('<span title="t" onmouseover="x" ONCLICK="y" onfocus>s</span><img src="a.png" onerror="z" />'))
      .toBe('<span title="t">s</span><img src="a.png" />');
  });

  test('attributes MediaWiki does not allow on the element', () => {
    expect(sanitizeRenderedHtml('<div align="left" width="3" foo="bar" aria-bogus="x" aria-label="l">x</div><span align="left" value="v">y</span><a href="/w" download="x" ping="/p">z</a>'))
      .toBe('<div align="left" aria-label="l">x</div><span>y</span><a href="/w">z</a>');
  });

  test.each([
    ['javascript:', '<a href="javascript:alert(1)">x</a>'],
    ['upper case', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
    ['data:', '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'],
    ['entity-encoded', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['entity-encoded without semicolons', '<a href="&#106&#97vascript:alert(1)">x</a>'],
    ['hex entities with leading zeros', '<a href="&#x0000006A;avascript:alert(1)">x</a>'],
    ['named entity colon', '<a href="javascript&colon;alert(1)">x</a>'],
    ['tab inside', '<a href="jav\tascript:alert(1)">x</a>'],
    ['encoded newline inside', '<a href="jav&#x0A;ascript:alert(1)">x</a>'],
    ['encoded Tab entity inside', '<a href="jav&Tab;ascript:alert(1)">x</a>'],
    ['leading control characters', '<a href=" &#14; javascript:alert(1)">x</a>'],
    ['file:', '<a href="file:///etc/passwd">x</a>'],
  ])('an href with a script scheme: %s', (_name, html) => {
    expect(sanitizeRenderedHtml(html)).toBe('<a>x</a>');
  });

  test('img src, srcset and blockquote cite with a script scheme', () => {
    expect(sanitizeRenderedHtml('<img src="javascript:x" srcset="a.png 1x, javascript:y 2x" alt="a" /><blockquote cite="javascript:z">q</blockquote>'))
      .toBe('<img alt="a" /><blockquote>q</blockquote>');
  });

  test('URLs that stay: relative, protocol-relative, allowed protocols', () => {
    const html = '<a href="/wiki/A">1</a><a href="./B">2</a><a href="#c">3</a><a href="?d=1">4</a><a href="//e.example/">5</a><a href="https://f.example/">6</a><a href="mailto:g@example.com">7</a><a href="irc://h.example/">8</a><a href="news:i">9</a><a href="tel:+1">10</a><a href="Foo:Bar">11</a>';
    expect(sanitizeRenderedHtml(html)).toBe(html.replace('<a href="Foo:Bar">', '<a>'));
  });

  test('styles go through checkCss', () => {
    expect(sanitizeRenderedHtml('<div style="background:\\75rl(javascript:alert(1))">a</div>')).toBe('<div style="/* insecure input */">a</div>');
    expect(sanitizeRenderedHtml('<div style="background:&#117;rl(x)">a</div>')).toBe('<div style="/* insecure input */">a</div>');
    expect(sanitizeRenderedHtml('<div style="width: ex/**/pression(1)">a</div>')).toBe('<div style="width: ex pression(1)">a</div>');
    expect(sanitizeRenderedHtml('<p style="background:url\\b(x)">a</p>')).toBe('<p style="/* invalid control char */">a</p>');
    expect(sanitizeRenderedHtml('<span style="content:&quot;\\&quot;&quot;; color:red">a</span>')).toBe('<span style="content:&quot;\\22 &quot;; color:red">a</span>');
  });

  test('ids and id references are escaped; empty ids dropped except on headings', () => {
    expect(sanitizeRenderedHtml('<span id="a b">x</span><br id="" /><h3 id="">h</h3><span aria-labelledby=" a  b ">y</span>'))
      .toBe('<span id="a_b">x</span><br /><h3 id="">h</h3><span aria-labelledby="a b">y</span>');
  });

  test('reserved data attributes, data attributes with a colon', () => {
    expect(sanitizeRenderedHtml('<span data-mw="{}" data-mw-foo="1" data-parsoid="{}" data-ooui="x" data-x:y="1" data-ok="1">x</span>'))
      .toBe('<span data-ok="1">x</span>');
  });

  test('RDFa and microdata values that are script URIs; itemtype without itemscope; tabindex other than 0', () => {
    expect(sanitizeRenderedHtml('<span typeof="javascript:x" property="mw:x" about=" vbscript:y" itemtype="http://schema.org/X" tabindex="1">a</span><span tabindex="0" xmlns:dc="http://purl.org/dc/terms/" xmlns:x="javascript:x">b</span>'))
      .toBe('<span property="mw:x">a</span><span tabindex="0" xmlns:dc="http://purl.org/dc/terms/">b</span>');
  });

  test('meta, link and input only in the forms MediaWiki uses', () => {
    expect(sanitizeRenderedHtml('<meta http-equiv="refresh" content="0;url=javascript:x" /><meta charset="utf-8" /><meta itemprop="a" /><meta property="og:title" content="x" /><link rel="stylesheet" href="x.css" /><link itemprop="a" href="javascript:x" /><link rel="mw:PageProp/Category" href="./Category:Foo" /><input type="text" value="x" /><input type="checkbox" checked="" name="x" /><div>after</div>'))
      .toBe('<link rel="mw:PageProp/Category" href="./Category:Foo" /><input type="checkbox" /><div>after</div>');
  });

  test('empty class stays an empty class', () => {
    expect(sanitizeRenderedHtml('<div class="">x</div>')).toBe('<div class="">x</div>');
  });

  test('the first of duplicate attributes counts, as in the browser', () => {
    expect(sanitizeRenderedHtml('<a href="javascript:x" href="/ok">x</a><span id="a" ID="b" title="t">y</span>')).toBe('<a>x</a><span id="a" title="t">y</span>');
  });

  test('a rewritten start tag keeps the rest as written', () => {
    expect(sanitizeRenderedHtml("<span class=a onclick=x\ttitle='t' data-mw=\"1\"/>s</span>")).toBe("<span class=a\ttitle='t'/>s</span>");
    // An unquoted value must not take in the `/` that followed a dropped attribute.
    expect(sanitizeRenderedHtml('<br class=x onclick="y"/>')).toBe('<br class=x />');
    expect(sanitizeRenderedHtml('<b/onclick="alert(1)"/class="c">x</b>')).toBe('<b class="c">x</b>');
    expect(sanitizeRenderedHtml('<span\nstyle="a:u/**/rl(x)"\nid=\'a b\'>x</span>')).toBe('<span\nstyle="a:u rl(x)"\nid="a_b">x</span>');
  });

  test('end tags: junk after the name goes, `</ x>` (a comment to the browser) and end tags of dropped elements go', () => {
    expect(sanitizeRenderedHtml('<b>x</b onclick="y"><i>y</i/></ b></script></form>')).toBe('<b>x</b><i>y</i>');
  });
});

describe('sanitizeRenderedHtml keeps mis-nested markup as written', () => {
  test.each([
    ['crossed formatting elements', '<i><b>x</i></b>'],
    ['a link inside a link', '<a href="/x"><a href="/y">y</a></a>'],
    ['an unclosed div', '<div class="a">x'],
    ['unclosed elements at the end', '<p><b>x<i>y<span>z'],
    ['formatting element across paragraphs', '<p><b>Bold paragraph\n</p><p>New wiki paragraph\n</p>'],
    ['formatting element across list items', '<ol><li><s> a</li>\n<li>b </s></li></ol>'],
    ['italic link closing out of order', '<p><i>Some <a rel="nofollow" class="external text" href="http://example.com/">pretty </i>italics<i> and stuff</a>!</i>\n</p>'],
    ['font left open in center and div', '<center><font id="bug">Centered text</center>\n<div><font id="bug2">In div text</div>'],
    ['stray end tags', '</p></br></b></span><table>\n<td>foo</td>\n</tr>\n</table>'],
  ])('%s', (_name, html) => {
    expect(sanitizeRenderedHtml(html)).toBe(html);
  });

  test('attributes are filtered inside mis-nested markup', () => {
    expect(sanitizeRenderedHtml('<i onclick="x"><b style="background:url(x)" title="t">x</i><a href="javascript:y" class="c">z</b></a>'))
      .toBe('<i><b style="/* insecure input */" title="t">x</i><a class="c">z</b></a>');
  });

  test('script inside mis-nested tags goes with its content, nothing else moves', () => {
    expect(sanitizeRenderedHtml('<i><b>x<script>alert("</b>")</script></i>y</b>')).toBe('<i><b>x</i>y</b>');
    expect(sanitizeRenderedHtml('<p><b>a<style>p{}</b></style>b</p>c</b>')).toBe('<p><b>ab</p>c</b>');
  });

  test('an element dropped with its content ends where its parent is closed', () => {
    expect(sanitizeRenderedHtml('<div><object data="x">o<b>x</b></div>after')).toBe('<div></div>after');
    expect(sanitizeRenderedHtml('<div><iframe>x')).toBe('<div>');
    expect(sanitizeRenderedHtml('<svg/><b>kept</b>')).toBe('<b>kept</b>');
  });

  test('is idempotent on mis-nested markup', () => {
    const dirty = '<i onclick="x"><b>x<svg><script>y</script></i></svg>z</b><a href="/x"><a href="java&#9;script:y">y</a></a><div style="x:ex/**/pression(1)">';
    const once = sanitizeRenderedHtml(dirty);
    expect(once).toBe('<i><b>x</i>z</b><a href="/x"><a>y</a></a><div style="x:ex pression(1)">');
    expect(sanitizeRenderedHtml(once)).toBe(once);
  });
});

describe('HtmlAllowlist: MediaWiki rules for user-written HTML', () => {
  test('recognized tags: what wikitext may write', () => {
    const { htmlelements, htmlsingleonly } = getRecognizedTagData();
    for (const tag of ['b', 'span', 'div', 'table', 'td', 'li', 'meta', 'link', 'bdo', 'q', 'data', 'time', 'mark', 'wbr', 'rtc']) expect(htmlelements.has(tag)).toBe(true);
    for (const tag of ['a', 'img', 'script', 'style', 'iframe', 'form', 'input', 'svg', 'math', 'figure']) expect(htmlelements.has(tag)).toBe(false);
    expect([...htmlsingleonly].sort()).toEqual(['br', 'hr', 'link', 'meta', 'wbr']);
    expect(getRecognizedTagData(['foo'], ['span']).htmlelements.has('foo')).toBe(true);
    expect(getRecognizedTagData(['foo'], ['span']).htmlelements.has('span')).toBe(false);
  });

  test('per-element attributes', () => {
    expect(attributesAllowedFor('td').has('colspan')).toBe(true);
    expect(attributesAllowedFor('span').has('colspan')).toBe(false);
    expect(attributesAllowedFor('a').has('href')).toBe(true);
    expect(attributesAllowedFor('img').has('srcset')).toBe(true);
    expect(attributesAllowedFor('script').size).toBe(0);
    expect(attributesAllowedFor('__proto__').size).toBe(0);
  });

  test('reserved data attributes', () => {
    expect(isReservedDataAttribute('data-mw')).toBe(true);
    expect(isReservedDataAttribute('data-MW-foo')).toBe(true);
    expect(isReservedDataAttribute('data-parsoid')).toBe(true);
    expect(isReservedDataAttribute('data-ooui')).toBe(true);
    expect(isReservedDataAttribute('data-foo')).toBe(false);
  });

  test('validateTag: meta and link only as microdata', () => {
    expect(validateTag({ itemprop: 'a', content: 'b' }, 'meta')).toBe(true);
    expect(validateTag({ itemprop: 'a' }, 'meta')).toBe(false);
    expect(validateTag({ 'http-equiv': 'refresh', content: '0' }, 'meta')).toBe(false);
    expect(validateTag({ itemprop: 'a', href: 'http://x/' }, 'link')).toBe(true);
    expect(validateTag({ rel: 'stylesheet', href: 'x.css' }, 'link')).toBe(false);
    expect(validateTag({}, 'div')).toBe(true);
  });

  test('validateTagAttributes (sanitizer.txt: aria attributes, ids, styles)', () => {
    expect(validateTagAttributes({
      'aria-describedby': 'id1', 'aria-flowto': 'id2', 'aria-hidden': 'true', 'aria-label': 'id3',
      'aria-labelledby': 'id4', 'aria-level': '3', 'aria-owns': 'id5', 'aria-bogus': 'stripped',
    }, 'span')).toEqual({
      'aria-describedby': 'id1', 'aria-flowto': 'id2', 'aria-hidden': 'true', 'aria-label': 'id3',
      'aria-labelledby': 'id4', 'aria-level': '3', 'aria-owns': 'id5',
    });
    expect(validateTagAttributes({ id: 'a space' }, 'br')).toEqual({ id: 'a_space' });
    expect(validateTagAttributes({ id: '' }, 'br')).toEqual({});
    expect(validateTagAttributes({ id: 'æ: v' }, 'span', { fragmentMode: ['legacy'] })).toEqual({ id: '.C3.A6:_v' });
    expect(validateTagAttributes({ style: 'width: expression(alert(1))', onclick: 'x', title: 't' }, 'div'))
      .toEqual({ style: '/* insecure input */', title: 't' });
  });

  test('validateAttributes: URLs need an allowed protocol (relative ones too are dropped), RDFa, tabindex, itemscope', () => {
    const allowed = attributesAllowedFor('a');
    expect(validateAttributes({ href: 'http://example.com/' }, allowed)).toEqual({ href: 'http://example.com/' });
    expect(validateAttributes({ href: '/wiki/Foo' }, allowed)).toEqual({});
    expect(validateAttributes({ href: 'javascript:alert(1)' }, allowed)).toEqual({});
    expect(validateAttributes({ href: 'HTTP://example.com/' }, allowed)).toEqual({});
    expect(validateAttributes({ typeof: 'javascript:x', property: 'dc:title', rel: ' vbscript:y' }, allowed)).toEqual({ property: 'dc:title' });
    expect(validateAttributes({ tabindex: '1' }, allowed)).toEqual({});
    expect(validateAttributes({ tabindex: '0' }, allowed)).toEqual({ tabindex: '0' });
    expect(validateAttributes({ itemtype: 'http://schema.org/X', itemid: 'x' }, allowed)).toEqual({});
    expect(validateAttributes({ itemscope: '', itemtype: 'http://schema.org/X' }, allowed)).toEqual({ itemscope: '', itemtype: 'http://schema.org/X' });
    expect(validateAttributes({ 'xmlns:dc': 'http://purl.org/dc/terms/', 'xmlns:x': 'javascript:x', 'data-ok': '1', 'data-mw': 'x' }, allowed))
      .toEqual({ 'xmlns:dc': 'http://purl.org/dc/terms/', 'data-ok': '1' });
  });
});

describe('UrlProtocols', () => {
  test('$wgUrlProtocols as a pattern', () => {
    expect(DEFAULT_URL_PROTOCOLS).toContain('https://');
    expect(DEFAULT_URL_PROTOCOLS).toContain('//');
    expect(urlProtocolsPattern(['http://', 'mailto:'])).toBe('http:\\/\\/|mailto:');
    expect(urlProtocolsPattern(['http://', '//'], false)).toBe('http:\\/\\/');
  });

  test('hasAllowedProtocol: MediaWiki’s rule for user-written href/src', () => {
    expect(hasAllowedProtocol('https://example.com/x')).toBe(true);
    expect(hasAllowedProtocol('//example.com/x')).toBe(true);
    expect(hasAllowedProtocol('mailto:a@example.com')).toBe(true);
    expect(hasAllowedProtocol('https://example.com/a b')).toBe(false);
    expect(hasAllowedProtocol('/wiki/Foo')).toBe(false);
    expect(hasAllowedProtocol('javascript:alert(1)')).toBe(false);
  });

  test('isSafeUrl: relative or an allowed scheme, as the browser reads it', () => {
    for (const ok of ['/wiki/Foo', 'Foo', '#x', '?a=b', '//x.example', 'HTTPS://x.example', 'mailto:a@b', 'urn:isbn:1', '\\\\x.example', '']) expect(isSafeUrl(ok)).toBe(true);
    for (const bad of ['javascript:x', ' JAVASCRIPT:x', '\x01javascript:x', 'java\nscript:x', 'java&#x09;script:x', '&#0000106avascript:x', 'vbscript:x', 'data:text/html,x', 'javascript&colon;x', 'file:///x', 'blob:x']) {
      expect(isSafeUrl(bad)).toBe(false);
    }
    expect(isSafeUrl('javascript&colon;x', { encoded: false })).toBe(true);
  });

  test('isSafeSrcset checks every candidate', () => {
    expect(isSafeSrcset('a.png 1x, /b.png 2x, https://x.example/c,d.png 3x')).toBe(true);
    expect(isSafeSrcset('a.png 1x, javascript:x 2x')).toBe(false);
    expect(isSafeSrcset('data:image/png,xx 1x')).toBe(false);
  });

  test('the evil URI pattern (RDFa, microdata, xmlns)', () => {
    expect(EVIL_URI_RE.test('javascript:x')).toBe(true);
    expect(EVIL_URI_RE.test('foo /* */ vbscript:x')).toBe(true);
    expect(EVIL_URI_RE.test('mw:javascriptish')).toBe(false);
  });
});
