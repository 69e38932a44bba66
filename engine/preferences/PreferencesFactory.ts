/**
 * The preference fields users can set (MediaWiki's DefaultPreferencesFactory):
 * core fields, then whatever GetPreferences handlers add. Special:Preferences
 * renders this descriptor.
 */
import type { HookContainer } from '../hooks/HookContainer';
import type { PreferenceDescriptor } from '../hooks/HookSignatures';
import type { SkinRegistry } from '../skin/SkinRegistry';
import type { UserIdentity } from '../user/UserIdentity';

export class PreferencesFactory {
  constructor(
    private readonly hooks: HookContainer,
    private readonly skins: SkinRegistry,
    private readonly skipSkins: readonly string[],
    private readonly languages: () => string[],
  ) {}

  async getFormDescriptor(user: UserIdentity): Promise<Record<string, PreferenceDescriptor>> {
    const skinOptions = Object.fromEntries(this.skins.getAllowedSkins(this.skipSkins).map((name) => [name, `skinname-${name}`]));
    const languageOptions = Object.fromEntries(this.languages().map((code) => [code, code]));
    const descriptor: Record<string, PreferenceDescriptor> = {
      language: { type: 'select', section: 'personal/i18n', labelMessage: 'yourlanguage', options: languageOptions, default: 'en' },
      skin: { type: 'select', section: 'rendering/skin', labelMessage: 'prefs-skin', options: skinOptions },
    };
    await this.hooks.run('GetPreferences', user, descriptor);
    return descriptor;
  }
}
