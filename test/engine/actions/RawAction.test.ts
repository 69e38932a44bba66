/**
 * action=raw over HTTP (MediaWiki's RawAction): the exact source with a safe
 * content type, allowed ctypes only, old revisions, and empty 404s.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe.each(testDatabaseKinds())('RawAction on %s', (kind) => {
  let wiki: TestWiki;
  const source = "== Heading ==\n'''Bold''' <script>alert(1)</script> & ünïcödé ✓\n{{Template}}";
  let firstRev = 0;
  let otherRev = 0;

  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    const first = await wiki.edit('Raw page', 'Old raw text');
    if (first.status !== 'saved') throw new Error('setup');
    firstRev = first.change.revision.id;
    await wiki.edit('Raw page', source);
    await wiki.edit('MediaWiki:Common.css', 'body { color: #123; }');
    const other = await wiki.edit('Other raw page', 'Other page text');
    if (other.status !== 'saved') throw new Error('setup');
    otherRev = other.change.revision.id;
  });
  afterAll(async () => wiki.close());

  test('serves the exact source as text/x-wiki', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Raw_page&action=raw').buffer(true).parse((r, cb) => {
      let data = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (data += chunk));
      r.on('end', () => cb(null, data));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/x-wiki; charset=UTF-8');
    expect(res.body).toBe(source);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, s-maxage=0, max-age=0, must-revalidate');
  });

  test('the article path works too: /wiki/Title?action=raw', async () => {
    const res = await wiki.agent.get('/wiki/Raw_page?action=raw');
    expect(res.status).toBe(200);
    expect(res.text).toBe(source);
  });

  test('ctype=text/css serves the text as text/css', async () => {
    const res = await wiki.agent.get('/w/index.php?title=MediaWiki:Common.css&action=raw&ctype=text/css');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=UTF-8');
    expect(res.text).toBe('body { color: #123; }');
    expect(res.headers['last-modified']).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  test('ctype=text/html is refused with 403 and the source is never served as HTML', async () => {
    const res = await wiki.agent.get('/w/index.php?title=Raw_page&action=raw&ctype=text/html');
    expect(res.status).toBe(403);
    expect(res.text).toContain('This content type is not allowed for action=raw.');
    expect(res.text).not.toContain('<script>alert(1)</script>');
    for (const ctype of ['text/html; charset=utf-8', 'image/svg+xml', 'application/xhtml+xml', 'TEXT/HTML']) {
      const other = await wiki.agent.get(`/w/index.php?title=Raw_page&action=raw&ctype=${encodeURIComponent(ctype)}`);
      expect(other.status).toBe(403);
      expect(other.text).not.toContain('<script>alert(1)</script>');
    }
  });

  test('a page anyone can edit is never served as JavaScript; MediaWiki: pages are', async () => {
    // MediaWiki's RawAction refuses "unprotected-js" (HTTP 403): otherwise any
    // editor could publish a script from the wiki's own origin, which the
    // CSP (script-src 'self') would then trust.
    await wiki.edit('Evil script', 'alert(document.cookie)');
    const res = await wiki.agent.get('/w/index.php?title=Evil_script&action=raw&ctype=text/javascript');
    expect(res.status).toBe(403);
    expect(res.headers['content-type'] ?? '').not.toMatch(/javascript/);
    expect(res.text ?? '').not.toContain('alert(document.cookie)');

    await wiki.edit('MediaWiki:Common.js', 'console.log("site script");');
    const site = await wiki.agent.get('/w/index.php?title=MediaWiki:Common.js&action=raw&ctype=text/javascript');
    expect(site.status).toBe(200);
    expect(site.headers['content-type']).toBe('text/javascript; charset=UTF-8');
    expect(site.text).toBe('console.log("site script");');
  });

  test('a missing page answers 404 with an empty body', async () => {
    const res = await wiki.agent.get('/w/index.php?title=No_raw_page&action=raw');
    expect(res.status).toBe(404);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBe('text/x-wiki; charset=UTF-8');

    // Every page links MediaWiki:Common.css; on a wiki without it that is an empty 404 too.
    const fresh = await wiki.agent.get('/w/index.php?title=MediaWiki:Print.css&action=raw&ctype=text/css');
    expect(fresh.status).toBe(404);
    expect(fresh.text).toBe('');
  });

  test('oldid= serves that revision; a revision of another page is a 404', async () => {
    const old = await wiki.agent.get(`/w/index.php?title=Raw_page&action=raw&oldid=${firstRev}`);
    expect(old.status).toBe(200);
    expect(old.text).toBe('Old raw text');

    const other = await wiki.agent.get(`/w/index.php?title=Raw_page&action=raw&oldid=${otherRev}`);
    expect(other.status).toBe(404);
    expect(other.text).toBe('');
  });
});
