import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

describe.each(testDatabaseKinds())('WikitextRenderer links (%s)', (kind) => {
  let wiki: TestWiki;

  beforeAll(async () => {
    wiki = await createTestWiki(kind, {
      namespacesWithSubpages: { 0: true },
      enableMagicLinks: { ISBN: true, PMID: false, RFC: true },
      interwikiMap: { fr: { url: 'https://fr.example.org/wiki/$1', language: true } },
    });
    await wiki.edit('Exists', 'here');
    await wiki.edit('Redirect to exists', '#REDIRECT [[Exists]]');
    await wiki.edit('Guide', 'guide');
    await wiki.edit('Guide/Child', 'child');
  });
  afterAll(() => wiki.close());

  async function render(text: string, page = 'Guide/Page'): Promise<string> {
    return (await wiki.services.renderer.render(text, { title: wiki.services.titleFactory.newFromTextThrow(page) })).html;
  }

  it('renders blue, red and redirect links as MediaWiki does', async () => {
    const html = await render('[[Exists]] [[Missing page]] [[Redirect to exists]]');
    expect(html).toContain('<a href="/wiki/Exists" title="Exists">Exists</a>');
    expect(html).toContain('<a href="/w/index.php?title=Missing_page&amp;action=edit&amp;redlink=1" class="new" title="Missing page (page does not exist)">Missing page</a>');
    expect(html).toContain('<a href="/wiki/Redirect_to_exists" class="mw-redirect" title="Redirect to exists">');
  });

  it('looks every link of a page up in one query', async () => {
    const queries: string[] = [];
    const listener = (q: { sql: string }) => {
      if (/from "page"/i.test(q.sql) || /from `page`/i.test(q.sql)) queries.push(q.sql);
    };
    wiki.services.db.on('query', listener);
    try {
      const links = Array.from({ length: 60 }, (_, i) => `[[Page number ${i}]]`).join(' ');
      await render(`${links} [[Exists]]`);
    } finally {
      wiki.services.db.removeListener('query', listener);
    }
    expect(queries).toHaveLength(1);
  });

  it('absorbs link trails, marks self links and resolves subpage links', async () => {
    const html = await render('[[Exists]]ing [[Guide/Page]] [[../Child]] [[../Child/]]');
    expect(html).toContain('<a href="/wiki/Exists" title="Exists">Existsing</a>');
    expect(html).toContain('<a class="mw-selflink selflink">Guide/Page</a>');
    expect(html).toContain('<a href="/wiki/Guide/Child" title="Guide/Child">../Child</a>');
    expect(html).toContain('<a href="/wiki/Guide/Child" title="Guide/Child">Child</a>');
    const fromParent = await render('[[/Child]] [[/Child/]]', 'Guide');
    expect(fromParent).toContain('<a href="/wiki/Guide/Child" title="Guide/Child">/Child</a> <a href="/wiki/Guide/Child" title="Guide/Child">Child</a>');
  });

  it('links interwiki prefixes to their sites and moves interlanguage links out of the text', async () => {
    const output = await wiki.services.renderer.render('[[wikipedia:Main Page#History]] [[phab:T123|task]]\n[[fr:Bonjour]]', { title: wiki.services.titleFactory.newFromTextThrow('Guide') });
    expect(output.html).toContain('<a href="https://en.wikipedia.org/wiki/Main_Page#History" class="extiw" title="wikipedia:Main Page">wikipedia:Main Page#History</a>');
    expect(output.html).toContain('<a href="https://phabricator.wikimedia.org/T123" class="extiw" title="phab:T123">task</a>');
    expect(output.html).not.toContain('Bonjour');
    expect(output.languageLinks).toEqual(['fr:Bonjour']);
    expect(output.interwikiLinks).toEqual(['wikipedia:Main_Page', 'phab:T123']);
  });

  it('gives external links MediaWiki classes, numbering and nofollow', async () => {
    const output = await wiki.services.renderer.render('[http://example.com text] [http://example.com] [http://example.net] http://example.org/x. [https://www.mediawiki.org/wiki/API docs]', {
      title: wiki.services.titleFactory.newFromTextThrow('Guide'),
    });
    expect(output.html).toContain('<a rel="nofollow" class="external text" href="http://example.com">text</a>');
    expect(output.html).toContain('<a rel="nofollow" class="external autonumber" href="http://example.com">[1]</a>');
    expect(output.html).toContain('<a rel="nofollow" class="external autonumber" href="http://example.net">[2]</a>');
    expect(output.html).toContain('<a rel="nofollow" class="external free" href="http://example.org/x">http://example.org/x</a>.');
    // $wgNoFollowDomainExceptions defaults to mediawiki.org.
    expect(output.html).toContain('<a class="external text" href="https://www.mediawiki.org/wiki/API">docs</a>');
    expect(output.externalLinks).toEqual(['http://example.com', 'http://example.net', 'http://example.org/x', 'https://www.mediawiki.org/wiki/API']);
  });

  it('renders enabled magic links and leaves disabled ones as text', async () => {
    const html = await render('ISBN 978-0-316-09811-3 RFC 822 PMID 1234');
    expect(html).toContain('<a href="/wiki/Special:BookSources/9780316098113" class="internal mw-magiclink-isbn">ISBN 978-0-316-09811-3</a>');
    expect(html).toContain('<a class="external mw-magiclink-rfc" rel="nofollow" href="https://datatracker.ietf.org/doc/html/rfc822">RFC 822</a>');
    expect(html).toContain('PMID 1234');
    expect(html).not.toContain('mw-magiclink-pmid');
  });

  it('answers #ifexist from the page table, including pages named by templates', async () => {
    await wiki.edit('Template:Target', 'Exists');
    const html = await render('{{#ifexist:Exists|yes|no}} {{#ifexist:Nowhere|yes|no}} {{#ifexist:{{Target}}|computed-yes|computed-no}}');
    expect(html).toContain('yes no computed-yes');
  });

  it('armours French spaces in text but not in attributes', async () => {
    const html = await render('Bonjour : « oui » <span title="a : b">x</span>');
    expect(html).toContain('Bonjour&#160;: «&#160;oui&#160;»');
    expect(html).toContain('title="a : b"');
  });

  it('keeps a display title only when it names the page itself', async () => {
    const own = await wiki.services.renderer.render("{{DISPLAYTITLE:''Guide''}}", { title: wiki.services.titleFactory.newFromTextThrow('Guide') });
    expect(own.displayTitle).toBe("''Guide''");
    expect(own.properties.displaytitle).toBe("''Guide''");
    const other = await wiki.services.renderer.render('{{DISPLAYTITLE:Something else}}', { title: wiki.services.titleFactory.newFromTextThrow('Guide') });
    expect(other.displayTitle).toBeNull();
    expect(other.properties.displaytitle).toBeUndefined();
    expect(other.warnings.map((w) => w.key)).toContain('restricted-displaytitle');
  });
});

