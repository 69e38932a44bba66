/**
 * Language fallback chains and language-code helpers.
 *
 * MediaWiki gives every language file (languages/messages/MessagesXx.php) an
 * optional `$fallback` string: a comma-separated, *complete* list of languages
 * to try, in order, when a message is missing. LocalisationCache does not
 * follow those lists recursively; it takes the list as written and appends
 * 'en' when it does not already end there (English is the source language and
 * always has every message). We mirror that: the table below holds whole
 * lists, and getFallbackChain() only appends 'en'.
 *
 * The data are the facts of MediaWiki's `$fallback` values for the codes an
 * interface is likely to meet; they are not a copy of any upstream source file.
 */

/**
 * Explicit fallback lists (without the final 'en', which is added for all).
 * Keys are MediaWiki language codes, lower case.
 */
const FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  // German and its variants
  'de-at': ['de'],
  'de-ch': ['de'],
  'de-formal': ['de'],
  als: ['gsw', 'de'],
  bar: ['de'],
  dsb: ['hsb', 'de'],
  frr: ['de'],
  gsw: ['de'],
  hsb: ['dsb', 'de'],
  ksh: ['de'],
  lb: ['de'],
  nds: ['de'],
  pdc: ['de'],
  pdt: ['de'],
  pfl: ['de'],
  sli: ['de'],
  stq: ['de'],
  vmf: ['de'],
  // English variants: English itself is the last resort anyway.
  'en-gb': ['en'],
  'en-ca': ['en'],
  simple: ['en'],
  // Spanish
  'es-formal': ['es'],
  'es-419': ['es'],
  an: ['es'],
  arn: ['es'],
  ay: ['es'],
  'cbk-zam': ['es'],
  gn: ['es'],
  lad: ['es'],
  nah: ['es'],
  qu: ['es'],
  qug: ['qu', 'es'],
  // French
  'fr-ca': ['fr'],
  bm: ['fr'],
  br: ['fr'],
  ff: ['fr'],
  frc: ['fr'],
  frp: ['fr'],
  ht: ['fr'],
  ln: ['fr'],
  mg: ['fr'],
  pcd: ['fr'],
  sg: ['fr'],
  ty: ['fr'],
  wa: ['fr'],
  wo: ['fr'],
  // Dutch
  'nl-informal': ['nl'],
  'nds-nl': ['nds', 'nl'],
  li: ['nl'],
  srn: ['nl'],
  vls: ['nl'],
  zea: ['nl'],
  // Portuguese
  'pt-br': ['pt'],
  pt: ['pt-br'],
  gl: ['pt'],
  mwl: ['pt'],
  // Italian
  co: ['it'],
  egl: ['it'],
  eml: ['it'],
  fur: ['it'],
  lij: ['it'],
  lmo: ['it'],
  nap: ['it'],
  pms: ['it'],
  rgn: ['it'],
  'roa-tara': ['it'],
  scn: ['it'],
  vec: ['it'],
  // Hungarian
  'hu-formal': ['hu'],
  // Russian and languages of Russia
  ab: ['ru'],
  av: ['ru'],
  ba: ['ru'],
  ce: ['ru'],
  'crh-cyrl': ['ru'],
  cv: ['ru'],
  inh: ['ru'],
  koi: ['ru'],
  krc: ['ru'],
  kv: ['ru'],
  lbe: ['ru'],
  lez: ['ru'],
  mhr: ['mrj', 'ru'],
  mrj: ['mhr', 'ru'],
  myv: ['ru'],
  mdf: ['myv', 'ru'],
  os: ['ru'],
  sah: ['ru'],
  tt: ['tt-cyrl', 'ru'],
  'tt-cyrl': ['ru'],
  tyv: ['ru'],
  udm: ['ru'],
  uk: ['ru'],
  rue: ['uk', 'ru'],
  xal: ['ru'],
  // Serbian: the -ec/-el codes are MediaWiki's old names for the two scripts.
  sr: ['sr-cyrl'],
  'sr-ec': ['sr-cyrl'],
  'sr-el': ['sr-latn'],
  // Chinese: script variants, then the other script as a last resort
  zh: ['zh-hans'],
  'zh-cn': ['zh-hans'],
  'zh-sg': ['zh-hans'],
  'zh-my': ['zh-sg', 'zh-hans'],
  'zh-hant': ['zh-hans'],
  'zh-hk': ['zh-hant', 'zh-hans'],
  'zh-tw': ['zh-hant', 'zh-hans'],
  'zh-mo': ['zh-hk', 'zh-hant', 'zh-hans'],
  'zh-classical': ['lzh'],
  'zh-min-nan': ['nan'],
  'zh-yue': ['yue'],
  yue: ['zh-hk', 'zh-hant', 'zh-hans'],
  lzh: ['zh-hant', 'zh-hans'],
  gan: ['gan-hant', 'zh-hant', 'zh-hans'],
  'gan-hans': ['zh-hans'],
  'gan-hant': ['zh-hant', 'zh-hans'],
  ii: ['zh-cn', 'zh-hans'],
  wuu: ['zh-hans'],
  za: ['zh-hans'],
  // Kazakh
  kk: ['kk-cyrl'],
  'kk-arab': ['kk-cyrl'],
  'kk-latn': ['kk-cyrl'],
  'kk-cn': ['kk-arab', 'kk-cyrl'],
  'kk-kz': ['kk-cyrl'],
  'kk-tr': ['kk-latn', 'kk-cyrl'],
  kaa: ['kk-latn', 'kk-cyrl'],
  // Indonesian / Malay
  ace: ['id'],
  bjn: ['id'],
  bug: ['id'],
  jv: ['id'],
  'map-bms': ['jv', 'id'],
  min: ['id'],
  su: ['id'],
  dtp: ['ms'],
  'ms-arab': ['ms'],
  // Persian, Arabic, Hebrew, South Asia
  arz: ['ar'],
  bcc: ['fa'],
  bqi: ['fa'],
  glk: ['fa'],
  mzn: ['fa'],
  yi: ['he'],
  anp: ['hi'],
  mai: ['hi'],
  sa: ['hi'],
  bh: ['bho'],
  bpy: ['bn'],
  khw: ['ur'],
  tcy: ['kn'],
  // Nordic and Baltic
  jut: ['da'],
  kl: ['da'],
  no: ['nb'],
  nn: ['nb'],
  fit: ['fi'],
  olo: ['fi'],
  vot: ['fi'],
  liv: ['et'],
  vep: ['et'],
  vro: ['et'],
  'fiu-vro': ['vro', 'et'],
  ltg: ['lv'],
  sgs: ['lt'],
  'bat-smg': ['sgs', 'lt'],
  // Script and orthography variants that are complete languages of their own:
  // listed with no fallback so they do not inherit their parent code's chain
  // (sr-latn must not fall back to Cyrillic sr; zh-hans is the end of the zh line).
  'zh-hans': [],
  'sr-latn': [],
  'sr-cyrl': [],
  'be-tarask': [],
  'kk-cyrl': [],
  'crh-latn': [],
  'tg-cyrl': [],
  'ug-arab': [],
  'ku-latn': [],
  'ks-arab': [],
  'hif-latn': [],
  'ike-cans': [],
  'kbd-cyrl': ['ru'],
  // Others
  aln: ['sq'],
  'be-x-old': ['be-tarask'],
  crh: ['crh-latn'],
  csb: ['pl'],
  szl: ['pl'],
  gag: ['tr'],
  kiu: ['tr'],
  lzz: ['tr'],
  hif: ['hif-latn'],
  iu: ['ike-cans'],
  kbd: ['kbd-cyrl'],
  'ko-kp': ['ko'],
  ks: ['ks-arab'],
  ku: ['ku-latn'],
  'ku-arab': ['ckb'],
  mo: ['ro'],
  rmy: ['ro'],
  'roa-rup': ['rup'],
  ruq: ['ruq-latn', 'ro'],
  'ruq-cyrl': ['mk'],
  'ruq-latn': ['ro'],
  tg: ['tg-cyrl'],
  ug: ['ug-arab'],
  xmf: ['ka'],
};

