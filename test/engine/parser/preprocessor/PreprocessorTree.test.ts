import { preprocess, treeToSource, type PPNode, type PPNodeList, type PPTemplate } from '../../../../engine/parser/preprocessor/PreprocessorTree';

const TAGS = ['nowiki', 'pre', 'ref', 'references', 'gallery'];

function view(text: string): PPNodeList {
  return preprocess(text, { forInclusion: false, extensionTags: TAGS }).children;
}

function include(text: string): PPNodeList {
  return preprocess(text, { forInclusion: true, extensionTags: TAGS }).children;
}

/** A compact rendering of a tree for assertions: {{title|a|n=v}}, {{{arg}}}, <!--c-->, [ignore], <ext>, =h=. */
function show(nodes: PPNodeList): string {
  return nodes.map(showNode).join('');
}

function showNode(node: PPNode): string {
  if (typeof node === 'string') return node;
  switch (node.type) {
    case 'template':
    case 'tplarg': {
      const [open, close] = node.type === 'template' ? ['T(', ')'] : ['A(', ')'];
      const parts = node.parts.map((p) => (p.name ? `|${show(p.name)}=${show(p.value)}` : `|#${p.index}:${show(p.value)}`)).join('');
      return `${open}${show(node.title)}${parts}${close}`;
    }
    case 'comment':
      return `C[${node.text}]`;
    case 'ignore':
      return `I[${node.text}]`;
    case 'ext':
      return `E[${node.name}|${node.attr}|${node.inner ?? 'null'}|${node.close ?? 'null'}]`;
    case 'h':
      return `H${node.level}${node.top ? '' : '?'}[${show(node.children)}]`;
  }
}

describe('PreprocessorTree: braces', () => {
  it('parses templates with positional and named arguments', () => {
    expect(show(view('{{foo|a|b = c|d}}'))).toBe('T(foo|#1:a|b = c|#2:d)');
  });

  it('takes only the first = of an argument as the separator', () => {
    expect(show(view('{{foo|a=b=c}}'))).toBe('T(foo|a=b=c)');
  });

  it('tells arguments from templates by the number of braces, rightmost first', () => {
    expect(show(view('{{{1}}}'))).toBe('A(1)');
    expect(show(view('{{{{1}}}}'))).toBe('{A(1)}');
    expect(show(view('{{{{{1}}}}}'))).toBe('T(A(1))');
    expect(show(view('{{{{{{1}}}}}}'))).toBe('A(A(1))');
    expect(show(view('{{{{{{{1}}}}}}}'))).toBe('{A(A(1))}');
    expect(show(view('{{{1|default}}}'))).toBe('A(1|#1:default)');
  });

  it('leaves unclosed and unbalanced braces as text', () => {
    expect(show(view('{{foo'))).toBe('{{foo');
    expect(show(view('{{foo|a'))).toBe('{{foo|a');
    expect(show(view('{foo}'))).toBe('{foo}');
    expect(show(view('}}'))).toBe('}}');
    expect(show(view('{{a}}}'))).toBe('T(a)}');
  });

  it('does not split template arguments at a | inside [[ ]] (preprocessor precedence 1 and 6)', () => {
    expect(show(view('{{1x|[[Foo}}|bar]]|bat}}'))).toBe('T(1x|#1:[[Foo}}|bar]]|#2:bat)');
    expect(show(view('{{[[Foo|bar}}]]'))).toBe('{{[[Foo|bar}}]]');
    expect(show(view('{{1x|[[Foo}}'))).toBe('{{1x|[[Foo}}');
  });

  it('treats -{ }- as language converter markup protecting |, rightmost opening winning', () => {
    expect(show(view('{{1x|-{a|b}-}}'))).toBe('T(1x|#1:-{a|b}-)');
    expect(show(view('-{{1x|foo}-}}-'))).toBe('-T(1x|#1:foo}-)-');
    expect(show(view('{{-{R|1x|hi}}}-'))).toBe('{{-{R|1x|hi}}}-');
    expect(show(view('{{1x|foo-{bar}bat}}'))).toBe('{{1x|foo-{bar}bat}}');
  });

  it('does not recognise -{ when language conversion is off', () => {
    const nodes = preprocess('{{1x|foo-{bar}bat}}', { forInclusion: false, extensionTags: TAGS, langConversion: false }).children;
    expect(show(nodes)).toBe('T(1x|#1:foo-{bar}bat)');
  });

  it('marks a call starting a line that uses all its braces', () => {
    const [, call] = view('x\n{{a}}') as [string, PPTemplate];
    expect(call.lineStart).toBe(true);
    expect((view('{{a}}')[0] as PPTemplate).lineStart).toBe(false); // position 0 is not after a newline
    expect((view('x {{a}}')[1] as PPTemplate).lineStart).toBe(false);
  });

  it('records the source of each call and whether its title is plain text', () => {
    const call = view('x {{foo|{{bar}}}} y')[1] as PPTemplate;
    expect(call.source).toBe('{{foo|{{bar}}}}');
    expect(call.staticTitle).toBe('foo');
    const inner = view('{{{{{a}}}|b}}')[0] as PPTemplate;
    expect(inner.source).toBe('{{{{{a}}}|b}}');
    expect(inner.staticTitle).toBeNull();
  });
});

