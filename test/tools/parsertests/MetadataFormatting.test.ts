import { phpJsonString, prettyPrintTocData } from '../../../tools/parsertests/ParserTestRunner';

describe('prettyPrintTocData (TOCData::prettyPrint)', () => {
  it('prints a line per section, indented by TOC level, with NULL for missing data', () => {
    expect(
      prettyPrintTocData([
        { level: 2, tocLevel: 1, line: 'h1', number: '1', index: '1', anchor: 'h1', linkAnchor: 'h1', fromTitle: 'Parser test', codepointOffset: 0 },
        { level: 3, tocLevel: 2, line: '<i>b</i>', number: '1.1', index: '', anchor: 'b', linkAnchor: 'b', fromTitle: null, codepointOffset: null },
        { level: 2, tocLevel: 1, line: 'c', number: '2', index: 'T-1', anchor: 'c?', linkAnchor: 'c%3F', fromTitle: 'Template:Foo bar', codepointOffset: null },
      ]),
    ).toBe(
      [
        'Sections:',
        ' h2 index:1 toclevel:1 number:1 title:Parser_test off:0 anchor/linkAnchor:h1 line:h1',
        '  h3 index: toclevel:2 number:1.1 title:NULL off:NULL anchor/linkAnchor:b line:<i>b</i>',
        ' h2 index:T-1 toclevel:1 number:2 title:Template:Foo_bar off:NULL anchor:c? linkAnchor:c%3F line:c',
      ].join('\n'),
    );
  });

  it('JSON-encodes a line with a line break, as PHP does', () => {
    const out = prettyPrintTocData([{ level: 2, tocLevel: 1, line: "\"c'd'\narray (\n)\"", number: '1', index: '1', anchor: 'a', linkAnchor: 'a', fromTitle: 'P', codepointOffset: 0 }]);
    expect(out.split('\n')[1]).toBe(' h2 index:1 toclevel:1 number:1 title:P off:0 anchor/linkAnchor:a line:"\\"c\'d\'\\narray (\\n)\\""');
  });

  it('prints an empty TOC as its header alone', () => {
    expect(prettyPrintTocData([])).toBe('Sections:');
  });
});

describe('phpJsonString', () => {
  it('escapes slashes, control characters and non-ASCII like json_encode', () => {
    expect(phpJsonString('a/b\t"é😀')).toBe('"a\\/b\\t\\"\\u00e9\\ud83d\\ude00"');
  });
});
