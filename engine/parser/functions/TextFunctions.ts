/**
 * Text and language-rule functions: lc, uc, lcfirst, ucfirst, padleft,
 * padright, formatnum, plural, grammar and gender (CoreParserFunctions,
 * with the Language methods they call).
 */
import type { ParserHookRegistry, RenderFrame } from '../ParserHooks';
import { pluralFormIndex } from '../../i18n/PluralRules';
import { NS_USER } from '../../title/NamespaceInfo';
import type { CoreFunctionDeps } from './CoreFunctionDeps';
import { targetLanguage } from './LanguageFunctions';
import { formatLossless, formatNum, formatNumNoSeparators, nanText, parseFormattedNumber } from './NumberFormatting';
import { killMarkers, markerSkip, phpTrim } from './WikitextEscaping';

/** Languages whose dotted/dotless i pairs differ (LanguageTr, LanguageAz ucfirst/lcfirst). */
const TURKIC = new Set(['tr', 'az', 'crh', 'kaa', 'kk-latn']);

/**
 * LanguageFi::convertGrammar(): the rules MediaWiki has for site names — vowel harmony from
 * the last back vowel (none after "wiki"), an 'i' after a final consonant, then the case ending.
 */
export function finnishGrammar(word: string, grammarCase: string): string {
  let aou = /[aou][^äöy]*$/i.test(word);
  if (/wiki$/i.test(word)) aou = false;
  if (/[bcdfghjklmnpqrstvwxz]$/i.test(word)) word += 'i';
  switch (grammarCase) {
    case 'genitive':
      return word + 'n';
    case 'elative':
      return word + (aou ? 'sta' : 'stä');
    case 'partitive':
      return word + (aou ? 'a' : 'ä');
    case 'illative': {
      // The last letter doubled, then 'n'.
      const last = [...word].pop() ?? '';
      return word + last + 'n';
    }
    case 'inessive':
      return word + (aou ? 'ssa' : 'ssä');
    default:
      return word;
  }
}

/** Language::ucfirst(): the first code point upper-cased (Turkic: i → İ). */
function ucfirst(text: string, language: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  const upper = TURKIC.has(language) && ch === 'i' ? 'İ' : ch.toUpperCase();
  return upper + text.slice(ch.length);
}

/** Language::lcfirst() (Turkic: I → ı). */
function lcfirst(text: string, language: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  const lower = TURKIC.has(language) && ch === 'I' ? 'ı' : ch.toLowerCase();
  return lower + text.slice(ch.length);
}

/** PHP (int) of a string: its leading number, truncated; 0 when there is none. */
function phpInt(text: string): number {
  const m = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text);
  if (!m) return 0;
  const value = Math.trunc(Number(m[0]));
  return Number.isFinite(value) ? value : 0;
}

/**
 * CoreParserFunctions::pad(): Unicode-aware str_pad, at most 500 characters;
 * the padding loses strip markers, the padded string keeps them.
 */
function pad(text: string, lengthArg: string, paddingArg: string, left: boolean): string {
  const padding = Array.from(killMarkers(paddingArg));
  if (padding.length === 0) return text;
  let remaining = Math.min(phpInt(lengthArg), 500) - Array.from(text).length;
  if (remaining <= 0) return text;
  let fill = '';
  while (remaining > 0) {
    fill += padding.slice(0, remaining).join('');
    remaining -= padding.length;
  }
  return left ? fill + text : text + fill;
}

/**
 * Language::convertPlural(): explicit "N=text" forms first (compared as
 * written, and removed from the list whether they match or not), then the
 * language's CLDR plural category, clamped to the forms given.
 */
function convertPlural(count: number, forms: string[], language: string): string {
  const regular: string[] = [];
  for (const form of forms) {
    if (/\d+=/.test(form)) {
      const eq = form.indexOf('=');
      if (form.slice(0, eq) === phpNumberString(count)) return form.slice(eq + 1);
      continue;
    }
    regular.push(form);
  }
  if (regular.length === 0) return '';
  const fraction = /\.(\d+)$/.exec(phpNumberString(count));
  const index = pluralFormIndex(language, count, fraction ? fraction[1].length : 0);
  return regular[Math.min(index, regular.length - 1)];
}

