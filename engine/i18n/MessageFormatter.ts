/**
 * MediaWiki message syntax: parameters, {{…}} transformations and output modes.
 *
 * This is the part of MediaWiki's Message class and MessageCache::transform()
 * that turns a message's text into a string, with the same order of work:
 *
 *   1. "before" parameters ($1 plain, numParams) are substituted into the text
 *      (Message::replaceParameters(…, 'before')), so a parameter takes part in
 *      {{PLURAL:$1|…}} and — in parse mode — in link syntax, as in MediaWiki;
 *   2. {{PLURAL:}}, {{GENDER:}}, {{int:}}, {{formatnum:}}, … are expanded
 *      (MessageCache::transform());
 *   3. the result is HTML-escaped and/or turned into HTML (Message::format());
 *   4. "after" parameters (rawParams, plaintextParams) replace placeholders that
 *      stood in for them, so steps 2–3 cannot alter or inspect them.
 *
 * One deliberate difference: MediaWiki's parse mode lets a plain parameter
 * contain any HTML that the Sanitizer allows. Here every '<' and '&' that came
 * from a parameter (or from $wgSitename) is marked on substitution and always
 * comes out escaped; only tags written literally in the message source itself
 * are re-allowed. A parameter can still carry wikitext links, as in MediaWiki.
 */
import { escapeHtml } from '../html/Html';
import { getFallbackChain, isValidLanguageCode, resolveIntlLocale, toBcp47 } from './LanguageFallback';
import { messageWikitextToBlockHtml, messageWikitextToHtml } from './MessageWikitext';
import { selectPluralForm } from './PluralRules';

export type MessageParam =
  | string
  | number // plain: escaped in 'escaped'/'parse' output modes, wikitext links still work in 'parse'
  | { raw: string } // inserted as-is after formatting (trusted HTML), never parsed (MediaWiki rawParams)
  | { num: number } // formatted with the language's digits and separators (numParams)
  | { plaintext: string }; // always escaped, never parsed (plaintextParams)

export type OutputMode = 'plain' | 'text' | 'escaped' | 'parse';

export interface MessageFormatContext {
  language: string; // e.g. 'en', 'de', 'ru', 'ar'
  siteName: string; // {{SITENAME}}
  lookup(key: string, language: string): string | undefined; // for {{int:key}} (and {{int:key|a|b}})
  getGender?(username: string): 'male' | 'female' | 'unknown'; // {{GENDER:}}; '' = the current user
  namespaceName?(nameOrIndex: string): string | undefined; // {{ns:}}: a namespace's local name by index or (canonical/alias) name
  renderLink(target: string, text: string | null): string; // HTML <a> for [[target|text]]; text is HTML
  server?: string; // for {{fullurl:}}
  articlePath?: string; // for {{localurl:}}/{{fullurl:}}, e.g. '/wiki/$1'
}

// ---------------------------------------------------------------------------
// Markers. Control characters that cannot occur in a message (they are
// removed from message text and parameters first) stand in for things that
// must survive the transformation step unchanged.

/** Raw/plaintext parameter placeholder: \x7f<index>\x7f (MediaWiki uses \x7f strip markers too). */
const MARK = '\x7f';
const AFTER_PLACEHOLDER = /\x7f(\d+)\x7f/g;
/** A '<' that came from a parameter and must never become a tag. */
const PARAM_LT = '\x01';
/** A '&' that came from a parameter and must never start an entity. */
const PARAM_AMP = '\x02';

/** Removes our marker characters from text that enters the pipeline. */
function clean(text: string): string {
  return text.split(MARK).join('').split(PARAM_LT).join('').split(PARAM_AMP).join('');
}

function markUntrusted(text: string): string {
  return clean(text).replace(/</g, PARAM_LT).replace(/&/g, PARAM_AMP);
}

function unmark(text: string): string {
  return text.split(PARAM_LT).join('<').split(PARAM_AMP).join('&');
}

// ---------------------------------------------------------------------------
// Numbers

interface NumberSymbols {
  group: string;
  decimal: string;
  minus: string;
  /** The language's digits 0–9 (ASCII for most languages). */
  digits: string[];
  /** Whether the language groups by 2 after the first 3 (en-IN: 12,34,567). */
  indianGrouping: boolean;
}

const symbolsCache = new Map<string, NumberSymbols>();
const numberFormatCache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, grouping: boolean): Intl.NumberFormat {
  const key = `${locale}|${grouping}`;
  let nf = numberFormatCache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { useGrouping: grouping, maximumFractionDigits: 0 });
    numberFormatCache.set(key, nf);
  }
  return nf;
}

