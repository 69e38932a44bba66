import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

describe.each(testDatabaseKinds())('Special:Search on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('Rate limits', 'Clients that send too many requests receive HTTP 429 responses.');
    await wiki.edit('Authentication', 'Send an OAuth 2.0 access token in the Authorization header.');
    await wiki.edit('Auth', '#REDIRECT [[Authentication]]');
    await wiki.edit('Help:Tokens', 'Access token help lives in the Help namespace.');
  });
  afterAll(async () => wiki.close());

  test('"Go" with an exact title jumps to the page', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Special:Search&search=rate+limits');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/wiki/Rate_limits');
  });

  test('"Go" with a redirect title goes to the redirect (which is then followed)', async () => {
    const res = await wiki.agent.get('/w/index.php?search=Auth');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/wiki/Auth');
  });

  test('full-text search shows highlighted snippets and counts', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Special:Search&search=access+token&fulltext=1');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<a href="/wiki/Authentication"');
    expect(res.text).toContain('<span class="searchmatch">');
    expect(res.text).not.toContain('Help:Tokens');
    expect(res.text).toMatch(/Showing results 1 to 1 of 1/);
  });

  test('namespaces are chosen with nsN=1', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Special:Search&search=access+token&fulltext=1&ns12=1');
    expect(res.text).toContain('Help:Tokens');
    expect(res.text).not.toContain('<a href="/wiki/Authentication"');
  });

  test('no match offers to create the page and escapes the query', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Special:Search&search=%3Cscript%3Ezzqx&fulltext=1');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>zzqx');
    expect(res.text).toContain('There were no results matching the query.');
  });

  test('a missing title offers "Create the page"', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Special:Search&search=Brand+new+topic&fulltext=1');
    expect(res.text).toContain('Create the page');
    expect(res.text).toContain('Brand new topic');
  });

  test('bad paging values fall back to defaults', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Special:Search&search=token&fulltext=1&limit=abc&offset=-4');
    expect(res.status).toBe(200);
    expect(res.text).toContain('mw-search-results');
  });
});
