import {
  appendNewSection,
  countSections,
  getSection,
  getSectionHeading,
  replaceSection,
  scanTopLevelNodes,
} from '../../../engine/edit/SectionEditor';

const page = [
  'Lead paragraph.',
  '',
  '== History ==',
  'History text.',
  '',
  '=== Early ===',
  'Early text.',
  '',
  '==== Very early ====',
  'Very early text.',
  '',
  '=== Late ===',
  'Late text.',
  '',
  '== Geography ==',
  'Geography text.',
  '',
  '== References ==',
  '<references />',
].join('\n');

describe('getSection', () => {
  it('returns section 0 as the text before the first heading', () => {
    expect(getSection(page, 0)).toBe('Lead paragraph.');
    expect(getSection('== A ==\ntext', 0)).toBe('');
    expect(getSection('No headings at all.\n', 0)).toBe('No headings at all.');
  });

  it('returns a section with its nested subsections', () => {
    expect(getSection(page, 1)).toBe(
      [
        '== History ==',
        'History text.',
        '',
        '=== Early ===',
        'Early text.',
        '',
        '==== Very early ====',
        'Very early text.',
        '',
        '=== Late ===',
        'Late text.',
      ].join('\n'),
    );
    expect(getSection(page, 2)).toBe('=== Early ===\nEarly text.\n\n==== Very early ====\nVery early text.');
    expect(getSection(page, 3)).toBe('==== Very early ====\nVery early text.');
    expect(getSection(page, 4)).toBe('=== Late ===\nLate text.');
  });

  it('returns a middle and the last section', () => {
    expect(getSection(page, 5)).toBe('== Geography ==\nGeography text.');
    expect(getSection(page, 6)).toBe('== References ==\n<references />');
  });

  it('returns null for a section that does not exist', () => {
    expect(getSection(page, 7)).toBeNull();
    expect(getSection(page, -1)).toBeNull();
    expect(getSection(page, 1.5)).toBeNull();
    expect(getSection('', 1)).toBeNull();
    expect(getSection('', 0)).toBe('');
  });

  it('ignores headings inside nowiki, pre, comments and extension tags', () => {
    const text = [
      'Lead',
      '<nowiki>',
      '== Not 1 ==',
      '</nowiki>',
      '<pre>',
      '== Not 2 ==',
      '</pre>',
      '<!--',
      '== Not 3 ==',
      '-->',
      '<syntaxhighlight lang="text">',
      '== Not 4 ==',
      '</syntaxhighlight>',
      '<source>',
      '== Not 5 ==',
      '</source>',
      '<math>',
      '== Not 6 ==',
      '</math>',
      '<ref name="x">',
      '== Not 7 ==',
      '</ref>',
      '<gallery>',
      '== Not 8 ==',
      '</gallery>',
      '<NoWiki>',
      '== Not 9 ==',
      '</NOWIKI >',
      '<includeonly>',
      '== Not 10 ==',
      '</includeonly>',
      '== Real ==',
      'body',
    ].join('\n');
    expect(countSections(text)).toBe(1);
    expect(getSection(text, 1)).toBe('== Real ==\nbody');
    expect(getSection(text, 0)).toContain('== Not 10 ==');
  });

  it('counts headings inside noinclude and onlyinclude', () => {
    const text = '<noinclude>\n== Doc ==\ntext\n</noinclude>\n<onlyinclude>\n== Inc ==\n</onlyinclude>';
    expect(countSections(text)).toBe(2);
    expect(getSection(text, 1)).toBe('== Doc ==\ntext\n</noinclude>\n<onlyinclude>');
  });

  it('treats an unclosed extension tag as text but an unclosed comment as running to the end', () => {
    expect(countSections('<pre>\n== A ==\ntext')).toBe(1);
    expect(countSections('<!--\n== A ==\ntext')).toBe(0);
  });

  it('allows trailing whitespace and comments after the closing equals signs', () => {
    const text = 'x\n== A == \t<!-- note --> <!-- more -->\nbody\n==B==<!-- c -->x\nnot a heading';
    expect(countSections(text)).toBe(1);
    expect(getSection(text, 1)).toBe('== A == \t<!-- note --> <!-- more -->\nbody\n==B==<!-- c -->x\nnot a heading');
  });

  it('finds a heading on the line after a comment-only line', () => {
    const text = 'x\n<!-- hidden -->\n== A ==\nbody';
    expect(getSection(text, 1)).toBe('== A ==\nbody');
    expect(getSection(text, 0)).toBe('x\n<!-- hidden -->');
  });

  it('uses the smaller of the opening and closing equals counts as the level', () => {
    // '=== B ==' is level 2, so it ends section 1 instead of nesting in it.
    const text = '== A ==\na\n=== B ==\nb\n==== C =\nc\n== D ==\nd';
    expect(getSection(text, 1)).toBe('== A ==\na');
    expect(getSection(text, 2)).toBe('=== B ==\nb');
    // Level 1, so it runs to the end.
    expect(getSection(text, 3)).toBe('==== C =\nc\n== D ==\nd');
    expect(getSectionHeading(text, 2)).toBe('= B');
    expect(getSectionHeading(text, 3)).toBe('=== C');
  });

  it('requires a heading to close on its own line', () => {
    expect(countSections('== A\n== B == x\n=A=\n=\n==\n')).toBe(1);
    expect(getSection('== A\n=A=\nx', 1)).toBe('=A=\nx');
    // A line of only '='s: '=====' is a level-2 heading of '='.
    expect(countSections('x\n=====\ny')).toBe(1);
    expect(getSectionHeading('x\n=====\ny', 1)).toBe('=');
  });

  it('does not make headings of heading-like lines inside template calls, but numbers them', () => {
    const text = '== A ==\na\n{{Infobox\n| x = 1\n== In template ==\n}}\n== B ==\nb';
    expect(countSections(text)).toBe(2);
    // The heading in the template argument consumes number 2, as in MediaWiki.
    expect(getSection(text, 1)).toBe('== A ==\na\n{{Infobox\n| x = 1\n== In template ==\n}}');
    expect(getSection(text, 2)).toBeNull();
    expect(getSection(text, 3)).toBe('== B ==\nb');
  });

  it('counts headings inside links and unclosed template calls', () => {
    expect(countSections('[[File:X.jpg|thumb|caption\n== A ==\n]]')).toBe(1);
    expect(countSections('{{unclosed\n== A ==\ntext')).toBe(1);
  });

  it('treats "=" at a line start in a template argument as a separator (DWIM)', () => {
    expect(countSections('{{tpl|a\n=b=\n}}\n')).toBe(0);
    expect(countSections('{{tpl|a\n=b=\n')).toBe(0);
  });

  // Speed belongs in `npm run bench`; this checks that a 300 KB page with 1,000 sections is cut correctly.
  it('finds sections in a 300 KB page with 1,000 headings', () => {
    const chunk =
      'Lorem ipsum dolor sit amet, {{cite|title=Foo|url=http://x}} [[Link|text]] <ref>note</ref> ' +
      "''italic'' <!-- c --> -{zh-hans:a; zh-hant:b}- consectetur.\n";
    const parts: string[] = [];
    for (let i = 1; i <= 1000; i++) parts.push(`${i % 5 === 0 ? '===' : '=='} H${i} ${i % 5 === 0 ? '===' : '=='}\n${chunk.repeat(2)}`);
    const text = parts.join('\n');
    expect(text.length).toBeGreaterThan(300_000);
    expect(getSection(text, 501)).toMatch(/^== H501 ==\n/);
    expect(getSection(text, 500)).toMatch(/^=== H500 ===\n/);
    expect(getSection(text, 500)).not.toContain('H501');
    expect(countSections(text)).toBe(1000);
  });
});

