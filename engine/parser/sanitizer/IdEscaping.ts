/**
 * Ids and fragments as MediaWiki escapes them (Sanitizer::escapeIdForAttribute,
 * ::escapeIdForLink, ::escapeIdForExternalInterwiki, escapeIdReferenceList),
 * for $wgFragmentMode (default `['html5']`) and
 * $wgExternalInterwikiFragmentMode (default `'legacy'`).
 *
 * - 'html5': the id as written, with HTML whitespace (tab, LF, FF, CR,
 *   space) turned into underscores. In a link, `%XX` is written `%25XX` so
 *   that the browser's percent-decoding gives the id back (T238385).
 * - 'legacy': the pre-2017 form: spaces → underscores, then PHP urlencode,
 *   with `%3A` back to `:` and every other `%` → `.`.
 */

export type FragmentMode = 'html5' | 'legacy';

/** $wgFragmentMode's default: primary encoding only, no fallback. */
export const DEFAULT_FRAGMENT_MODE: readonly FragmentMode[] = ['html5'];
/** $wgExternalInterwikiFragmentMode's default. */
export const DEFAULT_EXTERNAL_INTERWIKI_FRAGMENT_MODE: FragmentMode = 'legacy';

/** Which of the configured encodings (Sanitizer::ID_PRIMARY / ID_FALLBACK). */
export const ID_PRIMARY = 0;
export const ID_FALLBACK = 1;

/** Ids are cut to this many characters (griefer protection, T251506). */
const MAX_ID_LENGTH = 1024;

function truncate(id: string): string {
  // mb_substr counts code points; only long strings need the split.
  if (id.length <= MAX_ID_LENGTH) return id;
  const chars = Array.from(id);
  return chars.length <= MAX_ID_LENGTH ? id : chars.slice(0, MAX_ID_LENGTH).join('');
}

/** PHP urlencode: every byte but [A-Za-z0-9_.-] as %XX (upper case), space as '+'. */
function phpUrlencode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    if ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
      || byte === 0x2d || byte === 0x2e || byte === 0x5f) {
      out += String.fromCharCode(byte);
    } else if (byte === 0x20) {
      out += '+';
    } else {
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** Sanitizer::escapeIdInternal. */
export function escapeIdInternal(id: string, mode: FragmentMode): string {
  const text = truncate(id);
  if (mode === 'html5') return text.replace(/[\t\n\f\r ]/g, '_');
  // strtr( urlencode(…), [ '%3A' => ':', '%' => '.' ] ): the longer key wins.
  return phpUrlencode(text.replace(/ /g, '_')).replace(/%3A|%/g, (m) => (m === '%' ? '.' : ':'));
}

/**
 * Sanitizer::escapeIdForAttribute: a section name or other text as the value
 * of an `id` attribute (still to be HTML-escaped). `false` when the fallback
 * encoding is asked for and none is configured.
 */
export function escapeIdForAttribute(
  id: string,
  mode: typeof ID_PRIMARY | typeof ID_FALLBACK = ID_PRIMARY,
  fragmentMode: readonly FragmentMode[] = DEFAULT_FRAGMENT_MODE,
): string | false {
  const internal = fragmentMode[mode];
  if (internal === undefined) {
    if (mode === ID_PRIMARY) throw new Error('$wgFragmentMode is configured with no primary mode');
    return false;
  }
  return escapeIdInternal(id, internal);
}

/** Sanitizer::escapeIdInternalUrl: as an id, and `%XX` kept literal in 'html5' mode. */
function escapeIdInternalUrl(id: string, mode: FragmentMode): string {
  const escaped = escapeIdInternal(id, mode);
  return mode === 'html5' ? escaped.replace(/%([a-fA-F0-9]{2})/g, '%25$1') : escaped;
}

/** Sanitizer::escapeIdForLink: a fragment for a link to this wiki (still to be HTML-escaped). */
export function escapeIdForLink(id: string, fragmentMode: readonly FragmentMode[] = DEFAULT_FRAGMENT_MODE): string {
  const mode = fragmentMode[ID_PRIMARY];
  if (mode === undefined) throw new Error('$wgFragmentMode is configured with no primary mode');
  return escapeIdInternalUrl(id, mode);
}

/** Sanitizer::escapeIdForExternalInterwiki: a fragment for a link to another wiki. */
export function escapeIdForExternalInterwiki(id: string, mode: FragmentMode = DEFAULT_EXTERNAL_INTERWIKI_FRAGMENT_MODE): string {
  return escapeIdInternalUrl(id, mode);
}

/**
 * Sanitizer::escapeIdReferenceList: a whitespace-separated list of ids (the
 * value of aria-describedby, aria-labelledby, aria-flowto, aria-owns), each
 * escaped as escapeIdForAttribute escapes an id, joined by single spaces.
 */
export function escapeIdReferenceList(references: string, fragmentMode: readonly FragmentMode[] = DEFAULT_FRAGMENT_MODE): string {
  return references
    // eslint-disable-next-line no-control-regex
    .split(/[ \t\n\x0B\f\r]+/)
    .filter((ref) => ref !== '')
    .map((ref) => escapeIdForAttribute(ref, ID_PRIMARY, fragmentMode) as string)
    .join(' ');
}

/**
 * Sanitizer::escapeClass: text as a CSS class name (characters CSS would
 * need escaped, a leading digit or hyphen, and NBSP become underscores; runs
 * of underscores collapse; trailing ones go).
 */
export function escapeClass(className: string): string {
  return className
    // eslint-disable-next-line no-control-regex
    .replace(/(^[0-9-])|[\x00-\x20!"#$%&'()*+,./:;<=>?@[\\\]^`{|}~]|\u00A0/g, '_')
    .replace(/_+/g, '_')
    .replace(/_+$/, '');
}

/** Sanitizer::normalizeSectionNameWhitespace: runs of spaces and underscores → one space, trimmed. */
export function normalizeSectionNameWhitespace(section: string): string {
  // PHP trim(): space, \t, \n, \r, \0, \x0B.
  // eslint-disable-next-line no-control-regex
  return section.replace(/[ _]+/g, ' ').replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');
}
