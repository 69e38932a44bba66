/**
 * Special:ListGroupRights (MediaWiki's SpecialListGroupRights): each group
 * linked to its group page and its members, its rights as
 * "Description (right)" — granted and revoked —, the groups it may add and
 * remove, and the namespace restrictions.
 */
import { portalGroupPermissions } from '../../../../engine/config/Settings';
import { mainContent } from '../../../helpers/pageHtml';
import { createTestWiki, portalPermissions, TestWiki } from '../../../helpers/TestWiki';
import { testDatabaseKinds } from '../../../helpers/testDatabases';

function groupRow(body: string, id: string): string {
  const m = new RegExp(`<tr id="${id}">[\\s\\S]*?</tr>`).exec(body);
  if (!m) throw new Error(`No row ${id}`);
  return m[0];
}

describe.each(testDatabaseKinds())('Special:ListGroupRights on %s', (kind) => {
  let wiki: TestWiki;
  let body: string;
  beforeAll(async () => {
    const groupPermissions = portalGroupPermissions();
    wiki = await createTestWiki(kind, {
      ...portalPermissions(),
      groupPermissions,
      revokePermissions: { bot: { minoredit: true } },
      addGroups: { bureaucrat: ['docseditor', 'bot', 'no-such-group'], sysop: true },
      removeGroups: { bureaucrat: ['docseditor'] },
      groupsAddToSelf: { sysop: ['bot'] },
      groupsRemoveFromSelf: { sysop: true },
    });
    await wiki.edit('API Portal:Documentation editors', 'Who edits the docs');
    const res = await wiki.agent.get('/wiki/Special:ListGroupRights');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 id="firstHeading" class="firstHeading mw-first-heading">User group rights</h1>');
    body = mainContent(res.text);
  });
  afterAll(async () => wiki.close());

  test('the introduction and legend', () => {
    expect(body).toContain('The following is a list of user groups defined on this wiki, with their associated access rights.');
    expect(body).toMatch(/<a href="[^"]*Help:Group_rights[^"]*"[^>]*>additional information<\/a> about individual rights\./);
    expect(body).toContain('<div class="mw-listgrouprights-key"><p>Legend:</p><ul><li><span class="listgrouprights-granted">Granted right</span></li><li><span class="listgrouprights-revoked">Revoked right</span></li></ul></div>');
    expect(body).toContain('<table class="wikitable mw-listgrouprights-table"><tr><th>Group</th><th>Rights</th></tr>');
  });

  test('every configured group, sorted, each linked to its page and members', () => {
    const table = body.slice(0, body.indexOf('<h2 id="Namespace_restrictions">'));
    const ids = [...table.matchAll(/<tr(?: id="([^"]*)")?><td>/g)].map((m) => m[1] ?? '*');
    expect(ids).toEqual(['*', 'autoconfirmed', 'bot', 'bureaucrat', 'docseditor', 'interface-admin', 'sysop', 'user']);
    // '*' is "(all)" without a link; implicit groups other than `user` have no member list.
    expect(body).toContain('<tr><td>(all)</td>');
    expect(groupRow(body, 'autoconfirmed')).not.toContain('list of members');
    expect(groupRow(body, 'user')).toContain('<br><a href="/wiki/Special:ListUsers" title="Special:ListUsers">(list of members)</a>');
    // An existing group page is a blue link.
    expect(groupRow(body, 'docseditor')).toContain('<td><a href="/wiki/API_Portal:Documentation_editors" title="API Portal:Documentation editors">Documentation editors</a><br><a href="/w/index.php?title=Special:ListUsers&amp;group=docseditor" title="Special:ListUsers">(list of members)</a></td>');
  });

  test('rights as "Description (right)", sorted by description; revoked ones marked', () => {
    const docs = groupRow(body, 'docseditor');
    expect(docs).toContain('<li><span class="listgrouprights-granted">Edit documentation <code>(<span class="mw-listgrouprights-right-name">edit-docs</span>)</code></span></li>');
    const rights = [...docs.matchAll(/mw-listgrouprights-right-name">([^<]*)</g)].map((m) => m[1]);
    expect(rights).toEqual(['createtalk', 'createpage', 'edit-docs', 'move', 'move-subpages']);
    // `*` has lost edit in the portal model: not listed as granted.
    const all = /<tr><td>\(all\)<\/td>[\s\S]*?<\/tr>/.exec(body)![0];
    expect([...all.matchAll(/right-name">([^<]*)</g)].map((m) => m[1])).toEqual(['createaccount', 'editmyoptions', 'editmyprivateinfo', 'read', 'viewmyprivateinfo']);
    expect(groupRow(body, 'bot')).toContain('<li><span class="listgrouprights-revoked">Mark edits as minor <code>(<span class="mw-listgrouprights-right-name">minoredit</span>)</code></span></li>');
  });

  test('which groups a group may add and remove', () => {
    const crat = groupRow(body, 'bureaucrat');
    expect(crat).toMatch(/<li>Add groups: <a [^>]*>Documentation editors<\/a>&#32;and <a [^>]*>Bots<\/a><\/li>/);
    expect(crat).toMatch(/<li>Remove group: <a [^>]*>Documentation editors<\/a><\/li>/);
    expect(crat).not.toContain('no-such-group');
    const sysop = groupRow(body, 'sysop');
    expect(sysop).toContain('<li>Add all groups</li>');
    expect(sysop).toMatch(/<li>Add group to own account: <a [^>]*>Bots<\/a><\/li>/);
    expect(sysop).toContain('<li>Remove all groups from own account</li>');
  });

  test('the namespace restrictions of the portal', () => {
    const section = body.slice(body.indexOf('<h2 id="Namespace_restrictions">Namespace restrictions</h2>'));
    expect(section).toContain('<tr><th>Namespace</th><th>Right(s) allowing user to edit</th></tr>');
    const rows = [...section.matchAll(/<tr><td><a href="\/w\/index.php\?title=Special:AllPages&amp;namespace=(\d+)"[^>]*>([^<]*)<\/a><\/td><td><ul>([\s\S]*?)<\/ul><\/td><\/tr>/g)].map((m) => [Number(m[1]), m[2], [...m[3].matchAll(/right-name">([^<]*)</g)].map((r) => r[1]).join(',')]);
    expect(rows).toEqual([
      [0, '(Main)', 'edit-docs'],
      [2, 'User', 'edit-docs'],
      [4, 'API Portal', 'edit-docs'],
      [6, 'File', 'edit-docs'],
      [8, 'MediaWiki', 'editinterface'],
      [10, 'Template', 'edit-docs'],
      [12, 'Help', 'edit-docs'],
      [14, 'Category', 'edit-docs'],
    ]);
  });
});
