import type { ParserFunctionHook, RenderFrame } from '../../../../engine/parser/ParserHooks';
import { markerSkip, phpTrim } from '../../../../engine/parser/functions/WikitextEscaping';
import { TemplateExpander, type ExpanderDeps } from '../../../../engine/parser/preprocessor/TemplateExpander';
import { phpLooseEquals } from '../../../../engine/parser/preprocessor/ControlFunctions';

/** Template: prefix, first letter upper case, '_' as ' ', a leading ':' for the main namespace; '#', '|', '{' … make it invalid. */
function resolveTitle(name: string, ns: number): string | null {
  let text = name.replace(/_/g, ' ').trim();
  if (text === '' || /[<>[\]{}|#]/.test(text)) return null;
  let prefix = ns === 10 ? 'Template:' : ns === 8 ? 'MediaWiki:' : '';
  if (text.startsWith(':')) {
    prefix = '';
    text = text.slice(1).trim();
  }
  const m = /^(Template|MediaWiki|Help)\s*:\s*(.*)$/i.exec(text);
  if (m) {
    prefix = `${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()}:`;
    text = m[2];
  }
  if (text === '') return null;
  return prefix + text[0].toUpperCase() + text.slice(1);
}

interface TestFrame extends RenderFrame {
  properties: Record<string, string>;
}

function frame(title = 'Test page'): TestFrame {
  const properties: Record<string, string> = {};
  const data = new Map<string, unknown>();
  return {
    properties,
    title: { getPrefixedText: () => title, getNamespace: () => 0 } as unknown as RenderFrame['title'],
    now: new Date(0),
    language: 'en',
    revisionId: null,
    getExtensionData<T>(key: string, init: () => T): T {
      if (!data.has(key)) data.set(key, init());
      return data.get(key) as T;
    },
    setPageProperty(name: string, value: string) {
      properties[name] = value;
    },
    pageExists: () => false,
    renderInline: (text: string) => text,
    addWarning: () => undefined,
    message: () => undefined,
    setIndicator: () => undefined,
  };
}

/** ParserFunctions' #ifexpr over a tiny evaluator (enough for these tests). */
const ifexpr: ParserFunctionHook = (args) => {
  const expr = phpTrim(args[0] ?? '');
  if (!/^[\d\s+\-*/()<>=.]*$/.test(expr)) return '<strong class="error">Expression error</strong>';
  const value = expr === '' ? 0 : Number(Function(`return (${expr.replace(/(?<![<>!])=/g, '==')})`)());
  return phpTrim((value ? args[1] : args[2]) ?? '');
};

const FUNCTIONS: Record<string, ParserFunctionHook> = {
  lc: (args) => markerSkip(phpTrim(args[0] ?? ''), (s) => s.toLowerCase()),
  uc: (args) => markerSkip(phpTrim(args[0] ?? ''), (s) => s.toUpperCase()),
  pagename: (_args, f) => f.title.getPrefixedText(),
  echo: (args) => args.join('/'),
  // Registered hooks of ParserFunctions: the expander runs these lazily itself.
  '#if': () => 'eager',
  '#ifeq': () => 'eager',
  '#iferror': () => 'eager',
  '#switch': () => 'eager',
  '#ifexist': () => 'eager',
  '#ifexpr': ifexpr,
};

function setup(templates: Record<string, string>, extra: Partial<ExpanderDeps> = {}) {
  const fetched: string[] = [];
  const deps: ExpanderDeps = {
    async fetchTemplate(title) {
      fetched.push(title);
      const text = templates[title];
      if (text === undefined) return null;
      const redirect = /^#REDIRECT \[\[(.*)\]\]$/.exec(text);
      if (redirect) {
        const target = resolveTitle(redirect[1], 0)!;
        return templates[target] === undefined ? null : { text: templates[target], title: target };
      }
      return { text, title };
    },
    resolveTitle,
    findFunction: (name) => FUNCTIONS[name.toLowerCase()],
    findVariable: (name) => (name === 'PAGENAME' ? FUNCTIONS.pagename : undefined),
    fallbackFunction: () => undefined,
    extensionTags: ['nowiki', 'pre', 'ref', 'references', 'tag'],
    message: (key, ...params) => `${key}(${params.join(',')})`,
    limits: { maxDepth: 40, maxNodeCount: 1_000_000, maxIncludeSize: 2 * 1024 * 1024 },
    expandTagContent: (name) => name === 'ref',
    ...extra,
  };
  const expander = new TemplateExpander(deps);
  const run = async (text: string, page = 'Test page') => expander.expandFull(text, frame(page));
  const text = async (source: string) => (await run(source)).text;
  return { expander, fetched, run, text };
}

const BASIC = {
  'Template:1x': '{{{1}}}',
  'Template:Args': '[{{{1}}}|{{{2|two}}}|{{{name|none}}}|{{{ spaced }}}]',
  'Template:Bullet': '*Bar',
  'Template:Incl': 'Foo<noinclude>zar</noinclude><includeonly>bar</includeonly>',
  'Template:Only': 'x<onlyinclude>IN</onlyinclude>y',
  'Template:Loop': 'a{{Loop}}b',
  'Template:Loop2': '{{Loop3}}',
  'Template:Loop3': '{{Loop2}}',
  'Template:Redir': '#REDIRECT [[Template:1x]]',
  'Template:Nested': '{{1x|{{{1}}}}}',
  'Template:=': '<nowiki>=</nowiki>',
  'Template:Precedence5': '{{{{{1}}}}}',
  'Template:Nowikiarg': '<nowiki>{{{1}}}</nowiki>|<ref>{{{1}}}</ref>',
  'Template:Table': '{|\n| a\n|}',
  'Template:Counter': '{{echo:{{{1}}}}}',
  'Template:Big': 'x'.repeat(100),
  'MediaWiki:Hello': 'Hello $1 ({{PAGENAME}})',
};

describe('TemplateExpander: templates and arguments', () => {
  const { text, run, fetched } = setup(BASIC);

  it('expands templates with positional, named and default arguments', async () => {
    expect(await text('{{1x|hello}}')).toBe('hello');
    expect(await text('{{Args|a|b|name=c| spaced = d }}')).toBe('[a|b|c|d]');
    expect(await text('{{Args|a}}')).toBe('[a|two|none|{{{ spaced }}}]'.replace('{{{', '&#123;&#123;{'));
  });

  it('trims named arguments but not positional ones', async () => {
    expect(await text('[{{1x| a }}]')).toBe('[ a ]');
    expect(await text('[{{1x|1= a }}]')).toBe('[a]');
  });

  it('lets a later argument of the same name win, with a warning', async () => {
    const result = await run('{{1x|a|1=b}}');
    expect(result.text).toBe('b');
    expect(result.warnings).toEqual([{ key: 'duplicate-args-warning', params: ['Test page', 'Template:1x', '1'] }]);
    expect(result.trackingCategories).toContain('duplicate-args-category');
  });

  it('takes the default of an argument that is not given, on the page too', async () => {
    expect(await text('{{{1|def}}}')).toBe('def');
    expect(await text('{{{1|a=b}}}')).toBe('a=b');
  });

  it('resolves argument names and template names computed by expansion', async () => {
    expect(await text('{{Precedence5|Bullet}}')).toBe('\n*Bar');
    expect(await text('{{ {{1x|1x}} |computed}}')).toBe('computed');
  });

  it('honours noinclude, includeonly and onlyinclude', async () => {
    expect(await text('{{Incl}}')).toBe('Foobar');
    expect(await text('{{Only}}')).toBe('IN');
    expect(await text('a<includeonly>b</includeonly><noinclude>c</noinclude>')).toBe('ac');
  });

  it('follows redirects and records both titles', async () => {
    const result = await run('{{Redir|x}}');
    expect(result.text).toBe('x');
    expect(result.templatesUsed).toEqual(['Template:Redir', 'Template:1x']);
  });

  it('links to a missing template and records it as used', async () => {
    const result = await run('{{Missing thing}}');
    expect(result.text).toBe('[[:Template:Missing thing]]');
    expect(result.templatesUsed).toEqual(['Template:Missing thing']);
  });

  it('transcludes other namespaces with a prefix or a leading colon', async () => {
    const { text: t } = setup({ Main: 'main page', 'Help:X': 'help' });
    expect(await t('{{:Main}} {{Help:X}}')).toBe('main page help');
  });

  it('leaves an invalid title as written, its arguments expanded', async () => {
    expect(await text('{{a<b>|{{1x|foo}}|{{1x|a}}={{1x|b}}}}')).toBe('&#123;{a<b>|foo|a=b}}');
  });

  it('keeps {{subst:}} as written when viewing and expands {{safesubst:}}', async () => {
    expect(await text('{{subst:1x|{{1x|y}}}}')).toBe('&#123;{subst:1x|y}}');
    expect(await text('{{safesubst:1x|y}}')).toBe('y');
  });

  it('puts an expansion starting with a list or table on a new line unless the call starts one', async () => {
    expect(await text('x {{Bullet}}')).toBe('x \n*Bar');
    expect(await text('x\n{{Bullet}}')).toBe('x\n*Bar');
    expect(await text('x {{Table}}')).toBe('x \n{|\n| a\n|}');
  });

  it('removes comments', async () => {
    expect(await text('a<!-- c -->b {{1x|<!-- c -->x}}')).toBe('ab x');
    expect(await text('a\n<!-- c -->\nb')).toBe('a\nb');
  });

  it('fetches each template once per expansion', async () => {
    fetched.length = 0;
    await text('{{1x|a}}{{1x|b}}{{1x|c}}');
    expect(fetched).toEqual(['Template:1x']);
  });

  it('expands the {{=}} and {{!}} magic words even where Template:= exists', async () => {
    expect(await text('a{{=}}b{{!}}c')).toBe('a=b|c');
  });
});

describe('TemplateExpander: extension tags', () => {
  const { text } = setup(BASIC);

  it('does not expand inside extension tags, except tags whose content is wikitext', async () => {
    expect(await text('{{Nowikiarg|X}}')).toBe('<nowiki>{{{1}}}</nowiki>|<ref>X</ref>');
    expect(await text('<pre>{{1x|a}}</pre>')).toBe('<pre>{{1x|a}}</pre>');
  });

  it('hands extension tags to functions as strip markers', async () => {
    expect(await text('{{uc:a<nowiki>b</nowiki>c}}')).toBe('A<nowiki>b</nowiki>C');
  });

  it('unstrips <nowiki> where attributes are read', async () => {
    expect(await text('<div {{1x|style{{=}}"a"}}>foo</div>')).toBe('<div style="a">foo</div>');
    expect(await text('{|\n|style{{=}}"a"|cell\n|}')).toBe('{|\n|style="a"|cell\n|}');
    expect(await text('x{{Template:=}}y')).toBe('x<nowiki>=</nowiki>y');
  });
});

describe('TemplateExpander: functions', () => {
  const { text, run } = setup(BASIC);

  it('calls registered functions with the arguments expanded and untrimmed', async () => {
    expect(await text('{{echo: a |{{1x|b}}| c = d }}')).toBe('a/b/ c = d ');
  });

  it('calls variables only without arguments, case-sensitively', async () => {
    expect(await text('{{PAGENAME}}')).toBe('Test page');
    expect(await text('{{pagename}}')).toBe('[[:Template:Pagename]]');
  });

  it('escapes {{msgnw:}} and strips msg: and raw:', async () => {
    expect(await text('{{msgnw:Incl}}')).toBe('Foo&#60;noinclude&#62;zar&#60;/noinclude&#62;&#60;includeonly&#62;bar&#60;/includeonly&#62;');
    expect(await text('{{msg:1x|a}}{{raw:1x|b}}')).toBe('ab');
  });

  it('expands {{int:}} messages with parameters, or shows the key', async () => {
    expect(await text('{{int:hello|you}}')).toBe('Hello you (Test page)');
    expect(await text('{{int:nope}}')).toBe('⧼nope⧽');
  });

  it('builds {{#tag:}} with expanded content and attributes', async () => {
    expect(await text('{{#tag:ref|{{1x|a}}|name="n"}}')).toBe('<ref name="n">a</ref>');
    expect(await text('{{#tag:b|x}}')).toBe('<b>x</b>');
  });

  it('records DISPLAYTITLE and DEFAULTSORT as page properties', async () => {
    const f = frame();
    const { expander } = setup(BASIC);
    const result = await expander.expand('{{DISPLAYTITLE:Shown}}{{DEFAULTSORT:Key}}{{DEFAULTSORT:Other|noreplace}}x', f);
    expect(result.text).toBe('x');
    expect(f.properties).toEqual({ displaytitle: 'Shown', defaultsort: 'Key' });
  });

  it('uses the fallback for unknown functions, and the template otherwise', async () => {
    const { text: t } = setup(BASIC, { fallbackFunction: (name, args) => (name === 'ns' ? `NS(${args.join(',')})` : undefined) });
    expect(await t('{{ns:10}}')).toBe('NS(10)');
    expect(await t('{{foo:bar}}')).toBe('[[:Template:Foo:bar]]');
    expect((await run('{{#unknown:x}}')).text).toBe('&#123;{#unknown:x}}');
  });
});

describe('TemplateExpander: control functions', () => {
  const { text, fetched } = setup({ ...BASIC, 'Template:Yes': 'yes', 'Template:No': 'no' });

  it('expands only the branch taken by #if', async () => {
    fetched.length = 0;
    expect(await text('{{#if: x |{{Yes}}|{{No}}}}')).toBe('yes');
    expect(fetched).toEqual(['Template:Yes']);
    expect(await text('{{#if: <!-- c --> |{{Yes}}|{{No}}}}')).toBe('no');
    expect(await text('{{#if:|a}}')).toBe('');
    expect(await text('[{{#if:x| spaced }}]')).toBe('[spaced]');
    expect(await text('{{#if:x|a=b}}')).toBe('a=b');
  });

  it('compares #ifeq numerically when both sides are numbers', async () => {
    expect(await text('{{#ifeq: 01 | 1 |eq|ne}}')).toBe('eq');
    expect(await text('{{#ifeq: 1e3 | 1000 |eq|ne}}')).toBe('eq');
    expect(await text('{{#ifeq: a | A |eq|ne}}')).toBe('ne');
    expect(await text('{{#ifeq: &amp; | & |eq|ne}}')).toBe('eq');
    expect(await text('{{#ifeq: x | x |eq}}')).toBe('eq');
  });

  it('detects errors with #iferror', async () => {
    expect(await text('{{#iferror: <strong class="error">e</strong> |bad|good}}')).toBe('bad');
    expect(await text('{{#iferror: fine |bad|good}}')).toBe('good');
    expect(await text('{{#iferror: fine |bad}}')).toBe('fine');
  });

  it('evaluates #ifexpr with the registered function, lazily', async () => {
    fetched.length = 0;
    expect(await text('{{#ifexpr: 1 + 1 = 2 |{{Yes}}|{{No}}}}')).toBe('yes');
    expect(fetched).toEqual(['Template:Yes']);
    expect(await text('{{#ifexpr: 0 |a|b}}')).toBe('b');
    expect(await text('{{#ifexpr: junk |a|b}}')).toBe('<strong class="error">Expression error</strong>');
  });

  it('switches with fall-through, #default and numeric comparison', async () => {
    expect(await text('{{#switch: b | a = A | b | c = BC | D }}')).toBe('BC');
    expect(await text('{{#switch: z | a = A | D }}')).toBe('D');
    expect(await text('{{#switch: z | #default = X | a = A }}')).toBe('X');
    expect(await text('{{#switch: 10 | 1e1 = ten | other }}')).toBe('ten');
    expect(await text('{{#switch: z | a = A }}')).toBe('');
    expect(await text('{{#switch: a | a | b }}')).toBe('b');
    fetched.length = 0;
    expect(await text('{{#switch: a | a = {{Yes}} | b = {{No}} }}')).toBe('yes');
    expect(fetched).toEqual(['Template:Yes']);
  });

  it('asks #ifexist through pageExists, once per title', async () => {
    const asked: string[] = [];
    const { text: t } = setup(BASIC, {
      pageExists: async (title) => {
        asked.push(title);
        return title === 'Real page';
      },
    });
    expect(await t('{{#ifexist: Real page |y|n}}{{#ifexist: real page |y|n}}{{#ifexist: Other |y|n}}{{#ifexist: a<b |y|n}}')).toBe('yynn');
    expect(asked).toEqual(['Real page', 'Other']);
  });

  it('is not lazy for functions nobody registered', async () => {
    const { text: t } = setup(BASIC, { findFunction: () => undefined });
    expect(await t('{{#if:x|y}}')).toBe('&#123;{#if:x|y}}');
  });
});

describe('TemplateExpander: limits', () => {
  it('reports template loops, also through redirects', async () => {
    const { run } = setup(BASIC);
    const result = await run('{{Loop}}');
    // The page itself is not in the loop check (MediaWiki's root frame): the template shows once.
    expect(result.text).toBe('a<span class="error">parser-template-loop-warning(Template:Loop)</span>b');
    expect(result.warnings).toContainEqual({ key: 'template-loop-warning', params: ['Template:Loop'] });
    expect(result.trackingCategories).toContain('template-loop-category');
    expect((await run('{{Loop2}}')).text).toBe('<span class="error">parser-template-loop-warning(Template:Loop2)</span>');
  });

  it('stops at the template depth limit', async () => {
    const { text } = setup(BASIC, { limits: { maxDepth: 40, maxTemplateDepth: 1, maxNodeCount: 1e6, maxIncludeSize: 1e6 } });
    expect(await text('{{Nested|too deep}}')).toBe('<span class="error">parser-template-recursion-depth-warning(1)</span>');
  });

  it('stops at the expansion depth limit without overflowing the stack', async () => {
    const { run } = setup({ 'Template:D0': '<div>{{{1}}}</div>' });
    const deep = '{{D0|'.repeat(1000) + 'x' + '}}'.repeat(1000);
    const result = await run(deep);
    expect(result.text).toContain('<span class="error">Expansion depth limit exceeded</span>');
    expect(result.warnings.map((w) => w.key)).toEqual(['expansion-depth-exceeded-warning']);
  });

  it('stops at the node count limit', async () => {
    const { run } = setup(BASIC, { limits: { maxDepth: 40, maxNodeCount: 5, maxIncludeSize: 1e6 } });
    const result = await run('{{1x|a}}{{1x|b}}{{1x|c}}{{1x|d}}{{1x|e}}');
    expect(result.text).toContain('<span class="error">Node-count limit exceeded</span>');
    expect(result.warnings[0].key).toBe('node-count-exceeded-warning');
  });

  it('turns a template into a link once the include size is spent', async () => {
    const { run } = setup(BASIC, { limits: { maxDepth: 40, maxNodeCount: 1e6, maxIncludeSize: 150 } });
    const result = await run('{{Big}}{{Big}}');
    expect(result.text).toBe(`${'x'.repeat(100)}[[:Template:Big]]<!-- WARNING: template omitted, post-expand include size too large -->`);
    expect(result.warnings.map((w) => w.key)).toEqual(['post-expand-template-inclusion-warning']);
  });

  it('keeps billion laughs cheap, with or without arguments', async () => {
    const templates: Record<string, string> = { 'Template:L0': 'lol{{{1|}}}' };
    for (let i = 1; i <= 10; i++) templates[`Template:L${i}`] = `{{L${i - 1}|{{{1|}}}}}`.repeat(10);
    const { run } = setup(templates);
    const started = Date.now();
    const result = await run('{{L10|x}}');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.warnings.map((w) => w.key)).toContain('post-expand-template-inclusion-warning');
  });

  it('shares the expansion of identical calls in a frame, unless told not to', async () => {
    let calls = 0;
    const counting = { echo: ((args: string[]) => `${++calls}${args[0]}`) as ParserFunctionHook };
    const templates = { 'Template:C': '{{echo:{{{1}}}}}' };
    const shared = setup(templates, { findFunction: (n) => counting[n as 'echo'] });
    expect((await shared.run('{{C|a}}{{C|a}}{{C|b}}')).text).toBe('1a1a2b');
    calls = 0;
    const separate = setup(templates, { findFunction: (n) => counting[n as 'echo'], cacheCallsWithArguments: false });
    expect((await separate.run('{{C|a}}{{C|a}}{{C|b}}')).text).toBe('1a2a3b');
  });
});

describe('TemplateExpander: output for the parser', () => {
  it('writes braces MediaWiki leaves as text so they are not expanded again', async () => {
    const { text } = setup(BASIC);
    expect(await text('{{{1}}} {{unclosed')).toBe('&#123;&#123;{1}}} &#123;{unclosed');
    expect(await text('{|\n|a\n|}')).toBe('{|\n|a\n|}');
    const { text: raw } = setup(BASIC, { protectBraces: false });
    expect(await raw('{{{1}}}')).toBe('{{{1}}}');
  });
});

describe('TemplateExpander: heading markers', () => {
  it('marks the top-level headings of the page and of templates, not those from arguments', async () => {
    const { run } = setup({ 'Template:Sec': '== T1 ==\n{{{1}}}\n=== T2 ===' }, { headingMarker: (n) => `<H${n}>` });
    const result = await run('== P1 ==\n{{Sec|\n== Arg ==\n}}\n== P2 ==');
    expect(result.text).toBe('==<H0> P1 ==\n==<H1> T1 ==\n\n== Arg ==\n\n===<H2> T2 ===\n==<H3> P2 ==');
    expect(result.headings).toEqual([
      { title: 'Test page', index: 1 },
      { title: 'Template:Sec', index: 1 },
      { title: 'Template:Sec', index: 2 },
      { title: 'Test page', index: 3 },
    ]);
  });
});

describe('phpLooseEquals', () => {
  it('compares like PHP 8 ==', () => {
    expect(phpLooseEquals('1', '01')).toBe(true);
    expect(phpLooseEquals('1.0', '1')).toBe(true);
    expect(phpLooseEquals(' 1', '1')).toBe(true);
    expect(phpLooseEquals('1e3', '1000')).toBe(true);
    expect(phpLooseEquals('abc', 'ABC')).toBe(false);
    expect(phpLooseEquals('', '0')).toBe(false);
    expect(phpLooseEquals('0x10', '16')).toBe(false);
    expect(phpLooseEquals('9007199254740993', '9007199254740992')).toBe(false);
  });
});

describe('TemplateExpander: non-includable namespaces', () => {
  test('a template in one becomes a link to it ($wgNonincludableNamespaces)', async () => {
    const { text } = setup({ 'Template:1x': '{{{1}}}' }, { isNonincludable: (prefixed: string) => prefixed.startsWith('Template:') });
    expect(await text('{{1x|uh oh!}}')).toBe('[[:Template:1x]]');
  });
});
