import { HookContainer } from '../../../engine/hooks/HookContainer';
import { anonymousUser } from '../../../engine/user/UserIdentity';

describe('HookContainer', () => {
  test('handlers run in registration order with typed arguments', async () => {
    const hooks = new HookContainer();
    const calls: string[] = [];
    hooks.register('UserGetRights', (_user, rights) => {
      calls.push('first');
      rights.push('a');
    });
    hooks.register('UserGetRights', (_user, rights) => {
      calls.push(`second saw ${rights.join(',')}`);
    });
    const rights: string[] = [];
    expect(await hooks.run('UserGetRights', anonymousUser('1.2.3.4'), rights)).toBe(true);
    expect(calls).toEqual(['first', 'second saw a']);
  });

  test('an abortable hook stops at the handler that returns false', async () => {
    const hooks = new HookContainer();
    const calls: number[] = [];
    hooks.register('SkinBuildSidebar', () => {
      calls.push(1);
      return false;
    });
    hooks.register('SkinBuildSidebar', () => {
      calls.push(2);
    });
    expect(await hooks.run('SkinBuildSidebar', {} as never, [])).toBe(false);
    expect(calls).toEqual([1]);
  });

  test('async handlers are awaited in order', async () => {
    const hooks = new HookContainer();
    const calls: string[] = [];
    hooks.register('PageSaveComplete', async () => {
      await new Promise((r) => setTimeout(r, 10));
      calls.push('slow');
    });
    hooks.register('PageSaveComplete', () => {
      calls.push('fast');
    });
    await hooks.run('PageSaveComplete', {} as never, anonymousUser('1.2.3.4'), '');
    expect(calls).toEqual(['slow', 'fast']);
  });

  test('runSync refuses async handlers instead of silently ignoring them', () => {
    const hooks = new HookContainer();
    hooks.register('UserGetRights', async () => undefined);
    expect(() => hooks.runSync('UserGetRights', anonymousUser('1.2.3.4'), [])).toThrow(/synchronous/);
  });

  test('no handlers: run returns true', async () => {
    expect(await new HookContainer().run('BeforePageDisplay', {} as never, {} as never)).toBe(true);
    expect(new HookContainer().isRegistered('BeforePageDisplay')).toBe(false);
  });
});
