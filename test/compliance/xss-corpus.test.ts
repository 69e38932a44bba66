/**
 * XSS corpus: payloads in the style of the OWASP XSS filter evasion cheat
 * sheet, written into wikitext (raw HTML, external and internal links,
 * templates and parser functions that generate attributes, tables, files),
 * rendered by the real renderer. The output is parsed as a browser parses it
 * (parse5) and walked: no element that runs or loads code, no event handler
 * attribute, no URL attribute with a javascript:/vbscript:/data: scheme
 * (after entity decoding and the URL parser's whitespace stripping), no
 * style that can run script or load a resource (after CSS escapes and
 * comments are decoded).
 *
 * parse5 is an ES module; jest.config.js has ts-jest compile it (and
 * entities) to CommonJS, so it is imported directly.
 */
import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';
import { sanitizeRenderedHtml } from '../../engine/parser/sanitizer/OutputSanitizer';
import { createTestWiki, TestWiki } from '../helpers/TestWiki';

interface Payload {
  name: string;
  wikitext: string;
}

const PAYLOADS: Payload[] = [
  // <script> and friends
  { name: 'script element', wikitext: '<script>alert(1)</script>' },
  { name: 'script with src, upper case', wikitext: '<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>' },
  { name: 'script split by a nested script', wikitext: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
  { name: 'double open bracket', wikitext: '<<script>alert(1);//<</script>' },
  { name: 'unclosed script', wikitext: '<script>alert(1)' },
  { name: 'script after broken img quotes', wikitext: '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">' },
  { name: 'script in a heading', wikitext: '== <script>alert(1)</script> ==' },
  { name: 'script via #tag', wikitext: '{{#tag:script|alert(1)}}' },
  { name: 'script in nowiki and pre', wikitext: '<nowiki><script>alert(1)</script></nowiki> <pre><script>alert(2)</script></pre>' },
  { name: 'CDATA section', wikitext: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'comment breakout', wikitext: '<!--<img src="--><img src=x onerror=alert(1)//">' },
  // Event handlers
  { name: 'img onerror', wikitext: '<img src=x onerror=alert(1)>' },
  { name: 'unclosed img onerror', wikitext: '<img src=x onerror=alert(1)//' },
  { name: 'body onload', wikitext: "<BODY ONLOAD=alert('XSS')>" },
  { name: 'onmouseover on an allowed tag', wikitext: '<span title="x" onmouseover="alert(1)">y</span>' },
  { name: 'ONCLICK upper case on div', wikitext: '<div ONCLICK=alert(1)>x</div>' },
  { name: 'slash before an event handler', wikitext: '<b/onclick=alert(1)>x</b>' },
  { name: 'tab before the equals sign', wikitext: '<p onclick\t=alert(1)>x</p>' },
  { name: 'event handlers on many tags', wikitext: '<details open ontoggle=alert(1)>a</details><marquee onstart=alert(1)>b</marquee><input autofocus onfocus=alert(1)><select onfocus=alert(1) autofocus></select><textarea autofocus onfocus=alert(1)></textarea><video src=x onerror=alert(1)></video><audio src=x onerror=alert(1)></audio><table onclick=alert(1)><tr><td onmouseover=alert(1)>c</td></tr></table><font onmouseover=alert(1)>d</font><li onclick=alert(1)>e</li>' },
  { name: 'event handler through #tag', wikitext: '{{#tag:span|x|onclick=alert(1)}}' },
  { name: 'img through #tag', wikitext: '{{#tag:img||src=x|onerror=alert(1)}}' },
  { name: 'event handlers on wikitext tables', wikitext: '{| onclick="alert(1)"\n|- onmouseover="alert(2)"\n| onfocus=alert(3) tabindex=0 | cell\n|}' },
  { name: 'template-generated event handler', wikitext: '<div {{Xss attr}}>x</div>' },
  { name: 'template-generated attribute breakout', wikitext: '<div title="{{Xss breakout}}">x</div>' },
  // SVG and MathML
  { name: 'svg onload', wikitext: '<svg onload=alert(1)>' },
  { name: 'script inside svg', wikitext: '<svg><script>alert(1)</script></svg>' },
  { name: 'svg a with xlink:href', wikitext: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>' },
  { name: 'math mXSS', wikitext: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'math href', wikitext: '<math href="javascript:alert(1)">x</math>' },
  // Raw-text elements
  { name: 'noscript title breakout', wikitext: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>' },
  { name: 'xmp', wikitext: '<xmp><img src=x onerror=alert(1)></xmp>' },
  { name: 'style element', wikitext: '<style>body{background:url(javascript:alert(1))}</style>' },
  { name: 'textarea breakout', wikitext: '<textarea></textarea><img src=x onerror=alert(1)></textarea>' },
  // Elements that load or run code
  { name: 'iframe javascript src', wikitext: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe srcdoc', wikitext: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>' },
  { name: 'object and embed', wikitext: '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">' },
  { name: 'form action and formaction', wikitext: '<form action="javascript:alert(1)"><input type=submit></form><button formaction="javascript:alert(1)">x</button>' },
  { name: 'isindex', wikitext: '<isindex action=javascript:alert(1) type=image>' },
  { name: 'base href', wikitext: '<base href="javascript:alert(1)//">' },
  { name: 'link stylesheet', wikitext: '<link rel="stylesheet" href="javascript:alert(1)">' },
  { name: 'link microdata with a javascript href', wikitext: '<link itemprop="url" href="javascript:alert(1)">' },
  { name: 'meta refresh', wikitext: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'table background', wikitext: '<table background="javascript:alert(1)"><tr><td background="javascript:alert(2)">x</td></tr></table>' },
  // javascript:, vbscript:, data: URLs
  { name: 'img javascript src', wikitext: '<IMG SRC="javascript:alert(\'XSS\');">' },
  { name: 'img javascript src, unquoted mixed case', wikitext: "<IMG SRC=JaVaScRiPt:alert('XSS')>" },
  { name: 'img entity-encoded javascript src', wikitext: '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>' },
  { name: 'img tab-split protocol', wikitext: '<IMG SRC="jav\tascript:alert(\'XSS\');">' },
  { name: 'img entity tab and newline split protocol', wikitext: '<IMG SRC="jav&#x09;ascript:alert(1);"><IMG SRC="jav&#x0A;ascript:alert(2);"><IMG SRC="jav&#x0D;ascript:alert(3);">' },
  { name: 'img leading control characters', wikitext: '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">' },
  { name: 'a href in wikitext', wikitext: '<a href="javascript:alert(1)">x</a>' },
  { name: 'a href with entity-encoded javascript', wikitext: '<a href=&#106;avascript:alert(1)>x</a>' },
  { name: 'a through #tag', wikitext: '{{#tag:a|x|href=javascript:alert(1)}}' },
  { name: 'bracketed javascript link', wikitext: '[javascript:alert(1) click]' },
  { name: 'bracketed vbscript link', wikitext: '[vbscript:msgbox(1) click]' },
  { name: 'bracketed data link', wikitext: '[data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== click]' },
  { name: 'bracketed entity-encoded javascript link', wikitext: '[&#106;avascript:alert(1) click]' },
  { name: 'bare javascript URL', wikitext: 'javascript:alert(1)' },
  { name: 'internal link to javascript:', wikitext: '[[javascript:alert(1)]] [[:javascript:alert(1)|x]]' },
  { name: 'external link with quote breakout', wikitext: '[http://example.com/" onmouseover="alert(1) x]' },
  { name: 'external link with a script in the URL', wikitext: '[http://example.com/<script>alert(1)</script> x]' },
  { name: 'free link with quote breakout', wikitext: 'http://example.com/"onmouseover="alert(1)' },
  { name: 'file link=javascript:', wikitext: '[[File:Foo.png|link=javascript:alert(1)]]' },
  { name: 'file alt breakout', wikitext: '[[File:Foo.png|alt="><script>alert(1)</script>]]' },
  { name: 'blockquote cite and video poster', wikitext: '<blockquote cite="javascript:alert(1)">q</blockquote><video poster=javascript:alert(1)></video>' },
  { name: 'template-generated javascript link', wikitext: '[{{Xss url}} x]' },
  // CSS
  { name: 'style url(javascript:)', wikitext: '<div style="background:url(javascript:alert(1))">x</div>' },
  { name: 'style with a CSS hex escape', wikitext: '<div style="background:\\75rl(javascript:alert(1))">x</div>' },
  { name: 'style with a CSS escape and trailing space', wikitext: '<div style="background:\\000075 rl(javascript:alert(1))">x</div>' },
  { name: 'style with a spurious backslash', wikitext: "<div style=\"background-image:u\\rl(javascript:alert('boo'))\">x</div>" },
  { name: 'style expression split by a comment', wikitext: '<div style="width: ex/**/pression(alert(1))">x</div>' },
  { name: 'style expression with a comment inside', wikitext: "<div style=\"xss:expr/*XSS*/ession(alert('XSS'))\">x</div>" },
  { name: 'style with an unterminated comment', wikitext: '<div style="color:red /* background:url(javascript:alert(1))">x</div>' },
  { name: 'style line continuation', wikitext: '<div style="background-image: u\\&#10;rl(javascript:alert(1))">x</div>' },
  { name: 'style with entity-encoded url', wikitext: '<div style="background:&#117;rl(javascript:alert(1))">x</div><div style="background:url&#40;x)">y</div><div style="background:url&lpar;x)">z</div>' },
  { name: 'style with entity-encoded backslash', wikitext: '<span style="background:u&#x5c;72l(x)">x</span>' },
  { name: 'style behavior and -moz-binding', wikitext: '<div style="behavior: url(xss.htc)">a</div><div style="-moz-binding:url(http://x.example/xss.xml#xss)">b</div>' },
  { name: 'style image-set', wikitext: '<div style="background:image-set(\'javascript:alert(1)\' 1x)">x</div>' },
  { name: 'style with full-width letters', wikitext: '<span style="background:ｕｒｌ(javascript:alert(1))">x</span>' },
  { name: 'style on a table row and cell', wikitext: '{|\n|- style="background:url(javascript:alert(1))"\n| style="background:\\75rl(x)" | c\n|}' },
  { name: 'template-generated style', wikitext: '<div style="{{Xss style}}">x</div>' },
  { name: 'template-escaped style through #tag', wikitext: '{{#tag:span|x|style=background:\\75rl(javascript:alert(1))}}' },
  // Quoting
  { name: 'nested quotes in a data attribute', wikitext: '<span title="a" data-x=\'"><script>alert(1)</script>\'>t</span>' },
  { name: 'img markup in a single-quoted title', wikitext: '<span title=\'"><img src=x onerror=alert(1)>\'>t</span>' },
  { name: 'script markup in a title', wikitext: '<div title="<script>alert(1)</script>">x</div>' },
  { name: 'pipe in a title', wikitext: '<span title="{{!}}onmouseover=alert(1)">x</span>' },
];

const TEMPLATES: Record<string, string> = {
  'Template:Xss attr': 'onmouseover="alert(1)"',
  'Template:Xss breakout': '" onmouseover="alert(1)',
  'Template:Xss style': 'background:url(javascript:alert(1))',
  'Template:Xss url': 'javascript:alert(1)',
};

/** An element of the browser's tree, reduced to what the checks read. */
interface DomNode {
  tag?: string;
  ns?: string;
  attrs?: Array<{ name: string; prefix?: string; value: string }>;
  children?: DomNode[];
}

type Parse5Node = DefaultTreeAdapterTypes.Node;

function simplify(node: Parse5Node): DomNode {
  const childNodes = 'childNodes' in node ? node.childNodes : [];
  const content = 'content' in node ? node.content.childNodes : [];
  const children = [...childNodes, ...content].filter((c) => 'tagName' in c).map(simplify);
  return 'tagName' in node ? { tag: node.tagName, ns: node.namespaceURI, attrs: node.attrs, children } : { children };
}

/** Parses each HTML fragment with parse5, as a browser builds the body. */
function parseWithParse5(htmls: string[]): DomNode[] {
  return htmls.map((html) => simplify(parseFragment(html)));
}

const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'base', 'form', 'svg', 'math', 'portal',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'dynsrc', 'lowsrc', 'data', 'codebase', 'srcdoc']);
const SCRIPT_SCHEME_RE = /^(javascript|vbscript|data|livescript):/;
const DANGEROUS_CSS_RE = /expression|(?:url|image|image-set|-webkit-image-set|cross-fade|element|src)\s*\(|behavior\s*:|-moz-binding|@import/;

/** What the URL parser sees: no ASCII whitespace or control characters anywhere, lower case. */
function urlForCheck(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\x00-\x20\x7F]/g, '').toLowerCase();
}

