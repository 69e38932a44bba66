/**
 * The ParserFunctions extension end to end: registered through its manifest,
 * called from wikitext by the real renderer.
 */
import messagesEn from '../../../extensions/ParserFunctions/i18n/en.json';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';

const NOW = new Date('2026-01-02T03:04:05Z');

let wiki: TestWiki;

beforeAll(async () => {
  wiki = await createTestWiki('sqlite', { extensions: ['ParserFunctions'] });
  await wiki.edit('Template:Double', '{{#expr: {{{1}}} * 2 }}');
  await wiki.edit('Template:Age', '{{#expr: ({{#time: Ymd}} - {{#time: Ymd | {{{1}}} }}) / 10000 round 0 }}');
  await wiki.edit('Existing page', 'x');
});

afterAll(async () => {
  await wiki.close();
});

/** The body HTML of `wikitext` rendered on page "Test", without the paragraph wrapper. */
async function render(wikitext: string, title = 'Test'): Promise<string> {
  const out = await wiki.services.renderer.render(wikitext, { title: wiki.services.titleFactory.newFromTextThrow(title), now: NOW });
  return out.html.replace(/^<p>|\n?<\/p>\n?$/g, '');
}

const error = (text: string) => `<strong class="error">${text}</strong>`;

describe('the extension', () => {
  it('is loaded from its manifest', () => {
    expect(wiki.services.extensionRegistry.getMessageDirs().some((dir) => dir.includes('ParserFunctions'))).toBe(true);
  });

  it('registers its messages with the wiki', () => {
    expect(wiki.services.messages.lookup('pfunc_time_error', 'en')).toBe('Error: Invalid time.');
    expect(wiki.services.messages.lookup('may_long', 'en')).toBe('May');
  });
});

describe('#expr', () => {
  it.each([
    ['{{#expr: 1+2}}', '3'],
    ['{{#expr: 2 + 3 * 4 }}', '14'],
    ['{{#expr: (2 + 3) * 4 }}', '20'],
    ['{{#expr: 10 / 4 }}', '2.5'],
    ['{{#expr: 7 mod 3 }}', '1'],
    ['{{#expr: 2 ^ 10 }}', '1024'],
    ['{{#expr: pi }}', '3.1415926535898'],
    ['{{#expr: e }}', '2.718281828459'],
    ['{{#expr: 1e20 }}', '1.0E+20'],
    ['{{#expr: 1/3 }}', '0.33333333333333'],
    ['{{#expr: -0 }}', '-0'],
    ['{{#expr: exp(1000) }}', 'INF'],
    ['{{#expr: 3 &lt; 4 }}', '1'],
    ['{{#expr: 3 &minus; 4 }}', '-1'],
    ['{{#expr: 12.345 round 1 }}', '12.3'],
    ['{{#expr: trunc 1e17 }}', '100000000000000000'],
    ['{{#expr:}}', ''],
    ['{{#expr: 1 | ignored }}', '1'],
    ['{{Double|21}}', '42'],
    ['{{#expr: {{#expr: 2 * 3}} + 1 }}', '7'],
  ])('%s → %s', async (wikitext, expected) => {
    expect(await render(wikitext)).toBe(expected);
  });

  it.each([
    ['{{#expr: foo }}', 'Expression error: Unrecognized word "foo".'],
    ['{{#expr: 1 2 }}', 'Expression error: Unexpected number.'],
    ['{{#expr: 1 * }}', 'Expression error: Missing operand for *.'],
    ['{{#expr: 1 &lt; }}', 'Expression error: Missing operand for &lt;.'],
    ['{{#expr: * 1 }}', 'Expression error: Unexpected * operator.'],
    ['{{#expr: 1 ) }}', 'Expression error: Unexpected closing bracket.'],
    ['{{#expr: (1 }}', 'Expression error: Unclosed bracket.'],
    ['{{#expr: 1 , 2 }}', 'Expression error: Unrecognized punctuation character ",".'],
    ["{{#expr: 1 ' 2 }}", 'Expression error: Unrecognized punctuation character "&#039;".'],
    ['{{#expr: 1 / 0 }}', 'Division by zero.'],
    ['{{#expr: 1 mod 0 }}', 'Division by zero.'],
    ['{{#expr: asin 2 }}', 'Invalid argument for asin: less than -1 or greater than 1.'],
    ['{{#expr: ln 0 }}', 'Invalid argument for ln: less than or equal to 0.'],
    ['{{#expr: sqrt -1 }}', 'In sqrt: Result is not a number.'],
    [`{{#expr: ${'('.repeat(120)}1 }}`, 'Expression error: Stack exhausted.'],
  ])('%s → error %s', async (wikitext, text) => {
    expect(await render(wikitext)).toBe(error(text));
  });

  it('takes its error texts from the i18n file', async () => {
    expect(await render('{{#expr: 1/0}}')).toBe(error(messagesEn.pfunc_expr_division_by_zero));
  });
});

