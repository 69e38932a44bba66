/**
 * The preference fields users can set (MediaWiki's DefaultPreferencesFactory):
 * core fields, then whatever GetPreferences handlers add. Special:Preferences
 * renders this descriptor and validates submissions against it.
 *
 * Core fields, by MediaWiki's preference names and sections:
 * - personal/info: `realname` (saved to the account, not as an option; only
 *   with `viewmyprivateinfo`, editable with `editmyprivateinfo`);
 * - personal/i18n: `gender` (unknown/female/male) and `language` (every
 *   language the message store has, plus the content language and the
 *   user's current one);
 * - rendering/skin: `skin` — the loaded skins not in $wgSkipSkins, plus the
 *   skin asked for with `useskin=` and the one the user already has (as
 *   MediaWiki's getValidSkinNames keeps them), omitted when there is none;
 * - watchlist/displaywatchlist: `watchlistdays` (days, 1 hour … $wgRCMaxAge)
 *   and `wllimit` (1 … 1000);
 * - watchlist/pageswatchlist: `watchdefault` (with `edit`) and
 *   `watchcreations` (with `createpage` or `createtalk`).
 *
 * Profile information (user name, groups, edit count, email state) is not
 * an option and is drawn by the special page itself.
 */
import type { HookContainer } from '../hooks/HookContainer';
import type { PreferenceDescriptor } from '../hooks/HookSignatures';
import { resolveIntlLocale } from '../i18n/LanguageFallback';
import type { SkinRegistry } from '../skin/SkinRegistry';
import type { UserIdentity } from '../user/UserIdentity';
import type { UserOptions } from '../user/UserOptionsManager';

/** MediaWiki's HTMLForm field types used by preferences (hook fields use the first four). */
export type PreferenceFieldType = PreferenceDescriptor['type'] | 'radio' | 'int' | 'float';

/**
 * One preference field. GetPreferences handlers see these as
 * PreferenceDescriptor (a subset); the extra types and attributes are core's.
 */
export interface PreferenceField {
  type: PreferenceFieldType;
  /** "top/sub" section, e.g. personal/i18n (legends prefs-<top>, prefs-<sub>). */
  section: string;
  /** Message key of the label. */
  labelMessage?: string;
  /** select/radio: value → message key of its label (the value itself when no such message exists). */
  options?: Record<string, string>;
  /** select/radio: value → label text, taking precedence over `options` (language names). */
  optionLabels?: Record<string, string>;
  default?: string | boolean | number;
  /** Message key of a help text shown under the field, with its parameters. */
  helpMessage?: string;
  helpParams?: Array<string | number>;
  /** int/float bounds. */
  min?: number;
  max?: number;
  /** Shown but not changeable. */
  disabled?: boolean;
  /** Not stored as a user option (saved by the special page itself: realname). */
  notAnOption?: boolean;
}

/** What the descriptor depends on besides the user. */
export interface PreferencesEnvironment {
  /** The user's current options. */
  options?: Readonly<UserOptions>;
  /** The request's `useskin=`. */
  useskin?: string | null;
  /** The user's rights (toggles are offered for what the user may do). */
  rights?: readonly string[];
  /** $wgRCMaxAge in seconds: the largest `watchlistdays`. */
  rcMaxAge?: number;
  /** $wgDefaultSkin, marked "(default)" in the skin list. */
  defaultSkin?: string;
  /** The content language, always offered. */
  contentLanguage?: string;
}

/** MediaWiki's limit on `wllimit`. */
export const WLLIMIT_MAX = 1000;

/** Autonym of a language code ("Deutsch"), or the code when Intl has no name for it. */
export function languageAutonym(code: string): string {
  try {
    const locale = resolveIntlLocale(code);
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? code;
  } catch {
    return code;
  }
}

export class PreferencesFactory {
  constructor(
    private readonly hooks: HookContainer,
    private readonly skins: SkinRegistry,
    private readonly skipSkins: readonly string[],
    private readonly languages: () => string[],
  ) {}

