/**
 * The API Portal's permission model (issue 4, point 8) as a matrix: every
 * group × namespace × action, checked with PermissionManager.userCan against
 * a table written out below — not computed from the configuration, so a
 * change to the model has to change this table too.
 *
 * Model: anonymous visitors only read; logged-in users edit and create in the
 * talk namespaces (MediaWiki talk included: only the MediaWiki namespace
 * itself needs editinterface); docseditor (edit-docs) edits and creates in
 * Main, User, Project, File, Template, Help, Category and every talk
 * namespace and moves pages there — except root user pages, files and
 * categories, which MediaWiki guards with move-rootuserpages, movefile and
 * move-categorypages (the portal gives those to sysops only); the MediaWiki
 * namespace needs editinterface, which sysops hold;
 * bureaucrats edit like users and manage docseditor membership.
 *
 * Also over HTTP: a user without edit-docs posting an edit to a Main page gets
 * the 403 "View source" page with the text kept; a docseditor saves it.
 */
import type { PageAction } from '../../../engine/permissions/PermissionManager';
import { anonymousVisitor, type User } from '../../../engine/user/User';
import { createTestWiki, portalPermissions, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

/**
 * r = read, e = edit an existing page, c = create a missing page, m = move an
 * existing page; '-' = refused.
 */
const EXPECTED = `
namespace        | anonymous | user | autoconfirmed | docseditor | sysop | bureaucrat
(Main)           | r---      | r--- | r---          | recm       | recm  | r---
Talk             | r---      | rec- | rec-          | recm       | recm  | rec-
User             | r---      | r--- | r---          | rec-       | recm  | r---
User talk        | r---      | rec- | rec-          | recm       | recm  | rec-
Project          | r---      | r--- | r---          | recm       | recm  | r---
Project talk     | r---      | rec- | rec-          | recm       | recm  | rec-
File             | r---      | r--- | r---          | rec-       | recm  | r---
File talk        | r---      | rec- | rec-          | recm       | recm  | rec-
MediaWiki        | r---      | r--- | r---          | r---       | recm  | r---
MediaWiki talk   | r---      | rec- | rec-          | recm       | recm  | rec-
Template         | r---      | r--- | r---          | recm       | recm  | r---
Template talk    | r---      | rec- | rec-          | recm       | recm  | rec-
Help             | r---      | r--- | r---          | recm       | recm  | r---
Help talk        | r---      | rec- | rec-          | recm       | recm  | rec-
Category         | r---      | r--- | r---          | rec-       | recm  | r---
Category talk    | r---      | rec- | rec-          | recm       | recm  | rec-
`;

const NAMESPACE_IDS: Record<string, number> = {
  '(Main)': 0, Talk: 1, User: 2, 'User talk': 3, Project: 4, 'Project talk': 5, File: 6, 'File talk': 7,
  MediaWiki: 8, 'MediaWiki talk': 9, Template: 10, 'Template talk': 11, Help: 12, 'Help talk': 13, Category: 14, 'Category talk': 15,
};

const ACTIONS: Array<{ letter: string; action: PageAction; page: 'existing' | 'missing' }> = [
  { letter: 'r', action: 'read', page: 'existing' },
  { letter: 'e', action: 'edit', page: 'existing' },
  { letter: 'c', action: 'create', page: 'missing' },
  { letter: 'm', action: 'move', page: 'existing' },
];

function parseTable(text: string): { groups: string[]; rows: Array<{ namespace: string; cells: string[] }> } {
  const lines = text.trim().split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
  const [header, ...body] = lines;
  return { groups: header.slice(1), rows: body.map((cells) => ({ namespace: cells[0], cells: cells.slice(1) })) };
}

describe.each(testDatabaseKinds())('the API Portal permission matrix on %s', (kind) => {
  let wiki: TestWiki;
  const users: Record<string, User> = {};
  beforeAll(async () => {
    // Autoconfirmed after 10 edits, so a new account is a plain "user".
    wiki = await createTestWiki(kind, { ...portalPermissions(), autoConfirmCount: 10 });
    for (const id of Object.values(NAMESPACE_IDS)) {
      const title = wiki.services.titleFactory.makeTitle(id, 'Matrix_page');
      await wiki.edit(title.getPrefixedText(), 'Matrix page text');
    }
    users.anonymous = anonymousVisitor('192.0.2.1');
    users.user = await wiki.createUser('Matrix user');
    users.autoconfirmed = { ...(await wiki.createUser('Matrix autoconfirmed')), editCount: 10 };
    users.docseditor = await wiki.createUser('Matrix docseditor', { groups: ['docseditor'] });
    users.sysop = await wiki.createUser('Matrix sysop', { groups: ['sysop'] });
    users.bureaucrat = await wiki.createUser('Matrix bureaucrat', { groups: ['bureaucrat'] });
  });
  afterAll(async () => wiki.close());

  test('the users are in the groups the table names', () => {
    const pm = wiki.services.permissionManager;
    expect(pm.getEffectiveGroups(users.anonymous)).toEqual(['*']);
    expect(pm.getEffectiveGroups(users.user)).toEqual(['*', 'user']);
    expect(pm.getEffectiveGroups(users.autoconfirmed)).toEqual(['*', 'user', 'autoconfirmed']);
    expect(pm.getEffectiveGroups(users.docseditor)).toEqual(['*', 'user', 'docseditor']);
    expect(pm.getEffectiveGroups(users.sysop)).toEqual(['*', 'user', 'sysop']);
    expect(pm.getEffectiveGroups(users.bureaucrat)).toEqual(['*', 'user', 'bureaucrat']);
  });

  test('the table covers every group and namespace', () => {
    const { groups, rows } = parseTable(EXPECTED);
    expect(groups).toEqual(['anonymous', 'user', 'autoconfirmed', 'docseditor', 'sysop', 'bureaucrat']);
    expect(rows.map((r) => r.namespace)).toEqual(Object.keys(NAMESPACE_IDS));
  });

  test('userCan agrees with the table for every group × namespace × action', async () => {
    const { groups, rows } = parseTable(EXPECTED);
    const pm = wiki.services.permissionManager;
    const actual: string[] = [];
    const expected: string[] = [];
    for (const row of rows) {
      const ns = NAMESPACE_IDS[row.namespace];
      const existing = wiki.services.titleFactory.makeTitle(ns, 'Matrix_page');
      const missing = wiki.services.titleFactory.makeTitle(ns, 'Missing_matrix_page');
      for (const [i, group] of groups.entries()) {
        let letters = '';
        for (const { letter, action, page } of ACTIONS) {
          letters += (await pm.userCan(action, users[group], page === 'existing' ? existing : missing)) ? letter : '-';
        }
        actual.push(`${row.namespace} / ${group}: ${letters}`);
        expected.push(`${row.namespace} / ${group}: ${row.cells[i]}`);
      }
    }
    expect(actual).toEqual(expected);
  });

  test('refusals name MediaWiki’s reasons', async () => {
    const pm = wiki.services.permissionManager;
    const title = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);
    expect(await pm.getPermissionErrors('edit', users.user, title('Matrix page'))).toEqual([{ key: 'namespaceprotected', params: ['(Main)', 'edit'] }]);
    expect(await pm.getPermissionErrors('edit', users.docseditor, title('MediaWiki:Matrix page'))).toEqual([{ key: 'protectedinterface', params: [] }]);
    expect((await pm.getPermissionErrors('edit', users.anonymous, title('Talk:Matrix page')))[0]).toMatchObject({ key: 'badaccess-groups' });
    expect((await pm.getPermissionErrors('move', users.user, title('Talk:Matrix page')))[0]).toMatchObject({ key: 'badaccess-groups' });
    expect(await pm.getPermissionErrors('create', users.user, title('Help:Missing matrix page'))).toEqual([{ key: 'nocreate-loggedin', params: [] }]);
  });

  test('who may change docseditor membership (getChangeableGroups)', () => {
    const pm = wiki.services.permissionManager;
    const none = { add: [], remove: [], addSelf: [], removeSelf: [] };
    for (const group of ['anonymous', 'user', 'autoconfirmed', 'docseditor', 'sysop']) expect([group, pm.getChangeableGroups(users[group])]).toEqual([group, none]);
    const crat = pm.getChangeableGroups(users.bureaucrat);
    expect(crat.add).toContain('docseditor');
    expect(crat.remove).toContain('docseditor');
    // Bureaucrats keep MediaWiki's `userrights`, which covers every assignable group;
    // $wgAddGroups / $wgRemoveGroups name docseditor explicitly (as the portal did).
    expect(wiki.services.settings.addGroups).toEqual({ bureaucrat: ['docseditor'] });
    expect(wiki.services.settings.removeGroups).toEqual({ bureaucrat: ['docseditor'] });
    expect(crat.add.sort()).toEqual(pm.getAssignableGroups().sort());
    expect(crat.remove.sort()).toEqual(pm.getAssignableGroups().sort());
  });

  test('without `userrights`, the portal’s $wgAddGroups alone let bureaucrats change docseditor and nothing else', async () => {
    const other = await createTestWiki(kind, { ...portalPermissions(), revokePermissions: { bureaucrat: { userrights: true } } });
    try {
      const crat = { ...users.bureaucrat, id: 1 };
      expect(other.services.permissionManager.getChangeableGroups(crat)).toEqual({ add: ['docseditor'], remove: ['docseditor'], addSelf: [], removeSelf: [] });
    } finally {
      await other.close();
    }
  });

  describe('over HTTP', () => {
    beforeAll(async () => {
      await wiki.createUser('Http talker');
      await wiki.createUser('Http docseditor', { groups: ['docseditor'] });
      await wiki.edit('Portal docs page', 'Original documentation');
    });

    async function postEdit(agent: ReturnType<TestWiki['newAgent']>, text: string, loggedIn = true) {
      // The session's token, from a form this user can open (the edit form itself is "View source" for them);
      // an anonymous visitor has no session and no token, and is refused for rights before the token is looked at.
      const token = loggedIn ? await wiki.getEditToken('/wiki/Special:ChangePassword', agent) : '';
      return agent.post('/w/index.php?title=Portal_docs_page&action=submit').type('form').send({ wpTextbox1: text, wpSummary: 'docs change', wpSave: '1', wpEditToken: token });
    }

    async function currentText(): Promise<string> {
      const page = await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Portal_docs_page' });
      return (await wiki.services.revisionStore.getTextByRevisionId(page!.latest))!;
    }

    test('a logged-in user without edit-docs is refused with 403, View source and the text kept', async () => {
      const agent = wiki.newAgent();
      await wiki.login('Http talker', undefined, agent);
      const res = await postEdit(agent, 'Talker <b>rewrite</b> of the docs');
      expect(res.status).toBe(403);
      expect(res.text).toContain('View source for Portal docs page');
      expect(res.text).toContain('You do not have permission to edit pages in the <strong>(Main)</strong> namespace.');
      expect(res.text).toMatch(/<textarea id="wpTextbox1"[^>]*readonly[^>]*>Talker &lt;b&gt;rewrite&lt;\/b&gt; of the docs<\/textarea>/);
      expect(await currentText()).toBe('Original documentation');
    });

    test('the same user may edit the talk page', async () => {
      const agent = wiki.newAgent();
      await wiki.login('Http talker', undefined, agent);
      const token = await wiki.getEditToken('/w/index.php?title=Talk:Portal_docs_page&action=edit', agent);
      const res = await agent.post('/w/index.php?title=Talk:Portal_docs_page&action=submit').type('form').send({ wpTextbox1: 'A question', wpSave: '1', wpEditToken: token });
      expect(res.status).toBe(303);
    });

    test('a docseditor saves the edit', async () => {
      const agent = wiki.newAgent();
      await wiki.login('Http docseditor', undefined, agent);
      const res = await postEdit(agent, 'Docs editor update');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/wiki/Portal_docs_page');
      expect(await currentText()).toBe('Docs editor update');
    });

    test('an anonymous visitor is refused too', async () => {
      const agent = wiki.newAgent();
      const res = await postEdit(agent, 'Anonymous text', false);
      expect(res.status).toBe(403);
      expect(res.text).toContain('Anonymous text');
      expect(await currentText()).toBe('Docs editor update');
    });
  });
});
