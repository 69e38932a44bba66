/**
 * The portal's seed content (db/seeds/): a fresh wiki seeded from it renders
 * every page cleanly (no missing templates, no parser warnings, no red
 * links), the documentation and reference trees carry DEFAULTSORT keys that
 * order each level deliberately, MediaWiki:Sidebar and MediaWiki:Common.css
 * are what the skin expects, and the reference pages are built from the
 * shared templates (endpoint header, parameter and field tables, code samples
 * that identify themselves with a User-Agent header).
 */
import fs from 'node:fs';
import { listSeedFiles, seedIfEmpty } from '../../../engine/seed/Seeder';
import type { Title } from '../../../engine/title/Title';
import { SIDEBAR_PLACEHOLDERS } from '../../../engine/skin/SidebarBuilder';
import { createTestWiki, portalPermissions, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

const SEEDS = listSeedFiles();
const seedTitles = SEEDS.map((s) => s.title);
const seedText = new Map(SEEDS.map((s) => [s.title, fs.readFileSync(s.file, 'utf8')]));

const GROUPS = ['Pages', 'Search', 'History', 'Revisions'];
/** Pages directly below an endpoint group: endpoints and shared object pages. */
const groupChildren = (group: string): string[] => seedTitles.filter((t) => t.startsWith(`API reference/Core/${group}/`) && !t.slice(`API reference/Core/${group}/`.length).includes('/'));
const isObjectPage = (title: string): boolean => / object$/.test(title);
const endpointPages = GROUPS.flatMap(groupChildren).filter((t) => !isObjectPage(t));
const objectPages = GROUPS.flatMap(groupChildren).filter(isObjectPage);

/**
 * The parser's output inside a rendered page view, whatever the skin puts
 * around it: the `mw-parser-output` element, matched to its closing tag.
 */
function parserOutputOf(html: string): string {
  const start = html.indexOf('<div class="mw-parser-output">');
  if (start < 0) return '';
  const tag = /<(\/?)div\b[^>]*>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return html.slice(start);
}

/** Text content of an HTML fragment (tags removed, the few entities the highlighter emits decoded). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#10;/g, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The highlighted code blocks of one language in a fragment, as text. */
function codeBlocks(html: string, lang: string): string[] {
  return [...html.matchAll(new RegExp(`<div class="mw-highlight mw-highlight-lang-${lang}[^"]*"[^>]*><pre>([\\s\\S]*?)</pre></div>`, 'g'))].map((m) => textOf(m[1]));
}

describe.each(testDatabaseKinds())('portal seed content on %s', (kind) => {
  let wiki: TestWiki;
  let created: number;
  /** Rendered page views by title, fetched once. */
  const views = new Map<string, { status: number; content: string }>();

  const titleOf = (text: string): Title => wiki.services.titleFactory.newFromTextThrow(text);
  const pageOf = async (text: string) => {
    const title = titleOf(text);
    return wiki.services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
  };
  const defaultSortOf = async (text: string): Promise<string | undefined> => {
    const page = await pageOf(text);
    return page ? (await wiki.services.pageStore.getPageProps(page.id)).defaultsort : undefined;
  };

  beforeAll(async () => {
    // The shipped permission model: the seeder must not depend on anonymous editing.
    wiki = await createTestWiki(kind, portalPermissions());
    created = await seedIfEmpty(wiki.services);
    for (const text of seedTitles) {
      const res = await wiki.agent.get(titleOf(text).getLocalURL());
      views.set(text, { status: res.status, content: parserOutputOf(res.text) });
    }
  }, 120000);
  afterAll(async () => wiki.close());

  test('every seed file becomes a page, once', async () => {
    expect(created).toBe(SEEDS.length);
    for (const text of seedTitles) expect(await pageOf(text)).not.toBeNull();
    expect(await seedIfEmpty(wiki.services)).toBe(0);
  });

  test('the structure of the portal is seeded', () => {
    const expected = [
      'Main Page',
      'Documentation',
      'Documentation/Getting started',
      'Documentation/Authentication',
      'Documentation/Managing API keys',
      'Documentation/Rate limits',
      'Documentation/Code samples',
      'Documentation/Best practices',
      'Documentation/Best practices/Stability policy',
      'API reference',
      'API reference/Core',
      ...GROUPS.map((g) => `API reference/Core/${g}`),
      'API reference/Changelog',
      'Community',
      'Community/Contributing',
      'Community/About',
      'Community/FAQ',
      'MediaWiki:Sidebar',
      'MediaWiki:Common.css',
      'Help:Editing',
      'Template:Note',
      'Docs',
    ];
    for (const title of expected) expect(seedTitles).toContain(title);
    // One page per endpoint of the MediaWiki REST API, and an object page in the groups whose endpoints share one.
    expect(endpointPages).toHaveLength(15);
    expect(objectPages.sort()).toEqual(['API reference/Core/Pages/Page object', 'API reference/Core/Revisions/Revision object', 'API reference/Core/Search/Search result object']);
  });

  test('every wikitext seed page renders without missing templates or parser warnings', async () => {
    const problems: string[] = [];
    for (const text of seedTitles) {
      const title = titleOf(text);
      const page = await pageOf(text);
      if (page?.contentModel !== 'wikitext') continue;
      const output = await wiki.services.renderer.render(seedText.get(text)!, { title });
      if (output.warnings.length > 0) problems.push(`${text}: warnings ${JSON.stringify(output.warnings)}`);
      for (const used of output.templates) {
        if (!(await pageOf(used))) problems.push(`${text}: missing template ${used}`);
      }
    }
    expect(problems).toEqual([]);
    expect(wiki.errors).toEqual([]);
  });

  test('no seed page has a red link in its content', () => {
    const problems: string[] = [];
    for (const text of seedTitles) {
      const view = views.get(text)!;
      if (view.status !== 200) problems.push(`${text}: HTTP ${view.status}`);
      const red = view.content.match(/<a [^>]*class="new"[^>]*>/g);
      if (red) problems.push(`${text}: ${red.join(' ')}`);
    }
    expect(problems).toEqual([]);
    // The extraction found the content of the wikitext pages.
    expect(views.get('Main Page')!.content).toContain('href="/wiki/Documentation"');
  });

  test('every page below Documentation/ and API reference/ has a DEFAULTSORT key, unique among its siblings', async () => {
    const tree = seedTitles.filter((t) => t.startsWith('Documentation/') || t.startsWith('API reference/'));
    expect(tree.length).toBeGreaterThan(25);
    const keysByParent = new Map<string, string[]>();
    for (const text of tree) {
      const key = await defaultSortOf(text);
      expect({ text, key }).toEqual({ text, key: expect.stringMatching(/\S/) });
      const parent = text.slice(0, text.lastIndexOf('/'));
      keysByParent.set(parent, [...(keysByParent.get(parent) ?? []), key!]);
    }
    for (const [parent, keys] of keysByParent) expect({ parent, keys: [...new Set(keys)].length }).toEqual({ parent, keys: keys.length });
    // Community pages are ordered deliberately too.
    for (const text of seedTitles.filter((t) => t.startsWith('Community/'))) expect(await defaultSortOf(text)).toMatch(/^\d\d /);
  });

  test('the sort keys give the intended reading order', async () => {
    const ordered = async (titles: string[]): Promise<string[]> => {
      const withKeys = await Promise.all(titles.map(async (t) => ({ t, key: (await defaultSortOf(t))! })));
      return withKeys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e) => e.t.slice(e.t.lastIndexOf('/') + 1));
    };
    const children = (parent: string) => seedTitles.filter((t) => t.startsWith(`${parent}/`) && !t.slice(parent.length + 1).includes('/'));
    expect(await ordered(children('Documentation'))).toEqual(['Getting started', 'Authentication', 'Managing API keys', 'Rate limits', 'Code samples', 'Best practices']);
    expect(await ordered(children('API reference'))).toEqual(['Core', 'Changelog']);
    expect(await ordered(children('API reference/Core'))).toEqual(GROUPS);
    // Object pages come after the endpoints of their group.
    for (const group of GROUPS) {
      const order = await ordered(groupChildren(group));
      const firstObject = order.findIndex((name) => / object$/.test(name));
      if (firstObject >= 0) expect(order.slice(firstObject).every((name) => / object$/.test(name))).toBe(true);
    }
    expect(await ordered(children('Community'))).toEqual(['Contributing', 'FAQ', 'About']);
  });

  test('MediaWiki:Sidebar has the Documentation, API reference and Community sections, all pointing at seeded pages', () => {
    const sections = wiki.services.sidebarBuilder.build('en').filter((s) => !SIDEBAR_PLACEHOLDERS.has(s.id));
    expect(sections.map((s) => s.heading)).toEqual(['Documentation', 'API reference', 'Community']);
    const [docs, reference, community] = sections;
    // Several links make a dropdown, a single one a plain link.
    expect(docs.links.length).toBeGreaterThan(1);
    expect(reference.links.length).toBeGreaterThan(1);
    expect(community.links).toHaveLength(1);
    expect(community.links[0].href).toBe('/wiki/Community');
    const seededHrefs = new Set(seedTitles.map((t) => titleOf(t).getLocalURL()));
    for (const link of sections.flatMap((s) => s.links)) expect(seededHrefs).toContain(link.href);
    const ids = sections.flatMap((s) => s.links.map((l) => l.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('MediaWiki:Common.css has the css content model and is served as CSS', async () => {
    expect((await pageOf('MediaWiki:Common.css'))?.contentModel).toBe('css');
    const res = await wiki.agent.get('/w/index.php?title=MediaWiki:Common.css&action=raw&ctype=text/css');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.text).toContain('.api-method');
  });

  test('the code samples show curl, Python and JavaScript, and the Python and JavaScript ones send a User-Agent header', () => {
    const pages = [...endpointPages, 'Documentation/Code samples', 'Documentation/Getting started'];
    for (const text of pages) {
      const content = views.get(text)!.content;
      expect({ text, curl: codeBlocks(content, 'bash').length > 0 }).toEqual({ text, curl: true });
      const python = codeBlocks(content, 'python');
      const javascript = codeBlocks(content, 'javascript');
      expect({ text, python: python.length > 0, javascript: javascript.length > 0 }).toEqual({ text, python: true, javascript: true });
      // Every sample names the tool and a contact, as the Wikimedia User-Agent policy asks.
      for (const code of [...python, ...javascript]) {
        expect(code).toContain("'User-Agent'");
        expect(code).toContain("'MyApiClient/1.0 (https://example.org/my-api-client; my-api-client@example.org)'");
      }
    }
    // Writes authenticate with a bearer token read from the environment, never written into the code.
    const update = views.get('API reference/Core/Pages/Update page')!.content;
    expect(codeBlocks(update, 'python')[0]).toContain("'Authorization': 'Bearer ' + os.environ['ACCESS_TOKEN']");
    expect(codeBlocks(update, 'python')[0]).toContain('requests.put(url');
    expect(codeBlocks(update, 'javascript')[0]).toContain("method: 'PUT'");
    expect(codeBlocks(update, 'bash')[0]).toContain("curl -X PUT 'https://test.wikipedia.org/w/rest.php/v1/page/My_API_test_page'");
  });

  test('every endpoint page starts with the endpoint header and uses the shared templates', async () => {
    for (const text of endpointPages) {
      const source = seedText.get(text)!;
      // DEFAULTSORT first, then the header, before any prose.
      expect(source.split('\n').slice(0, 2).join('\n')).toMatch(/^\{\{DEFAULTSORT:[^}]+\}\}\n\{\{API endpoint\|method=(GET|POST|PUT)\|path=\/[^|]+?(\|auth=(required|optional))?\}\}$/);
      const output = await wiki.services.renderer.render(source, { title: titleOf(text) });
      expect({ text, templates: output.templates }).toEqual({ text, templates: expect.arrayContaining(['Template:API endpoint', 'Template:API method', 'Template:Parameter table', 'Template:Code samples']) });
      const content = views.get(text)!.content;
      expect(content).toMatch(/<div class="api-endpoint"><div class="api-endpoint-route"><span class="api-method api-method-(get|post|put)">(GET|POST|PUT)<\/span> <code class="api-endpoint-path">\/core\/v1\/\{project\}\/\{language\}\//);
      expect(content).toContain('<table class="wikitable api-params">');
    }
    for (const text of objectPages) {
      const output = await wiki.services.renderer.render(seedText.get(text)!, { title: titleOf(text) });
      expect(output.templates).toContain('Template:Field table');
    }
  });

  test('the endpoint header shows the gateway path, the path on the wiki and the authentication', () => {
    const content = views.get('API reference/Core/Pages/Create page')!.content;
    expect(content).toContain('<span class="api-method api-method-post">POST</span> <code class="api-endpoint-path">/core/v1/{project}/{language}/page</code>');
    expect(content).toContain('<code>/w/rest.php/v1/page</code>');
    expect(content).toMatch(/class="api-endpoint-auth"><b>Authentication:<\/b> required/);
  });

  test('the parameter table lists each parameter with where it goes, its type and whether it is required', () => {
    const content = views.get('API reference/Core/Search/Search content')!.content;
    const rows = [...content.matchAll(/<tr>\s*<td><code>(\w+)<\/code><div class="api-(required|optional)">[^<]*<\/div>\s*<\/td>\s*<td>(\w+)\s*<\/td>\s*<td>(\w+)\s*<\/td>/g)].map((m) => m.slice(1, 5));
    expect(rows).toEqual([
      ['q', 'required', 'query', 'string'],
      ['limit', 'optional', 'query', 'integer'],
    ]);
    expect(content).toContain('<div class="api-default">Default: <code>50</code></div>');
  });

  test('the main page links into every section and the redirects lead to seeded pages', async () => {
    const main = views.get('Main Page')!.content;
    for (const target of ['Documentation', 'API_reference', 'Community', 'Documentation/Getting_started', 'Documentation/Managing_API_keys']) expect(main).toContain(`href="/wiki/${target}"`);
    for (const [from, to] of [['Docs', 'Documentation'], ['Authentication', 'Documentation/Authentication'], ['Rate limits', 'Documentation/Rate limits'], ['Project:About', 'Community/About']]) {
      const page = await pageOf(from);
      expect(page?.isRedirect).toBe(true);
      expect(seedText.get(from)!.trim()).toBe(`#REDIRECT [[${to}]]`);
      expect(seedTitles).toContain(to);
    }
  });
});