  /** DefaultPreferencesFactory::getValidSkinNames(). */
  getValidSkinNames(env: PreferencesEnvironment = {}): string[] {
    const names = new Set(this.skins.getAllowedSkins(this.skipSkins));
    for (const extra of [env.useskin, env.options?.skin]) {
      if (typeof extra !== 'string' || extra === '') continue;
      const skin = this.skins.get(extra);
      if (skin && skin.name.toLowerCase() !== 'fallback') names.add(skin.name.toLowerCase());
    }
    return [...names].sort();
  }

  /** Languages offered: those with messages plus the content language (a stored code the store doesn't know is not offered back). */
  getLanguageCodes(env: PreferencesEnvironment = {}): string[] {
    const codes = new Set(this.languages().filter((code) => code !== 'qqq' && code !== 'qqx'));
    if (env.contentLanguage) codes.add(env.contentLanguage);
    return [...codes].sort();
  }

  async getFormDescriptor(user: UserIdentity, env: PreferencesEnvironment = {}): Promise<Record<string, PreferenceField>> {
    const rights = env.rights ? new Set(env.rights) : null;
    const may = (right: string) => rights === null || rights.has(right);
    const descriptor: Record<string, PreferenceField> = {};

    if (may('viewmyprivateinfo')) {
      descriptor.realname = { type: 'text', section: 'personal/info', labelMessage: 'yourrealname', helpMessage: 'prefs-help-realname', disabled: !may('editmyprivateinfo'), notAnOption: true };
    }

    descriptor.gender = {
      type: 'radio',
      section: 'personal/i18n',
      labelMessage: 'yourgender',
      options: { unknown: 'gender-unknown', female: 'gender-female', male: 'gender-male' },
      default: 'unknown',
      helpMessage: 'prefs-help-gender',
    };
    const languageCodes = this.getLanguageCodes(env);
    descriptor.language = {
      type: 'select',
      section: 'personal/i18n',
      labelMessage: 'yourlanguage',
      options: Object.fromEntries(languageCodes.map((code) => [code, code])),
      optionLabels: Object.fromEntries(languageCodes.map((code) => [code, `${code} - ${languageAutonym(code)}`])),
      default: env.contentLanguage ?? 'en',
    };

    const skinNames = this.getValidSkinNames(env);
    if (skinNames.length > 0) {
      descriptor.skin = { type: 'radio', section: 'rendering/skin', labelMessage: 'prefs-skin', options: Object.fromEntries(skinNames.map((name) => [name, `skinname-${name}`])), default: env.defaultSkin };
    }

    const maxDays = Math.ceil((env.rcMaxAge ?? 90 * 86400) / 86400);
    descriptor.watchlistdays = { type: 'float', section: 'watchlist/displaywatchlist', labelMessage: 'prefs-watchlist-days', min: 1 / 24, max: maxDays, helpMessage: 'prefs-watchlist-days-max', helpParams: [maxDays] };
    descriptor.wllimit = { type: 'int', section: 'watchlist/displaywatchlist', labelMessage: 'prefs-watchlist-edits', min: 1, max: WLLIMIT_MAX, helpMessage: 'prefs-watchlist-edits-max' };
    if (may('edit')) descriptor.watchdefault = { type: 'toggle', section: 'watchlist/pageswatchlist', labelMessage: 'tog-watchdefault' };
    if (rights === null || rights.has('createpage') || rights.has('createtalk')) {
      descriptor.watchcreations = { type: 'toggle', section: 'watchlist/pageswatchlist', labelMessage: 'tog-watchcreations' };
    }

    // Handlers see MediaWiki's simpler descriptor type; core's extra attributes pass through untouched.
    await this.hooks.run('GetPreferences', user, descriptor as unknown as Record<string, PreferenceDescriptor>);
    return descriptor;
  }
}
