import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import { NS_TEMPLATE } from '../../../../engine/title/NamespaceInfo';
import { toMwTimestamp } from '../../../../engine/util/Timestamp';

/** The special page's own output, without the skin's sidebar and header. */
function listed(body: string): string[] {
  return [...body.matchAll(/<li(?: class="allpagesredirect")?>(?:<i>)?<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
}

describe.each(testDatabaseKinds())('Special:AllPages on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Alpha', 'a');
    await wiki.edit('Beta', 'b');
    await wiki.edit('Gamma', 'c');
    await wiki.edit('Redir', '#REDIRECT [[Alpha]]');
    await wiki.edit('Help:Topic', 'help');
    // 350 titles in the Template namespace, enough for two chunks of 345.
    // Only the page table is read, so rows are written directly.
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

  test('lists the main namespace alphabetically with redirects marked', async () => {
    const res = await wiki.agent.get('/wiki/Special:AllPages');
    expect(res.status).toBe(200);
    const body = mainContent(res.text);
    expect(listed(body)).toEqual(['Alpha', 'Beta', 'Gamma', 'Redir']);
    expect(body).toContain('<ul class="mw-allpages-chunk">');
    expect(body).toMatch(/<li class="allpagesredirect"><i><a href="\/wiki\/Redir"[^>]*>Redir<\/a><\/i><\/li>/);
    expect(body).not.toContain('Topic');
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">All pages</h1>');
    // The form: GET to index.php with the page in a hidden field.
    expect(body).toContain('<form method="get" action="/w/index.php" class="mw-htmlform" id="mw-allpages-form"><input type="hidden" name="title" value="Special:AllPages">');
    expect(body).toMatch(/<input type="text" id="nsfrom" name="from"/);
    expect(body).toMatch(/<select id="namespace" name="namespace"/);
    expect(body).toContain('<option value="0" selected>(Main)</option>');
    expect(body).toContain('name="hideredirects"');
    expect(body).not.toContain('mw-allpages-nav');
  });

  test('hideredirects leaves redirects out', async () => {
    const body = mainContent((await wiki.agent.get('/wiki/Special:AllPages?hideredirects=1')).text);
    expect(listed(body)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(body).toMatch(/id="hidredirects" name="hideredirects" value="1" checked/);
  });

  test('from, to and the subpage bound the list', async () => {
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:AllPages?from=Beta')).text))).toEqual(['Beta', 'Gamma', 'Redir']);
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:AllPages/Beta')).text))).toEqual(['Beta', 'Gamma', 'Redir']);
    // Lower case is capitalised like any title.
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:AllPages?from=beta&to=gamma')).text))).toEqual(['Beta', 'Gamma']);
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:AllPages?to=Beta')).text))).toEqual(['Alpha', 'Beta']);
  });

  test('the namespace filter, also through a prefix in "from"', async () => {
    const res = await wiki.agent.get('/wiki/Special:AllPages?namespace=12');
    const body = mainContent(res.text);
    // As in MediaWiki, the link text is the title without its namespace.
    expect(listed(body)).toEqual(['Topic']);
    expect(body).toContain('<a href="/wiki/Help:Topic" title="Help:Topic">Topic</a>');
    expect(res.text).toContain('All pages (Help namespace)');
    expect(body).toContain('<option value="12" selected>Help</option>');
    expect(listed(mainContent((await wiki.agent.get('/wiki/Special:AllPages?from=Help:T')).text))).toEqual(['Topic']);
  });

  test('pages of 345 titles with next and previous links', async () => {
    const first = mainContent((await wiki.agent.get('/wiki/Special:AllPages?namespace=10')).text);
    const titles = listed(first);
    expect(titles).toHaveLength(345);
    expect(titles[0]).toBe('P000');
    expect(titles[344]).toBe('P344');
    const next = /<div class="mw-allpages-nav"><a href="([^"]+)"[^>]*>Next page \(P345\)<\/a><\/div>/.exec(first);
    expect(next).not.toBeNull();
    expect(next![1]).toBe('/w/index.php?title=Special:AllPages&amp;from=P345&amp;namespace=10');
    // Shown above and below the list.
    expect(first.split('class="mw-allpages-nav"')).toHaveLength(3);

    const second = mainContent((await wiki.agent.get(next![1].replace(/&amp;/g, '&'))).text);
    expect(listed(second)).toEqual(['P345', 'P346', 'P347', 'P348', 'P349']);
    expect(second).toContain('>Previous page (P000)</a>');
    expect(second).not.toContain('Next page');

    // From the middle, the previous chunk starts 345 titles earlier, or at the first title.
    const middle = mainContent((await wiki.agent.get('/wiki/Special:AllPages?namespace=10&from=P010')).text);
    expect(middle).toContain('>Previous page (P000)</a>');
    expect(middle).not.toContain('Next page');
    expect(listed(middle)).toHaveLength(340);
    expect(listed(middle)[0]).toBe('P010');
  });

  test('bad input is handled, never echoed raw', async () => {
    const script = await wiki.agent.get('/wiki/Special:AllPages?from=%3Cscript%3Ealert(1)%3C/script%3E');
    expect(script.status).toBe(200);
    expect(script.text).not.toContain('<script>alert(1)');
    expect(mainContent(script.text)).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(mainContent(script.text)).toContain('The given page title was invalid');

    const foo = await wiki.agent.get('/wiki/Special:AllPages?namespace=foo');
    expect(foo.status).toBe(200);
    expect(listed(mainContent(foo.text))).toEqual(['Alpha', 'Beta', 'Gamma', 'Redir']);

    const missing = await wiki.agent.get('/wiki/Special:AllPages?namespace=999');
    expect(missing.status).toBe(200);
    expect(mainContent(missing.text)).toContain('does not have a namespace &quot;999&quot;');
    expect(listed(mainContent(missing.text))).toEqual(['Alpha', 'Beta', 'Gamma', 'Redir']);

    const negative = await wiki.agent.get('/wiki/Special:AllPages?namespace=-1');
    expect(negative.status).toBe(200);
    expect(listed(mainContent(negative.text))).toEqual(['Alpha', 'Beta', 'Gamma', 'Redir']);
  });

  test('the name is matched case-insensitively', async () => {
    for (const url of ['/wiki/Special:Allpages', '/wiki/Special:allpages', '/wiki/special:ALLPAGES', '/w/index.php?title=Special:AllPages&from=Gamma']) {
      const res = await wiki.agent.get(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('mw-allpages-chunk');
    }
  });
});
