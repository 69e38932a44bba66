/**
 * Special:ListUsers (MediaWiki's UsersPager): alphabetical rows
 * "Name (talk | contribs) (groups) [N edits] (Created on … at …)", the group
 * filter from `group` or the subpage, `username`, `editsOnly`,
 * `temporaryGroupsOnly`, `creationSort`, `desc`, and paging.
 */
import { mainContent } from '../../../helpers/pageHtml';
import { createTestWiki, portalPermissions, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

/** The user names of the rows, in order. */
function names(body: string): string[] {
  return [...body.matchAll(/<li><a [^>]*class="(?:new )?mw-userlink"[^>]*><bdi>([^<]*)<\/bdi>/g)].map((m) => m[1]);
}

function row(body: string, name: string): string {
  const m = new RegExp(`<li><a [^>]*><bdi>${name}</bdi>[\\s\\S]*?</li>`).exec(body);
  if (!m) throw new Error(`No row for ${name}`);
  return m[0];
}

describe.each(testDatabaseKinds())('Special:ListUsers on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind, portalPermissions());
    // Created in this order (creation sort), named so that alphabetical order differs.
    const carol = await wiki.createUser('Carol', { groups: ['docseditor', 'sysop'] });
    const alice = await wiki.createUser('Alice', { groups: ['docseditor'] });
    await wiki.createUser('Bob');
    const dave = await wiki.createUser('Dave');
    await wiki.createUser('Erin', { groups: ['bureaucrat'] });
    await wiki.services.userGroupManager.addUserToGroup(dave.id, 'docseditor', '20991231235900');
    await wiki.services.userGroupManager.addUserToGroup(dave.id, 'bot', '20000101000000'); // expired
    await wiki.edit('Help:Docs', 'one', { user: alice });
    await wiki.edit('Help:Docs', 'two', { user: alice });
    await wiki.edit('Help:Other', 'three', { user: carol });
    await wiki.edit('User:Carol', 'About me', { user: carol });
  });
  afterAll(async () => wiki.close());

  const get = async (url: string) => {
    const res = await wiki.agent.get(url);
    expect(res.status).toBe(200);
    return mainContent(res.text);
  };

  test('everyone, alphabetically, in MediaWiki’s row format', async () => {
    const res = await wiki.agent.get('/wiki/Special:ListUsers');
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">User list</h1>');
    const body = mainContent(res.text);
    expect(names(body)).toEqual(['Alice', 'Bob', 'Carol', 'Dave', 'Erin']);
    expect(row(body, 'Alice')).toMatch(
      new RegExp(
        '^<li><a href="/w/index.php\\?title=User:Alice&amp;action=edit&amp;redlink=1" class="new mw-userlink" title="User:Alice \\(page does not exist\\)"><bdi>Alice</bdi></a> ' +
          '<span class="mw-usertoollinks">\\(<a href="/w/index.php\\?title=User_talk:Alice&amp;action=edit&amp;redlink=1" class="new mw-usertoollinks-talk" title="User talk:Alice \\(page does not exist\\)">talk</a> \\| ' +
          '<a href="/wiki/Special:Contributions/Alice" class="mw-usertoollinks-contribs" title="Special:Contributions/Alice">contribs</a>\\)</span> ' +
          '\\(<a href="/w/index.php\\?title=API_Portal:Documentation_editors&amp;action=edit&amp;redlink=1" class="new" title="API Portal:Documentation editors \\(page does not exist\\)">documentation editor</a>\\) ' +
          '\\[2 edits\\] \\(Created on \\d+ \\w+ \\d{4} at \\d\\d:\\d\\d\\)</li>$',
      ),
    );
    // Existing user page: a blue link; several groups comma-separated.
    expect(row(body, 'Carol')).toContain('<a href="/wiki/User:Carol" class="mw-userlink" title="User:Carol"><bdi>Carol</bdi></a>');
    expect(row(body, 'Carol')).toMatch(/\(<a [^>]*>documentation editor<\/a>, <a [^>]*>administrator<\/a>\) \[2 edits\]/);
    // No edits: red contributions link, "[0 edits]"; no explicit groups: no group list (implicit ones never listed).
    expect(row(body, 'Bob')).toContain('class="new mw-usertoollinks-contribs"');
    expect(row(body, 'Bob')).toMatch(/<\/span> \[0 edits\] \(Created on/);
    expect(body).not.toContain('autoconfirmed user');
    // A temporary membership says until when; an expired one is gone.
    expect(row(body, 'Dave')).toMatch(/\(<a [^>]*>documentation editor<\/a> \(until 23:59, 31 December 2099\)\)/);
    expect(row(body, 'Dave')).not.toContain('bot');
    expect(body).not.toContain('mw-pager-navigation-bar');
  });

  test('the group filter: ?group=, the subpage, group/start', async () => {
    expect(names(await get('/w/index.php?title=Special:ListUsers&group=docseditor'))).toEqual(['Alice', 'Carol', 'Dave']);
    const sub = await get('/wiki/Special:ListUsers/docseditor');
    expect(names(sub)).toEqual(['Alice', 'Carol', 'Dave']);
    expect(sub).toContain('<option value="docseditor" selected>Documentation editors</option>');
    expect(names(await get('/wiki/Special:ListUsers/docseditor/Bz'))).toEqual(['Carol', 'Dave']);
    expect(names(await get('/wiki/Special:ListUsers/sysop'))).toEqual(['Carol']);
    expect(names(await get('/w/index.php?title=Special:ListUsers&group=bot'))).toEqual([]);
    // Implicit groups mean everyone.
    expect(names(await get('/wiki/Special:ListUsers/user'))).toHaveLength(5);
    expect(names(await get('/w/index.php?title=Special:ListUsers&group=*'))).toHaveLength(5);
  });

  test('the group menu offers the assignable groups by name, never the implicit ones', async () => {
    const body = await get('/wiki/Special:ListUsers');
    const options = [...body.matchAll(/<select id="mw-input-group" name="group">([\s\S]*?)<\/select>/g)][0][1];
    expect([...options.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', 'sysop', 'bot', 'bureaucrat', 'docseditor', 'interface-admin']);
    expect(options).toContain('<option value="" selected>(all)</option>');
    expect(options).not.toMatch(/value="(user|autoconfirmed|\*)"/);
  });

  test('start at a name, only users with edits, temporary groups only', async () => {
    expect(names(await get('/w/index.php?title=Special:ListUsers&username=carol'))).toEqual(['Carol', 'Dave', 'Erin']);
    expect(names(await get('/wiki/Special:ListUsers/Cz'))).toEqual(['Dave', 'Erin']);
    expect(names(await get('/w/index.php?title=Special:ListUsers&editsOnly=1'))).toEqual(['Alice', 'Carol']);
    const temporary = await get('/w/index.php?title=Special:ListUsers&temporaryGroupsOnly=1');
    expect(names(temporary)).toEqual(['Dave']);
    expect(temporary).toContain('<input type="checkbox" id="mw-input-temporaryGroupsOnly" name="temporaryGroupsOnly" value="1" checked>');
  });

  test('creation order and descending order', async () => {
    expect(names(await get('/w/index.php?title=Special:ListUsers&creationSort=1'))).toEqual(['Carol', 'Alice', 'Bob', 'Dave', 'Erin']);
    expect(names(await get('/w/index.php?title=Special:ListUsers&creationSort=1&desc=1'))).toEqual(['Erin', 'Dave', 'Bob', 'Alice', 'Carol']);
    expect(names(await get('/w/index.php?title=Special:ListUsers&desc=1'))).toEqual(['Erin', 'Dave', 'Carol', 'Bob', 'Alice']);
  });

  test('paging: limit, next / previous / first / last', async () => {
    const first = await get('/w/index.php?title=Special:ListUsers&limit=2');
    expect(names(first)).toEqual(['Alice', 'Bob']);
    expect(first).toContain('<div class="mw-pager-navigation-bar">(first | <a href="/w/index.php?title=Special:ListUsers&amp;limit=2&amp;dir=prev" class="mw-lastlink">last</a>) View (previous 2 | <a href="/w/index.php?title=Special:ListUsers&amp;limit=2&amp;offset=Bob" class="mw-nextlink" rel="next">next 2</a>)');
    const second = await get('/w/index.php?title=Special:ListUsers&limit=2&offset=Bob');
    expect(names(second)).toEqual(['Carol', 'Dave']);
    expect(second).toContain('<a href="/w/index.php?title=Special:ListUsers&amp;limit=2&amp;offset=Carol&amp;dir=prev" class="mw-prevlink" rel="prev">previous 2</a>');
    expect(names(await get('/w/index.php?title=Special:ListUsers&limit=2&offset=Carol&dir=prev'))).toEqual(['Alice', 'Bob']);
    const last = await get('/w/index.php?title=Special:ListUsers&limit=2&dir=prev');
    expect(names(last)).toEqual(['Dave', 'Erin']);
    expect(last).toContain('next 2');
    expect(last).not.toContain('class="mw-nextlink"');
    // Paging keeps the filters.
    const filtered = await get('/w/index.php?title=Special:ListUsers&group=docseditor&limit=1');
    expect(filtered).toContain('/w/index.php?title=Special:ListUsers&amp;group=docseditor&amp;limit=1&amp;offset=Alice');
    expect(names(await get('/w/index.php?title=Special:ListUsers&group=docseditor&limit=1&offset=Alice'))).toEqual(['Carol']);
  });

  test('no match: MediaWiki’s notice', async () => {
    const body = await get('/w/index.php?title=Special:ListUsers&username=Zed');
    expect(body).toContain('<p>No user found.</p>');
  });
});
