/**
 * Character references (`&#106;`, `&#x6A;`, `&colon;`) for the sanitizer's
 * checks. MediaWiki decodes them with Sanitizer::decodeCharReferences before
 * it looks at a style or URL; we must decode at least as much as a browser
 * would, or an encoded `javascript:` / `url(` slips past the check.
 *
 * Named references: only those that decode to ASCII (plus a few common
 * invisible characters) are in the table. That is complete for the checks:
 * URL schemes, CSS keywords, CSS escapes and comments are ASCII, and every
 * other named reference decodes to a non-ASCII character, which cannot form
 * one. Names not in the table are left as they are (`&eacute;` stays
 * `&eacute;`); {@link encodeAttributeValue} keeps them intact on output.
 */

/** Named references that decode to ASCII text (HTML5 list), and a few common others. */
const NAMED: Readonly<Record<string, string>> = {
  Tab: '\t', NewLine: '\n', excl: '!', quot: '"', QUOT: '"', num: '#', dollar: '$', percnt: '%',
  amp: '&', AMP: '&', apos: "'", lpar: '(', rpar: ')', ast: '*', midast: '*', plus: '+', comma: ',',
  period: '.', sol: '/', colon: ':', semi: ';', lt: '<', LT: '<', equals: '=', gt: '>', GT: '>',
  quest: '?', commat: '@', lsqb: '[', lbrack: '[', bsol: '\\', rsqb: ']', rbrack: ']', Hat: '^',
  lowbar: '_', UnderBar: '_', grave: '`', DiacriticalGrave: '`', lcub: '{', lbrace: '{',
  verbar: '|', vert: '|', VerticalLine: '|', rcub: '}', rbrace: '}', fjlig: 'fj',
  bne: '=\u20E5', nvlt: '<\u20D2', nvgt: '>\u20D2',
  nbsp: '\u00A0', shy: '\u00AD', lrm: '\u200E', rlm: '\u200F', zwj: '\u200D', zwnj: '\u200C',
  ZeroWidthSpace: '\u200B', NoBreak: '\u2060',
};

/** MediaWiki's own aliases (Sanitizer::MW_ENTITY_ALIASES): Hebrew and Arabic spellings of &rlm;. */
const MW_ALIASES: Readonly<Record<string, string>> = { 'רלמ': 'rlm', 'رلم': 'rlm' };

/** Legacy references a browser also decodes without the semicolon (the ASCII ones). */
const LEGACY_NO_SEMICOLON = new Set(['amp', 'AMP', 'lt', 'LT', 'gt', 'GT', 'quot', 'QUOT']);

/** Windows-1252 meanings of &#128;–&#159;, as the HTML parser maps them. */
const C1_REMAP: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

export const REPLACEMENT_CHARACTER = '\uFFFD';

export interface DecodeOptions {
  /**
   * 'mediawiki' (default): a reference to a code point that is not valid in
   * both HTML5 and XML becomes U+FFFD, as in Sanitizer::decodeChar.
   * 'browser': the HTML parser's mapping (control characters stay, C1 code
   * points take their Windows-1252 meaning, 0/surrogates/out of range → U+FFFD).
   */
  codepoints?: 'mediawiki' | 'browser';
  /**
   * Also decode what a browser decodes in an attribute value but wikitext
   * does not: numeric references without the trailing semicolon and the
   * legacy `&amp` `&lt` `&gt` `&quot`. Checks use this so they see at least
   * what the browser will see.
   */
  lenient?: boolean;
}

/** Sanitizer::validateCodepoint: valid in both HTML5 and XML. */
export function isValidCodepoint(cp: number): boolean {
  return cp === 0x09 || cp === 0x0a
    || (cp >= 0x20 && cp <= 0x7e)
    || (cp >= 0xa0 && cp <= 0xd7ff)
    || (cp >= 0xe000 && cp <= 0xfffd)
    || (cp >= 0x10000 && cp <= 0x10ffff);
}

function codepointToString(cp: number, mode: 'mediawiki' | 'browser'): string {
  if (mode === 'mediawiki') return isValidCodepoint(cp) ? String.fromCodePoint(cp) : REPLACEMENT_CHARACTER;
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || !Number.isFinite(cp)) return REPLACEMENT_CHARACTER;
  return String.fromCodePoint(C1_REMAP[cp] ?? cp);
}

const STRICT_RE = /&(?:#([0-9]+);|#[xX]([0-9A-Fa-f]+);|([A-Za-z0-9\u0080-\uFFFF]+);)/g;
const LENIENT_RE = /&(?:#([0-9]+);?|#[xX]([0-9A-Fa-f]+);?|([A-Za-z0-9\u0080-\uFFFF]+);|(amp|AMP|lt|LT|gt|GT|quot|QUOT)(?![A-Za-z0-9=]))/g;

/**
 * Decodes character references (MediaWiki's Sanitizer::decodeCharReferences,
 * with the table limits described above). Unknown names stay as written.
 */
export function decodeCharReferences(text: string, options: DecodeOptions = {}): string {
  if (!text.includes('&')) return text;
  const mode = options.codepoints ?? 'mediawiki';
  const re = options.lenient ? LENIENT_RE : STRICT_RE;
  return text.replace(re, (whole: string, dec?: string, hex?: string, name?: string, legacy?: string) => {
    if (dec !== undefined) return codepointToString(dec.replace(/^0+(?=.)/, '').length > 8 ? Infinity : parseInt(dec, 10), mode);
    if (hex !== undefined) return codepointToString(hex.replace(/^0+(?=.)/, '').length > 6 ? Infinity : parseInt(hex, 16), mode);
    if (name !== undefined) {
      const decoded = NAMED[MW_ALIASES[name] ?? name];
      return decoded ?? whole;
    }
    if (legacy !== undefined && LEGACY_NO_SEMICOLON.has(legacy)) return NAMED[legacy];
    return whole;
  });
}

/** Whether `&name;` is a named reference this module leaves undecoded (so it must not be re-escaped). */
function isUndecodedNamedReference(name: string): boolean {
  return NAMED[MW_ALIASES[name] ?? name] === undefined;
}

/**
 * Encodes a decoded attribute value for output in double quotes, like
 * Sanitizer::encodeAttribute (`&`, `<`, `>`, `"`, `'` and the whitespace that
 * attribute parsing would otherwise fold). A named reference the decoder left
 * undecoded is written back unchanged.
 */
export function encodeAttributeValue(value: string): string {
  return value.replace(/&(?:([A-Za-z][A-Za-z0-9]*);)?|[<>"'\n\r\t]/g, (m: string, name?: string) => {
    if (m[0] === '&') return name !== undefined && isUndecodedNamedReference(name) ? m : `&amp;${name !== undefined ? `${name};` : ''}`;
    switch (m) {
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case "'": return '&#039;';
      case '\n': return '&#10;';
      case '\r': return '&#13;';
      default: return '&#9;';
    }
  });
}