describe('PreprocessorTree: tags and comments', () => {
  it('keeps extension tag content opaque', () => {
    expect(show(view('<nowiki>{{a|b}}</nowiki>'))).toBe('E[nowiki||{{a|b}}|</nowiki>]');
    expect(show(view('<ref name="x">a {{b}}</ref >'))).toBe('E[ref| name="x"|a {{b}}|</ref >]');
    expect(show(view('<ref name=x/>'))).toBe('E[ref| name=x|null|null]');
    expect(show(view('<REF>x</ref>'))).toBe('E[REF||x|</ref>]');
  });

  it('treats an extension tag without its closing tag as text', () => {
    expect(show(view('<ref>{{a}}'))).toBe('<ref>T(a)');
  });

  it('keeps tags that are not extension tags as text', () => {
    expect(show(view('<div>{{a}}</div>'))).toBe('<div>T(a)</div>');
  });

  it('makes comments nodes, eating a line that holds only comments', () => {
    expect(show(view('a<!-- x -->b'))).toBe('aC[<!-- x -->]b');
    expect(show(view('a\n <!-- x --> \nb'))).toBe('a\nC[ <!-- x --> \n]b');
    expect(show(view('a\n<!-- x --><!-- y -->\nb'))).toBe('a\nC[<!-- x -->]C[<!-- y -->\n]b');
    expect(show(view('a <!-- unclosed'))).toBe('a C[<!-- unclosed]');
  });

  it('drops <includeonly> sections in view mode and keeps <noinclude> content', () => {
    expect(show(view('a<includeonly>b</includeonly><noinclude>c</noinclude>'))).toBe('aI[<includeonly>b</includeonly>]I[<noinclude>]cI[</noinclude>]');
  });

  it('drops <noinclude> sections in include mode and keeps <includeonly> content', () => {
    expect(show(include('a<includeonly>b</includeonly><noinclude>c</noinclude>'))).toBe('aI[<includeonly>]bI[</includeonly>]I[<noinclude>c</noinclude>]');
  });

  it('lets an unclosed <noinclude> run to the end', () => {
    expect(show(include('a<noinclude>b'))).toBe('aI[<noinclude>b]');
  });

  it('keeps only <onlyinclude> sections in include mode when there are some', () => {
    expect(show(include('x<onlyinclude>A</onlyinclude>y<onlyinclude>B</onlyinclude>z'))).toBe('I[x<onlyinclude>]AI[</onlyinclude>y<onlyinclude>]BI[</onlyinclude>z]');
    expect(show(view('x<onlyinclude>A</onlyinclude>y'))).toBe('xI[<onlyinclude>]AI[</onlyinclude>]y');
  });
});

describe('PreprocessorTree: headings', () => {
  it('finds top-level headings, counting all of them', () => {
    const tree = preprocess('== A ==\ntext\n=== B ===\n{{x|\n== C ==\n}}', { forInclusion: false, extensionTags: TAGS });
    expect(show(tree.children)).toBe('H2[== A ==]\ntext\nH3[=== B ===]\nT(x|#1:\nH2?[== C ==]\n)');
    expect(tree.headings.map((h) => [h.level, h.index])).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it('uses the smaller side and lone runs of = as MediaWiki does', () => {
    expect(show(view('=== A ==\n'))).toBe('H2[=== A ==]\n');
    expect(show(view('=====\n'))).toBe('H2[=====]\n');
    expect(show(view('==\n'))).toBe('==\n');
    expect(show(view('== A == <!-- c -->\n'))).toBe('H2[== A == C[<!-- c -->]]\n');
  });

  it('does not start a heading at a lone = that may separate a name (DWIM)', () => {
    expect(show(view('{{a|\n=b}}'))).toBe('T(a|\n=b)');
  });
});

describe('PreprocessorTree: source and cache', () => {
  it('rebuilds the text from the tree', () => {
    const texts = [
      '{{a|b=c|{{{d|e}}}}} <!-- x --> <ref>q</ref> [[x|y]] == h ==',
      '{{{{{a}}}|b}} -{x|y}- {{unclosed|x',
      '<includeonly>i</includeonly><noinclude>n</noinclude>',
    ];
    for (const text of texts) expect(treeToSource(view(text))).toBe(text);
    expect(treeToSource(include('<includeonly>i</includeonly><noinclude>n</noinclude>'))).toBe('<includeonly>i</includeonly><noinclude>n</noinclude>');
  });

  it('parses a text once per mode and reuses the tree', () => {
    const text = `{{cached test ${Math.random()}}}`;
    const a = preprocess(text, { forInclusion: true, extensionTags: TAGS });
    expect(preprocess(text, { forInclusion: true, extensionTags: TAGS })).toBe(a);
    expect(preprocess(text, { forInclusion: false, extensionTags: TAGS })).not.toBe(a);
  });

  it('builds deep nesting without recursion', () => {
    const depth = 5000;
    const text = '{{D0|'.repeat(depth) + 'x' + '}}'.repeat(depth);
    let node = view(text)[0] as PPTemplate;
    let levels = 1;
    while (typeof node.parts[0].value[0] !== 'string') {
      node = node.parts[0].value[0] as PPTemplate;
      levels++;
    }
    expect(levels).toBe(depth);
  });
});
