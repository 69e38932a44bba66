import { escapeHtml } from '../../../engine/html/Html';
import {
  formatMessage,
  formatNum,
  parseFormattedNumber,
  type MessageFormatContext,
  type MessageParam,
  type OutputMode,
} from '../../../engine/i18n/MessageFormatter';

const MESSAGES: Record<string, Record<string, string>> = {
  en: {
    foo: 'Foo',
    'with-params': 'Hello $1 and $2',
    'bold-msg': '<b>bold</b>',
    'self-loop': 'x{{int:self-loop}}',
    'only-en': 'English only',
    mainpage: 'Main Page',
  },
  de: {
    foo: 'Fu',
  },
};

function makeCtx(overrides: Partial<MessageFormatContext> = {}): MessageFormatContext & { links: Array<[string, string | null]> } {
  const links: Array<[string, string | null]> = [];
  return {
    language: 'en',
    siteName: 'TestWiki',
    lookup: (key, language) => MESSAGES[language]?.[key],
    getGender: (name) => (name === 'Alice' ? 'female' : name === 'Bob' ? 'male' : name === '' ? 'female' : 'unknown'),
    renderLink(target, text) {
      links.push([target, text]);
      return `<a href="/wiki/${encodeURIComponent(target.replace(/ /g, '_'))}">${text ?? escapeHtml(target)}</a>`;
    },
    articlePath: '/wiki/$1',
    server: 'https://wiki.example',
    links,
    ...overrides,
  };
}

function fmt(text: string, params: readonly MessageParam[] = [], mode: OutputMode = 'text', overrides: Partial<MessageFormatContext> = {}): string {
  return formatMessage(text, params, mode, makeCtx(overrides));
}

describe('$n substitution', () => {
  it('replaces parameters in every mode', () => {
    for (const mode of ['plain', 'text', 'escaped', 'parse'] as const) {
      expect(fmt('$1 has $2 edits', ['Alice', 5], mode)).toBe('Alice has 5 edits');
    }
  });

  it('leaves missing parameters as $n', () => {
    expect(fmt('$1, $2 and $3', ['a'])).toBe('a, $2 and $3');
    expect(fmt('$0 $1')).toBe('$0 $1');
  });

  it('uses the longest parameter number that exists, as strtr() does', () => {
    const ten = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'ten'];
    expect(fmt('$10', ten)).toBe('ten');
    expect(fmt('$10', ['one'])).toBe('one0');
  });

  it('does not re-substitute $n inside parameter values', () => {
    expect(fmt('$1 $2', ['$2', 'b'])).toBe('$2 b');
  });

  it('formats num params with the language number format', () => {
    expect(fmt('$1 bytes', [{ num: 1234567 }])).toBe('1,234,567 bytes');
    expect(fmt('$1 bytes', [{ num: 1234567.5 }], 'text', { language: 'de' })).toBe('1.234.567,5 bytes');
    expect(fmt('$1 bytes', [{ num: 1234 }], 'plain')).toBe('1,234 bytes');
  });
});

