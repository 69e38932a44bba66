/**
 * The plain-title fast path must give the Title the library's full path
 * gives: compared with a fresh copy of the library that has no fast path.
 */
import { Parser } from '../../../engine/parser/ParserGlobals';

/** normalizeTitle as the library implements it (its typings leave out the options argument). */
type NormalizeTitle = (title: string, defaultNs: number, include: boolean, config: unknown, opt?: object) => unknown;

type TitleLike = { title: string; ns: number; fragment?: string; valid: boolean; interwiki: string; main: string; prefix: string; encoded: boolean };

describe('PlainTitleFastPath', () => {
  let unpatched: typeof Parser;
  beforeAll(() => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      unpatched = require('wikiparser-node') as typeof Parser;
    });
  });

  const shape = (t: TitleLike) => ({ title: t.title, ns: t.ns, fragment: t.fragment, valid: t.valid, interwiki: t.interwiki, main: t.main, prefix: t.prefix, encoded: t.encoded });

  test.each([
    'Main Page', 'main_page', ' Help:Contents ', 'Template:Cite web', 'Category:Foo bar', ':Category:Foo', 'File:A.png',
    'Foo#Bar baz', '#Section', 'Foo/Bar', '../Sibling', '/Child', 'Foo%20bar', 'Foo%3Abar', 'A &amp; B', 'A &eacute; B',
    'wikipedia:Main Page', 'Special:RecentChanges', 'Talk:Foo#x', 'Ünïcödé', 'a:b:c', 'Project:About', 'Image:X.jpg', '100%',
  ])('%s', (text) => {
    for (const [defaultNs, opt] of [
      [0, { decode: true, selfLink: true, page: 'Some page' }],
      [10, undefined],
      [0, { temporary: true, page: '' }],
    ] as const) {
      const fast = (Parser.normalizeTitle as unknown as NormalizeTitle).call(Parser, text, defaultNs, false, Parser.getConfig(), opt) as TitleLike;
      const full = (unpatched.normalizeTitle as unknown as NormalizeTitle).call(unpatched, text, defaultNs, false, unpatched.getConfig(), opt) as TitleLike;
      expect(shape(fast)).toEqual(shape(full));
    }
  });
});