describe('WikitextRenderer pre-save transform', () => {
  let wiki: TestWiki;
  const now = new Date('2026-11-26T23:37:00Z');

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite');
    await wiki.edit('Template:Hello', 'Hello {{{1|world}}}!');
  });
  afterAll(() => wiki.close());

  const pst = (text: string, user = { id: 1, name: 'Alice' }, page = 'Talk:Page (thing)') =>
    wiki.services.renderer.preSaveTransform(text, { title: wiki.services.titleFactory.newFromTextThrow(page), user, now });

  it('expands signatures for users and anonymous editors', async () => {
    expect(await pst('a ~~~ b ~~~~ c ~~~~~')).toBe(
      'a [[User:Alice|Alice]] ([[User talk:Alice|talk]]) b [[User:Alice|Alice]] ([[User talk:Alice|talk]]) 23:37, 26 November 2026 (UTC) c 23:37, 26 November 2026 (UTC)',
    );
    expect(await pst('~~~', { id: 0, name: '192.0.2.1' })).toBe('[[Special:Contributions/192.0.2.1|192.0.2.1]]');
  });

  it('leaves nowiki, pre and comments alone', async () => {
    expect(await pst('<nowiki>~~~</nowiki> <pre>~~~~</pre> <!-- ~~~ -->')).toBe('<nowiki>~~~</nowiki> <pre>~~~~</pre> <!-- ~~~ -->');
  });

  it('applies the pipe trick and its reverse', async () => {
    expect(await pst('[[Foo (bar)|]] [[Help:X, y|]] [[|Q]]')).toBe('[[Foo (bar)|Foo]] [[Help:X, y|X]] [[Talk:Q (thing)|Q]]');
  });

  it('substitutes subst: and safesubst: and keeps unknown templates', async () => {
    expect(await pst('{{subst:Hello|you}} {{safesubst:Hello}} {{subst:Missing}} {{Hello}}')).toBe('Hello you! Hello world! {{subst:Missing}} {{Hello}}');
  });

  it('normalises line endings', async () => {
    expect(await pst('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('is applied when an edit is saved', async () => {
    const title = 'Signed page';
    const token = await wiki.getEditToken(`/w/index.php?title=${title}&action=edit`);
    await wiki.agent.post(`/w/index.php?title=${title}&action=submit`).type('form').send({ wpTextbox1: '{{subst:Hello|there}} [[Foo (bar)|]]', wpEditToken: token, wpSave: '1', wpSummary: '' });
    const page = await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Signed_page' });
    const revision = await wiki.services.revisionStore.getRevisionById(page!.latest);
    expect(await wiki.services.revisionStore.getText(revision!)).toBe('Hello there! [[Foo (bar)|Foo]]');
  });
});

