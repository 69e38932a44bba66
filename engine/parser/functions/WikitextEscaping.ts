/**
 * Text helpers shared by the core parser functions: strip markers in
 * arguments (MediaWiki's Parser::killMarkers / markerSkipCallback), PHP's
 * trim() for arguments, and wfEscapeWikiText() for values that must come out
 * of the parser as literal text (page names).
 */

/**
 * A placeholder wikiparser-node leaves in an argument for a token it has
 * already dealt with (<nowiki>, an extension tag, a comment …): NUL, the
 * token's index, a one-letter kind, DEL. It plays the role of MediaWiki's
 * "\x7fUNIQ…QINU\x7f" strip markers: the library puts the token back when our
 * output contains the marker again.
 */
const STRIP_MARKER = /\0\d+.\x7f/g;

/** Parser::killMarkers(): drops strip markers (urlencode, anchorencode, padding, grammar). */
export function killMarkers(text: string): string {
  return text.replace(STRIP_MARKER, '');
}

/**
 * Parser::markerSkipCallback(): applies `transform` to the text between strip
 * markers and keeps the markers, so {{lc:<nowiki>ABC</nowiki>}} leaves the
 * nowiki content alone (lc, uc, formatnum).
 */
export function markerSkip(text: string, transform: (segment: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(STRIP_MARKER)) {
    out += transform(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + transform(text.slice(last));
}

/**
 * PHP trim(): MediaWiki trims every argument of a parser function registered
 * without SFH_OBJECT_ARGS (Parser::callParserFunction). Only " \t\n\r\v" are
 * removed — not NBSP or other Unicode spaces, which String#trim would eat —
 * and not NUL either, which here starts a strip marker.
 */
export function phpTrim(text: string): string {
  return text.replace(/^[ \t\n\r\v]+|[ \t\n\r\v]+$/g, '');
}

/**
 * Protocols of MediaWiki's default $wgUrlProtocols that do not use "//";
 * wfEscapeWikiText() breaks "mailto:" and the like so a page name cannot turn
 * into a link.
 */
const COLON_PROTOCOLS = ['bitcoin', 'geo', 'magnet', 'mailto', 'matrix', 'news', 'sip', 'sips', 'sms', 'tel', 'urn', 'xmpp'];

/** Magic links ISBN/RFC/PMID are on in the parser we emulate ($wgEnableMagicLinks in MediaWiki's parser tests). */
const MAGIC_LINKS = ['ISBN', 'RFC', 'PMID'];

/** wfEscapeWikiText()'s replacement table ($repl), applied to "\n" + text. */
const REPLACEMENTS: Readonly<Record<string, string>> = (() => {
  const repl: Record<string, string> = {
    '"': '&#34;', '&': '&#38;', "'": '&#39;', '<': '&#60;',
    '=': '&#61;', '>': '&#62;', '[': '&#91;', ']': '&#93;',
    '{': '&#123;', '|': '&#124;', '}': '&#125;',
    ';': '&#59;', // a token inside language converter brackets
    '!!': '&#33;!', // a token inside table context
    '\n!': '\n&#33;', '\r!': '\r&#33;',
    '\n#': '\n&#35;', '\r#': '\r&#35;',
    '\n*': '\n&#42;', '\r*': '\r&#42;',
    '\n:': '\n&#58;', '\r:': '\r&#58;',
    '\n ': '\n&#32;', '\r ': '\r&#32;',
    '\n\n': '\n&#10;', '\r\n': '&#13;\n',
    '\n\r': '\n&#13;', '\r\r': '\r&#13;',
    '\n\t': '\n&#9;', '\r\t': '\r&#9;',
    '\n----': '\n&#45;---', '\r----': '\r&#45;---',
    '__': '_&#95;', '://': '&#58;//',
    '~~~': '~~&#126;', // protect from pre-save transform
  };
  // Everything PCRE's \s matches after a magic-link keyword.
  for (const magic of MAGIC_LINKS) {
    repl[`${magic} `] = `${magic}&#32;`;
    repl[`${magic}\t`] = `${magic}&#9;`;
    repl[`${magic}\r`] = `${magic}&#13;`;
    repl[`${magic}\n`] = `${magic}&#10;`;
    repl[`${magic}\f`] = `${magic}&#12;`;
  }
  return repl;
})();

/**
 * PHP's strtr() with an array tries the longest key first at each position;
 * an alternation sorted by length does the same in one pass.
 */
const REPLACEMENT_RE = new RegExp(
  Object.keys(REPLACEMENTS)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** First character: tokens like |+ |- __FOO__ ~~~ could form with what precedes the value. */
const FIRST_CHAR: Readonly<Record<string, string>> = { '+': '&#43;', '-': '&#45;', _: '&#95;', '~': '&#126;' };
/** Last character: could start __FOO__ or ~~~~, or a paragraph break with what follows. */
const LAST_CHAR: Readonly<Record<string, string>> = { _: '&#95;', '~': '&#126;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };
const COLON_PROTOCOL_RE = new RegExp(`\\b(${COLON_PROTOCOLS.join('|')}):`, 'gi');

/**
 * wfEscapeWikiText(): character references for everything that could make a
 * value spliced into wikitext act as markup, so {{PAGENAME}} of
 * "*RFC 1234 http://x" stays plain text ("&#42;RFC&#32;1234 http&#58;//x").
 */
export function escapeWikiText(input: string): string {
  let text = `\n${input}`.replace(REPLACEMENT_RE, (m) => REPLACEMENTS[m]).slice(1);
  if (text === '') return text;
  const first = FIRST_CHAR[text[0]] ?? text[0];
  if (text.length > 1) {
    const lastChar = text[text.length - 1];
    text = first + text.slice(1, -1) + (LAST_CHAR[lastChar] ?? lastChar);
  } else {
    text = LAST_CHAR[first] ?? first;
  }
  return text.replace(COLON_PROTOCOL_RE, '$1&#58;');
}

/** htmlspecialchars() with ENT_COMPAT, as the *E URL functions use (quotes kept). */
export function htmlSpecialChars(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