/** Longest code we accept; real codes are far shorter (MediaWiki caps titles, not codes, at 255). */
const MAX_CODE_LENGTH = 64;

/**
 * Whether a string can be used as a language code (uselang=, {{#language:}}).
 *
 * Like MediaWiki's LanguageNameUtils::isValidBuiltInCode(): ASCII letters,
 * digits and hyphens only, so a code can never smuggle a path ('..', '/'),
 * markup or whitespace into a file lookup or an HTML attribute. We are a little
 * stricter (no empty or doubled hyphens, bounded length). 'qqx' (the
 * "show message keys" pseudo-language) passes like any other code.
 */
export function isValidLanguageCode(code: string): boolean {
  return (
    typeof code === 'string' &&
    code.length >= 2 &&
    code.length <= MAX_CODE_LENGTH &&
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(code)
  );
}

/**
 * The languages to try after `language`, in order, always ending in 'en'
 * (MediaWiki's "fallbackSequence"); the language itself is not included and
 * 'en' has an empty chain.
 *
 * A code without an explicit list falls back to its parent code ('xx-yy' →
 * 'xx', then whatever 'xx' falls back to), which is what a reader of a
 * regional or formal variant we know nothing about would expect.
 */
export function getFallbackChain(language: string): string[] {
  const code = String(language).toLowerCase();
  if (code === 'en') return [];
  if (!isValidLanguageCode(code)) return ['en'];

  let chain: string[];
  const explicit = FALLBACKS[code];
  if (explicit) {
    chain = [...explicit];
  } else {
    const dash = code.lastIndexOf('-');
    chain = dash > 0 ? [code.slice(0, dash), ...getFallbackChain(code.slice(0, dash))] : [];
  }

  // Ensure the sequence ends at 'en' and never repeats a code or the language itself.
  const seen = new Set<string>([code]);
  const out: string[] = [];
  for (const c of [...chain, 'en']) {
    if (!seen.has(c)) {
      seen.add(c);
      out.push(c);
    }
  }
  // 'en' must be last even if a list mentioned it earlier.
  return [...out.filter((c) => c !== 'en'), 'en'];
}

