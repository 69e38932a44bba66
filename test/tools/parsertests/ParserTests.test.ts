/**
 * MediaWiki's parser tests as a regression gate for the renderer: the whole
 * corpus runs once, and a failure not listed in known-failures.json fails
 * this suite. Known failures that now pass are printed so the list can be
 * shrunk (`npm run parsertests -- --update-known-failures`).
 */
import { formatNormalizedHtml, htmlEquivalent, normalizeHtml } from '../../../tools/parsertests/HtmlNormalizer';
import { parseConfig, parseOptions, parseParserTestFile, ParserTestFileError } from '../../../tools/parsertests/ParserTestFile';
import { compareWithKnownFailures, readKnownFailures, runParserTestFile, runParserTestSuite, SuiteResult, testSkipReason, updatedKnownFailures } from '../../../tools/parsertests/ParserTestRunner';

const SAMPLE_FILE = `# A comment before the file options
!! options
version=2
parsoid-compatible=wt2html,wt2wt
!! end

!! article
Template:Greeting
!! text
Hello, {{{1|world}}}!

!! endarticle

!!article
Foo
!!text
Foo page
!!endarticle

!! hooks
tag
!! endhooks

# Describes the first test
!! test
Legacy expectation wins over the generic one
!! options
title=[[Foo bar]] cat
property=index,noindex parsoid={
  "modes": ["wt2html"],
  "wrapSections": true
}
!! config
wgFragmentMode=[
  "html5",
  "legacy"
]
wgAllowDisplayTitle=true
!! wikitext
{{Greeting}}
!! html
<p>generic</p>
!! html/php
<p>Hello, world!
</p>
!! html/parsoid
<p>parsoid</p>
!! end

!! test
Only Parsoid output
!! options
parsoid=wt2html,wt2wt
!! wikitext
x
!! html/parsoid
<p>x</p>
!! end

!! test
Variants
!! options
language=zh htmlVariantLanguage=zh-hans,zh-hant
!! wikitext
-{a}-
!! html/php
<p>a</p>
!! end
`;

describe('ParserTestFile', () => {
  const file = parseParserTestFile(SAMPLE_FILE, 'sample.txt');

  test('reads file options, version and requirements', () => {
    expect(file.fileName).toBe('sample.txt');
    expect(file.version).toBe(2);
    expect(file.options['parsoid-compatible']).toEqual(['wt2html', 'wt2wt']);
    expect(file.requirements).toEqual([{ type: 'hook', name: 'tag' }]);
  });

  test('reads articles in file order, chomping the trailing newline', () => {
    expect(file.articles.map((a) => [a.title, a.text])).toEqual([
      ['Template:Greeting', 'Hello, {{{1|world}}}!'],
      ['Foo', 'Foo page'],
    ]);
  });

  test('reads sections, options and config of a test', () => {
    const [first] = file.tests;
    expect(first.name).toBe('Legacy expectation wins over the generic one');
    expect(first.comment).toBe(' Describes the first test\n');
    expect(first.wikitext).toBe('{{Greeting}}');
    expect(first.options).toEqual({ title: 'Foo bar', cat: '', property: ['index', 'noindex'], parsoid: { modes: ['wt2html'], wrapSections: true } });
    expect(first.config).toEqual({ wgFragmentMode: ['html5', 'legacy'], wgAllowDisplayTitle: true });
  });

  test('html/php takes precedence over html for the legacy parser, html/parsoid for Parsoid', () => {
    const [first, parsoidOnly] = file.tests;
    expect(first.legacyHtml).toBe('<p>Hello, world!\n</p>');
    expect(first.parsoidHtml).toBe('<p>parsoid</p>');
    expect(parsoidOnly.legacyHtml).toBeNull();
    expect(parsoidOnly.options.parsoid).toEqual({ modes: ['wt2html', 'wt2wt'] });
  });

  test('expands a list of variant languages into one test per variant', () => {
    expect(file.tests.slice(2).map((t) => [t.name, t.options.htmlvariantlanguage])).toEqual([
      ['Variants (variant=zh-hans)', 'zh-hans'],
      ['Variants (variant=zh-hant)', 'zh-hant'],
    ]);
  });

  test('option and config syntax', () => {
    expect(parseOptions('a b=1 c="x y" d = [[Some page]] e=p,"q r" ,s')).toEqual({ a: '', b: '1', c: 'x y', d: 'Some page', e: ['p', 'q r', 's'] });
    expect(parseOptions('Language=de')).toEqual({ language: 'de' });
    expect(parseConfig('wgX=false\nwgY="s"\nwgZ={"a": [1, 2]}')).toEqual({ wgX: false, wgY: 's', wgZ: { a: [1, 2] } });
  });

  test('a stray line is an error naming the line', () => {
    expect(() => parseParserTestFile('!! test\nx\n!! wikitext\ny\n!! end\ngarbage\n', 'bad.txt')).toThrow(new ParserTestFileError('bad.txt', 6, 'Invalid line: garbage'));
  });

  test('a repeated section replaces the earlier one, as in MediaWiki', () => {
    const [test] = parseParserTestFile('!! test\nT\n!! wikitext\nw\n!! html/php\nfirst\n!! html/php\nsecond\n!! end\n', 'dup.txt').tests;
    expect(test.legacyHtml).toBe('second');
  });
});

