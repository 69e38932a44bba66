/**
 * PermissionManager rules beyond the portal matrix: implicit groups
 * (autoconfirmed by age and edit count), expiring memberships,
 * revokePermissions, UserGetRights, the MediaWiki namespace's site CSS/JS
 * rights, user CSS/JS pages, page and create protection, and which groups a
 * performer may change.
 */
import type { User } from '../../../engine/user/User';
import { toMwTimestamp } from '../../../engine/util/Timestamp';
import { createTestWiki, TestWiki } from '../../helpers/TestWiki';
import { testDatabaseKinds } from '../../helpers/testDatabases';

function userWith(overrides: Partial<User> = {}): User {
  return { id: 42, name: 'Example', groups: [], registration: toMwTimestamp(), editCount: 0, email: '', emailAuthenticated: null, realName: '', touched: '', ...overrides };
}

describe.each(testDatabaseKinds())('PermissionManager on %s', (kind) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await createTestWiki(kind, { autoConfirmAge: 4 * 86400, autoConfirmCount: 10, revokePermissions: { bot: { minoredit: true } } });
  });
  afterAll(async () => wiki.close());
  const pm = () => wiki.services.permissionManager;
  const title = (text: string) => wiki.services.titleFactory.newFromTextThrow(text);

  test('autoconfirmed needs both the account age and the edit count', () => {
    const old = toMwTimestamp(new Date(Date.now() - 5 * 86400 * 1000));
    expect(pm().getEffectiveGroups(userWith({ registration: old, editCount: 10 }))).toEqual(['*', 'user', 'autoconfirmed']);
    expect(pm().getEffectiveGroups(userWith({ registration: old, editCount: 9 }))).toEqual(['*', 'user']);
    expect(pm().getEffectiveGroups(userWith({ registration: toMwTimestamp(), editCount: 50 }))).toEqual(['*', 'user']);
    expect(pm().getEffectiveGroups(userWith({ id: 0, name: '10.0.0.1' }))).toEqual(['*']);
  });

  test('revokePermissions removes a right whatever grants it', () => {
    expect(pm().userHasRight(userWith(), 'minoredit')).toBe(true);
    expect(pm().userHasRight(userWith({ groups: [{ group: 'bot', expiry: null }] }), 'minoredit')).toBe(false);
  });

  test('UserGetRights handlers can change the rights', () => {
    wiki.services.hooks.register('UserGetRights', (user, rights) => {
      if (user.name === 'Hooked') rights.push('hooked-right');
    });
    expect(pm().userHasRight(userWith({ name: 'Hooked' }), 'hooked-right')).toBe(true);
    expect(pm().userHasRight(userWith(), 'hooked-right')).toBe(false);
  });

  test('expired group memberships give nothing', async () => {
    const user = await wiki.createUser('Expiring sysop');
    await wiki.services.userGroupManager.addUserToGroup(user.id, 'sysop', '20000101000000');
    await wiki.services.userGroupManager.addUserToGroup(user.id, 'bot', toMwTimestamp(new Date(Date.now() + 86400 * 1000)));
    const loaded = (await wiki.services.userStore.getUserById(user.id))!;
    expect(loaded.groups.map((g) => g.group)).toEqual(['bot']);
    expect(pm().userHasRight(loaded, 'delete')).toBe(false);
  });

  test('MediaWiki: pages need editinterface, and CSS/JS pages the site rights of interface admins', async () => {
    const sysop = userWith({ groups: [{ group: 'sysop', expiry: null }] });
    const iadmin = userWith({ groups: [{ group: 'interface-admin', expiry: null }] });
    expect(await pm().getPermissionErrors('edit', userWith(), title('MediaWiki:Sidebar'))).toEqual([{ key: 'protectedinterface', params: [] }]);
    expect(await pm().userCan('edit', sysop, title('MediaWiki:Sidebar'))).toBe(true);
    expect(await pm().getPermissionErrors('edit', sysop, title('MediaWiki:Common.css'))).toEqual([{ key: 'sitecssprotected', params: [] }]);
    expect(await pm().userCan('edit', iadmin, title('MediaWiki:Common.css'))).toBe(true);
    expect(await pm().getPermissionErrors('edit', sysop, title('MediaWiki:Common.js'))).toEqual([{ key: 'sitejsprotected', params: [] }]);
  });

  test('user CSS/JS pages: one’s own with editmyuser*, others’ only with edituser*', async () => {
    const me = userWith({ name: 'Example' });
    expect(await pm().userCan('create', me, title('User:Example/common.css'))).toBe(true);
    expect(await pm().getPermissionErrors('create', me, title('User:Someone/common.css'))).toEqual([{ key: 'customcssprotected', params: [] }]);
    expect(await pm().userCan('create', userWith({ groups: [{ group: 'interface-admin', expiry: null }] }), title('User:Someone/common.css'))).toBe(true);
  });

  test('a missing right is explained with the groups that have it', async () => {
    expect(await pm().getPermissionErrors('protect', userWith(), title('Some page'))).toEqual([{ key: 'badaccess-groups', params: [], groups: ['sysop'] }]);
  });

  test('page protection: autoconfirmed and sysop levels, with expiry', async () => {
    await wiki.edit('Protected page', 'text');
    const page = (await wiki.services.pageStore.getPage({ namespace: 0, dbKey: 'Protected_page' }))!;
    const newbie = userWith({ editCount: 0 });
    const regular = userWith({ editCount: 20, registration: '20200101000000' });
    const sysop = userWith({ groups: [{ group: 'sysop', expiry: null }] });
    await wiki.services.restrictionStore.setRestrictions(page.id, [{ type: 'edit', level: 'autoconfirmed', expiry: null, cascade: false }]);
    expect(await pm().getPermissionErrors('edit', newbie, title('Protected page'))).toEqual([{ key: 'protectedpagetext', params: ['editsemiprotected', 'edit'] }]);
    expect(await pm().userCan('edit', regular, title('Protected page'))).toBe(true);
    await wiki.services.restrictionStore.setRestrictions(page.id, [{ type: 'edit', level: 'sysop', expiry: null, cascade: false }]);
    expect(await pm().userCan('edit', regular, title('Protected page'))).toBe(false);
    expect(await pm().userCan('move', regular, title('Protected page'))).toBe(false);
    expect(await pm().userCan('edit', sysop, title('Protected page'))).toBe(true);
    await wiki.services.restrictionStore.setRestrictions(page.id, [{ type: 'edit', level: 'sysop', expiry: '20000101000000', cascade: false }]);
    expect(await pm().userCan('edit', regular, title('Protected page'))).toBe(true);
  });

  test('create protection of a missing title', async () => {
    await wiki.services.restrictionStore.setCreateProtection(0, 'Salted_title', { level: 'sysop', expiry: null, userId: 1, reason: 'spam' });
    const errors = await pm().getPermissionErrors('create', userWith({ editCount: 20, registration: '20200101000000' }), title('Salted title'));
    expect(errors).toEqual([{ key: 'titleprotected', params: ['1', 'spam'] }]);
    expect(await pm().userCan('create', userWith({ groups: [{ group: 'sysop', expiry: null }] }), title('Salted title'))).toBe(true);
  });

  test('the userrights right changes every assignable group, never the implicit ones', () => {
    const bureaucrat = userWith({ groups: [{ group: 'bureaucrat', expiry: null }] });
    const { add, remove } = pm().getChangeableGroups(bureaucrat);
    expect(add).toEqual(expect.arrayContaining(['sysop', 'bureaucrat', 'interface-admin', 'bot']));
    expect(remove).toEqual(add);
    for (const implicit of ['*', 'user', 'autoconfirmed']) expect(add).not.toContain(implicit);
  });
});

describe.each(testDatabaseKinds())('changeable groups without userrights on %s', (kind) => {
  test('a group with $wgAddGroups/$wgRemoveGroups gets exactly those; self-service groups only for oneself', async () => {
    const wiki = await createTestWiki(kind, {
      groupPermissions: { '*': { read: true }, user: { read: true }, bureaucrat: { noratelimit: true }, docseditor: { 'edit-docs': true }, bot: { bot: true } },
      addGroups: { bureaucrat: ['docseditor'] },
      removeGroups: { bureaucrat: ['docseditor'] },
      groupsAddToSelf: { user: ['bot'] },
      groupsRemoveFromSelf: {},
    });
    try {
      const bureaucrat = userWith({ groups: [{ group: 'bureaucrat', expiry: null }] });
      expect(wiki.services.permissionManager.getChangeableGroups(bureaucrat)).toEqual({ add: ['docseditor'], remove: ['docseditor'], addSelf: ['bot'], removeSelf: [] });
    } finally {
      await wiki.close();
    }
  });
});