describe('WikitextRenderer limits on hostile pages', () => {
  let wiki: TestWiki;

  beforeAll(async () => {
    wiki = await createTestWiki('sqlite');
    // Billion laughs: each level calls the next ten times (10^9 "lol"s if unbounded).
    for (let i = 0; i < 9; i++) await wiki.edit(`Template:Lol${i}`, `{{Lol${i + 1}|{{{1|x}}}}}`.repeat(10));
    await wiki.edit('Template:Lol9', 'lol{{{1|}}}');
    // A chain deeper than the expansion depth limit.
    for (let i = 0; i < 60; i++) await wiki.edit(`Template:Deep${i}`, `d${i}{{Deep${i + 1}}}`);
    await wiki.edit('Template:Loop', 'a{{Loop}}');
  });
  afterAll(() => wiki.close());

  const render = (text: string) => wiki.services.renderer.render(text, { title: wiki.services.titleFactory.newFromTextThrow('Hostile') });

  it('stops a billion-laughs page at the include size limit with MediaWiki\'s warning', async () => {
    const output = await render('{{Lol0|a}}');
    expect(output.warnings.map((w) => w.key)).toContain('post-expand-template-inclusion-warning');
    // Bounded: the limit is 2 MB of included text, not 10^9 copies.
    expect(output.html.length).toBeLessThan(6 * 1024 * 1024);
  });

  it('stops deep nesting at the expansion depth limit with an error instead of overflowing the stack', async () => {
    const chained = await render('{{Deep0}}');
    expect(chained.html).toContain('d39');
    expect(chained.html).not.toContain('d59');
    expect(chained.html).toMatch(/class="error"/);
    const nested = await render('{{Deep0|'.repeat(2000) + '}}'.repeat(2000));
    expect(nested.html).toMatch(/class="error"/);
  });

  it('reports a template loop with MediaWiki\'s error', async () => {
    const output = await render('{{Loop}}');
    expect(output.html).toContain('<span class="error">Template loop detected: <a href="/wiki/Template:Loop" title="Template:Loop">Template:Loop</a></span>');
  });
});

describe('WikitextRenderer site statistics', () => {
  it('counts a page saved after start-up in NUMBEROFPAGES', async () => {
    const wiki = await createTestWiki('sqlite');
    try {
      const title = wiki.services.titleFactory.newFromTextThrow('Stats');
      const before = (await wiki.services.renderer.render('{{NUMBEROFPAGES}}', { title })).html;
      await wiki.edit('Counted page', 'x');
      const after = (await wiki.services.renderer.render('{{NUMBEROFPAGES}}', { title })).html;
      expect(Number(after.replace(/\D/g, ''))).toBe(Number(before.replace(/\D/g, '')) + 1);
    } finally {
      await wiki.close();
    }
  });
});
