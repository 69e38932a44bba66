/**
 * Number formatting as MediaWiki's Language class does it for {{formatnum:}},
 * the NUMBEROF* words and the date magic words: formatNum(),
 * formatNumNoSeparators() and parseFormattedNumber().
 *
 * This differs from the message formatter's formatNum on purpose, to match
 * what MediaWiki renders in pages:
 *   - the number goes through a PHP float, so 9999999999999999 becomes
 *     "10,000,000,000,000,000" (use {{formatnum:…|LOSSLESS}} to avoid that);
 *   - a minus sign is U+2212, not a hyphen (T10327);
 *   - "NOSEP" only transliterates digits, it keeps the ASCII decimal point;
 *   - text that is not a number is formatted number by number.
 * The language's symbols come from ICU (CLDR), which is where MediaWiki's
 * separatorTransformTable/digitTransformTable data agree with it.
 */
import { resolveIntlLocale } from '../../i18n/LanguageFallback';
import type { CoreFunctionDeps } from './CoreFunctionDeps';

interface Symbols {
  group: string;
  decimal: string;
  /** The language's digits 0–9. */
  digits: string[];
}

const symbolsCache = new Map<string, Symbols>();

function symbols(language: string): Symbols {
  const locale = resolveIntlLocale(language);
  let found = symbolsCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    const plain = new Intl.NumberFormat(locale, { useGrouping: false });
    found = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      digits: Array.from({ length: 10 }, (_v, d) => plain.format(d)),
    };
    symbolsCache.set(locale, found);
  }
  return found;
}

const formatCache = new Map<string, Intl.NumberFormat>();

/** NumberFormatter with MIN_INTEGER_DIGITS and FRACTION_DIGITS set, as formatNumInternal configures it. */
function numberFormat(locale: string, integerDigits: number, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${integerDigits}|${fractionDigits}`;
  let format = formatCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumIntegerDigits: integerDigits, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    formatCache.set(key, format);
  }
  return format;
}

/** Directional marks ICU may put around numbers; MediaWiki removes them (LRM, RLM, ALM). */
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;
const MINUS = '\u2212';

/** PHP 8 is_numeric(): optional surrounding whitespace, sign, decimal digits, exponent. */
const PHP_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
/** Language::formatNum's $validNumberRe, for text that is not a number as a whole. */
const NUMBER_IN_TEXT = /(-(?=[\d.]))?(\d+|(?=\.\d))(\.\d*)?([Ee][-+]?\d+)?/g;
/** Numbers whose written digits MediaWiki keeps (MIN_INTEGER_DIGITS / FRACTION_DIGITS). */
const PLAIN_DECIMAL = /^-?(\d*)(\.(\d*))?$/;

function transliterateDigits(text: string, language: string): string {
  const { digits } = symbols(language);
  return digits[0] === '0' ? text : text.replace(/\d/g, (d) => digits[Number(d)]);
}

/** Language::formatNumInternal() for one numeric string. */
function formatNumber(number: string, language: string, noSeparators: boolean, nanText: string): string {
  if (number === '') return number;
  if (number === 'NAN') return nanText;
  if (number === 'INF') return '∞';
  if (number === '-INF') return `${MINUS}∞`;
  if (!PHP_NUMERIC.test(number)) {
    // Backwards compatibility: format each number inside the text.
    return number.replace(NUMBER_IN_TEXT, (m) => (m === '' ? m : formatNumber(m, language, noSeparators, nanText)));
  }
  let out = number;
  if (!noSeparators) {
    if (number === '-0') {
      out = '-0';
    } else {
      const locale = resolveIntlLocale(language);
      const m = PLAIN_DECIMAL.exec(number);
      if (m) {
        // Keep the digits as written: leading zeros, trailing fraction zeros, a bare trailing point.
        const intDigits = m[1].length;
        // Intl allows 20 fraction digits; a float has no more significant ones anyway.
        const fractionDigits = Math.min((m[3] ?? '').length, 20);
        const parts = numberFormat(locale, Math.min(Math.max(intDigits, 1), 21), fractionDigits).formatToParts(Number(number));
        // ".5" has no integer digits and keeps none (NumberFormatter with MIN_INTEGER_DIGITS 0).
        out = parts.filter((p) => intDigits > 0 || p.type !== 'integer').map((p) => p.value).join('');
        if (m[2] !== undefined && fractionDigits === 0) out += symbols(language).decimal;
      } else {
        // Exponents, '+', surrounding spaces: NumberFormatter's default pattern (up to 3 decimals).
        out = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(Number(number));
      }
    }
  }
  out = transliterateDigits(out, language);
  return out.replace(/-/g, MINUS).replace(BIDI_MARKS, '');
}

/** The 'formatnum-nan' message: how the language writes PHP's NAN (⧼formatnum-nan⧽ if it is missing, as MediaWiki shows missing messages). */
export function nanText(deps: Pick<CoreFunctionDeps, 'message'>, language: string): string {
  return deps.message('formatnum-nan', [], language) ?? '⧼formatnum-nan⧽';
}

/** Language::formatNum(): grouping, the language's separators and digits. */
export function formatNum(number: string | number, language: string, nanText: string): string {
  return formatNumber(String(number), language, false, nanText);
}

/** Language::formatNumNoSeparators(): digits only (CURRENTYEAR, {{formatnum:…|NOSEP}}). */
export function formatNumNoSeparators(number: string | number, language: string, nanText: string): string {
  return formatNumber(String(number), language, true, nanText);
}

/**
 * Language::parseFormattedNumber() ({{formatnum:…|R}}): undoes formatNum on
 * the whole text — local digits to ASCII, the language's separators back to
 * ',' and '.', then every ',' removed. Text that is not a number comes back
 * with only those substitutions, as in MediaWiki.
 */
export function parseFormattedNumber(text: string, language: string, nanText: string): string {
  if (text === nanText) return 'NAN';
  if (text === '∞') return 'INF';
  let number = text.split(MINUS).join('-');
  if (number === '-∞') return '-INF';
  const { digits, group, decimal } = symbols(language);
  if (digits[0] !== '0') number = Array.from(number, (ch) => (digits.includes(ch) ? String(digits.indexOf(ch)) : ch)).join('');
  if (group !== ',' || decimal !== '.') {
    // strtr with the flipped separatorTransformTable: both swaps at once.
    number = Array.from(number, (ch) => (ch === group ? ',' : ch === decimal ? '.' : ch)).join('');
  }
  return number.replace(/,/g, '');
}

/** The decimal value a numeric string stands for, written canonically (for LOSSLESS). */
function canonicalDecimal(text: string): string {
  const m = /^[ \t\n\r\v\f]*([+-]?)0*(\d*)(?:\.(\d*?)0*)?[ \t\n\r\v\f]*$/.exec(text);
  if (!m) return text;
  const int = m[2] || '0';
  const fraction = m[3] ?? '';
  const sign = m[1] === '-' && (int !== '0' || fraction !== '') ? '-' : '';
  return `${sign}${int}${fraction ? `.${fraction}` : ''}`;
}

/**
 * {{formatnum:…|LOSSLESS}}: the formatted number unless formatting would
 * change its value (more digits than a float holds); then the input as is.
 */
export function formatLossless(number: string, formatted: string, language: string): string {
  if (!PHP_NUMERIC.test(number)) return formatted;
  return canonicalDecimal(parseFormattedNumber(formatted, language, '')) === canonicalDecimal(number) ? formatted : number;
}