function numberSymbols(language: string): NumberSymbols {
  const locale = resolveIntlLocale(language);
  let symbols = symbolsCache.get(locale);
  if (!symbols) {
    const parts = new Intl.NumberFormat(locale).formatToParts(-1234567.5);
    const find = (type: string, fallback: string): string => parts.find((p) => p.type === type)?.value ?? fallback;
    const plain = numberFormat(locale, false);
    const integers = parts.filter((p) => p.type === 'integer');
    symbols = {
      group: find('group', ','),
      decimal: find('decimal', '.'),
      minus: find('minusSign', '-'),
      digits: Array.from({ length: 10 }, (_, d) => plain.format(d)),
      indianGrouping: integers.length > 2 && integers[1].value.length === 2,
    };
    symbolsCache.set(locale, symbols);
  }
  return symbols;
}

const PLAIN_NUMBER = /^([-+]?)(\d*)(?:\.(\d*))?$/;

/**
 * Formats a number the way {{formatnum:}} and numParams do (Language::formatNum):
 * the language's digits, grouping and decimal separator, without rounding —
 * "1234.5678" keeps all four decimals and "1.50" keeps its zero. A string that
 * is not a plain decimal number is returned unchanged.
 */
export function formatNum(language: string, value: number | string, options: { noSeparators?: boolean } = {}): string {
  const locale = resolveIntlLocale(language);
  const grouping = !options.noSeparators;
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    text = String(value);
    if (/e/i.test(text)) {
      // Very large or small: let Intl do it rather than expanding the exponent by hand.
      return new Intl.NumberFormat(locale, { useGrouping: grouping, maximumFractionDigits: 20 }).format(value);
    }
  } else {
    text = value.trim();
  }
  const m = PLAIN_NUMBER.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return String(value);
  const [, sign, intPart, fraction] = m;
  const symbols = numberSymbols(language);
  // The integer part goes through Intl as a string, so it keeps every digit
  // however long it is; the fraction is transliterated digit by digit.
  const integer = numberFormat(locale, grouping).format(`${sign === '-' ? '-' : ''}${intPart || '0'}` as `${number}`);
  if (!fraction) return integer;
  const fractionDigits = fraction.replace(/\d/g, (d) => symbols.digits[Number(d)]);
  return `${integer}${symbols.decimal}${fractionDigits}`;
}

/**
 * Reads a number written in the language's format back (Language::parseFormattedNumber),
 * for {{PLURAL:}} and {{formatnum:…|R}}: local digits become ASCII, grouping
 * separators are dropped, the decimal separator becomes '.'.
 *
 * MediaWiki drops every grouping separator; we only drop one that is followed
 * by a whole group of digits, so that "1.5" in German (where '.' groups) is
 * still one and a half rather than fifteen.
 *
 * Returns the normalised string, or null if the text does not start with a number.
 */
export function parseFormattedNumber(language: string, text: string): { value: number; normalized: string; fractionDigits: number } | null {
  const symbols = numberSymbols(language);
  // Bidi marks around the sign (Arabic writes "\u061c-") carry no meaning here.
  let t = text.trim().replace(/^[\u200e\u200f\u061c]+/, '');
  if (symbols.digits[0] !== '0') {
    t = Array.from(t, (ch) => {
      const d = symbols.digits.indexOf(ch);
      return d >= 0 ? String(d) : ch;
    }).join('');
  }
  const minus = symbols.minus.replace(/[\u200e\u200f\u061c]/g, '');
  if (t.startsWith('\u2212')) t = '-' + t.slice(1);
  else if (minus && minus !== '-' && t.startsWith(minus)) t = '-' + t.slice(minus.length);

  const groups = /^[\s\u00a0\u202f]$/.test(symbols.group) ? ['\u00a0', '\u202f', ' ', symbols.group] : [symbols.group];
  if (symbols.decimal !== ',' && !groups.includes(',')) groups.push(','); // MediaWiki always ignores ','
  const groupLength = symbols.indianGrouping ? '\\d{2,3}' : '\\d{3}';
  for (const g of new Set(groups)) {
    const escaped = g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    t = t.replace(new RegExp(`(?<=\\d)${escaped}(?=${groupLength}(?!\\d))`, 'g'), '');
  }
  if (symbols.decimal !== '.') t = t.split(symbols.decimal).join('.');

  const m = /^[-+]?(?:\d+(?:\.(\d*))?|\.(\d+))(?:[eE][-+]?\d+)?/.exec(t);
  if (!m) return null;
  const normalized = m[0];
  return {
    value: Number(normalized),
    normalized,
    fractionDigits: /e/i.test(normalized) ? 0 : (m[1] ?? m[2] ?? '').length,
  };
}

