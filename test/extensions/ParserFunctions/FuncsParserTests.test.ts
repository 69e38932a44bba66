/**
 * Extension:ParserFunctions' own parser tests (fixtures/funcsParserTests.txt),
 * rendered through the real renderer with the extension loaded. The test
 * cases and expected HTML are upstream's; tests that need something this wiki
 * does not have are skipped with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';

interface ParserTest {
  name: string;
  wikitext: string;
  html: string;
}

interface Article {
  title: string;
  text: string;
}

/** Reads the `!! article … !! endarticle` and `!! test … !! end` blocks of a parser test file. */
function readParserTests(source: string): { tests: ParserTest[]; articles: Article[] } {
  const tests: ParserTest[] = [];
  const articles: Article[] = [];
  const lines = source.split('\n');
  let i = 0;
  const section = (): string[] => {
    const body: string[] = [];
    while (i < lines.length && !lines[i].startsWith('!!')) body.push(lines[i++]);
    return body;
  };
  while (i < lines.length) {
    const line = lines[i++].trim();
    if (line === '!! article') {
      const title = section().join('\n').trim();
      i++; // !! text
      const text = section().join('\n');
      i++; // !! endarticle
      articles.push({ title, text });
    } else if (line === '!! test') {
      const name = section().join('\n').trim();
      const parts: Record<string, string> = {};
      while (i < lines.length && !/^!!\s*end\s*$/.test(lines[i])) {
        const header = lines[i++].replace(/^!!\s*/, '').trim();
        parts[header] = section().join('\n');
      }
      i++;
      tests.push({ name, wikitext: parts.wikitext ?? '', html: parts['html/php'] ?? parts.html ?? '' });
    }
  }
  return { tests, articles };
}

/** Tests that depend on what this wiki lacks, with the reason. */
const SKIPPED: Readonly<Record<string, string>> = {
  'Explicitly specified output language (Dutch)': 'only English month names are installed',
  '#timel: Melbourne': 'no $wgLocaltimezone setting: local time is UTC',
  '#timefl: one parameter': 'no $wgLocaltimezone setting: local time is UTC',
  '#timef: Japanese target language': "only English date formats (the 'dmy' preference) are available",
  '#timef: ja parameter': "only English date formats (the 'dmy' preference) are available",
  '{{#ifexist}}': '#ifexist on Media: needs uploaded files (and #ifexist is the engine\'s)',
  '{{#ifexist:}} media redirect (bug 32031)': '#ifexist on Media: needs uploaded files (and #ifexist is the engine\'s)',
};

/** Whitespace between tags and at line ends does not matter to a reader; the text does. */
function normalize(html: string): string {
  return html.replace(/\s+\n/g, '\n').replace(/\n+/g, '\n').replace(/>\s+</g, '><').trim();
}

const file = fs.readFileSync(path.join(__dirname, 'fixtures', 'funcsParserTests.txt'), 'utf8');
const { tests, articles } = readParserTests(file);

describe('ParserFunctions parser tests (funcsParserTests.txt)', () => {
  let wiki: TestWiki;

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite', { extensions: ['ParserFunctions'] });
    for (const article of articles) await wiki.edit(article.title, article.text);
  });

  afterAll(async () => {
    await wiki.close();
  });

  it('reads the fixture', () => {
    expect(tests.length).toBeGreaterThan(30);
  });

  const runnable = tests.filter((t) => !(t.name in SKIPPED));
  it.each(runnable.map((t) => [t.name, t] as const))('%s', async (_name, test) => {
    const out = await wiki.services.renderer.render(test.wikitext, {
      title: wiki.services.titleFactory.newFromTextThrow('Parser test'),
      now: new Date('2026-01-02T03:04:05Z'),
    });
    expect(normalize(out.html)).toBe(normalize(test.html));
  });

  it.each(Object.entries(SKIPPED))('skips %s (%s)', (name) => {
    expect(tests.some((t) => t.name === name)).toBe(true);
  });
});
