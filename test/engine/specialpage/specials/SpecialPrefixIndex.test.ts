import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import { NS_TEMPLATE } from '../../../../engine/title/NamespaceInfo';
import { toMwTimestamp } from '../../../../engine/util/Timestamp';

/** Link texts of the list, in order. */
function listed(body: string): string[] {
  const list = /<ul class="mw-prefixindex-list">([\s\S]*?)<\/ul>/.exec(body);
  if (!list) return [];
  return [...list[1].matchAll(/<li(?: class="allpagesredirect")?>(?:<i>)?<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
}

describe.each(testDatabaseKinds())('Special:PrefixIndex on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    for (const title of ['API reference', 'API reference/Core', 'API reference/Pages', 'API tutorial', 'Other', 'A b', 'Axb', 'Help:Topic one', 'Help:Topic two']) {
      await wiki.edit(title, `text of ${title}`);
    }
    await wiki.edit('API reference/Old', '#REDIRECT [[API reference/Core]]');
    const rows = Array.from({ length: 350 }, (_v, i) => ({
      page_namespace: NS_TEMPLATE,
      page_title: `P${String(i).padStart(3, '0')}`,
      page_touched: toMwTimestamp(),
      page_latest: 0,
      page_len: 0,
    }));
    for (let i = 0; i < rows.length; i += 50) await wiki.services.db('page').insert(rows.slice(i, i + 50));
  });
  afterAll(async () => wiki.close());

  test('the subpage is the prefix: subpages of a page', async () => {
    const res = await wiki.agent.get('/wiki/Special:PrefixIndex/API reference/');
    expect(res.status).toBe(200);
    const body = mainContent(res.text);
    expect(listed(body)).toEqual(['API reference/Core', 'API reference/Old', 'API reference/Pages']);
    expect(body).toContain('<div class="mw-prefixindex-body"><ul class="mw-prefixindex-list">');
    expect(body).toMatch(/<li class="allpagesredirect"><i><a href="\/wiki\/API_reference\/Old"/);
    expect(body).toContain('name="prefix" size="30" value="API reference/"');
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">All pages with prefix</h1>');
  });

  test('prefix, hideredirects and stripprefix', async () => {
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=API')).text))).toEqual([
      'API reference',
      'API reference/Core',
      'API reference/Old',
      'API reference/Pages',
      'API tutorial',
    ]);
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=API+reference/&hideredirects=1')).text))).toEqual([
      'API reference/Core',
      'API reference/Pages',
    ]);
    const stripped = mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=API+reference/&stripprefix=1')).text);
    expect(listed(stripped)).toEqual(['Core', 'Old', 'Pages']);
    expect(stripped).toContain('<a href="/wiki/API_reference/Core" title="API reference/Core">Core</a>');
    // A title equal to the prefix keeps its full text rather than become an empty link.
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=Other&stripprefix=1')).text))).toEqual(['Other']);
  });

  test('the prefix is matched exactly: case-sensitive, "_" is not a wildcard', async () => {
    // SQLite's LIKE would match "API…" for "Api" and "Axb" for "A_".
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=Api')).text))).toEqual([]);
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=A+b')).text))).toEqual(['A b']);
  });

  test('namespaces: the namespace parameter or a prefix in the text', async () => {
    const res = await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=Topic&namespace=12');
    expect(listed(mainContent(res.text))).toEqual(['Topic one', 'Topic two']);
    expect(res.text).toContain('All pages with prefix (Help namespace)');
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex/Help:Topic')).text))).toEqual(['Topic one', 'Topic two']);
    // A namespace with an empty prefix lists the whole namespace.
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex?namespace=12')).text))).toEqual(['Topic one', 'Topic two']);
  });

  test('without a prefix only the form is shown', async () => {
    const body = mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex')).text);
    expect(body).toContain('id="mw-prefixindex-form"');
    expect(body).not.toContain('mw-prefixindex-list');
  });

  test('a "Next page" link after 345 titles', async () => {
    const first = mainContent((await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=P&namespace=10')).text);
    expect(listed(first)).toHaveLength(345);
    const next = /<div class="mw-prefixindex-nav"><a href="([^"]+)"[^>]*>Next page \(P345\)<\/a><\/div>/.exec(first);
    expect(next).not.toBeNull();
    expect(next![1]).toBe('/w/index.php?title=Special:PrefixIndex&amp;from=P345&amp;prefix=P&amp;namespace=10');
    const second = mainContent((await wiki.agent.get(next![1].replace(/&amp;/g, '&'))).text);
    expect(listed(second)).toEqual(['P345', 'P346', 'P347', 'P348', 'P349']);
    expect(second).not.toContain('mw-prefixindex-nav');
  });

  test('bad input is handled, never echoed raw', async () => {
    const script = await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=%3Cscript%3Ealert(1)%3C/script%3E');
    expect(script.status).toBe(200);
    expect(script.text).not.toContain('<script>alert(1)');
    expect(mainContent(script.text)).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(mainContent(script.text)).toContain('The given page title was invalid');

    const foo = await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=API+t&namespace=foo');
    expect(foo.status).toBe(200);
    expect(listed(mainContent(foo.text))).toEqual(['API tutorial']);

    const missing = await wiki.agent.get('/wiki/Special:PrefixIndex?prefix=Other&namespace=999');
    expect(missing.status).toBe(200);
    expect(mainContent(missing.text)).toContain('does not have a namespace &quot;999&quot;');
    expect(listed(mainContent(missing.text))).toEqual(['Other']);
  });

  test('the name is matched case-insensitively', async () => {
    for (const url of ['/wiki/Special:Prefixindex/API_t', '/wiki/Special:prefixindex/API_t', '/w/index.php?title=special:PREFIXINDEX&prefix=API+t']) {
      const res = await wiki.agent.get(url);
      expect(res.status).toBe(200);
      expect(listed(mainContent(res.text))).toEqual(['API tutorial']);
    }
  });
});
