/**
 * Inline style checking as MediaWiki does it (Sanitizer::normalizeCss and
 * Sanitizer::checkCss, read from current MediaWiki core): character
 * references and CSS escapes are decoded and comments removed, then a value
 * with a control character, or with a construct that can run script or load
 * a resource (`expression`, `url(`, `image-set(` …), is replaced as a whole
 * by a CSS comment saying why.
 *
 * Two additions, both making the check stricter and neither changing an
 * accepted value:
 * - the full-width (U+FF01–U+FF5A) and IPA look-alike letters that older
 *   MediaWiki folded to ASCII before the check are folded again, for the
 *   check only (so `ｕｒｌ(` is rejected, while a Japanese font name such as
 *   "ＭＳ ゴシック" is returned unchanged);
 * - numeric character references without a trailing semicolon are decoded
 *   too, because the browser decodes them in an attribute value.
 *
 * Differences from MediaWiki 1.39 (which this follows no longer): 1.39 also
 * rejected `filter:`; current MediaWiki instead rejects `src(`.
 */
import { decodeCharReferences, REPLACEMENT_CHARACTER } from './CharReferences';

/** What checkCss returns for a value with a forbidden construct. */
export const CSS_INSECURE_INPUT = '/* insecure input */';
/** What checkCss returns for a value with a control character (or an invalid reference/escape). */
export const CSS_INVALID_CONTROL_CHAR = '/* invalid control char */';

// CSS 2.1 appendix D: a backslash followed by a newline (line continuation),
// 1–6 hex digits and one optional whitespace character, or any other character;
// or a backslash at the end of the value.
const CSS_ESCAPE_RE = /\\(?:(\r\n|\n|\r|\f)|([0-9A-Fa-f]{1,6})[ \t\r\n\f]?|([^\n])|())/gu;

// PHP's \s without the u modifier (PCRE2): space, \t, \n, \v, \f, \r.
// eslint-disable-next-line no-control-regex
const ONLY_ONE_COMMENT_RE = /^[ \t\n\x0B\f\r]*\/\*[^*/]*\*\/[ \t\n\x0B\f\r]*$/;
const COMMENT_RE = /\/\*[\s\S]*?\*\//g;

// eslint-disable-next-line no-control-regex
const CONTROL_CHAR_RE = /[\x00-\x08\x0B\x0E-\x1F\x7F]/;

const WS = '[ \\t\\n\\x0B\\f\\r]*';
const INSECURE_RE = new RegExp([
  'expression',
  `accelerator${WS}:`,
  `-o-link${WS}:`,
  `-o-link-source${WS}:`,
  `-o-replace${WS}:`,
  `url${WS}\\(`,
  `src${WS}\\(`,
  `image${WS}\\(`,
  `image-set${WS}\\(`,
  `attr${WS}\\([^)]+[ \\t\\n\\x0B\\f\\r,]+url`,
].join('|'), 'i');

// U+FF01–U+FF5A except U+FF3C (full-width backslash, T60088) → ASCII U+0021–U+007A.
const FULLWIDTH_RE = /[\uFF01-\uFF3B\uFF3D-\uFF5A]/g;
const LOOKALIKES: Readonly<Record<string, string>> = {
  '\u0280': 'r', '\u0274': 'n', '\u207F': 'n', '\u029F': 'l', '\u026A': 'i', '\u207D': '(', '\u208D': '(',
};
const LOOKALIKE_RE = /[\u0280\u0274\u207F\u029F\u026A\u207D\u208D]/g;

function decodeCssEscape(_m: string, newline?: string, hex?: string, char?: string): string {
  if (newline !== undefined) return '';
  let decoded: string;
  if (hex !== undefined) {
    const cp = parseInt(hex, 16);
    // MediaWiki encodes any code point as UTF-8 here; the ones that are not
    // characters (surrogates, beyond U+10FFFF) become U+FFFD, which checkCss rejects.
    decoded = cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? REPLACEMENT_CHARACTER : String.fromCodePoint(cp);
  } else if (char !== undefined) {
    decoded = char;
  } else {
    decoded = '\\';
  }
  if (decoded === '\n' || decoded === '"' || decoded === "'" || decoded === '\\') {
    // Characters that need escaping inside CSS strings: write a clean escape.
    return `\\${decoded.charCodeAt(0).toString(16)} `;
  }
  return decoded;
}

/**
 * Sanitizer::normalizeCss: decodes character references and CSS escapes and
 * replaces comments by a space, unless the whole value is one comment; then
 * drops everything from an unterminated comment on.
 */
export function normalizeCss(value: string): string {
  let css = decodeCharReferences(value, { lenient: true });
  if (css.includes('\\')) css = css.replace(CSS_ESCAPE_RE, decodeCssEscape);
  if (css.includes('/*') && !ONLY_ONE_COMMENT_RE.test(css)) {
    css = css.replace(COMMENT_RE, ' ');
    const open = css.indexOf('/*');
    if (open !== -1) css = css.slice(0, open);
  }
  return css;
}

/** Folds the full-width and IPA look-alikes that old browsers read as ASCII (for checking only). */
function foldLookalikes(css: string): string {
  return css
    .replace(FULLWIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(LOOKALIKE_RE, (c) => LOOKALIKES[c]);
}

/**
 * Sanitizer::checkCss: the normalized value, or {@link CSS_INVALID_CONTROL_CHAR}
 * / {@link CSS_INSECURE_INPUT} in place of a value that must not be used.
 * The result is decoded text: encode it before writing it into HTML.
 */
export function checkCss(value: string): string {
  const css = normalizeCss(value);
  if (CONTROL_CHAR_RE.test(css) || css.includes(REPLACEMENT_CHARACTER)) return CSS_INVALID_CONTROL_CHAR;
  if (INSECURE_RE.test(foldLookalikes(css))) return CSS_INSECURE_INPUT;
  return css;
}

/** Whether checkCss keeps the value (possibly normalized) instead of replacing it by a complaint. */
export function isCssAcceptable(value: string): boolean {
  const checked = checkCss(value);
  return checked !== CSS_INSECURE_INPUT && checked !== CSS_INVALID_CONTROL_CHAR;
}