describe('HtmlNormalizer', () => {
  test('attribute order and class token order do not matter', () => {
    expect(htmlEquivalent('<a href="/x" class="b a" title="t">x</a>', '<a title="t" class="a  b" href="/x">x</a>')).toBe(true);
  });

  test('style whitespace and a final semicolon do not matter', () => {
    expect(htmlEquivalent('<span style="color: red; font-weight:bold;">x</span>', '<span style="color:red;font-weight: bold">x</span>')).toBe(true);
  });

  test('unrendered whitespace and trailing newlines do not matter', () => {
    expect(htmlEquivalent('<p>a  b\n</p>\n<ul><li>x</li>\n</ul>\n', '<p>a b</p><ul>\n<li>x</li></ul>')).toBe(true);
    expect(htmlEquivalent('<p>a <b> b</b></p>', '<p>a <b>b</b></p>')).toBe(true);
    expect(htmlEquivalent('<pre>a\n</pre>', '<pre>a</pre>')).toBe(true);
  });

  test('the browser-built DOM is compared: implied tbody, entity spellings', () => {
    expect(htmlEquivalent('<table><tr><td>&nbsp;&#39;</td></tr></table>', "<table><tbody><tr><td>\u00a0'</td></tr></tbody></table>")).toBe(true);
  });

  test('the mw-parser-output wrapper is stripped unless asked to keep it', () => {
    const wrapped = '<div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr"><p>x</p></div>';
    expect(htmlEquivalent(wrapped, '<p>x</p>')).toBe(true);
    expect(htmlEquivalent(wrapped, '<p>x</p>', { unwrapParserOutput: false })).toBe(false);
  });

  test('real differences are kept', () => {
    expect(htmlEquivalent('<a class="new" href="/x">x</a>', '<a href="/x">x</a>')).toBe(false);
    expect(htmlEquivalent('<a href="/wiki/A:B">x</a>', '<a href="/wiki/A%3AB">x</a>')).toBe(false);
    expect(htmlEquivalent('<p>x</p>', '<div>x</div>')).toBe(false);
    expect(htmlEquivalent('<p>x y</p>', '<p>xy</p>')).toBe(false);
    expect(htmlEquivalent('<pre>a  b</pre>', '<pre>a b</pre>')).toBe(false);
    expect(htmlEquivalent('<p>a<!-- c --></p>', '<p>a</p>')).toBe(false);
    expect(htmlEquivalent('<p>a\u200bb</p>', '<p>ab</p>')).toBe(false);
  });

  test('the display form puts block tags on their own lines and shows invisible characters', () => {
    expect(formatNormalizedHtml('<ul><li>a</li><li>b\u00ad</li></ul><p>c</p>')).toBe('<ul>\n<li>a</li>\n<li>b&#xAD;</li>\n</ul>\n<p>c</p>');
    expect(normalizeHtml('<ul><li>a</li></ul>')).toBe('<ul><li>a</li></ul>');
  });
});