// ---------------------------------------------------------------------------
// Parameters

interface PreparedParams {
  /** Text substituted for $n before transformation. */
  before: string[];
  /** Values for the after-placeholders, already in output form for the mode. */
  after: string[];
  /** The same values as plain data (for PLURAL counts, GENDER names, int: keys). */
  afterData: string[];
}

function prepareParams(params: readonly MessageParam[], mode: OutputMode, language: string): PreparedParams {
  const before: string[] = [];
  const after: string[] = [];
  const afterData: string[] = [];
  for (const p of params) {
    if (typeof p === 'string' || typeof p === 'number') {
      before.push(markUntrusted(String(p)));
    } else if ('num' in p) {
      before.push(markUntrusted(formatNum(language, p.num)));
    } else if ('raw' in p) {
      // MediaWiki: rawParams are replaced after formatting, so nothing parses or escapes them.
      before.push(`${MARK}${after.length}${MARK}`);
      after.push(p.raw);
      afterData.push(p.raw);
    } else if ('plaintext' in p) {
      // MediaWiki: plaintextParams are escaped for HTML modes and replaced after parsing.
      before.push(`${MARK}${after.length}${MARK}`);
      after.push(mode === 'escaped' || mode === 'parse' ? escapeHtml(p.plaintext) : p.plaintext);
      afterData.push(p.plaintext);
    } else {
      before.push(markUntrusted(String(p)));
    }
  }
  return { before, after, afterData };
}

/**
 * Replaces $1…$n in one pass, with PHP strtr()'s longest-match rule that
 * Message::replaceParameters() relies on: with two parameters "$10" is $1
 * followed by "0", with ten it is the tenth. A reference to a parameter that
 * was not given stays literally "$n" (visible, so the bug gets noticed).
 */
function substituteParams(text: string, values: readonly string[]): string {
  return text.replace(/\$(\d+)/g, (m, digits: string) => {
    for (let len = digits.length; len >= 1; len--) {
      const candidate = digits.slice(0, len);
      if (candidate[0] === '0') break;
      const n = Number(candidate);
      if (n >= 1 && n <= values.length) return values[n - 1] + digits.slice(len);
    }
    return m;
  });
}

// ---------------------------------------------------------------------------
// {{…}} tokenizer

type Node = string | TemplateNode;

interface TemplateNode {
  /** parts[0] is the name ("PLURAL:$1"), the rest are the |-separated arguments. */
  parts: Node[][];
  /** The construct as written, for constructs we leave alone. */
  source: string;
}

/** Deeper nesting than this is treated as text (and keeps the recursion bounded). */
const MAX_NESTING = 60;

/**
 * Splits text into literal strings and {{…}} constructs, matching braces the
 * way MediaWiki's preprocessor does: a '{{' without a matching '}}' is plain
 * text, nested constructs are parsed recursively, and a '|' inside [[…]] is
 * part of the link, not an argument separator (so
 * `{{PLURAL:$1|[[Foo|one foo]]|[[Foo|foos]]}}` has two forms).
 */
class BraceParser {
  private readonly memo = new Map<number, { node: TemplateNode; end: number } | null>();

  constructor(private readonly s: string) {}

  parse(): Node[] {
    return this.sequence(0, false, 0).nodes;
  }

  private sequence(start: number, inTemplate: boolean, depth: number): { nodes: Node[]; end: number; stop: '|' | '}}' | 'eof' } {
    const s = this.s;
    const nodes: Node[] = [];
    let text = '';
    let linkDepth = 0;
    let i = start;
    const flush = (): void => {
      if (text) nodes.push(text);
      text = '';
    };
    while (i < s.length) {
      if (s.startsWith('{{', i)) {
        const t = this.template(i, depth + 1);
        if (t) {
          flush();
          nodes.push(t.node);
          i = t.end;
        } else {
          text += '{{';
          i += 2;
        }
        continue;
      }
      if (inTemplate) {
        if (s.startsWith('[[', i)) {
          linkDepth++;
          text += '[[';
          i += 2;
          continue;
        }
        if (linkDepth > 0 && s.startsWith(']]', i)) {
          linkDepth--;
          text += ']]';
          i += 2;
          continue;
        }
        if (s.startsWith('}}', i)) {
          flush();
          return { nodes, end: i, stop: '}}' };
        }
        if (s[i] === '|' && linkDepth === 0) {
          flush();
          return { nodes, end: i, stop: '|' };
        }
      }
      text += s[i];
      i++;
    }
    flush();
    return { nodes, end: s.length, stop: 'eof' };
  }