describe('replaceSection', () => {
  it('replaces section 0', () => {
    expect(replaceSection(page, 0, 'New lead.')).toBe(page.replace('Lead paragraph.\n\n', 'New lead.\n\n'));
    expect(replaceSection('== A ==\nx', 0, 'Lead')).toBe('Lead\n\n== A ==\nx');
  });

  it('replaces a middle section and separates it from the next one by a blank line', () => {
    const result = replaceSection(page, 5, '== Geography ==\nNew geography.\n\n\n');
    expect(result).toBe(page.replace('Geography text.', 'New geography.'));
    // The section text had no trailing blank line: MediaWiki adds one.
    expect(replaceSection('== A ==\na\n== B ==\nb', 1, '== A ==\nchanged')).toBe('== A ==\nchanged\n\n== B ==\nb');
  });

  it('replaces a section together with its subsections', () => {
    const result = replaceSection(page, 1, '== History ==\nShort history.');
    expect(result).toBe(
      'Lead paragraph.\n\n== History ==\nShort history.\n\n== Geography ==\nGeography text.\n\n== References ==\n<references />',
    );
  });

  it('replaces a nested subsection only', () => {
    const result = replaceSection(page, 3, '==== Very early ====\nRewritten.');
    expect(result).toBe(page.replace('Very early text.', 'Rewritten.'));
  });

  it('replaces the last section without leaving trailing whitespace', () => {
    expect(replaceSection(page, 6, '== References ==\n{{reflist}}\n')).toBe(
      page.replace('<references />', '{{reflist}}'),
    );
  });

  it('deletes a section replaced by empty text', () => {
    expect(replaceSection('== A ==\na\n== B ==\nb\n== C ==\nc', 2, '')).toBe('== A ==\na\n== C ==\nc');
  });

  it('returns null for a missing section', () => {
    expect(replaceSection(page, 99, 'x')).toBeNull();
    expect(replaceSection('text', 1, 'x')).toBeNull();
  });

  it('leaves headings in comments and nowiki alone', () => {
    const text = '== A ==\na\n<!--\n== B ==\n-->\n<nowiki>\n== C ==\n</nowiki>\n== D ==\nd';
    expect(replaceSection(text, 2, '== D ==\nnew')).toBe(
      '== A ==\na\n<!--\n== B ==\n-->\n<nowiki>\n== C ==\n</nowiki>\n== D ==\nnew',
    );
  });
});

