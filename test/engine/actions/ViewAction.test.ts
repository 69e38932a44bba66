/**
 * action=view over HTTP (MediaWiki's Article::view / MediaWiki::performRequest):
 * both URL forms, canonical-URL redirects, missing pages, old revisions,
 * redirects (one level, redirect=no, double redirects, fragments), the
 * MediaWiki namespace's default messages, CSS pages as code, and curid=.
 */
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

/** The #mw-content-text part of a skinned page. */
function content(page: string): string {
  const m = /<div id="mw-content-text"[^>]*>([\s\S]*?)<\/div>\s*(?:<div id="catlinks"[\s\S]*?)?<\/div>\s*<\/main>/.exec(page);
  if (!m) throw new Error(`No #mw-content-text in:\n${page.slice(0, 500)}`);
  return m[1];
}

function heading(page: string): string {
  const m = /<h1 id="firstHeading"[^>]*>([\s\S]*?)<\/h1>/.exec(page);
  if (!m) throw new Error('No #firstHeading');
  return m[1];
}

function subtitle(page: string): string {
  const m = /<div id="contentSub">([\s\S]*?)<\/div>\n<div id="mw-content-text"/.exec(page);
  if (!m) throw new Error('No #contentSub');
  return m[1];
}

/** No stack trace, source path or exception text leaks into a response. */
function expectNoStackTrace(page: string): void {
  expect(page).not.toMatch(/\n\s+at [\w.<>]+ \(/);
  expect(page).not.toMatch(/\.(ts|js):\d+/);
  expect(page).not.toMatch(/node_modules|\/work\/|TypeError|ReferenceError/);
}

describe.each(testDatabaseKinds())('ViewAction on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
  });
  afterAll(async () => wiki.close());

  describe('plain views', () => {
    beforeAll(async () => {
      await wiki.edit('Hello world', "'''Bold''' text and [[Another page|a link]].");
    });

    test('/wiki/Title shows the rendered page', async () => {
      const res = await wiki.agent.get('/wiki/Hello_world');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(heading(res.text)).toBe('Hello world');
      const body = content(res.text);
      expect(body).toContain('<div class="mw-parser-output">');
      expect(body).toContain('<b>Bold</b> text and');
      expect(body).toContain('>a link</a>');
      expect(res.text).toContain('<link rel="canonical" href="http://localhost/wiki/Hello_world">');
      expect(res.text).toContain('<meta name="robots" content="index,follow">');
    });

    test('/w/index.php?title=Title shows the same page', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Hello_world');
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Hello world');
      expect(content(res.text)).toContain('<b>Bold</b> text and');
      // The title may use spaces in the query string too.
      const spaced = await wiki.agent.get('/w/index.php?title=Hello%20world');
      expect(spaced.status).toBe(200);
      expect(content(spaced.text)).toContain('<b>Bold</b> text and');
    });

    test('a non-canonical article URL redirects permanently to the canonical one', async () => {
      const lower = await wiki.agent.get('/wiki/hello_world').redirects(0);
      expect(lower.status).toBe(301);
      expect(lower.headers.location).toBe('/wiki/Hello_world');

      const spaced = await wiki.agent.get('/wiki/Hello%20world').redirects(0);
      expect(spaced.status).toBe(301);
      expect(spaced.headers.location).toBe('/wiki/Hello_world');

      // The query string survives the redirect.
      const withQuery = await wiki.agent.get('/wiki/hello_world?action=history').redirects(0);
      expect(withQuery.status).toBe(301);
      expect(withQuery.headers.location).toBe('/wiki/Hello_world?action=history');

      // The canonical URL itself is not redirected.
      const canonical = await wiki.agent.get('/wiki/Hello_world').redirects(0);
      expect(canonical.status).toBe(200);
    });

    test('the site root redirects to the main page; HEAD works on articles', async () => {
      const root = await wiki.agent.get('/').redirects(0);
      expect(root.status).toBe(301);
      expect(root.headers.location).toBe('/wiki/Main_Page');
      const head = await wiki.agent.head('/wiki/Hello_world');
      expect(head.status).toBe(200);
      expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(head.text ?? '').toBe('');
    });

    test('a missing page answers 404 with MediaWiki\'s "no text" notice and a create link', async () => {
      const res = await wiki.agent.get('/wiki/No_such_page_here');
      expect(res.status).toBe(404);
      expect(heading(res.text)).toBe('No such page here');
      const body = content(res.text);
      expect(body).toContain('There is currently no text in this page.');
      expect(body).toContain('href="http://localhost/w/index.php?title=No_such_page_here&amp;action=edit"');
      expect(res.text).toContain('<meta name="robots" content="noindex,nofollow">');
    });

    test('curid= shows the page with that id; an unknown curid is a 404', async () => {
      const page = await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Hello_world' });
      expect(page).not.toBeNull();
      const res = await wiki.agent.get(`/w/index.php?curid=${page!.id}`);
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Hello world');
      expect(content(res.text)).toContain('<b>Bold</b> text and');

      const missing = await wiki.agent.get('/w/index.php?curid=987654');
      expect(missing.status).toBe(404);
      expectNoStackTrace(missing.text);
    });
  });

  describe('old revisions', () => {
    const ids: number[] = [];
    beforeAll(async () => {
      for (const text of ['First version text.', 'Second version text.', 'Third version text.']) {
        const result = await wiki.edit('Revisioned', text);
        if (result.status !== 'saved') throw new Error(`setup save: ${result.status}`);
        ids.push(result.change.revision.id);
      }
    });

    test('oldid= shows that revision with "Revision as of" and older/newer links', async () => {
      const res = await wiki.agent.get(`/w/index.php?title=Revisioned&oldid=${ids[1]}`);
      expect(res.status).toBe(200);
      const body = content(res.text);
      expect(body).toContain('Second version text.');
      expect(body).not.toContain('Third version text.');
      const sub = subtitle(res.text);
      expect(sub).toContain('Revision as of <a href="/w/index.php?title=Revisioned&amp;oldid=' + ids[1] + '">');
      expect(sub).toContain(`<a href="/w/index.php?title=Revisioned&amp;oldid=${ids[0]}">Older revision</a>`);
      expect(sub).toContain(`<a href="/w/index.php?title=Revisioned&amp;oldid=${ids[2]}">Newer revision</a>`);
      expect(sub).toContain('<a href="/wiki/Revisioned">Latest revision</a>');
      expect(sub).toContain(`<a href="/w/index.php?title=Revisioned&amp;diff=prev&amp;oldid=${ids[1]}">diff</a>`);
      // Old revisions are not for search engines and have no canonical link of their own.
      expect(res.text).toContain('<meta name="robots" content="noindex,nofollow">');
      expect(res.text).not.toContain('<link rel="canonical"');
    });

    test('the first revision has no "Older revision" link', async () => {
      const res = await wiki.agent.get(`/w/index.php?title=Revisioned&oldid=${ids[0]}`);
      expect(res.status).toBe(200);
      expect(content(res.text)).toContain('First version text.');
      const sub = subtitle(res.text);
      expect(sub).toContain('Older revision');
      expect(sub).not.toContain('>Older revision</a>');
      expect(sub).toContain(`<a href="/w/index.php?title=Revisioned&amp;oldid=${ids[1]}">Newer revision</a>`);
    });

    test('oldid= alone (no title) finds the page of that revision', async () => {
      const res = await wiki.agent.get(`/w/index.php?oldid=${ids[0]}`);
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Revisioned');
      expect(content(res.text)).toContain('First version text.');
    });

    test('a revision that does not exist is an error page (404) without a stack trace', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Revisioned&oldid=999999');
      expect(res.status).toBe(404);
      expect(res.text).toContain('The revision #999999 of the page does not exist.');
      expect(res.text).not.toContain('Third version text.');
      expectNoStackTrace(res.text);

      const noTitle = await wiki.agent.get('/w/index.php?oldid=999999');
      expect(noTitle.status).toBe(404);
      expect(noTitle.text).toContain('The revision #999999 of the page does not exist.');
      expectNoStackTrace(noTitle.text);
    });

    test('a revision of another page is not shown under this title', async () => {
      const other = await wiki.edit('Other revisioned', 'Secret other text.');
      if (other.status !== 'saved') throw new Error('setup');
      const res = await wiki.agent.get(`/w/index.php?title=Revisioned&oldid=${other.change.revision.id}`);
      expect(res.status).toBe(404);
      expect(res.text).toContain(`The revision #${other.change.revision.id} of the page does not exist.`);
      expect(res.text).not.toContain('Secret other text.');
    });

    test('a non-numeric oldid is ignored as MediaWiki does (current revision), never an internal error', async () => {
      // MediaWiki's Article::getOldIDFromRequest() uses getIntOrNull('oldid'):
      // 'abc' is null, i.e. no oldid, so the current revision is shown.
      const res = await wiki.agent.get('/w/index.php?title=Revisioned&oldid=abc');
      expect(res.status).toBe(200);
      expect(content(res.text)).toContain('Third version text.');
      expect(subtitle(res.text)).not.toContain('Revision as of');
      expectNoStackTrace(res.text);
      expect(wiki.errors).toEqual([]);
    });
  });

  describe('redirects', () => {
    beforeAll(async () => {
      await wiki.edit('Target', 'Target body text.\n\n== Section two ==\nMore.');
      await wiki.edit('Redir', '#REDIRECT [[Target]]');
      await wiki.edit('Chain A', '#REDIRECT [[Chain B]]');
      await wiki.edit('Chain B', '#REDIRECT [[Chain C]]');
      await wiki.edit('Chain C', 'Chain C body text.');
      await wiki.edit('Redir to section', '#REDIRECT [[Target#Section two]]');
      await wiki.edit('Redir to nowhere', '#REDIRECT [[Nonexistent target page]]');
    });

    test('a redirect shows the target\'s content with "(Redirected from …)" linking back with redirect=no', async () => {
      const res = await wiki.agent.get('/wiki/Redir');
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Target');
      expect(content(res.text)).toContain('Target body text.');
      expect(subtitle(res.text)).toContain(
        '<span class="mw-redirectedfrom">(Redirected from <a href="/w/index.php?title=Redir&amp;redirect=no" class="mw-redirect" title="Redir">Redir</a>)</span>',
      );
      // Search engines get the target as the canonical page.
      expect(res.text).toContain('<link rel="canonical" href="http://localhost/wiki/Target">');
    });

    test('redirect=no shows the redirect page itself', async () => {
      const res = await wiki.agent.get('/w/index.php?title=Redir&redirect=no');
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Redir');
      const body = content(res.text);
      expect(body).toContain('<div class="redirectMsg"><p>Redirect to:</p><ul class="redirectText"><li><a href="/wiki/Target" title="Target">Target</a></li></ul></div>');
      expect(body).not.toContain('Target body text.');
      expect(subtitle(res.text)).not.toContain('Redirected from');
    });

    test('a double redirect is followed one level only: A→B→C shows B', async () => {
      const res = await wiki.agent.get('/wiki/Chain_A');
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Chain B');
      const body = content(res.text);
      expect(body).not.toContain('Chain C body text.');
      expect(body).toContain('<a href="/wiki/Chain_C" title="Chain C">Chain C</a>');
      expect(subtitle(res.text)).toContain('(Redirected from <a href="/w/index.php?title=Chain_A&amp;redirect=no"');
    });

    test('a redirect to a section shows the target page and marks the fragment redirect', async () => {
      const res = await wiki.agent.get('/wiki/Redir_to_section');
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Target');
      expect(content(res.text)).toContain('Target body text.');
      expect(content(res.text)).toContain('id="Section_two"');
      expect(subtitle(res.text)).toContain('(Redirected from <a href="/w/index.php?title=Redir_to_section&amp;redirect=no"');
      expect(res.text).toMatch(/<body class="[^"]*\bmw-redirect-to-fragment\b/);
    });

    test('a redirect to a section gives the target page\'s canonical URL, without the fragment', async () => {
      const res = await wiki.agent.get('/wiki/Redir_to_section');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<link rel="canonical" href="http://localhost/wiki/Target">');
      expect(res.text).not.toContain('#Section_two">');
    });

    test('a redirect to a missing page shows the redirect page (MediaWiki only follows to existing pages)', async () => {
      const res = await wiki.agent.get('/wiki/Redir_to_nowhere');
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Redir to nowhere');
      expect(content(res.text)).toContain('<p>Redirect to:</p>');
      expect(content(res.text)).toContain('Nonexistent target page');
    });

    test('an old revision of a redirect page is shown as the redirect, not followed', async () => {
      const first = await wiki.edit('Former redirect', '#REDIRECT [[Target]]');
      await wiki.edit('Former redirect', 'Now a real article.');
      if (first.status !== 'saved') throw new Error('setup');
      const res = await wiki.agent.get(`/w/index.php?title=Former_redirect&oldid=${first.change.revision.id}`);
      expect(res.status).toBe(200);
      expect(heading(res.text)).toBe('Former redirect');
      expect(content(res.text)).toContain('<p>Redirect to:</p>');
      expect(content(res.text)).not.toContain('Target body text.');
    });
  });

  describe('MediaWiki namespace and code pages', () => {
    test('a missing MediaWiki:Sidebar shows the default message text', async () => {
      const res = await wiki.agent.get('/wiki/MediaWiki:Sidebar');
      expect(res.status).toBe(200);
      const body = content(res.text);
      expect(body).toContain('<div class="mw-message-default"><pre>* navigation\n** mainpage|mainpage-description\n');
      expect(body).toContain('* SEARCH\n* TOOLBOX\n* LANGUAGES</pre></div>');
      expect(body).not.toContain('There is currently no text in this page.');
    });

    test('a MediaWiki: page that is no message is an ordinary missing page', async () => {
      const res = await wiki.agent.get('/wiki/MediaWiki:No-such-message-key-xyz');
      expect(res.status).toBe(404);
      expect(content(res.text)).toContain('There is currently no text in this page.');
    });

    test('MediaWiki:Common.css is shown as code in <pre>, never parsed as wikitext', async () => {
      await wiki.edit('MediaWiki:Common.css', "a > b { color: red; }\n/* '''not bold''' [[Not a link]] {{Not a template}} <b>x</b> */");
      const res = await wiki.agent.get('/wiki/MediaWiki:Common.css');
      expect(res.status).toBe(200);
      const body = content(res.text);
      expect(body).toBe(
        '<pre class="mw-code mw-css" dir="ltr">a &gt; b { color: red; }\n/* &#039;&#039;&#039;not bold&#039;&#039;&#039; [[Not a link]] {{Not a template}} &lt;b&gt;x&lt;/b&gt; */</pre>',
      );
      expect(body).not.toContain('mw-parser-output');
    });
  });
});