  /** Parses the construct opening at `start` ('{{'), or returns null if it is never closed. */
  private template(start: number, depth: number): { node: TemplateNode; end: number } | null {
    if (depth > MAX_NESTING) return null;
    // A construct's extent does not depend on what surrounds it, so each start
    // position is parsed once; this keeps runs of unclosed '{{' from being
    // rescanned over and over.
    const known = this.memo.get(start);
    if (known !== undefined) return known;
    const parts: Node[][] = [];
    let i = start + 2;
    let result: { node: TemplateNode; end: number } | null = null;
    for (;;) {
      const r = this.sequence(i, true, depth);
      parts.push(r.nodes);
      if (r.stop === 'eof') break;
      if (r.stop === '}}') {
        const end = r.end + 2;
        result = { node: { parts, source: this.s.slice(start, end) }, end };
        break;
      }
      i = r.end + 1;
    }
    this.memo.set(start, result);
    return result;
  }
}

// ---------------------------------------------------------------------------
// Expansion

/** How deep {{int:}} may nest messages inside messages. */
const MAX_INT_DEPTH = 20;
/** Total constructs one call may expand; stops "billion laughs" message chains. */
const MAX_EXPANSIONS = 5000;

interface Expander {
  ctx: MessageFormatContext;
  language: string;
  params: PreparedParams;
  budget: number;
  intStack: string[];
}

/** A value as plain data: parameter markers undone, raw/plaintext placeholders resolved. */
function toData(text: string, ex: Expander): string {
  return unmark(text).replace(AFTER_PLACEHOLDER, (m, i: string) => ex.params.afterData[Number(i)] ?? m);
}

function expandNodes(nodes: readonly Node[], ex: Expander): string {
  let out = '';
  for (const node of nodes) out += typeof node === 'string' ? node : expandTemplate(node, ex);
  return out;
}

function expandText(text: string, ex: Expander): string {
  return expandNodes(new BraceParser(text).parse(), ex);
}

function firstCodePoint(text: string): [string, string] {
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  return text === '' ? ['', ''] : [first, text.slice(first.length)];
}

function caseLocale(language: string): string {
  return resolveIntlLocale(language);
}