/** What the CSS tokenizer sees, made stricter: escapes decoded, comments removed, full-width letters folded, lower case. */
function cssForCheck(value: string): string {
  return value
    .replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\r\n|[\n\r\f]|([^\n\r\f]))/g, (_m, hex?: string, ch?: string) => {
      if (hex !== undefined) {
        const cp = parseInt(hex, 16);
        return cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(cp);
      }
      return ch ?? '';
    })
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/[\uFF01-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

/** Every executable or resource-loading construct in the tree. */
function findExecutableContent(root: DomNode): string[] {
  const findings: string[] = [];
  const visit = (node: DomNode) => {
    if (node.tag) {
      const tag = node.tag.toLowerCase();
      if (FORBIDDEN_ELEMENTS.has(tag)) findings.push(`<${tag}> element`);
      for (const attr of node.attrs ?? []) {
        const name = (attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name).toLowerCase();
        if (name.startsWith('on')) findings.push(`${name} on <${tag}>`);
        if (URL_ATTRIBUTES.has(name) && SCRIPT_SCHEME_RE.test(urlForCheck(attr.value))) findings.push(`${name}="${attr.value}" on <${tag}>`);
        if (name === 'srcset' && attr.value.split(',').some((c) => SCRIPT_SCHEME_RE.test(urlForCheck(c.trim().split(/\s+/)[0] ?? '')))) {
          findings.push(`srcset="${attr.value}" on <${tag}>`);
        }
        if (name === 'style' && DANGEROUS_CSS_RE.test(cssForCheck(attr.value))) findings.push(`style="${attr.value}" on <${tag}>`);
        if (tag === 'meta' && name === 'http-equiv') findings.push(`<meta http-equiv="${attr.value}">`);
        if (tag === 'link' && name === 'rel' && !attr.value.split(/\s+/).every((t) => t === '' || /^mw[:-]/i.test(t))) {
          findings.push(`<link rel="${attr.value}">`);
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return findings;
}

describe('XSS corpus through the renderer', () => {
  let wiki: TestWiki;
  const findings = new Map<string, string[]>();
  const outputs = new Map<string, string>();

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite');
    for (const [title, text] of Object.entries(TEMPLATES)) {
      const result = await wiki.edit(title, text);
      if (result.status !== 'saved') throw new Error(`could not save ${title}`);
    }
    const title = wiki.services.titleFactory.newFromTextThrow('Xss test');
    const htmls: string[] = [];
    for (const payload of PAYLOADS) {
      const { html } = await wiki.services.renderer.render(payload.wikitext, { title });
      outputs.set(payload.name, html);
      htmls.push(html);
    }
    const trees = parseWithParse5(htmls);
    PAYLOADS.forEach((payload, i) => findings.set(payload.name, findExecutableContent(trees[i])));
  });
  afterAll(async () => wiki.close());

  test('the checker finds what it is meant to find', () => {
    const [tree] = parseWithParse5([
      '<a href=" java&#9;script:x">a</a><img src="x" onerror="y"><div style="background:u\\72 l(x)"></div><span style="x:ex/**/pression(1)"></span><script></script>',
    ]);
    expect(findExecutableContent(tree)).toEqual([
      'href=" java\tscript:x" on <a>',
      'onerror on <img>',
      'style="background:u\\72 l(x)" on <div>',
      'style="x:ex/**/pression(1)" on <span>',
      '<script> element',
    ]);
  });

  test.each(PAYLOADS.map((p) => [p.name, p.wikitext] as const))('%s', (name) => {
    const found = findings.get(name);
    if (found && found.length > 0) {
      // Show the offending output with the findings.
      expect({ findings: found, html: outputs.get(name) }).toEqual({ findings: [], html: outputs.get(name) });
    }
    expect(found).toEqual([]);
  });
});

/**
 * The same payloads, and markup that tokenizers read differently, as HTML
 * straight into the output sanitizer (as if a template or an extension had
 * produced them): the sanitizer alone must leave nothing executable.
 */
const RAW_HTML: string[] = [
  ...PAYLOADS.map((p) => p.wikitext),
  '<i onclick="alert(1)"><b>x<script>alert(2)</script></i></b>',
  '<a href="/x"><a href="javascript:alert(1)">y</a></a>',
  '<b/onclick=alert(1)>x</b>',
  '<span title="a"onmouseover="alert(1)">t</span>',
  '<a href="/ok" HREF="javascript:alert(1)">x</a>',
  '<br class=x onclick="alert(1)"/>',
  '</b onclick=alert(1)><b></b/onclick=alert(1)>',
  '<!--> <img src=x onerror=alert(1)> -->',
  '<!-- --!> <img src=x onerror=alert(1)> -->',
  '<? <img src=x onerror=alert(1)> ?>',
  '<div><noscript></div><img src=x onerror=alert(1)>',
  '<svg/><img src=x onerror=alert(1)>',
  '<iframe><a title="</iframe>"><img src=x onerror=alert(1)></a>',
  '<style></style ><img src=x onerror=alert(1)>',
  '<table><td><object>x</td></table><img src=x onerror=alert(1)>',
  '<a href= javascript:alert(1)>x</a><a title= href=javascript:alert(1)>y</a>',
  '<span style=x:expression(alert(1)) style=color:red>x</span>',
];

describe('XSS corpus as HTML through sanitizeRenderedHtml', () => {
  test.each(RAW_HTML.map((html) => [html]))('%s', (html) => {
    const output = sanitizeRenderedHtml(html);
    expect({ findings: findExecutableContent(simplify(parseFragment(output))), output }).toEqual({ findings: [], output });
    expect(sanitizeRenderedHtml(output)).toBe(output);
  });
});
