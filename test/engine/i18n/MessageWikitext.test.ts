import { escapeHtml } from '../../../engine/html/Html';
import { messageWikitextToBlockHtml, messageWikitextToHtml } from '../../../engine/i18n/MessageWikitext';

const calls: Array<[string, string | null]> = [];
const ctx = {
  renderLink(target: string, text: string | null): string {
    calls.push([target, text]);
    return `<a href="/wiki/${encodeURIComponent(target)}">${text ?? escapeHtml(target)}</a>`;
  },
};

/** The function takes escaped text, so tests write wikitext and escape it first. */
function html(wikitext: string): string {
  return messageWikitextToHtml(escapeHtml(wikitext), ctx);
}

beforeEach(() => {
  calls.length = 0;
});

describe('internal links', () => {
  it('renders [[Target]] via renderLink with null text', () => {
    expect(html('See [[Main Page]].')).toBe('See <a href="/wiki/Main%20Page">Main Page</a>.');
    expect(calls).toEqual([['Main Page', null]]);
  });

  it('renders [[Target|label]] with the escaped label', () => {
    expect(html('[[Help:Contents|help & <more>]]')).toBe('<a href="/wiki/Help%3AContents">help &amp; &lt;more&gt;</a>');
    expect(calls).toEqual([['Help:Contents', 'help &amp; &lt;more&gt;']]);
  });

  it('decodes the escaped target before passing it on', () => {
    html("[[Tom & Jerry's]]");
    expect(calls).toEqual([["Tom & Jerry's", null]]);
  });

  it('formats bold/italic inside labels', () => {
    html("[[Foo|'''bold''' label]]");
    expect(calls).toEqual([['Foo', '<b>bold</b> label']]);
  });

  it('leaves links to invalid titles as text', () => {
    expect(html('[[a<b]] [[]]')).toBe('[[a&lt;b]] [[]]');
    expect(calls).toEqual([]);
  });
});

describe('external links', () => {
  it('renders [url text] with rel=nofollow', () => {
    expect(html('[https://example.org/?a=1&b=2 Example site]')).toBe(
      '<a rel="nofollow" class="external text" href="https://example.org/?a=1&amp;b=2">Example site</a>',
    );
  });

  it('accepts http, ftp, mailto and protocol-relative URLs', () => {
    expect(html('[http://a.example A]')).toContain('href="http://a.example"');
    expect(html('[ftp://files.example F]')).toContain('href="ftp://files.example"');
    expect(html('[mailto:someone@example.org mail]')).toContain('href="mailto:someone@example.org"');
    expect(html('[//example.org rel]')).toContain('href="//example.org"');
  });

  it('numbers bare [url] links as MediaWiki does', () => {
    expect(html('[https://a.example] [https://b.example]')).toBe(
      '<a rel="nofollow" class="external autonumber" href="https://a.example">[1]</a> ' +
        '<a rel="nofollow" class="external autonumber" href="https://b.example">[2]</a>',
    );
  });

  it('does not link javascript: or other unknown protocols', () => {
    expect(html('[javascript:alert(1) click]')).toBe('[javascript:alert(1) click]');
    expect(html('[data:text/html,x click]')).toBe('[data:text/html,x click]');
    expect(html('javascript:alert(1)')).not.toContain('<a');
  });

  it('cannot break out of the href attribute', () => {
    const out = html('[https://example.org/"onmouseover="alert(1) x]');
    expect(out).toContain('href="https://example.org/"');
    expect(out).not.toContain('" onmouseover');
    expect(out).not.toMatch(/href="[^"]*"[^>]*onmouseover/);
  });

  it('links free URLs without trailing punctuation', () => {
    expect(html('Go to https://example.org/page.')).toBe(
      'Go to <a rel="nofollow" class="external free" href="https://example.org/page">https://example.org/page</a>.',
    );
  });
});

describe('bold and italic', () => {
  it.each([
    ["''italic''", '<i>italic</i>'],
    ["'''bold'''", '<b>bold</b>'],
    ["'''''both'''''", '<i><b>both</b></i>'],
    ["'''bold''' and ''italic''", '<b>bold</b> and <i>italic</i>'],
    ["''unclosed", '<i>unclosed</i>'],
    ["it's", 'it&#039;s'],
    ["l'''amour''", 'l&#039;<i>amour</i>'],
  ])('%s', (input, expected) => {
    expect(html(input)).toBe(expected);
  });

  it('applies per line', () => {
    expect(html("''a\nb''")).toBe('<i>a</i>\nb<i></i>');
  });
});

describe('allowed tags', () => {
  it('re-allows the exact simple tags', () => {
    expect(html('<b>b</b> <i>i</i> <strong>s</strong> <em>e</em> <code>c</code> <span>x</span> a<br>b<br/>c<br />d')).toBe(
      '<b>b</b> <i>i</i> <strong>s</strong> <em>e</em> <code>c</code> <span>x</span> a<br />b<br />c<br />d',
    );
  });

  it('keeps tags with attributes and other tags escaped', () => {
    expect(html('<span class="x">a</span>')).toBe('&lt;span class=&quot;x&quot;&gt;a&lt;/span&gt;');
    expect(html('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html('<b onclick="x">a</b>')).toBe('&lt;b onclick=&quot;x&quot;&gt;a&lt;/b&gt;');
    expect(html('<a href="x">a</a>')).toBe('&lt;a href=&quot;x&quot;&gt;a&lt;/a&gt;');
  });

  it('balances tags', () => {
    expect(html('<b>open')).toBe('<b>open</b>');
    expect(html('stray</b>')).toBe('stray&lt;/b&gt;');
    expect(html('<b><i>x</b>')).toBe('<b><i>x</i></b>');
  });

  it('does not revive entities spelled differently from escapeHtml output', () => {
    expect(messageWikitextToHtml('&#60;b&gt;x', ctx)).toBe('&#60;b&gt;x');
  });
});

describe('paragraphs', () => {
  it('does not wrap a single paragraph in inline mode', () => {
    expect(html('one line')).toBe('one line');
    expect(html('two\nlines')).toBe('two\nlines');
  });

  it('wraps several paragraphs even in inline mode', () => {
    expect(html('first\n\nsecond')).toBe('<p>first</p>\n<p>second</p>');
  });

  it('always wraps in block mode', () => {
    expect(messageWikitextToBlockHtml('one line', ctx)).toBe('<p>one line</p>');
    expect(messageWikitextToBlockHtml('a\n\n\nb', ctx)).toBe('<p>a</p>\n<p>b</p>');
    expect(messageWikitextToBlockHtml('', ctx)).toBe('');
  });

  it('closes open tags at the end of each paragraph', () => {
    expect(html('<b>a\n\nb</b>')).toBe('<p><b>a</b></p>\n<p>b&lt;/b&gt;</p>');
  });
});

describe('markers', () => {
  it('passes \\x7f placeholders through untouched and never links them', () => {
    expect(messageWikitextToHtml('a \x7f0\x7f b', ctx)).toBe('a \x7f0\x7f b');
    expect(messageWikitextToHtml('[[\x7f0\x7f]]', ctx)).toBe('[[\x7f0\x7f]]');
  });
});