describe('appendNewSection', () => {
  it('appends a heading and body after a blank line', () => {
    expect(appendNewSection('Existing text.\n\n', 'New topic', 'Hello. ~~~~')).toBe(
      'Existing text.\n\n== New topic ==\n\nHello. ~~~~',
    );
  });

  it('appends only the body when there is no heading', () => {
    expect(appendNewSection('Existing text.', '', 'Hello.')).toBe('Existing text.\n\nHello.');
  });

  it('does not start an empty page with blank lines', () => {
    expect(appendNewSection('', 'Topic', 'Body')).toBe('== Topic ==\n\nBody');
    expect(appendNewSection(' \n', '', 'Body')).toBe('Body');
  });
});

describe('getSectionHeading', () => {
  it('returns the plain heading text for the edit summary', () => {
    expect(getSectionHeading(page, 1)).toBe('History');
    expect(getSectionHeading(page, 3)).toBe('Very early');
    expect(getSectionHeading('== A ==  <!-- note -->\nx', 1)).toBe('A');
    expect(getSectionHeading("== ''Italic'' and '''bold''' ==", 1)).toBe('Italic and bold');
    expect(getSectionHeading('== [[Target|Label]] and [[Plain]] ==', 1)).toBe('Label and Plain');
    expect(getSectionHeading('== [https://example.org Example] site ==', 1)).toBe('Example site');
    expect(getSectionHeading('== <span id="x">Tagged</span> <nowiki>[[y]]</nowiki> ==', 1)).toBe('Tagged y');
  });

  it('returns null for section 0 and missing sections', () => {
    expect(getSectionHeading(page, 0)).toBeNull();
    expect(getSectionHeading(page, 42)).toBeNull();
  });
});

describe('countSections', () => {
  it('counts top-level headings', () => {
    expect(countSections(page)).toBe(6);
    expect(countSections('')).toBe(0);
    expect(countSections('no headings')).toBe(0);
  });
});

describe('scanTopLevelNodes', () => {
  const describeNodes = (text: string, options = {}) =>
    scanTopLevelNodes(text, options).map((n) => (n.kind === 'heading' ? `h${n.level}#${n.index}` : `${'{'.repeat(n.braces)}${text.slice(n.start + n.braces, n.nameEnd)}`));

  it('reports headings and the transclusions between them, not those nested inside others', () => {
    expect(describeNodes('{{A|x={{B}}}}\n== H ==\n{{{arg|{{C}}}}}\n=={{D}}==\n{{E}}')).toEqual(['{{A', 'h2#1', '{{{arg', 'h2#2', '{{E']);
  });

  it('finds the innermost braces of a run', () => {
    const nodes = scanTopLevelNodes('{{{{A}}');
    expect(nodes).toEqual([{ kind: 'transclusion', braces: 2, start: 2, end: 7, nameEnd: 5 }]);
  });

  it('hoists what is inside links and unclosed braces, as the preprocessor breaks them up', () => {
    expect(describeNodes('[[a|{{B}}\n== H ==\n]]\n{{C|\n== In C ==\n')).toEqual(['{{B', 'h2#1', 'h2#2']);
  });

  it('reads a transcluded page with the inclusion tags swapped', () => {
    const text = '<noinclude>{{Doc}}\n== Doc ==\n</noinclude><includeonly>\n== Shown ==\n{{Nav}}</includeonly>';
    expect(describeNodes(text)).toEqual(['{{Doc', 'h2#1']);
    expect(describeNodes(text, { forInclusion: true })).toEqual(['h2#1', '{{Nav']);
  });

  it('treats the content of the given extension tags as opaque', () => {
    expect(describeNodes('<mytag>\n== In tag ==\n</mytag>\n== After ==')).toEqual(['h2#1', 'h2#2']);
    expect(describeNodes('<mytag>\n== In tag ==\n</mytag>\n== After ==', { extensionTags: ['mytag'] })).toEqual(['h2#1']);
  });
});
