/**
 * Special:Contributions (MediaWiki's SpecialContributions + ContribsPager):
 * a user's or an IP address's edits newest first, with MediaWiki's line
 * (date → oldid, (diff | hist), size change, N / m, page, summary, "current"),
 * namespace / top-only / new-only / minor filters, and paging.
 */
import { mainContent } from '../../../helpers/pageHtml';
import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

function revIds(body: string): number[] {
  return [...body.matchAll(/<li data-mw-revid="(\d+)"/g)].map((m) => Number(m[1]));
}

function line(body: string, revId: number): string {
  const m = new RegExp(`<li data-mw-revid="${revId}"[\\s\\S]*?</li>`).exec(body);
  if (!m) throw new Error(`No line for r${revId}`);
  return m[0];
}

describe.each(testDatabaseKinds())('Special:Contributions on %s', (kind) => {
  let wiki: TestWiki;
  const rev: Record<string, number> = {};
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    const alice = await wiki.createUser('Alice');
    await wiki.createUser('Crat', { groups: ['bureaucrat'] });
    await wiki.createUser('Silent');
    const save = async (key: string, title: string, text: string, options: { summary?: string; minor?: boolean; user?: { id: number; name: string } } = {}) => {
      const result = await wiki.edit(title, text, { user: alice, ...options });
      if (result.status !== 'saved') throw new Error(result.status);
      rev[key] = result.change.revision.id;
    };
    await save('create', 'Guide', 'Hello', { summary: 'New guide' });
    await save('talk', 'Talk:Guide', 'A question');
    await save('grow', 'Guide', 'Hello world, a longer text', { summary: 'More [[Guide|words]]' });
    await save('shrink', 'Guide', 'Hello', { minor: true });
    await save('other', 'Help:Other', 'Other page');
    await save('byip', 'Guide', 'Anonymous rewrite', { user: { id: 0, name: '192.0.2.7' } });
  });
  afterAll(async () => wiki.close());

  const get = async (url: string, status = 200) => {
    const res = await wiki.agent.get(url);
    expect(res.status).toBe(status);
    return res;
  };

  test('a user’s edits, newest first, in MediaWiki’s line format', async () => {
    const res = await get('/wiki/Special:Contributions/Alice');
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">User contributions for Alice</h1>');
    expect(res.text).toMatch(/For <a href="\/w\/index.php\?title=User:Alice&amp;action=edit&amp;redlink=1" class="new mw-userlink" title="User:Alice \(page does not exist\)"><bdi>Alice<\/bdi><\/a> \(<a [^>]*>talk<\/a> \| <a href="\/wiki\/Special:Log\/Alice" title="Special:Log\/Alice">logs<\/a>\)/);
    const body = mainContent(res.text);
    expect(revIds(body)).toEqual([rev.other, rev.shrink, rev.grow, rev.talk, rev.create]);
    expect(body).toMatch(/<h4 class="mw-index-pager-list-header-first mw-index-pager-list-header">\d+ \w+ \d{4}<\/h4><ul class="mw-contributions-list">/);

    // The page creation: no diff link, N, the summary.
    expect(line(body, rev.create)).toMatch(
      new RegExp(
        `^<li data-mw-revid="${rev.create}"><a href="/w/index.php\\?title=Guide&amp;oldid=${rev.create}" class="mw-changeslist-date" title="Guide">\\d\\d:\\d\\d, \\d+ \\w+ \\d{4}</a> ` +
          '<span class="mw-changeslist-links">\\(<span>diff</span> \\| <span><a href="/w/index.php\\?title=Guide&amp;action=history" class="mw-changeslist-history" title="Guide">hist</a></span>\\)</span> ' +
          '<span class="mw-changeslist-separator">. .</span> <span dir="ltr" class="mw-plusminus-pos mw-diff-bytes">\\(\\+5\\)</span> <span class="mw-changeslist-separator">. .</span> ' +
          '<abbr class="newpage" title="This edit created a new page">N</abbr> <a href="/wiki/Guide" class="mw-contributions-title" title="Guide">Guide</a> <span class="comment">\\(New guide\\)</span></li>$',
      ),
    );
    // A later edit: diff against the previous revision, summary with its link rendered.
    expect(line(body, rev.grow)).toContain(`<a href="/w/index.php?title=Guide&amp;diff=prev&amp;oldid=${rev.grow}" class="mw-changeslist-diff" title="Guide">diff</a>`);
    expect(line(body, rev.grow)).toContain('<span dir="ltr" class="mw-plusminus-pos mw-diff-bytes">(+21)</span>');
    expect(line(body, rev.grow)).toMatch(/<span class="comment">\(More <a href="\/wiki\/Guide"[^>]*>words<\/a>\)<\/span><\/li>$/);
    // Minor, shrinking, without summary; not current because the IP edited after.
    expect(line(body, rev.shrink)).toContain('<span dir="ltr" class="mw-plusminus-neg mw-diff-bytes">(−21)</span> <span class="mw-changeslist-separator">. .</span> <abbr class="minoredit" title="This is a minor edit">m</abbr> <a href="/wiki/Guide"');
    expect(line(body, rev.shrink)).toContain('<span class="comment mw-comment-none">No edit summary</span></li>');
    expect(line(body, rev.shrink)).not.toContain('mw-uctop');
    // The latest revision of its page is marked "current".
    expect(line(body, rev.other)).toMatch(/^<li data-mw-revid="\d+" class="mw-contributions-current">/);
    expect(line(body, rev.other)).toContain(' <span class="mw-uctop">current</span></li>');
    expect(line(body, rev.talk)).toContain('mw-uctop');
    expect(body).not.toContain('mw-pager-navigation-bar');
  });

  test('target=, an IP address, and a viewer who may change groups', async () => {
    expect(revIds(mainContent((await get('/w/index.php?title=Special:Contributions&target=alice')).text))).toHaveLength(5);
    const ip = await get('/wiki/Special:Contributions/192.0.2.7');
    expect(ip.text).toContain('User contributions for 192.0.2.7');
    expect(revIds(mainContent(ip.text))).toEqual([rev.byip]);
    expect(line(mainContent(ip.text), rev.byip)).toContain('mw-uctop');
    const agent = wiki.newAgent();
    await wiki.login('Crat', undefined, agent);
    const asCrat = await agent.get('/wiki/Special:Contributions/Alice');
    expect(asCrat.text).toContain('<a href="/wiki/Special:UserRights/Alice" title="Special:UserRights/Alice">user rights management</a>)');
    expect((await get('/wiki/Special:Contributions/Alice')).text).not.toContain('user rights management');
  });

  test('filters: namespace (with its talk, or inverted), latest revisions, page creations, minor edits', async () => {
    const ids = async (query: string) => revIds(mainContent((await get(`/w/index.php?title=Special:Contributions&target=Alice&${query}`)).text));
    expect(await ids('namespace=0')).toEqual([rev.shrink, rev.grow, rev.create]);
    expect(await ids('namespace=0&associated=1')).toEqual([rev.shrink, rev.grow, rev.talk, rev.create]);
    expect(await ids('namespace=0&nsInvert=1')).toEqual([rev.other, rev.talk]);
    expect(await ids('namespace=')).toHaveLength(5);
    expect(await ids('topOnly=1')).toEqual([rev.other, rev.talk]);
    expect(await ids('newOnly=1')).toEqual([rev.other, rev.talk, rev.create]);
    expect(await ids('hideMinor=1')).toEqual([rev.other, rev.grow, rev.talk, rev.create]);
    const form = mainContent((await get('/w/index.php?title=Special:Contributions&target=Alice&namespace=12&topOnly=1')).text);
    expect(form).toContain('<option value="12" selected>Help</option>');
    expect(form).toContain('<input type="checkbox" id="mw-show-top-only" name="topOnly" value="1" checked>');
    expect(form).toContain('<input type="text" id="mw-target-user-or-ip" name="target" size="40" value="Alice" class="mw-autocomplete-user">');
  });

  test('paging: limit, older / newer / oldest / newest', async () => {
    const first = mainContent((await get('/wiki/Special:Contributions/Alice?limit=2')).text);
    expect(revIds(first)).toEqual([rev.other, rev.shrink]);
    const older = /<a href="([^"]*)" class="mw-nextlink" rel="next">older 2<\/a>/.exec(first)![1].replace(/&amp;/g, '&');
    expect(older).toMatch(new RegExp(`^/w/index.php\\?title=Special:Contributions/Alice&limit=2&offset=\\d{14}%7C${rev.shrink}$`));
    expect(first).toContain('(newest | <a href="/w/index.php?title=Special:Contributions/Alice&amp;limit=2&amp;dir=prev" class="mw-lastlink">oldest</a>)');
    const second = mainContent((await get(older)).text);
    expect(revIds(second)).toEqual([rev.grow, rev.talk]);
    const newer = /<a href="([^"]*)" class="mw-prevlink" rel="prev">newer 2<\/a>/.exec(second)![1].replace(/&amp;/g, '&');
    expect(revIds(mainContent((await get(newer)).text))).toEqual([rev.other, rev.shrink]);
    const oldest = mainContent((await get('/wiki/Special:Contributions/Alice?limit=2&dir=prev')).text);
    expect(revIds(oldest)).toEqual([rev.talk, rev.create]);
    expect(oldest).not.toContain('class="mw-nextlink"');
  });

  test('no target, no edits, no such user', async () => {
    const empty = await get('/wiki/Special:Contributions');
    expect(mainContent(empty.text)).toContain('<legend>Search for contributions</legend>');
    expect(revIds(mainContent(empty.text))).toEqual([]);
    expect(mainContent((await get('/wiki/Special:Contributions/Silent')).text)).toContain('<p>No changes were found matching these criteria.</p>');
    const missing = await get('/wiki/Special:Contributions/Nobody_at_all', 404);
    expect(mainContent(missing.text)).toContain('<div class="mw-userpage-userdoesnotexist error"><p>User account &quot;Nobody at all&quot; is not registered.</p></div>');
    // A name that cannot be a user: the form, nothing else.
    expect(revIds(mainContent((await get('/w/index.php?title=Special:Contributions&target=Bad%5Bname')).text))).toEqual([]);
  });
});
