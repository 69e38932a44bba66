/**
 * The preferences descriptor (MediaWiki's DefaultPreferencesFactory): core
 * fields by rights, the skin list ($wgSkipSkins, useskin=, the user's own
 * skin) and the language list, and GetPreferences fields after them.
 */
import { HookContainer } from '../../../engine/hooks/HookContainer';
import { PreferencesFactory } from '../../../engine/preferences/PreferencesFactory';
import { SkinRegistry } from '../../../engine/skin/SkinRegistry';
import type { Skin } from '../../../engine/skin/Skin';

function registry(...names: string[]): SkinRegistry {
  const skins = new SkinRegistry();
  for (const name of ['fallback', ...names]) skins.register({ name } as unknown as Skin);
  return skins;
}

const user = { id: 1, name: 'Alice' };

describe('PreferencesFactory', () => {
  test('skins: allowed ones minus skipSkins, never the fallback; useskin= and the current skin are kept', async () => {
    const factory = new PreferencesFactory(new HookContainer(), registry('vector', 'portal', 'monobook'), ['vector', 'monobook'], () => ['en']);
    expect(factory.getValidSkinNames()).toEqual(['portal']);
    expect(factory.getValidSkinNames({ useskin: 'vector' })).toEqual(['portal', 'vector']);
    expect(factory.getValidSkinNames({ options: { skin: 'monobook' } })).toEqual(['monobook', 'portal']);
    expect(factory.getValidSkinNames({ useskin: 'fallback', options: { skin: 'nosuch' } })).toEqual(['portal']);
    const descriptor = await factory.getFormDescriptor(user, { defaultSkin: 'portal' });
    expect(descriptor.skin).toMatchObject({ type: 'radio', section: 'rendering/skin', options: { portal: 'skinname-portal' }, default: 'portal' });
  });

  test('no skin field when no skin is left to offer', async () => {
    const factory = new PreferencesFactory(new HookContainer(), registry('vector'), ['vector'], () => ['en']);
    expect((await factory.getFormDescriptor(user)).skin).toBeUndefined();
  });

  test('languages: the message store\'s, plus the content language, with autonyms; never qqq/qqx', async () => {
    const factory = new PreferencesFactory(new HookContainer(), registry(), [], () => ['en', 'de', 'qqq', 'qqx']);
    const descriptor = await factory.getFormDescriptor(user, { contentLanguage: 'fr' });
    expect(Object.keys(descriptor.language.options!)).toEqual(['de', 'en', 'fr']);
    expect(descriptor.language.optionLabels).toMatchObject({ de: 'de - Deutsch', en: 'en - English', fr: 'fr - français' });
  });

  test('fields follow the rights: private info and auto-watch toggles', async () => {
    const factory = new PreferencesFactory(new HookContainer(), registry(), [], () => ['en']);
    const full = await factory.getFormDescriptor(user, { rights: ['viewmyprivateinfo', 'editmyprivateinfo', 'edit', 'createpage'] });
    expect(full.realname).toMatchObject({ type: 'text', disabled: false, notAnOption: true });
    expect(full.watchdefault).toBeDefined();
    expect(full.watchcreations).toBeDefined();
    const readOnly = await factory.getFormDescriptor(user, { rights: ['viewmyprivateinfo'] });
    expect(readOnly.realname.disabled).toBe(true);
    expect(readOnly.watchdefault).toBeUndefined();
    expect(readOnly.watchcreations).toBeUndefined();
    const none = await factory.getFormDescriptor(user, { rights: [] });
    expect(none.realname).toBeUndefined();
    expect(none.wllimit).toMatchObject({ type: 'int', min: 1, max: 1000 });
    expect(none.watchlistdays).toMatchObject({ type: 'float', max: 90 });
  });

  test('GetPreferences handlers add fields after the core ones', async () => {
    const hooks = new HookContainer();
    hooks.register('GetPreferences', (_user, prefs) => {
      prefs['myext-toggle'] = { type: 'toggle', section: 'misc/myext', labelMessage: 'myext-label', default: true };
    });
    const factory = new PreferencesFactory(hooks, registry(), [], () => ['en']);
    const descriptor = await factory.getFormDescriptor(user);
    expect(Object.keys(descriptor).at(-1)).toBe('myext-toggle');
  });
});
