import { createTestWiki, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';
import { mainContent } from '../../../helpers/pageHtml';
import type { NewLogEntry } from '../../../../engine/storage/LogStore';

/** The log lines, in order. */
function lines(body: string): string[] {
  return [...body.matchAll(/<li data-mw-logid="\d+"[\s\S]*?<\/li>/g)].map((m) => m[0]);
}

function ids(body: string): number[] {
  return [...body.matchAll(/<li data-mw-logid="(\d+)"/g)].map((m) => Number(m[1]));
}

describe.each(testDatabaseKinds())('Special:Log on %s', (kind) => {
  let wiki: TestWiki;
  const logIds: Record<string, number> = {};
  const pagingIds: number[] = [];
  beforeAll(async () => {
    wiki = await createTestWiki(kind);
    await wiki.edit('New page', 'moved here');
    const actor = (name: string) => wiki.services.actorStore.acquireActorId({ id: 0, name });
    const insert = (entry: NewLogEntry) => wiki.services.db.transaction((trx) => wiki.services.logStore.insert(entry, trx));
    const a = await actor('1.2.3.4');
    const b = await actor('5.6.7.8');
    const c = await actor('9.9.9.9');
    logIds.move = await insert({ type: 'move', action: 'move', actorId: a, namespace: 0, dbKey: 'Old_page', comment: 'better name', params: { '4::target': 'New page', '5::noredir': '1' } });
    logIds.delete = await insert({ type: 'delete', action: 'delete', actorId: b, namespace: 0, dbKey: 'Gone', comment: 'spam' });
    logIds.custom = await insert({ type: 'custom', action: 'poke', actorId: a, namespace: 2, dbKey: '5.6.7.8' });
    for (let i = 0; i < 5; i++) pagingIds.push(await insert({ type: 'paging', action: 'step', actorId: c, namespace: 0, dbKey: `Step_${i}` }));
  });
  afterAll(async () => wiki.close());

  const get = async (url: string) => {
    const res = await wiki.agent.get(url);
    expect(res.status).toBe(200);
    return mainContent(res.text);
  };

  test('all public logs, newest first, in MediaWiki line format', async () => {
    const res = await wiki.agent.get('/wiki/Special:Log');
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">All public logs</h1>');
    const body = mainContent(res.text);
    expect(ids(body)).toEqual([...pagingIds].reverse().concat([logIds.custom, logIds.delete, logIds.move]));
    const move = lines(body).find((l) => l.includes(`data-mw-logid="${logIds.move}"`))!;
    expect(move).toMatch(/^<li data-mw-logid="\d+" data-mw-logaction="move\/move" class="mw-logline-move"><a href="\/w\/index.php\?title=Special:Log&amp;logid=\d+" class="mw-changeslist-date">\d\d:\d\d, \d+ [A-Z][a-z]+ \d{4}<\/a> /);
    expect(move).toMatch(/<a href="\/wiki\/Special:Contributions\/1.2.3.4" class="mw-userlink mw-anonuserlink"[^>]*><bdi>1.2.3.4<\/bdi><\/a> <span class="mw-usertoollinks">/);
    // MoveLogFormatter's "-noredirect" message, the old title red, the new one blue.
    expect(move).toContain('moved page <a href="/w/index.php?title=Old_page&amp;action=edit&amp;redlink=1" class="new" title="Old page (page does not exist)">Old page</a> to <a href="/wiki/New_page" title="New page">New page</a> without leaving a redirect');
    expect(move).toContain('<span class="comment">(better name)</span>');
    const del = lines(body).find((l) => l.includes(`data-mw-logid="${logIds.delete}"`))!;
    expect(del).toContain('deleted page <a href="/w/index.php?title=Gone&amp;action=edit&amp;redlink=1" class="new"');
    // An action without a message of its own gets the generic one.
    const custom = lines(body).find((l) => l.includes(`data-mw-logid="${logIds.custom}"`))!;
    expect(custom).toContain('performed the action &quot;custom/poke&quot; on <a href="/w/index.php?title=User:5.6.7.8&amp;action=edit&amp;redlink=1"');
    // The type menu offers the types that have entries.
    expect(body).toContain('<option value="" selected>All public logs</option>');
    expect(body).toContain('<option value="move">Move log</option>');
    expect(body).toContain('<option value="delete">Deletion log</option>');
    expect(body).toContain('<option value="custom">custom</option>');
    expect(body).not.toContain('mw-pager-navigation-bar');
  });

  test('the type, from the parameter or the subpage', async () => {
    const res = await wiki.agent.get('/wiki/Special:Log/move');
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">Move log</h1>');
    expect(ids(mainContent(res.text))).toEqual([logIds.move]);
    expect(mainContent(res.text)).toContain('<option value="move" selected>Move log</option>');
    expect(mainContent(res.text)).toContain('Below is a list of all page moves.');
    expect(ids(await get('/wiki/Special:Log?type=delete'))).toEqual([logIds.delete]);
    expect(ids(await get('/wiki/Special:Log/all'))).toHaveLength(8);
  });

  test('an unknown type is an empty list with a notice, not an error', async () => {
    const body = await get('/wiki/Special:Log?type=bogus');
    expect(lines(body)).toEqual([]);
    expect(body).toContain('No matching items in log.');
    expect(lines(await get('/wiki/Special:Log/bogus'))).toEqual([]);
    for (const type of ['constructor', '__proto__', 'toString']) {
      expect(await get(`/wiki/Special:Log?type=${type}`)).toContain('No matching items in log.');
    }
  });

  test('performer and target filters', async () => {
    expect(ids(await get('/wiki/Special:Log?user=1.2.3.4'))).toEqual([logIds.custom, logIds.move]);
    expect(ids(await get('/wiki/Special:Log/move/1.2.3.4'))).toEqual([logIds.move]);
    // A subpage that is not a log type is the performer (SpecialLog::parseParams).
    expect(ids(await get('/wiki/Special:Log/5.6.7.8'))).toEqual([logIds.delete]);
    expect(ids(await get('/wiki/Special:Log?page=Old+page'))).toEqual([logIds.move]);
    expect(ids(await get('/wiki/Special:Log?page=User:5.6.7.8'))).toEqual([logIds.custom]);
    const nobody = await get('/wiki/Special:Log?user=Nobody');
    expect(lines(nobody)).toEqual([]);
    expect(nobody).toContain('No matching items in log.');
    expect(nobody).toContain('name="user" size="20" value="Nobody"');
  });

  test('paging by log id with newer/older links', async () => {
    const [p0, p1, p2, p3, p4] = pagingIds;
    const first = await get('/wiki/Special:Log?type=paging&limit=2');
    expect(ids(first)).toEqual([p4, p3]);
    expect(first).toContain(`<a href="/w/index.php?title=Special:Log&amp;type=paging&amp;limit=2&amp;offset=${p3}" class="mw-nextlink" rel="next">older 2</a>`);
    expect(first).toContain('(newest | <a href=');
    expect(first).not.toContain('mw-prevlink');

    const second = await get(`/wiki/Special:Log?type=paging&limit=2&offset=${p3}`);
    expect(ids(second)).toEqual([p2, p1]);
    expect(second).toContain(`offset=${p1}" class="mw-nextlink"`);
    // The newer page is the first one again: no offset needed.
    expect(second).toContain('<a href="/w/index.php?title=Special:Log&amp;type=paging&amp;limit=2" class="mw-prevlink" rel="prev">newer 2</a>');

    const third = await get(`/wiki/Special:Log?type=paging&limit=2&offset=${p1}`);
    expect(ids(third)).toEqual([p0]);
    expect(third).not.toContain('mw-nextlink');
    expect(third).toContain(`offset=${p2 + 1}" class="mw-prevlink"`);
    expect(ids(await get(`/wiki/Special:Log?type=paging&limit=2&offset=${p2 + 1}`))).toEqual([p2, p1]);
  });

  test('malformed limit and offset fall back to the defaults', async () => {
    for (const query of ['limit=abc', 'limit=-5', 'limit=0', 'offset=abc', 'offset=-3', 'limit=99999']) {
      expect(ids(await get(`/wiki/Special:Log?${query}`))).toHaveLength(8);
    }
  });

  test('bad input is never echoed raw', async () => {
    for (const param of ['user', 'page', 'type']) {
      const res = await wiki.agent.get(`/wiki/Special:Log?${param}=%3Cscript%3Ealert(1)%3C/script%3E`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('<script>alert(1)');
      expect(mainContent(res.text)).toContain('No matching items in log.');
    }
    expect(mainContent((await wiki.agent.get('/wiki/Special:Log?user=%3Cscript%3E')).text)).toContain('value="&lt;script&gt;"');
  });

  test('the name and its alias are matched case-insensitively', async () => {
    for (const url of ['/wiki/Special:Logs', '/wiki/Special:log', '/wiki/special:LOGS/move', '/w/index.php?title=Special:Log&type=move']) {
      const res = await wiki.agent.get(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('mw-logevent-loglines');
    }
  });
});
