/**
 * URL encoding as MediaWiki does it for titles and query strings.
 *
 * MediaWiki builds URLs with PHP's `urlencode()`, which differs from
 * `encodeURIComponent` in two ways that show up in real URLs: a space becomes
 * '+', and all of !'()*~ are percent-encoded. Matching it byte for byte keeps
 * our links identical to MediaWiki's (e.g. "Don't" → 'Don%27t'), which matters
 * for cache keys, tests against real wikis and bookmarked URLs.
 */

/** Lone UTF-16 surrogates cannot be UTF-8 encoded; encodeURIComponent throws on them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The characters encodeURIComponent leaves alone but PHP's urlencode() escapes. */
const PHP_EXTRA = /[!'()*~]/g;

/**
 * PHP `urlencode()`: RFC 1738 form encoding of the UTF-8 bytes, everything but
 * [A-Za-z0-9_.-] escaped with upper-case hex, and spaces as '+'. Used for
 * query-string keys and values (wfArrayToCgi).
 */
export function phpUrlencode(s: string): string {
  return encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD'))
    .replace(PHP_EXTRA, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

/**
 * Characters wfUrlencode() puts back after urlencode(), because they are safe
 * in a URL path and make titles readable: ; @ $ ! * ( ) , / ~ :
 * (':' is skipped by MediaWiki only on IIS 7, which we never run on.)
 */
const WF_UNESCAPE: Record<string, string> = {
  '%3B': ';',
  '%40': '@',
  '%24': '$',
  '%21': '!',
  '%2A': '*',
  '%28': '(',
  '%29': ')',
  '%2C': ',',
  '%2F': '/',
  '%7E': '~',
  '%3A': ':',
};
const WF_UNESCAPE_RE = /%(?:3B|40|24|21|2A|28|29|2C|2F|7E|3A)/g;

/**
 * MediaWiki's wfUrlencode(): PHP urlencode() with ; @ $ ! * ( ) , / ~ : left
 * readable. Used for the title in article paths and in `title=` parameters.
 * Note that, as in MediaWiki, "'" stays encoded (%27), '&', '?', '+', '#' and
 * '%' are always encoded, and a space (never present in a DB key) becomes '+'.
 */
export function wfUrlencode(s: string): string {
  return phpUrlencode(s).replace(WF_UNESCAPE_RE, (m) => WF_UNESCAPE[m]);
}
