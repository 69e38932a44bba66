/**
 * Language words: {{#language:}}, {{DIRMARK}}, {{CONTENTLANGUAGE}},
 * {{PAGELANGUAGE}}, {{USERLANGUAGE}}, and the page language that MediaWiki
 * calls the parser's target language (numbers, plural and dates follow it).
 *
 * Language names are CLDR data, as in MediaWiki (Names.php autonyms and the
 * cldr extension's translations): we read them from ICU through
 * Intl.DisplayNames, and keep MediaWiki's own spelling for the codes where
 * its Names.php differs from CLDR or that CLDR does not know.
 */
import type { ParserHookRegistry, RenderFrame } from '../ParserHooks';
import { isValidLanguageCode, resolveIntlLocale, toBcp47 } from '../../i18n/LanguageFallback';
import { NS_MEDIAWIKI, NS_USER } from '../../title/NamespaceInfo';
import type { CoreFunctionDeps } from './CoreFunctionDeps';
import { addTrackingCategory } from './TrackingCategories';
import { escapeWikiText, phpTrim } from './WikitextEscaping';

/** Names.php autonyms where MediaWiki does not use CLDR's. */
const MEDIAWIKI_AUTONYMS: Readonly<Record<string, string>> = {
  als: 'Alemannisch',
  ang: 'Ænglisc',
  az: 'azərbaycanca',
  'be-tarask': 'беларуская (тарашкевіца)',
  'de-formal': 'Deutsch (Sie-Form)',
  'es-formal': 'español (formal)',
  'hu-formal': 'magyar (formal)',
  id: 'Bahasa Indonesia',
  kk: 'қазақша',
  km: 'ភាសាខ្មែរ',
  ku: 'kurdî',
  ms: 'Bahasa Melayu',
  my: 'မြန်မာဘာသာ',
  nds: 'Plattdüütsch',
  'nl-informal': 'Nederlands (informeel)',
  no: 'norsk',
  'pt-br': 'português do Brasil',
  sh: 'srpskohrvatski / српскохрватски',
  simple: 'Simple English',
  so: 'Soomaaliga',
  sr: 'српски / srpski',
  'sr-ec': 'српски (ћирилица)',
  'sr-el': 'srpski (latinica)',
  tt: 'татарча / tatarça',
  uz: 'oʻzbekcha / ўзбекча',
  'zh-cn': '中文（中国大陆）',
  'zh-hans': '中文（简体）',
  'zh-hant': '中文（繁體）',
  'zh-hk': '中文（香港）',
  'zh-mo': '中文（澳門）',
  'zh-my': '中文（马来西亚）',
  'zh-sg': '中文（新加坡）',
  'zh-tw': '中文（臺灣）',
  'zh-yue': '粵語',
};

/** English names of MediaWiki-only codes (the cldr extension's local names). */
const MEDIAWIKI_ENGLISH_NAMES: Readonly<Record<string, string>> = {
  'be-tarask': 'Belarusian (Taraškievica orthography)',
  'de-formal': 'German (formal address)',
  'es-formal': 'Spanish (formal address)',
  'hu-formal': 'Hungarian (formal address)',
  'nl-informal': 'Dutch (informal address)',
  simple: 'Simple English',
  'sr-ec': 'Serbian (Cyrillic script)',
  'sr-el': 'Serbian (Latin script)',
};

/** BCP 47 tags of MediaWiki's non-standard codes, back to the internal code (LanguageCode::bcp47ToInternal). */
const INTERNAL_CODES: Readonly<Record<string, string>> = {
  'de-x-formal': 'de-formal',
  'es-x-formal': 'es-formal',
  'hu-x-formal': 'hu-formal',
  'nl-x-informal': 'nl-informal',
  'en-simple': 'simple',
  'sr-cyrl': 'sr-ec',
  'sr-latn': 'sr-el',
};

const displayNames = new Map<string, Intl.DisplayNames>();