/** wfUrlencode(): percent-encoding that leaves the characters MediaWiki keeps readable in URLs. */
function wikiUrlencode(text: string): string {
  return encodeURIComponent(text).replace(/%(3B|40|24|21|2A|28|29|2C|2F|7E|3A)/gi, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * Title → URL path, as Title::getPrefixedDBkey() + wfUrlencode(): spaces
 * become underscores and the first letter is capitalised ($wgCapitalLinks).
 */
function titleToPath(title: string): string {
  const [first, rest] = firstCodePoint(title.trim().replace(/[\s_]+/g, '_'));
  return wikiUrlencode(first.toUpperCase() + rest);
}

function localUrl(title: string, query: string, ex: Expander): string | null {
  const articlePath = ex.ctx.articlePath;
  if (!articlePath) return null;
  const path = articlePath.replace('$1', () => titleToPath(title));
  if (!query) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/** {{urlencode:}} in its three MediaWiki styles: QUERY (default, '+' for space), WIKI, PATH. */
function urlEncode(text: string, style: string): string {
  const upper = style.toUpperCase();
  if (upper === 'WIKI') return wikiUrlencode(text.replace(/ /g, '_'));
  if (upper === 'PATH') return encodeURIComponent(text);
  return encodeURIComponent(text).replace(/%20/g, '+');
}

/**
 * Looks a message up for {{int:}}: MediaWiki normalises the key like a title
 * (spaces to underscores, first letter lower case — MessageCache::normalizeKey)
 * and walks the language's fallback chain.
 */
function lookupMessage(key: string, ex: Expander): string | undefined {
  const [first, rest] = firstCodePoint(key.replace(/ /g, '_'));
  const normalized = first.toLowerCase() + rest;
  const keys = normalized === key ? [key] : [normalized, key];
  for (const lang of [ex.language, ...getFallbackChain(ex.language)]) {
    for (const k of keys) {
      const found = ex.ctx.lookup(k, lang);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function languageName(code: string, inLanguage: string | undefined): string {
  if (!isValidLanguageCode(code)) return code;
  try {
    const display = new Intl.DisplayNames([toBcp47(inLanguage && isValidLanguageCode(inLanguage) ? inLanguage : code)], {
      type: 'language',
      fallback: 'none',
    });
    return display.of(toBcp47(code)) ?? code;
  } catch {
    return code;
  }
}

function expandTemplate(node: TemplateNode, ex: Expander): string {
  if (ex.budget <= 0) return node.source;
  ex.budget--;

  const name = expandNodes(node.parts[0], ex).trim();
  const colon = name.indexOf(':');

  if (colon < 0) {
    // Variables are case-sensitive magic words in MediaWiki.
    if (name === 'SITENAME') return markUntrusted(ex.ctx.siteName);
    if (name === '!') return '|';
    return node.source;
  }

  const fn = name.slice(0, colon).trim().toLowerCase();
  const first = name.slice(colon + 1).trim();
  // Parser-function arguments are expanded and trimmed (Parser::callParserFunction).
  const args = (): string[] => node.parts.slice(1).map((part) => expandNodes(part, ex).trim());

  switch (fn) {
    case 'plural': {
      // CoreParserFunctions::plural: the count is read back from the
      // language's number format, so a numParam like "1,234" counts as 1234.
      // Text that is not a number counts as 0, as PHP's float cast does.
      const parsed = parseFormattedNumber(ex.language, toData(first, ex));
      return selectPluralForm(ex.language, parsed?.value ?? 0, args(), parsed?.fractionDigits ?? 0);
    }
    case 'gender': {
      // Language::gender(): one form serves everyone; with two, 'unknown' uses
      // the first (male) form; the third form is for 'unknown'.
      const forms = args();
      if (forms.length === 0) return '';
      const username = toData(first, ex).trim();
      const gender = ex.ctx.getGender ? ex.ctx.getGender(username) : 'unknown';
      if (gender === 'male') return forms[0];
      if (gender === 'female') return forms[Math.min(1, forms.length - 1)];
      return forms[2] ?? forms[0];
    }
    case 'int': {
      const key = toData(first, ex).trim();
      if (key === '') return node.source;
      if (ex.intStack.length >= MAX_INT_DEPTH || ex.intStack.includes(key)) return node.source;
      const message = lookupMessage(key, ex);
      // A missing message shows as ⧼key⧽, like Message::text() does.
      if (message === undefined) return `⧼${first}⧽`;
      // The looked-up text is message source (trusted like the outer message);
      // its own $1… are filled from the int: arguments, then it is expanded
      // in turn (CoreParserFunctions::intFunction returns it for re-parsing).
      const text = substituteParams(clean(message), args());
      ex.intStack.push(key);
      try {
        return expandText(text, ex);
      } finally {
        ex.intStack.pop();
      }
    }
    case 'formatnum': {
      const flags = args().map((a) => a.toUpperCase());
      const data = toData(first, ex);
      if (flags.includes('R')) {
        return parseFormattedNumber(ex.language, data)?.normalized ?? first;
      }
      const formatted = formatNum(ex.language, data, { noSeparators: flags.includes('NOSEP') });
      return formatted === data ? first : formatted;
    }
    case 'ns': {
      // CoreParserFunctions::ns: by index or by name; an unknown one gives nothing.
      if (!ex.ctx.namespaceName) return node.source;
      const name = ex.ctx.namespaceName(toData(first, ex).trim());
      return name === undefined ? '' : markUntrusted(name.replace(/_/g, ' '));
    }
    case 'lc':
      return first.toLocaleLowerCase(caseLocale(ex.language));
    case 'uc':
      return first.toLocaleUpperCase(caseLocale(ex.language));
    case 'lcfirst': {
      const [c, rest] = firstCodePoint(first);
      return c.toLocaleLowerCase(caseLocale(ex.language)) + rest;
    }
    case 'ucfirst': {
      const [c, rest] = firstCodePoint(first);
      return c.toLocaleUpperCase(caseLocale(ex.language)) + rest;
    }
    case 'grammar': {
      // {{GRAMMAR:case|word}}. English has no grammatical case forms, and we
      // carry no per-language grammar tables, so the word is returned as is —
      // which is also what MediaWiki does for a case a language does not define.
      const [word = ''] = args();
      return word;
    }
    case '#language': {
      // {{#language:code}} is the language's name in itself (its autonym);
      // {{#language:code|inlang}} its name in another language.
      const code = toData(first, ex).trim();
      const [inLanguage] = args();
      const result = languageName(code.toLowerCase(), inLanguage?.toLowerCase());
      return result === code.toLowerCase() ? first : markUntrusted(result);
    }
    case 'localurl':
    case 'fullurl': {
      const [query = ''] = args();
      const local = localUrl(toData(first, ex), toData(query, ex), ex);
      if (local === null) return node.source;
      const url = fn === 'fullurl' && ex.ctx.server && local.startsWith('/') ? ex.ctx.server + local : local;
      return markUntrusted(url);
    }
    case 'urlencode': {
      const [style = ''] = args();
      return markUntrusted(urlEncode(toData(first, ex), style));
    }
    default:
      // {{ns:}}, templates and anything else we do not implement stay as written.
      return node.source;
  }
}

// ---------------------------------------------------------------------------
// Escaping

/** Code points an HTML numeric character reference may name (Sanitizer::validateCodepoint). */
function validCodePoint(cp: number): boolean {
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    cp === 0x0d ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * HTML-escapes message text. Like htmlspecialchars(…, double_encode: false) in
 * Message::format(), character references already written in the message
 * source (&nbsp;, &#160;, &#x2014;) are kept rather than double-escaped.
 * Parameter text reaches here with its '<'/'&' marked, so a parameter's "&lt;"
 * is shown literally and never counts as a reference.
 *
 * In parse mode two references are respelled so the wikitext step cannot
 * mistake them for markup: &lt; → &#60; (the tag allow-list only revives
 * "&lt;" as escapeHtml writes it) and &#039; → &#39; (only "&#039;" is read as
 * an apostrophe for ''italic''/'''bold''').
 */
function escapeMessage(text: string, forParse: boolean): string {
  const escaped = text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));|[&<>"']/g,
    (m: string, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return forParse && name === 'lt' ? '&#60;' : m;
      if (dec !== undefined || hex !== undefined) {
        const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex as string, 16);
        if (!validCodePoint(cp)) return escapeHtml(m);
        if (forParse && cp === 0x27) return '&#39;';
        if (forParse && cp === 0x3c) return '&#60;';
        return m;
      }
      return escapeHtml(m);
    },
  );
  return escaped
    .split(PARAM_LT)
    .join(forParse ? '&#60;' : '&lt;')
    .split(PARAM_AMP)
    .join('&amp;');
}

function insertAfterParams(text: string, after: readonly string[]): string {
  return text.replace(AFTER_PLACEHOLDER, (m, i: string) => after[Number(i)] ?? m);
}

// ---------------------------------------------------------------------------

/**
 * Formats message text.
 *
 * - 'plain':   parameters substituted, nothing else (Message::plain()).
 * - 'text':    plus {{…}} transformations (Message::text()).
 * - 'escaped': 'text', then HTML-escaped (Message::escaped()).
 * - 'parse':   'text', escaped, then the message wikitext subset turned into
 *              HTML without an outer <p> (Message::parse()); with `block`,
 *              every paragraph in <p> (Message::parseAsBlock()).
 */
export function formatMessage(text: string, params: readonly MessageParam[], mode: OutputMode, ctx: MessageFormatContext, block = false): string {
  const language = ctx.language;

  if (mode === 'plain') {
    // Nothing is transformed, so every parameter can go straight in.
    const values = params.map((p) => {
      if (typeof p === 'string' || typeof p === 'number') return String(p);
      if ('raw' in p) return p.raw;
      if ('num' in p) return formatNum(language, p.num);
      if ('plaintext' in p) return p.plaintext;
      return String(p);
    });
    return substituteParams(text, values);
  }

  const prepared = prepareParams(params, mode, language);
  const substituted = substituteParams(clean(text), prepared.before);
  const ex: Expander = { ctx, language, params: prepared, budget: MAX_EXPANSIONS, intStack: [] };
  const transformed = expandText(substituted, ex);

  switch (mode) {
    case 'text':
      return insertAfterParams(unmark(transformed), prepared.after);
    case 'escaped':
      return insertAfterParams(escapeMessage(transformed, false), prepared.after);
    case 'parse':
      // Raw parameters go in after the wikitext pass, in block mode too, so their HTML survives (Message::parseAsBlock()).
      return insertAfterParams((block ? messageWikitextToBlockHtml : messageWikitextToHtml)(escapeMessage(transformed, true), ctx), prepared.after);
    default: {
      const unknown: never = mode;
      throw new Error(`Unknown output mode: ${String(unknown)}`);
    }
  }
}
