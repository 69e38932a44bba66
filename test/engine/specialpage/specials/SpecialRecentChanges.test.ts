import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import { formatUserDate, toMwTimestamp } from '../../../../engine/util/Timestamp';

/** The change lines, in order. */
function lines(body: string): string[] {
  return [...body.matchAll(/<li class="mw-line-[^"]*"[\s\S]*?<\/li>/g)].map((m) => m[0]);
}

function daysAgo(days: number): string {
  return toMwTimestamp(new Date(Date.now() - days * 86400 * 1000));
}

describe.each(testDatabaseKinds())('Special:RecentChanges on %s', (kind) => {
  let wiki: TestWiki;
  const other = { id: 0, name: '10.0.0.1' };
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    const save = (title: string, text: string, summary: string, extra: { minor?: boolean; bot?: boolean; timestamp?: string; user?: { id: number; name: string } } = {}) =>
      wiki.services.pageUpdater.save({ title: wiki.services.titleFactory.newFromTextThrow(title), text, summary, user: extra.user ?? { id: 0, name: '127.0.0.1' }, ...extra });
    await save('Ancient', 'a', 'summary-ancient', { timestamp: daysAgo(100) });
    await save('Older', 'o', 'summary-older', { timestamp: daysAgo(20) });
    await save('RcAlpha', 'alpha', 'summary-create /* Intro */ see [[Older]]');
    await save('RcAlpha', 'alpha!', 'summary-minor', { minor: true, user: other });
    await save('RcAlpha', 'alpha! shorter?', 'summary-bot', { bot: true, user: { id: 0, name: '10.0.0.2' } });
    await save('Talk:RcAlpha', 'talk', 'summary-talk', { user: other });
    const actorId = await wiki.services.actorStore.acquireActorId({ id: 0, name: '1.2.3.4' });
    await wiki.services.db.transaction((trx) =>
      wiki.services.logStore.insert({ type: 'move', action: 'move', actorId, namespace: 0, dbKey: 'Moved_away', comment: 'summary-log', params: { '4::target': 'RcAlpha', '5::noredir': '0' } }, trx),
    );
  });
  afterAll(async () => wiki.close());

  const get = async (url: string) => {
    const res = await wiki.agent.get(url);
    expect(res.status).toBe(200);
    return mainContent(res.text);
  };

  test('the last 7 days, newest first, grouped by day, in MediaWiki line format', async () => {
    const body = await get('/wiki/Special:RecentChanges');
    const all = lines(body);
    // The bot edit is hidden by default; the 20- and 100-day-old edits are too old.
    expect(all.map((l) => /summary-[a-z]+/.exec(l)?.[0])).toEqual(['summary-log', 'summary-talk', 'summary-minor', 'summary-create']);
    expect(body).toContain(`<h4>${formatUserDate(toMwTimestamp(), 'en')}</h4>\n<ul class="special">`);

    const [log, talk, minor, create] = all;
    // An edit: (diff | hist) . . m Page; time . . (+n) . . user (summary)
    expect(minor).toMatch(/^<li class="mw-line-[a-z]+ mw-changeslist-line mw-changeslist-src-mw-edit mw-changeslist-ns0-RcAlpha mw-changeslist-minor"/);
    expect(minor).toMatch(/<span class="mw-changeslist-links">\(<span><a href="\/w\/index.php\?title=RcAlpha&amp;curid=\d+&amp;diff=\d+&amp;oldid=\d+" class="mw-changeslist-diff"[^>]*>diff<\/a><\/span> \| <span><a href="\/w\/index.php\?title=RcAlpha&amp;curid=\d+&amp;action=history" class="mw-changeslist-history"[^>]*>hist<\/a><\/span>\)<\/span> <span class="mw-changeslist-separator">\. \.<\/span> /);
    expect(minor).toContain('<abbr class="minoredit" title="This is a minor edit">m</abbr> <span class="mw-title"><a href="/wiki/RcAlpha" class="mw-changeslist-title" title="RcAlpha">RcAlpha</a></span>; <span class="mw-changeslist-date">');
    expect(minor).toMatch(/<span class="mw-changeslist-date">\d\d:\d\d<\/span> <span class="mw-changeslist-separator">\. \.<\/span> <span dir="ltr" class="mw-plusminus-pos mw-diff-bytes">\(\+1\)<\/span> <span class="mw-changeslist-separator">\. \.<\/span> <a href="\/wiki\/Special:Contributions\/10.0.0.1"/);
    expect(minor).toContain('<span class="comment">(summary-minor)</span>');
    expect(minor).not.toContain('class="newpage"');
    // A creation: N marker, and "diff" is not a link.
    expect(create).toContain('<span class="mw-changeslist-links">(<span>diff</span> | <span><a ');
    expect(create).toContain('<abbr class="newpage" title="This edit created a new page">N</abbr>');
    expect(create).toContain('(+5)');
    // Summaries go through the comment formatter: section links and wikilinks.
    expect(create).toContain('<span class="autocomment"><a href="/wiki/RcAlpha#Intro">→Intro</a></span>');
    expect(create).toContain('<a href="/wiki/Older" title="Older">Older</a>');
    expect(talk).toContain('mw-changeslist-ns1-RcAlpha');
    // A log entry: (Move log); time . . <performer> moved page A to B (comment)
    expect(log).toContain('(<a href="/wiki/Special:Log/move" title="Special:Log/move">Move log</a>); <span class="mw-changeslist-date">');
    expect(log).toMatch(/<a href="\/wiki\/Special:Contributions\/1.2.3.4"[^>]*><bdi>1.2.3.4<\/bdi><\/a> <span class="mw-usertoollinks">[\s\S]*<\/span> moved page <a href="\/w\/index.php\?title=Moved_away&amp;action=edit&amp;redlink=1" class="new" title="Moved away \(page does not exist\)">Moved away<\/a> to <a href="\/wiki\/RcAlpha" title="RcAlpha">RcAlpha<\/a> <span class="comment">\(summary-log\)<\/span>/);
    expect(body).toContain('<p class="rcnote">Below are the last <strong>4</strong> changes in the last <strong>7</strong> days');
  });

  test('days: the default, a longer period, the subpage form and the $wgRCMaxAge cap', async () => {
    const summaries = async (url: string) => lines(await get(url)).map((l) => /summary-[a-z]+/.exec(l)?.[0]);
    expect(await summaries('/wiki/Special:RecentChanges?days=30')).toContain('summary-older');
    expect(await summaries('/wiki/Special:RecentChanges/days=30,limit=100')).toContain('summary-older');
    const capped = await summaries('/wiki/Special:RecentChanges?days=99999');
    expect(capped).toContain('summary-older');
    expect(capped).not.toContain('summary-ancient');
    expect(await summaries('/wiki/Special:RecentChanges?days=abc')).not.toContain('summary-older');
    expect(await summaries('/wiki/Special:RecentChanges?days=-3')).not.toContain('summary-older');
    // The 20-day-old edit has its own day heading.
    expect(await get('/wiki/Special:RecentChanges?days=30')).toContain(`<h4>${formatUserDate(daysAgo(20), 'en')}</h4>`);
  });

  test('limit: bounded, and malformed values mean the default', async () => {
    expect(lines(await get('/wiki/Special:RecentChanges?limit=2'))).toHaveLength(2);
    expect(lines(await get('/wiki/Special:RecentChanges/1'))).toHaveLength(1);
    expect(lines(await get('/wiki/Special:RecentChanges/limit=3'))).toHaveLength(3);
    expect(lines(await get('/wiki/Special:RecentChanges?limit=abc'))).toHaveLength(4);
    expect(lines(await get('/wiki/Special:RecentChanges?limit=-5'))).toHaveLength(4);
    expect(lines(await get('/wiki/Special:RecentChanges?limit=100000'))).toHaveLength(4);
  });

  test('hide filters', async () => {
    const summaries = async (url: string) => lines(await get(url)).map((l) => /summary-[a-z]+/.exec(l)?.[0]);
    expect(await summaries('/wiki/Special:RecentChanges?hideminor=1')).toEqual(['summary-log', 'summary-talk', 'summary-create']);
    expect(await summaries('/wiki/Special:RecentChanges/hideminor')).toEqual(['summary-log', 'summary-talk', 'summary-create']);
    expect(await summaries('/wiki/Special:RecentChanges?hidebots=0')).toEqual(['summary-log', 'summary-talk', 'summary-bot', 'summary-minor', 'summary-create']);
    expect(await summaries('/wiki/Special:RecentChanges/bots')).toContain('summary-bot');
    // The test agent is 127.0.0.1, the author of the creation.
    expect(await summaries('/wiki/Special:RecentChanges?hidemyself=1')).toEqual(['summary-log', 'summary-talk', 'summary-minor']);
    expect(await summaries('/wiki/Special:RecentChanges?hidenewpages=1')).toEqual(['summary-log', 'summary-minor']);
    expect(await summaries('/wiki/Special:RecentChanges?hidelog=1')).toEqual(['summary-talk', 'summary-minor', 'summary-create']);
    expect(await summaries('/wiki/Special:RecentChanges?hideanons=1')).toEqual([]);
    expect(await summaries('/wiki/Special:RecentChanges?hideliu=1')).toHaveLength(4);
    const empty = await get('/wiki/Special:RecentChanges?hideanons=1');
    expect(empty).toContain('<div class="mw-changeslist-empty">No changes during the given period match these criteria.</div>');
  });

  test('namespace, associated and invert', async () => {
    const summaries = async (url: string) => lines(await get(url)).map((l) => /summary-[a-z]+/.exec(l)?.[0]);
    expect(await summaries('/wiki/Special:RecentChanges?namespace=1')).toEqual(['summary-talk']);
    expect(await summaries('/wiki/Special:RecentChanges?namespace=1&associated=1')).toEqual(['summary-log', 'summary-talk', 'summary-minor', 'summary-create']);
    expect(await summaries('/wiki/Special:RecentChanges?namespace=1&invert=1')).toEqual(['summary-log', 'summary-minor', 'summary-create']);
    expect(await summaries('/wiki/Special:RecentChanges/namespace=1')).toEqual(['summary-talk']);
    expect(await summaries('/wiki/Special:RecentChanges?namespace=0;1')).toHaveLength(4);
    // Not a namespace: no filter.
    expect(await summaries('/wiki/Special:RecentChanges?namespace=foo')).toHaveLength(4);
    expect(await summaries('/wiki/Special:RecentChanges?namespace=999')).toHaveLength(4);
    const body = await get('/wiki/Special:RecentChanges?namespace=1&invert=1');
    expect(body).toContain('<option value="1" selected>Talk</option>');
    expect(body).toMatch(/id="nsinvert" name="invert" value="1" checked/);
  });

  test('the options box links change one option and keep the others', async () => {
    const body = await get('/wiki/Special:RecentChanges?hideminor=1&days=30');
    expect(body).toContain('<legend>Recent changes options</legend>');
    expect(body).toContain('<span class="rcshowhideoption rcshowhideminor" data-filter-name="hideminor"><a href="/w/index.php?title=Special:RecentChanges&amp;days=30">Show</a> minor edits</span>');
    expect(body).toContain('<a href="/w/index.php?title=Special:RecentChanges&amp;days=30&amp;hideminor=1&amp;hidebots=0">Show</a> bots');
    expect(body).toContain('<a href="/w/index.php?title=Special:RecentChanges&amp;days=30&amp;limit=100&amp;hideminor=1">100</a>');
    expect(body).toContain('<a href="/w/index.php?title=Special:RecentChanges&amp;days=30&amp;hideminor=1"><strong>30</strong></a>');
    expect(body).toContain('<input type="hidden" name="days" value="30"><input type="hidden" name="hideminor" value="1">');
    // Only the link days within $wgRCMaxAge (90 days) are offered.
    expect(body).toMatch(/changes in last .*>14<.* days/);
  });

  test('bad input is never echoed raw', async () => {
    for (const url of [
      '/wiki/Special:RecentChanges?namespace=%3Cscript%3Ealert(1)%3C/script%3E',
      '/wiki/Special:RecentChanges?days=%3Cscript%3Ealert(1)%3C/script%3E',
      '/wiki/Special:RecentChanges?from=%3Cscript%3Ealert(1)%3C/script%3E',
      '/wiki/Special:RecentChanges/days=abc,limit=-5,namespace=foo,unknown,=,%22',
    ]) {
      const res = await wiki.agent.get(url);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('<script>alert(1)');
    }
  });

  test('from: only changes since a time', async () => {
    const body = await get(`/wiki/Special:RecentChanges?days=30&from=${daysAgo(10)}`);
    expect(lines(body)).toHaveLength(4);
    expect(body).toContain('<p class="rcnote">Below are the changes since <strong>');
  });

  test('the name is matched case-insensitively', async () => {
    for (const url of ['/wiki/Special:Recentchanges', '/wiki/Special:recentchanges', '/wiki/special:RECENTCHANGES', '/w/index.php?title=Special:RecentChanges&limit=1']) {
      const res = await wiki.agent.get(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Recent changes</h1>');
      expect(res.text).toContain('<ul class="special">');
    }
  });
});