function cldrName(code: string, inLocale: string): string {
  let names = displayNames.get(inLocale);
  if (!names) {
    names = new Intl.DisplayNames([inLocale], { type: 'language', fallback: 'none' });
    displayNames.set(inLocale, names);
  }
  try {
    return names.of(toBcp47(code)) ?? '';
  } catch {
    // RangeError: not a well-formed tag
    return '';
  }
}

/**
 * LanguageNameUtils::getLanguageName(): the name of `code` in `inLanguage`,
 * or its autonym when `inLanguage` is ''; '' for a code we have no name for.
 */
export function languageName(code: string, inLanguage = ''): string {
  const lower = code.toLowerCase();
  const internal = INTERNAL_CODES[lower] ?? lower;
  if (!isValidLanguageCode(internal)) return '';
  const target = inLanguage === '' ? internal : (INTERNAL_CODES[inLanguage.toLowerCase()] ?? inLanguage.toLowerCase());
  if (inLanguage === '' || target === internal) {
    if (MEDIAWIKI_AUTONYMS[internal]) return MEDIAWIKI_AUTONYMS[internal];
  }
  if (!isValidLanguageCode(target)) return '';
  const locale = resolveIntlLocale(target);
  // English and its variants (en-gb, simple) share the English names.
  if (locale.split('-')[0] === 'en' && MEDIAWIKI_ENGLISH_NAMES[internal]) return MEDIAWIKI_ENGLISH_NAMES[internal];
  return cldrName(internal, locale);
}

/** Language::getDir() from CLDR's character order. */
export function isRtl(language: string): boolean {
  try {
    const locale = new Intl.Locale(resolveIntlLocale(language)) as Intl.Locale & { textInfo?: { direction?: string } };
    return locale.textInfo?.direction === 'rtl';
  } catch {
    return false;
  }
}

/**
 * Title::getPageLanguage() (ContentHandler::getPageLanguage): CSS, JavaScript
 * and JSON pages are English; MediaWiki:Message/xx is in language xx;
 * everything else is in the content language.
 */
export function pageLanguage(frame: RenderFrame): string {
  const title = frame.title;
  const ns = title.getNamespace();
  const text = title.getText();
  if ((ns === NS_MEDIAWIKI || ns === NS_USER) && /\.(?:css|js|json)$/.test(text)) return 'en';
  if (ns === NS_MEDIAWIKI) {
    const slash = text.lastIndexOf('/');
    const code = slash > 0 ? text.slice(slash + 1).toLowerCase() : '';
    if (code && languageName(code) !== '') return code;
  }
  return frame.language;
}

/** Parser::getTargetLanguage(): the language numbers, plurals and dates are written in. */
export function targetLanguage(frame: RenderFrame): string {
  return pageLanguage(frame);
}

/**
 * LanguageCode::getNonstandardLanguageCodeMapping() entries that toBcp47() does not know
 * (deprecated codes of LanguageCode::DEPRECATED_LANGUAGE_CODE_MAPPING).
 */
const EXTRA_BCP47: Readonly<Record<string, string>> = {
  eml: 'egl',
  nrm: 'nrf',
};

/** LanguageCode::bcp47(): MediaWiki's internal code as a BCP 47 tag. */
export function bcp47(code: string): string {
  return EXTRA_BCP47[code.toLowerCase()] ?? toBcp47(code);
}

/** LanguageCode::bcp47ToInternal(): a BCP 47 tag as MediaWiki's internal code. */
export function bcp47ToInternal(tag: string): string {
  const lower = tag.toLowerCase();
  return INTERNAL_CODES[lower] ?? lower;
}

/**
 * LanguageNameUtils::isKnownLanguageTag() without the name lookup: a well-formed code
 * (letters, digits and hyphens, no markup or path characters).
 */
function isKnownLanguageTag(code: string): boolean {
  return isValidLanguageCode(code) && /^[a-z]/i.test(code);
}