/** PHP's (string) of an int or float, for the comparisons convertPlural makes. */
function phpNumberString(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : String(n).replace(/e\+?/, 'E+');
}

/** Language::gender(): male, female, or the third (neutral) form, defaulting to the first. */
function genderForm(gender: string, forms: string[]): string {
  if (forms.length === 0) return '';
  // preConvertPlural( $forms, 2 ): repeat the last form to have at least two.
  const padded = forms.length < 2 ? [...forms, forms[forms.length - 1]] : forms;
  if (gender === 'male') return padded[0];
  if (gender === 'female') return padded[1];
  return padded[2] ?? padded[0];
}

export function registerTextFunctions(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  const noHash = { noHash: true };
  // Case functions use the content language and leave strip markers alone.
  registry.setFunctionHook('lc', (args) => markerSkip(phpTrim(args[0] ?? ''), (s) => s.toLowerCase()), noHash);
  registry.setFunctionHook('uc', (args) => markerSkip(phpTrim(args[0] ?? ''), (s) => s.toUpperCase()), noHash);
  registry.setFunctionHook('lcfirst', (args, frame) => lcfirst(phpTrim(args[0] ?? ''), frame.language), noHash);
  registry.setFunctionHook('ucfirst', (args, frame) => ucfirst(phpTrim(args[0] ?? ''), frame.language), noHash);

  registry.setFunctionHook('padleft', (args) => pad(phpTrim(args[0] ?? ''), phpTrim(args[1] ?? '0'), args.length > 2 ? phpTrim(args[2]) : '0', true), noHash);
  registry.setFunctionHook('padright', (args) => pad(phpTrim(args[0] ?? ''), phpTrim(args[1] ?? '0'), args.length > 2 ? phpTrim(args[2]) : '0', false), noHash);

  registry.setFunctionHook(
    'formatnum',
    (args, frame) => {
      const language = targetLanguage(frame);
      const nan = nanText(deps, language);
      const [num = '', ...flags] = args.map(phpTrim);
      // 'rawsuffix' (R) is case-sensitive; 'nocommafysuffix' (NOSEP) and 'lossless' are not.
      if (flags.includes('R')) return markerSkip(num, (s) => parseFormattedNumber(s, language, nan));
      const noSeparators = flags.some((f) => f.toUpperCase() === 'NOSEP');
      const lossless = flags.some((f) => f.toUpperCase() === 'LOSSLESS');
      return markerSkip(num, (s) => {
        const formatted = noSeparators ? formatNumNoSeparators(s, language, nan) : formatNum(s, language, nan);
        return lossless ? formatLossless(s, formatted, language) : formatted;
      });
    },
    noHash,
  );

  registry.setFunctionHook(
    'plural',
    (args, frame) => {
      const language = targetLanguage(frame);
      const [text = '', ...forms] = args.map(phpTrim);
      const number = parseFormattedNumber(text, language, nanText(deps, language));
      // settype( $text, ctype_digit( $text ) ? 'int' : 'float' ): the leading number, else 0.
      const m = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(number);
      return convertPlural(m ? Number(m[0]) : 0, forms, language);
    },
    noHash,
  );

  registry.setFunctionHook(
    'grammar',
    (args, frame: RenderFrame) => {
      const language = targetLanguage(frame);
      const grammarCase = phpTrim(args[0] ?? '');
      const word = killMarkers(phpTrim(args[1] ?? ''));
      // Language::convertGrammar(): $wgGrammarForms first, then the language's own rules (English has none).
      const form = deps.grammarForms?.[language]?.[grammarCase]?.[word];
      if (form !== undefined) return form;
      return language === 'fi' ? finnishGrammar(word, grammarCase) : word;
    },
    noHash,
  );

  registry.setFunctionHook(
    'gender',
    (args) => {
      const [rawName = '', ...forms] = args.map(phpTrim);
      if (forms.length === 0) return '';
      if (forms.length === 1) return forms[0];
      // "User:Name" and "Name" both name the user; a title normalises it ("&#42;foo" → "*foo").
      let userName = rawName;
      const title = deps.titles.newFromText(userName, NS_USER);
      if (title && title.getNamespace() === NS_USER) userName = title.getText();
      const gender = userName !== '' && deps.userGender ? deps.userGender(userName) : 'unknown';
      return genderForm(gender, forms);
    },
    noHash,
  );
}