describe('ParserTestRunner', () => {
  test('skips only tests that do not apply to the legacy parser', () => {
    const [legacy, parsoidOnly, variant] = parseParserTestFile(SAMPLE_FILE, 'sample.txt').tests;
    expect(testSkipReason(legacy)).toBeNull();
    expect(testSkipReason(parsoidOnly)).toBe('Parsoid-only test');
    expect(testSkipReason(variant)).toMatch(/language variant/);
    const [disabled] = parseParserTestFile('!! test\nD\n!! options\ndisabled\n!! wikitext\nx\n!! html\n<p>x</p>\n!! end\n', 'd.txt').tests;
    expect(testSkipReason(disabled)).toBe('Test disabled');
  });

  test('runs a file against a fresh wiki with its articles', async () => {
    const file = parseParserTestFile(
      [
        '!! options\nversion=2\n!! end',
        '!! article\nTemplate:Greeting\n!! text\nHello, {{{1|world}}}!\n!! endarticle',
        '!! test\nTransclusion\n!! wikitext\n{{Greeting}}\n!! html/php\n<p>Hello, world!\n</p>\n!! end',
        '!! test\nWrong expectation\n!! wikitext\nabc\n!! html/php\n<p>xyz\n</p>\n!! end',
        '!! test\nParsoid only\n!! wikitext\nabc\n!! html/parsoid\n<p>abc</p>\n!! end',
      ].join('\n\n'),
      'inline.txt',
    );
    const results = await runParserTestFile(file);
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['Transclusion', 'pass'],
      ['Wrong expectation', 'fail'],
      ['Parsoid only', 'skip'],
    ]);
    expect(results[1]).toMatchObject({ reason: 'HTML differs', expected: '<p>xyz</p>', actual: '<p>abc</p>', comparison: 'html' });
  });

  test('known failures are kept for tests that did not run and replaced for those that did', () => {
    const next = updatedKnownFailures(
      { 'a.txt': ['one', 'two', 'three'], 'b.txt': ['x'] },
      {
        tests: [
          { file: 'a.txt', name: 'one', status: 'pass', line: 1 },
          { file: 'a.txt', name: 'four', status: 'fail', line: 9 },
        ],
        testOrder: new Map([['a.txt', ['one', 'two', 'three', 'four']]]),
      },
    );
    expect(next).toEqual({ 'a.txt': ['two', 'three', 'four'], 'b.txt': ['x'] });
  });
});

describe('MediaWiki parser tests', () => {
  let suite: SuiteResult;

  beforeAll(async () => {
    suite = await runParserTestSuite();
  }, 600000);

  test('every file was read and the totals add up', () => {
    expect(suite.files.filter((f) => f.error)).toEqual([]);
    expect(suite.total.run).toBeGreaterThan(0);
    for (const key of ['run', 'pass', 'skip'] as const) expect(suite.total[key]).toBe(suite.files.reduce((sum, f) => sum + f[key], 0));
    expect(suite.total.run + suite.total.skip).toBe(suite.tests.length);
    expect(suite.tests.filter((t) => t.status === 'skip').every((t) => Boolean(t.reason))).toBe(true);
  });

  test('no test outside known-failures.json fails', () => {
    const { regressions } = compareWithKnownFailures(suite.tests, readKnownFailures());
    const list = regressions.map((t) => `  ${t.file}:${t.line} ${t.name} — ${t.reason}`).join('\n');
    if (regressions.length > 0) {
      throw new Error(`${regressions.length} parser test(s) fail that are not known failures (npm run parsertests -- --show-failures --new-only):\n${list}`);
    }
  });

  test('known failures that now pass are reported', () => {
    const { newlyPassing } = compareWithKnownFailures(suite.tests, readKnownFailures());
    if (newlyPassing.length > 0) {
      console.log(
        `${newlyPassing.length} known parser test failure(s) now pass; shrink the list with npm run parsertests -- --update-known-failures:\n` +
          newlyPassing.map((t) => `  ${t.file}: ${t.name}`).join('\n'),
      );
    }
    expect(newlyPassing.every((t) => t.status === 'pass')).toBe(true);
  });
});