/**
 * ContentHandler's default content model of a title: CSS, JavaScript and JSON pages
 * in the MediaWiki namespace and user subpages; wikitext everywhere else.
 */
export function defaultContentModel(title: RenderFrame['title']): string {
  const ns = title.getNamespace();
  const text = title.getText();
  if (ns === NS_MEDIAWIKI || (ns === NS_USER && text.includes('/'))) {
    const ext = /\.(css|js|json)$/.exec(text)?.[1];
    if (ext === 'css') return 'css';
    if (ext === 'js') return 'javascript';
    if (ext === 'json') return 'json';
  }
  return 'wikitext';
}

/** English names of the content models (content-model-* messages) for a message source without them. */
const CONTENT_MODEL_NAMES: Readonly<Record<string, string>> = {
  wikitext: 'wikitext',
  javascript: 'JavaScript',
  css: 'CSS',
  json: 'JSON',
  text: 'plain text',
};

export function registerLanguageFunctions(registry: ParserHookRegistry, deps?: Pick<CoreFunctionDeps, 'message' | 'titles'>): void {
  registry.setFunctionHook('language', (args, frame) => {
    const code = phpTrim(args[0] ?? '') || targetLanguage(frame);
    const inLanguage = phpTrim(args[1] ?? '');
    const name = languageName(code, inLanguage);
    return name !== '' ? name : toBcp47(code);
  });
  // Language::getDirMark(): LRM or RLM for the page language.
  registry.setFunctionHook('directionmark', (_args, frame) => (isRtl(pageLanguage(frame)) ? '\u200f' : '\u200e'), { noHash: true });
  registry.setFunctionHook('contentlanguage', (_args, frame) => frame.language, { noHash: true });
  registry.setFunctionHook('pagelanguage', (_args, frame) => pageLanguage(frame), { noHash: true });
  // $wgParserEnableUserLanguage is off: pages do not vary by reader, so this is the page language.
  registry.setFunctionHook('userlanguage', (_args, frame) => pageLanguage(frame), { noHash: true });

  // CoreParserFunctions::dir(): the direction of the target language or of the code given
  // (a BCP 47 tag with "bcp47" as second argument); an unknown code is 'ltr' and tracked.
  registry.setFunctionHook('dir', (args, frame) => {
    let code = phpTrim(args[0] ?? '').toLowerCase();
    if (code === '') return isRtl(targetLanguage(frame)) ? 'rtl' : 'ltr';
    if (phpTrim(args[1] ?? '').toLowerCase() === 'bcp47') code = bcp47ToInternal(code);
    if (!isKnownLanguageTag(code)) {
      addTrackingCategory(frame, 'bad-language-code-category');
      return 'ltr';
    }
    return isRtl(code) ? 'rtl' : 'ltr';
  });

  // CoreParserFunctions::bcp47(): the BCP 47 tag of the code given, or of the target language.
  registry.setFunctionHook('bcp47', (args, frame) => {
    const code = phpTrim(args[0] ?? '');
    return bcp47(code === '' ? targetLanguage(frame) : code);
  });

  // CoreParserFunctions::contentmodel(): the content model of the page (or of the title given
  // as second argument), localised ("local", the default) or its canonical id ("canonical").
  registry.setFunctionHook('contentmodel', (args, frame) => {
    const format = phpTrim(args[0] ?? '').toLowerCase();
    const titleText = phpTrim(args[1] ?? '');
    let title = frame.title;
    if (titleText !== '') {
      const given = deps?.titles.newFromText(titleText);
      if (!given) return '';
      title = given;
    }
    const model = defaultContentModel(title);
    if (format === 'canonical') return escapeWikiText(model);
    if (format !== '' && format !== 'local') return '';
    const name = deps?.message(`content-model-${model}`, [], targetLanguage(frame)) ?? CONTENT_MODEL_NAMES[model] ?? model;
    return escapeWikiText(name);
  });
}