describe('#ifexpr', () => {
  it.each([
    ['{{#ifexpr: 1 > 0 | yes | no }}', 'yes'],
    ['{{#ifexpr: 1 < 0 | yes | no }}', 'no'],
    ['{{#ifexpr: (-1)*0 | true | false }}', 'false'],
    ['{{#ifexpr: 0.1 | true | false }}', 'true'],
    ['{{#ifexpr: exp(1000) - exp(1000) | true | false }}', 'true'],
    ['{{#ifexpr: | yes | no }}', 'no'],
    ['[{{#ifexpr: 1 }}]', '[]'],
    ['{{#ifexpr: 1 = 1 | a = b }}', 'a = b'],
  ])('%s → %s', async (wikitext, expected) => {
    expect(await render(wikitext)).toBe(expected);
  });

  it('returns the expression error instead of a branch', async () => {
    expect(await render('{{#ifexpr: 1 + | yes | no }}')).toBe(error('Expression error: Missing operand for +.'));
  });
});

describe('#time and #timel', () => {
  it.each([
    ['{{#time: Y-m-d H:i:s }}', '2026-01-02 03:04:05'],
    ['{{#time: l, j F Y }}', 'Friday, 2 January 2026'],
    ['{{#time: D M y }}', 'Fri Jan 26'],
    ['{{#time: U }}', '1767323045'],
    ['{{#time: c | 15 January 2001 }}', '2001-01-15T00:00:00+00:00'],
    ['{{#time: r | 2001-01-15 10:30 }}', 'Mon, 15 Jan 2001 10:30:00 +0000'],
    ['{{#time: Y | 2001 }}', '2001'],
    ['{{#time: Y-m-d | 2001 }}', '2001-01-02'],
    ['{{#time: Y-m-d H:i | 2011-11-12 23:00 Europe/Paris }}', '2011-11-12 22:00'],
    ['{{#time: Y-m-d | +1 day }}', '2026-01-03'],
    ['{{#time: Y-m-d | -2 weeks }}', '2025-12-19'],
    ['{{#time: Y-m-d | next monday }}', '2026-01-05'],
    ['{{#time: Y-m-d | last day of next month }}', '2026-02-28'],
    ['{{#time: Y-m-d | @86400 }}', '1970-01-02'],
    ['{{#time: Y-m-d H:i | 20010115103000 }}', '2001-01-15 10:30'],
    ['{{#time: "Year" Y \\Y xrY | 2026-05-01 }}', 'Year 2026 Y MMXXVI'],
    ['{{#time: F | 2026-05-01 }}', 'May'],
    ['{{#time: M | 2026-05-01 }}', 'May'],
    ['{{#time: xg | 2026-05-01 }}', 'May'],
    ['{{#time: Y | 0000-06-01 }}', '0000'],
    ['{{#time: Y | 9999-12-31 }}', '9999'],
    ['{{#time: F Y | 2026-05-01 | en }}', 'May 2026'],
    ['{{#time: F Y | 2026-05-01 | no-such-language }}', 'May 2026'],
    ['{{#time: Y-m-d H:i | 2001-01-15 10:30 | en | 1 }}', '2001-01-15 10:30'],
    ['{{#timel: Y-m-d H:i | 15 January 2001 }}', '2001-01-15 00:00'],
    ['{{#timel: H:i }}', '03:04'],
    ['{{#time:}}', ''],
    ['{{Age|2000-01-02}}', '26'],
  ])('%s → %s', async (wikitext, expected) => {
    expect(await render(wikitext)).toBe(expected);
  });

  it.each([
    ['{{#time: Y | foo }}', 'Error: Invalid time.'],
    ['{{#time: Y | 2001-13-01 }}', 'Error: Invalid time.'],
    ['{{#time: Y | 12:00 13:00 }}', 'Error: Invalid time.'],
    ['{{#time: Y | -0001-01-01 }}', 'Error: #time only supports years from 0.'],
    ['{{#time: Y | +10000-01-01 }}', 'Error: #time only supports years up to 9999.'],
    ['{{#time: Y | 9999-12-31 +1 day }}', 'Error: #time only supports years up to 9999.'],
    ['{{#timel: Y | nonsense }}', 'Error: Invalid time.'],
  ])('%s → error %s', async (wikitext, text) => {
    expect(await render(wikitext)).toBe(error(text));
  });

  it('limits the format characters a page may use, counting each distinct call once', async () => {
    const format = 'Y'.repeat(3000);
    // 3000 + 3000 characters is the limit; a repeated call comes from the cache.
    const within = await render(`{{#time: ${format} }}{{#time: ${format} }}{{#time: ${format}| 2001-01-01 }}`);
    expect(within).not.toContain('error');
    const over = await render(`{{#time: ${format} }}{{#time: ${format}| 2001-01-01 }}{{#time: Y | 2002-01-01 }}`);
    expect(over.endsWith(error('Error: Too many #time calls.'))).toBe(true);
  });

  it('starts every render with a fresh limit', async () => {
    const format = 'Y'.repeat(5000);
    expect(await render(`{{#time: ${format} }}`)).not.toContain('error');
    expect(await render(`{{#time: ${format} }}`)).not.toContain('error');
  });
});