describe('output modes', () => {
  const text = '<b>{{SITENAME}}</b> $1';

  it('plain: substitutes parameters only', () => {
    expect(fmt(text, ['<x>'], 'plain')).toBe('<b>{{SITENAME}}</b> <x>');
  });

  it('text: expands {{…}} but does not escape', () => {
    expect(fmt(text, ['<x>'], 'text')).toBe('<b>TestWiki</b> <x>');
  });

  it('escaped: escapes the whole result', () => {
    expect(fmt(text, ['<x>'], 'escaped')).toBe('&lt;b&gt;TestWiki&lt;/b&gt; &lt;x&gt;');
  });

  it('parse: allows the message source tags but not parameter HTML', () => {
    expect(fmt(text, ['<b>x</b>'], 'parse')).toBe('<b>TestWiki</b> &#60;b&gt;x&#60;/b&gt;');
  });

  it('escapes <script> in parameters in escaped and parse modes', () => {
    for (const mode of ['escaped', 'parse'] as const) {
      const out = fmt('Hi $1', ['<script>alert(1)</script>'], mode);
      expect(out).not.toContain('<script>');
      expect(out).not.toContain('</script>');
    }
    expect(fmt('Hi $1', ['<script>alert("x")</script>'], 'escaped')).toBe('Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('escapes <script> in message text in escaped and parse modes', () => {
    expect(fmt('<script>alert(1)</script>', [], 'escaped')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(fmt('<script>alert(1)</script>', [], 'parse')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps character references written in the message (no double escaping)', () => {
    expect(fmt('a&nbsp;b &#160; &amp; & c', [], 'escaped')).toBe('a&nbsp;b &#160; &amp; &amp; c');
    expect(fmt('a&nbsp;b', [], 'parse')).toBe('a&nbsp;b');
  });

  it('always escapes & in parameters, so a parameter cannot smuggle entities', () => {
    expect(fmt('$1', ['&lt;b&gt;x'], 'parse')).toBe('&amp;lt;b&amp;gt;x');
    expect(fmt('$1', ['&amp;'], 'escaped')).toBe('&amp;amp;');
  });

  it('escapes a hostile site name', () => {
    expect(fmt('{{SITENAME}}', [], 'parse', { siteName: '<img src=x onerror=alert(1)>' })).toBe('&#60;img src=x onerror=alert(1)&gt;');
  });
});

describe('raw and plaintext params', () => {
  it('inserts raw params untouched in every mode', () => {
    const raw = { raw: '<span class="x">R&amp;D</span>' };
    for (const mode of ['plain', 'text', 'escaped', 'parse'] as const) {
      expect(fmt('[$1]', [raw], mode)).toBe('[<span class="x">R&amp;D</span>]');
    }
  });

  it('protects raw params from transformations and wikitext', () => {
    expect(fmt('{{uc:$1}}', [{ raw: '<i>lower</i>' }], 'text')).toBe('<i>lower</i>');
    expect(fmt("''$1''", [{ raw: "'''x'''" }], 'parse')).toBe("<i>'''x'''</i>");
  });

  it('escapes plaintext params in HTML modes and never parses them', () => {
    const p = { plaintext: "<b>'''[[Foo]]'''</b>" };
    expect(fmt('$1', [p], 'text')).toBe("<b>'''[[Foo]]'''</b>");
    expect(fmt('$1', [p], 'escaped')).toBe('&lt;b&gt;&#039;&#039;&#039;[[Foo]]&#039;&#039;&#039;&lt;/b&gt;');
    expect(fmt('$1', [p], 'parse')).toBe('&lt;b&gt;&#039;&#039;&#039;[[Foo]]&#039;&#039;&#039;&lt;/b&gt;');
  });

  it('keeps raw params as HTML in block mode (Message::parseAsBlock()), each paragraph in <p>', () => {
    const link = { raw: '<a href="/wiki/Log">deletion log</a>' };
    const html = formatMessage("See the $1 for '''details'''.\n\nSecond & last.", [link], 'parse', makeCtx(), true);
    expect(html).toBe('<p>See the <a href="/wiki/Log">deletion log</a> for <b>details</b>.</p>\n<p>Second &amp; last.</p>');
  });

  it('lets PLURAL read a count from a raw or plaintext param', () => {
    expect(fmt('{{PLURAL:$1|one|many}}', [{ plaintext: '1' }])).toBe('one');
    expect(fmt('{{PLURAL:$1|one|many}}', [{ raw: '3' }])).toBe('many');
  });
});

describe('PLURAL', () => {
  it('English: 1 vs 2 vs 0', () => {
    const msg = '$1 {{PLURAL:$1|file|files}}';
    expect(fmt(msg, [1])).toBe('1 file');
    expect(fmt(msg, [2])).toBe('2 files');
    expect(fmt(msg, [0])).toBe('0 files');
  });

  it('is case-insensitive and trims forms', () => {
    expect(fmt('{{plural: 1 | one | other }}')).toBe('one');
    expect(fmt('{{Plural:2|one|other}}')).toBe('other');
  });

  it('Russian: 1, 2, 5, 21, 1.5', () => {
    const msg = '{{PLURAL:$1|файл|файла|файлов}}';
    const ru = { language: 'ru' };
    expect(fmt(msg, [1], 'text', ru)).toBe('файл');
    expect(fmt(msg, [2], 'text', ru)).toBe('файла');
    expect(fmt(msg, [5], 'text', ru)).toBe('файлов');
    expect(fmt(msg, [21], 'text', ru)).toBe('файл');
    expect(fmt(msg, [1.5], 'text', ru)).toBe('файлов');
    expect(fmt(msg, [{ num: 1.5 }], 'text', ru)).toBe('файлов');
  });

  it('Arabic: 0, 1, 2, 3, 11, 100', () => {
    const msg = '{{PLURAL:$1|zero|one|two|few|many|other}}';
    const ar = { language: 'ar' };
    expect([0, 1, 2, 3, 11, 100].map((n) => fmt(msg, [n], 'text', ar))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  it('explicit forms win for their exact number', () => {
    const msg = '{{PLURAL:$1|0=no files|1=this file|one file|$1 files}}';
    expect(fmt(msg, [0])).toBe('no files');
    expect(fmt(msg, [1])).toBe('this file');
    expect(fmt(msg, [7])).toBe('7 files');
  });

  it('reuses the last form when fewer are given', () => {
    expect(fmt('{{PLURAL:$1|item}}', [5])).toBe('item');
    expect(fmt('{{PLURAL:$1|a|b}}', [100], 'text', { language: 'ar' })).toBe('b');
  });

  it('strips thousands separators from the count', () => {
    expect(fmt('{{PLURAL:$1|one|other}}', ['1,000'])).toBe('other');
    expect(fmt('{{PLURAL:$1|one|other}}', [{ num: 1001 }])).toBe('other');
    expect(fmt('{{PLURAL:$1|one|other}}', [{ num: 1 }], 'text', { language: 'de' })).toBe('one');
    expect(fmt('{{PLURAL:$1|one|other}}', ['1.000'], 'text', { language: 'de' })).toBe('other');
  });

  it('counts a non-number as 0', () => {
    expect(fmt('{{PLURAL:abc|one|other}}')).toBe('other');
    expect(fmt('{{PLURAL:$1|one|other}}', [], 'text')).toBe('other');
  });

  it('does not split on pipes inside links', () => {
    expect(fmt('{{PLURAL:$1|[[Foo|one foo]]|[[Foo|foos]]}}', [2], 'parse')).toBe('<a href="/wiki/Foo">foos</a>');
  });
});

describe('nested constructs', () => {
  it('expands constructs inside PLURAL forms', () => {
    expect(fmt('{{PLURAL:$1|{{int:foo}}|bar}}', [1])).toBe('Foo');
    expect(fmt('{{PLURAL:$1|{{int:foo}}|bar}}', [2])).toBe('bar');
  });

  it('handles PLURAL inside GENDER inside PLURAL', () => {
    const msg = '{{PLURAL:$1|{{GENDER:$2|he has {{PLURAL:$3|one|$3}} item|she has item}}|many}}';
    expect(fmt(msg, [1, 'Bob', 4])).toBe('he has 4 item');
    expect(fmt(msg, [1, 'Alice', 4])).toBe('she has item');
    expect(fmt(msg, [2, 'Bob', 4])).toBe('many');
  });

  it('expands constructs in the name part', () => {
    expect(fmt('{{PLURAL:{{formatnum:$1|R}}|one|other}}', ['1'])).toBe('one');
  });

  it('leaves unclosed braces and unknown constructs as written', () => {
    expect(fmt('{{PLURAL:1|a|b')).toBe('{{PLURAL:1|a|b');
    expect(fmt('a {{ b }} c')).toBe('a {{ b }} c');
    expect(fmt('{{SomeTemplate|x={{PLURAL:1|a|b}}}}')).toBe('{{SomeTemplate|x={{PLURAL:1|a|b}}}}');
    expect(fmt('{{ns:4}} {{sitename}}')).toBe('{{ns:4}} {{sitename}}');
    expect(fmt('}} {{PLURAL:1|x}} {{')).toBe('}} x {{');
  });

  it('copes with pathological brace runs quickly', () => {
    const start = Date.now();
    const out = fmt('{{'.repeat(5000) + 'x');
    expect(out).toBe('{{'.repeat(5000) + 'x');
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('expands constructs in parameters, as MediaWiki does', () => {
    expect(fmt('$1', ['{{PLURAL:1|one|other}}'])).toBe('one');
  });
});

describe('GENDER', () => {
  const msg = '{{GENDER:$1|he|she|they}}';

  it('chooses by the user gender', () => {
    expect(fmt(msg, ['Bob'])).toBe('he');
    expect(fmt(msg, ['Alice'])).toBe('she');
    expect(fmt(msg, ['Carol'])).toBe('they');
  });

  it('uses the current user for an empty name', () => {
    expect(fmt('{{GENDER:|he|she|they}}')).toBe('she');
  });

  it('falls back like Language::gender() with fewer forms', () => {
    expect(fmt('{{GENDER:$1|he|she}}', ['Carol'])).toBe('he');
    expect(fmt('{{GENDER:$1|he|she}}', ['Alice'])).toBe('she');
    expect(fmt('{{GENDER:$1|person}}', ['Alice'])).toBe('person');
    expect(fmt('{{GENDER:$1}}', ['Alice'])).toBe('');
  });

  it('treats everyone as unknown without getGender', () => {
    expect(fmt(msg, ['Alice'], 'text', { getGender: undefined })).toBe('they');
  });
});

describe('int:', () => {
  it('looks up and formats another message', () => {
    expect(fmt('[{{int:foo}}]')).toBe('[Foo]');
    expect(fmt('{{INT:foo}}')).toBe('Foo');
  });

  it('passes parameters', () => {
    expect(fmt('{{int:with-params|$1|B}}', ['A'])).toBe('Hello A and B');
  });

  it('uses the language and its fallback chain', () => {
    expect(fmt('{{int:foo}}', [], 'text', { language: 'de-at' })).toBe('Fu');
    expect(fmt('{{int:only-en}}', [], 'text', { language: 'de' })).toBe('English only');
  });

  it('normalises the key like MediaWiki (first letter lower case, spaces → _)', () => {
    expect(fmt('{{int:Mainpage}}')).toBe('Main Page');
  });

  it('shows missing messages as ⧼key⧽', () => {
    expect(fmt('{{int:no-such-message}}')).toBe('⧼no-such-message⧽');
    expect(fmt('{{int:<script>}}', [], 'escaped')).toBe('⧼&lt;script&gt;⧽');
  });

  it('stops recursion', () => {
    expect(fmt('{{int:self-loop}}')).toBe('x{{int:self-loop}}');
  });

  it('bounds the work of exponentially nested messages', () => {
    const chain: Record<string, string> = {};
    for (let i = 0; i < 30; i++) chain[`m${i}`] = `{{int:m${i + 1}}}{{int:m${i + 1}}}`;
    chain.m30 = 'x';
    const start = Date.now();
    const out = fmt('{{int:m0}}', [], 'text', { lookup: (key) => chain[key] });
    expect(Date.now() - start).toBeLessThan(2000);
    expect(out.length).toBeLessThan(1_000_000);
  });

  it('keeps the looked-up message trusted for tags in parse mode', () => {
    expect(fmt('{{int:bold-msg}}', [], 'parse')).toBe('<b>bold</b>');
  });
});

describe('other transformations', () => {
  it('SITENAME', () => {
    expect(fmt('Welcome to {{SITENAME}}')).toBe('Welcome to TestWiki');
  });

  it('formatnum for en and de', () => {
    expect(fmt('{{formatnum:1234567.891}}')).toBe('1,234,567.891');
    expect(fmt('{{formatnum:1234567.891}}', [], 'text', { language: 'de' })).toBe('1.234.567,891');
    expect(fmt('{{formatnum:-1234}}', [], 'text', { language: 'de' })).toBe('-1.234');
    expect(fmt('{{formatnum:1234.50}}')).toBe('1,234.50');
    expect(fmt('{{formatnum:1234|NOSEP}}')).toBe('1234');
    expect(fmt('{{formatnum:1.234,5|R}}', [], 'text', { language: 'de' })).toBe('1234.5');
    expect(fmt('{{formatnum:abc}}')).toBe('abc');
  });

  it('lc, uc, lcfirst, ucfirst', () => {
    expect(fmt('{{lc:ÀBC}} {{uc:abc}} {{lcfirst:ABC}} {{ucfirst:élan}}')).toBe('àbc ABC aBC Élan');
    expect(fmt('{{uc:i}}', [], 'text', { language: 'tr' })).toBe('İ');
  });

  it('GRAMMAR returns the word unchanged', () => {
    expect(fmt('{{GRAMMAR:genitive|{{SITENAME}}}}')).toBe('TestWiki');
  });

  it('#language gives the autonym, or the code if unknown', () => {
    expect(fmt('{{#language:de}}')).toBe('Deutsch');
    expect(fmt('{{#language:fr}}')).toBe('français');
    expect(fmt('{{#language:de|en}}')).toBe('German');
    expect(fmt('{{#language:xyz}}')).toBe('xyz');
  });

  it('localurl and fullurl', () => {
    expect(fmt('{{localurl:main page}}')).toBe('/wiki/Main_page');
    expect(fmt('{{fullurl:Special:Search|q=x}}')).toBe('https://wiki.example/wiki/Special:Search?q=x');
    expect(fmt('{{localurl:Foo}}', [], 'text', { articlePath: undefined })).toBe('{{localurl:Foo}}');
  });

  it('{{!}} is a pipe', () => {
    expect(fmt('a{{!}}b')).toBe('a|b');
  });
});

describe('parse mode', () => {
  it('renders internal links through renderLink', () => {
    const ctx = makeCtx();
    expect(formatMessage('See [[Help:Contents|the help]] and [[$1]].', ['Main Page'], 'parse', ctx)).toBe(
      'See <a href="/wiki/Help%3AContents">the help</a> and <a href="/wiki/Main_Page">Main Page</a>.',
    );
    expect(ctx.links).toEqual([
      ['Help:Contents', 'the help'],
      ['Main Page', null],
    ]);
  });

  it('renders external links and rejects javascript:', () => {
    expect(fmt('[https://example.org Example]', [], 'parse')).toBe(
      '<a rel="nofollow" class="external text" href="https://example.org">Example</a>',
    );
    expect(fmt('[javascript:alert(1) Click]', [], 'parse')).toBe('[javascript:alert(1) Click]');
    expect(fmt('[$1 Click]', ['javascript:alert(1)'], 'parse')).toBe('[javascript:alert(1) Click]');
  });

  it('renders bold and italic, including from parameters', () => {
    expect(fmt("'''bold''' and ''italic''", [], 'parse')).toBe('<b>bold</b> and <i>italic</i>');
    expect(fmt("''$1''", ["it's"], 'parse')).toBe('<i>it&#039;s</i>');
  });

  it('treats &#39; in the message as a literal apostrophe, not markup', () => {
    expect(fmt('&#39;&#39;x&#39;&#39;', [], 'parse')).toBe('&#39;&#39;x&#39;&#39;');
  });

  it('does not turn an escaped &lt;b&gt; written in the message into a tag', () => {
    expect(fmt('&lt;b&gt;x', [], 'parse')).toBe('&#60;b&gt;x');
  });

  it('wraps only multi-paragraph messages', () => {
    expect(fmt('one', [], 'parse')).toBe('one');
    expect(fmt('one\n\ntwo', [], 'parse')).toBe('<p>one</p>\n<p>two</p>');
  });

  it('keeps raw params out of link targets', () => {
    expect(fmt('[[$1]]', [{ raw: '<b>x</b>' }], 'parse')).toBe('[[<b>x</b>]]');
  });
});

describe('number helpers', () => {
  it('formatNum keeps all decimals and uses local digits', () => {
    expect(formatNum('en', 1234.5678)).toBe('1,234.5678');
    expect(formatNum('en', '12345678901234567890')).toBe('12,345,678,901,234,567,890');
    expect(formatNum('fa', 1234)).toBe('۱٬۲۳۴');
  });

  it('parseFormattedNumber reads local formats back', () => {
    expect(parseFormattedNumber('en', '1,234.5')?.value).toBe(1234.5);
    expect(parseFormattedNumber('de', '1.234,5')?.value).toBe(1234.5);
    expect(parseFormattedNumber('de', '1.5')?.value).toBe(1.5);
    expect(parseFormattedNumber('fa', '۱٬۲۳۴')?.value).toBe(1234);
    expect(parseFormattedNumber('en', '1.50')?.fractionDigits).toBe(2);
    expect(parseFormattedNumber('en', 'abc')).toBeNull();
  });
});