/**
 * MediaWiki codes that are not valid (or not the right) BCP 47 tags; the
 * mapping follows MediaWiki's LanguageCode::getNonstandardLanguageCodeMapping()
 * so Intl gets a tag it understands.
 */
const NON_STANDARD_BCP47: Readonly<Record<string, string>> = {
  als: 'gsw',
  'bat-smg': 'sgs',
  'be-x-old': 'be-tarask',
  'cbk-zam': 'cbk',
  'de-formal': 'de-x-formal',
  'es-formal': 'es-x-formal',
  'hu-formal': 'hu-x-formal',
  'nl-informal': 'nl-x-informal',
  'fiu-vro': 'vro',
  'map-bms': 'jv-x-bms',
  mo: 'ro-Cyrl-MD',
  no: 'nb',
  'roa-rup': 'rup',
  'roa-tara': 'nap-x-tara',
  simple: 'en-simple',
  'sr-ec': 'sr-Cyrl',
  'sr-el': 'sr-Latn',
  'zh-classical': 'lzh',
  'zh-min-nan': 'nan',
  'zh-yue': 'yue',
  'kk-cn': 'kk-Arab-CN',
  'kk-kz': 'kk-Cyrl-KZ',
  'kk-tr': 'kk-Latn-TR',
  qqx: 'en-x-qqx',
};

/**
 * Converts a MediaWiki language code to a BCP 47 tag, as LanguageCode::bcp47()
 * does: known non-standard codes are mapped; otherwise 2-letter subtags after
 * the first become regions (upper case), 4-letter ones scripts (title case),
 * and everything after an 'x' singleton stays lower case.
 */
export function toBcp47(code: string): string {
  const lower = code.toLowerCase();
  const mapped = NON_STANDARD_BCP47[lower];
  if (mapped) return mapped;
  const segments = lower.split('-');
  let privateUse = false;
  return segments
    .map((seg, i) => {
      if (i === 0) return seg;
      if (privateUse) return seg;
      if (seg === 'x') {
        privateUse = true;
        return seg;
      }
      if (seg.length === 2) return seg.toUpperCase();
      if (seg.length === 4) return seg.charAt(0).toUpperCase() + seg.slice(1);
      return seg;
    })
    .join('-');
}

const intlLocaleCache = new Map<string, string>();

function intlSupports(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 && Intl.PluralRules.supportedLocalesOf([tag]).length > 0;
  } catch {
    // RangeError: not even a syntactically valid tag
    return false;
  }
}

/**
 * The BCP 47 tag to hand to Intl for a MediaWiki language: the language
 * itself if ICU has data for it, else the first of its fallbacks that does,
 * else 'en'. Without this, Intl silently uses the process's default locale
 * for unknown tags, which would make output depend on the server's $LANG.
 */
export function resolveIntlLocale(language: string): string {
  const key = String(language).toLowerCase();
  const cached = intlLocaleCache.get(key);
  if (cached) return cached;
  let result = 'en';
  if (isValidLanguageCode(key) && key !== 'qqx') {
    for (const candidate of [key, ...getFallbackChain(key)]) {
      const tag = toBcp47(candidate);
      if (intlSupports(tag)) {
        result = tag;
        break;
      }
    }
  }
  intlLocaleCache.set(key, result);
  return result;
}