describe('#timef and #timefl', () => {
  it.each([
    ['{{#timef: 15 January 2001 }}', '00:00, 15 January 2001'],
    ['{{#timef: 15 January 2001 | date }}', '15 January 2001'],
    ['{{#timef: 15 January 2001 | TIME }}', '00:00'],
    ['{{#timef: 15 January 2001 | both }}', '00:00, 15 January 2001'],
    ['{{#timef: 15 January 2001 | pretty }}', '15 January'],
    ['{{#timefl: 17 January 2001 }}', '00:00, 17 January 2001'],
    ['{{#timef: }}', '03:04, 2 January 2026'],
  ])('%s → %s', async (wikitext, expected) => {
    expect(await render(wikitext)).toBe(expected);
  });

  it('rejects an unknown format type', async () => {
    expect(await render('{{#timef: 2001 | constructor }}')).toBe(error('Error: invalid format for #timef'));
  });
});

describe('the conditional functions (replacing the wikitext library\'s)', () => {
  it.each([
    ['{{#if: x | yes | no }}', 'yes'],
    ['{{#if: | yes | no }}', 'no'],
    ['{{#if: {{NoSuchTemplate}} | yes | no }}', 'yes'],
    ['{{#if: x | a = b }}', 'a = b'],
    ['{{#ifeq: 01 | 1 | yes | no }}', 'yes'],
    ['{{#ifeq: 0x10 | 16 | yes | no }}', 'no'],
    ['{{#ifeq: 0b11 | 3 | yes | no }}', 'no'],
    ['{{#ifeq: 1e3 | 1000 | yes | no }}', 'yes'],
    ['{{#ifeq: Infinity | 1e400 | yes | no }}', 'no'],
    ['{{#ifeq: &amp; | & | yes | no }}', 'yes'],
    ['{{#switch: 0x10 | 16 = hex | other }}', 'other'],
    ['{{#switch: 10 | 1e1 = ten | other }}', 'ten'],
    ['{{#switch: b | a | b | c = abc | d = D }}', 'abc'],
    ['{{#switch: z | a = A | #DEFAULT = default }}', 'default'],
    ['{{#switch: z | a = A }}', ''],
    ['{{#switch: a | a = x = y }}', 'x = y'],
    ['{{#iferror: {{#expr: 1 + X }} | error | correct }}', 'error'],
    ['{{#iferror: {{#time: Y | foo }} | error | correct }}', 'error'],
    ['{{#iferror: {{#expr: 1 + 2 }} | error }}', '3'],
    ['{{#iferror: <span class="error">x</span> | E | N }}', 'E'],
    ['{{#iferror: <span class="errors">x</span> | E | N }}', 'N'],
    ['{{#iferror: &lt;span class="error"&gt; | E | N }}', 'N'],
    ['{{#iferror: {{NoSuchTemplate}} | E | N }}', 'N'],
  ])('%s → %s', async (wikitext, expected) => {
    expect(await render(wikitext)).toBe(expected);
  });
});

describe('#rel2abs', () => {
  it.each([
    ['{{#rel2abs: /quok }}', 'Help:Foo/bar/quok'],
    ['{{#rel2abs: ./quok }}', 'Help:Foo/bar/quok'],
    ['{{#rel2abs: ../quok }}', 'Help:Foo/quok'],
    ['{{#rel2abs: ../. }}', 'Help:Foo'],
    ['{{#rel2abs: ../quok/. }}', 'Help:Foo/quok'],
    ['{{#rel2abs: ../../quok }}', 'quok'],
    ['{{#rel2abs: abc }}', 'abc'],
    ['{{#rel2abs: /abc/ }}', 'Help:Foo/bar/abc'],
    ['{{#rel2abs: }}', 'Help:Foo/bar'],
    ['{{#rel2abs: ./quok | Help:Bar/baz }}', 'Help:Bar/baz/quok'],
    ['{{#rel2abs: //a///b/./c/ | Z }}', 'Z/a/b/c'],
  ])('%s on Help:Foo/bar → %s', async (wikitext, expected) => {
    expect(await render(wikitext, 'Help:Foo/bar')).toBe(expected);
  });

  it('reports a path above the root with the full path', async () => {
    expect(await render('{{#rel2abs: ../../../quok }}', 'Help:Foo/bar')).toBe(
      error('Error: Invalid depth in path: "Help:Foo/bar/../../../quok" (tried to access a node above the root node).'),
    );
  });
});

describe('functions left to the renderer', () => {
  it('keeps the library\'s #titleparts and the engine\'s #ifexist', async () => {
    expect(await render('{{#titleparts: Talk:A/b/c | 2 }}')).toBe('Talk:A/b');
    expect(await render('{{#ifexist: Existing page | yes | no }} {{#ifexist: No such page | yes | no }}')).toBe('yes no');
  });
});
