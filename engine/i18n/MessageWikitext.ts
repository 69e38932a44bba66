/**
 * The small wikitext subset that interface messages use, turned into HTML.
 *
 * MediaWiki runs 'parse'-mode messages through the full parser. Messages only
 * need a handful of constructs, so rather than depend on the page renderer we
 * handle exactly these, on text that the caller has ALREADY HTML-escaped:
 *
 *   [[Target]] [[Target|label]]      internal links, rendered by ctx.renderLink
 *   [https://url label] [https://url] external links (http, https, ftp, mailto, //)
 *   https://url                      free external links
 *   '''bold''' ''italic''            MediaWiki's apostrophe rules (Parser::doQuotes)
 *   <b> <i> <strong> <em> <code> <span> <br>   re-allowed only in their exact,
 *                                    attribute-free form
 *   blank lines                      paragraph breaks
 *
 * Working on escaped text means anything we do not recognise is already inert:
 * the only HTML in the output is what this module writes itself or what
 * renderLink returns. For that reason every pattern here matches the escaped
 * spelling (`&lt;b&gt;`, `&quot;`, `&#039;` for an apostrophe).
 *
 * The caller may leave '\x7f' strip markers (MediaWiki's convention) in the
 * text, e.g. raw-parameter placeholders; they are passed through untouched and
 * never become part of a URL or link target.
 */
import { escapeHtml } from '../html/Html';
import type { MessageFormatContext } from './MessageFormatter';

type LinkContext = Pick<MessageFormatContext, 'renderLink'>;

/**
 * Placeholder delimiter for finished link HTML while the rest of the text is
 * formatted. It is a control character that cannot occur in (escaped) HTML
 * text and is removed from the input first, so no input can forge one; it
 * differs from '\x7f' so that it cannot be spelled by text sitting between
 * two of the caller's own markers.
 */
const LINK_DELIMITER = String.fromCharCode(0x1f);
const LINK_PLACEHOLDER = new RegExp(`${LINK_DELIMITER}(\\d+)${LINK_DELIMITER}`, 'g');
const STRAY_DELIMITER = new RegExp(LINK_DELIMITER, 'g');

/** Tags a message may contain literally (Sanitizer allows many more; messages need these). */
const ALLOWED_TAGS = new Set(['b', 'i', 'strong', 'em', 'code', 'span', 'br']);

/**
 * A URL character in escaped text: no whitespace, brackets, quotes, angle
 * brackets or control characters (MediaWiki's EXT_LINK_URL_CLASS), and stop
 * at the escaped forms of < > " since those end a URL in the source too.
 */
const URL_CHAR = String.raw`(?:(?!&lt;|&gt;|&quot;|&#60;|&#62;|&#34;)[^\s\[\]<>"\x00-\x20\x7f])`;

/**
 * [url label] and [url]: protocols as in $wgUrlProtocols' common core.
 * Anything else — javascript:, data:, vbscript: — does not match and stays text.
 */
const EXTERNAL_LINK = new RegExp(
  String.raw`\[((?:(?:https?|ftp):)?\/\/${URL_CHAR}+|mailto:${URL_CHAR}+)[ \t]*([^\]\n]*)\]`,
  'gi',
);

/**
 * Free URLs. Protocol-relative '//' does not autolink (as in MediaWiki), and
 * the URL must not continue a word ("xhttp://" is not a link).
 */
const FREE_LINK = new RegExp(String.raw`(?<![\w/])((?:https?|ftp):\/\/|mailto:)((?:(?!'')${URL_CHAR})+)`, 'gi');

/** [[target]] or [[target|label]]; neither part may contain brackets or a newline. */
const INTERNAL_LINK = /\[\[([^[\]\n|]*)(?:\|([^[\]\n]*))?\]\]/g;

/** Characters that make a title invalid (Title legal chars), so the link stays literal. */
const INVALID_TITLE_CHARS = /[<>[\]{}|]/;

function isValidLinkTarget(target: string): boolean {
  if (target === '' || INVALID_TITLE_CHARS.test(target)) return false;
  // Control characters (including our own \x7f markers) are never legal in titles.
  for (let i = 0; i < target.length; i++) {
    const c = target.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the entities escapeHtml() produces, plus numeric ones, for link targets. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (m, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? m;
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex as string, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/**
 * MediaWiki's apostrophe rules for one line: '' italic, ''' bold, ''''' both;
 * a run of 4 is an apostrophe plus bold, runs over 5 keep the extras as
 * apostrophes; and when both counts are odd one bold run is reinterpreted as
 * an apostrophe + italic (preferring one after a single-letter word, as in
 * "l'''amour''", then after a longer word, then after a space). Unclosed
 * formatting is closed at the end of the line.
 */
function doQuotes(line: string): string {
  if (!line.includes("''")) return line;
  const parts = line.split(/(''+)/);
  let italics = 0;
  let bolds = 0;
  for (let i = 1; i < parts.length; i += 2) {
    const len = parts[i].length;
    if (len === 4) {
      parts[i - 1] += "'";
      parts[i] = "'''";
    } else if (len > 5) {
      parts[i - 1] += "'".repeat(len - 5);
      parts[i] = "'''''";
    }
    const l = parts[i].length;
    if (l === 2) italics++;
    else if (l === 3) bolds++;
    else if (l === 5) {
      italics++;
      bolds++;
    }
  }

  if (italics % 2 === 1 && bolds % 2 === 1) {
    let singleLetter = -1;
    let multiLetter = -1;
    let space = -1;
    for (let i = 1; i < parts.length; i += 2) {
      if (parts[i].length !== 3) continue;
      const before = parts[i - 1];
      const x1 = before.charAt(before.length - 1);
      const x2 = before.charAt(before.length - 2);
      if (x1 === ' ') {
        if (space < 0) space = i;
      } else if (x2 === ' ') {
        singleLetter = i;
        break;
      } else if (multiLetter < 0) {
        multiLetter = i;
      }
    }
    const pick = singleLetter >= 0 ? singleLetter : multiLetter >= 0 ? multiLetter : space;
    if (pick >= 0) {
      parts[pick - 1] += "'";
      parts[pick] = "''";
    }
  }

  let out = '';
  let buffer = '';
  let state = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i % 2 === 0) {
      if (state === 'both') buffer += part;
      else out += part;
      continue;
    }
    if (part.length === 2) {
      if (state === 'i') {
        out += '</i>';
        state = '';
      } else if (state === 'bi') {
        out += '</i>';
        state = 'b';
      } else if (state === 'ib') {
        out += '</b></i><b>';
        state = 'b';
      } else if (state === 'both') {
        out += `<b><i>${buffer}</i>`;
        state = 'b';
      } else {
        out += '<i>';
        state += 'i';
      }
    } else if (part.length === 3) {
      if (state === 'b') {
        out += '</b>';
        state = '';
      } else if (state === 'bi') {
        out += '</i></b><i>';
        state = 'i';
      } else if (state === 'ib') {
        out += '</b>';
        state = 'i';
      } else if (state === 'both') {
        out += `<i><b>${buffer}</b>`;
        state = 'i';
      } else {
        out += '<b>';
        state += 'b';
      }
    } else {
      if (state === 'b') {
        out += '</b><i>';
        state = 'i';
      } else if (state === 'i') {
        out += '</i><b>';
        state = 'b';
      } else if (state === 'bi') {
        out += '</i></b>';
        state = '';
      } else if (state === 'ib') {
        out += '</b></i>';
        state = '';
      } else if (state === 'both') {
        out += `<i><b>${buffer}</b></i>`;
        state = '';
      } else {
        buffer = '';
        state = 'both';
      }
    }
  }
  if (state === 'b' || state === 'ib') out += '</b>';
  if (state === 'i' || state === 'bi' || state === 'ib') out += '</i>';
  if (state === 'bi') out += '</b>';
  if (state === 'both' && buffer) out += `<b><i>${buffer}</i></b>`;
  return out;
}

/**
 * Turns `&lt;b&gt;`-style escaped tags from the allow-list back into tags,
 * keeping them balanced within the fragment: a closing tag with no open
 * counterpart stays literal text, tags left open are closed at the end, and a
 * closing tag closes anything opened inside it (what an HTML tree builder
 * would do). Only the bare forms count — `&lt;b class=…&gt;` stays text, and
 * `&lt;` must be the exact lower-case entity escapeHtml() writes, so text
 * that spelled the entity out some other way (`&#60;b>`) is never revived.
 */
function applyAllowedTags(text: string): string {
  const open: string[] = [];
  const out = text.replace(/&lt;(\/?)([A-Za-z]+)[ \t]*(\/?)&gt;/g, (m, close: string, rawName: string, selfClose: string) => {
    const name = rawName.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) return m;
    if (name === 'br') return '<br />'; // <br>, <br/>, <br />, and the common typo </br>
    if (selfClose) return m; // <b/> is not a real element
    if (!close) {
      open.push(name);
      return `<${name}>`;
    }
    const at = open.lastIndexOf(name);
    if (at < 0) return m;
    return open
      .splice(at)
      .reverse()
      .map((t) => `</${t}>`)
      .join('');
  });
  return out + open.reverse().map((t) => `</${t}>`).join('');
}

/** Bold/italic per line, allowed tags per fragment; apostrophes re-escaped afterwards. */
function formatInline(text: string): string {
  const quoted = text.split('\n').map(doQuotes).join('\n');
  return applyAllowedTags(quoted).replace(/'/g, '&#039;');
}

class LinkStore {
  private readonly html: string[] = [];
  private autoNumber = 0;

  add(markup: string): string {
    this.html.push(markup);
    return `${LINK_DELIMITER}${this.html.length - 1}${LINK_DELIMITER}`;
  }

  nextAutoNumber(): number {
    return ++this.autoNumber;
  }

  restore(text: string): string {
    return text.replace(LINK_PLACEHOLDER, (m, i: string) => this.html[Number(i)] ?? m);
  }
}

/**
 * Drops what MediaWiki does not take into a free URL: trailing punctuation
 * (`,;.:!?`, so "see https://example.org." links without the full stop) and
 * a closing parenthesis when the URL has no opening one.
 */
function trimFreeUrl(url: string): { url: string; rest: string } {
  let end = url.length;
  for (;;) {
    const tail = url.slice(0, end);
    if (/[,;.:!?]$/.test(tail) || (tail.endsWith(')') && !tail.includes('('))) end--;
    else break;
  }
  return { url: url.slice(0, end), rest: url.slice(end) };
}

function externalAnchor(href: string, cssClass: string, label: string): string {
  return `<a rel="nofollow" class="${cssClass}" href="${href.replace(/'/g, '&#039;')}">${label}</a>`;
}

/** Replaces links with placeholders (so formatting cannot break them) and returns the rest. */
function extractLinks(text: string, ctx: LinkContext, store: LinkStore): string {
  let out = text.replace(INTERNAL_LINK, (m, rawTarget: string, rawLabel: string | undefined) => {
    const target = decodeEntities(rawTarget).trim();
    if (!isValidLinkTarget(target)) return m;
    const label = rawLabel === undefined || rawLabel.trim() === '' ? null : formatInline(rawLabel);
    return store.add(ctx.renderLink(target, label));
  });

  out = out.replace(EXTERNAL_LINK, (_m, url: string, rawLabel: string) => {
    const label = rawLabel.trim();
    if (label === '') {
      // MediaWiki numbers bare bracketed links: [1], [2], …
      return store.add(externalAnchor(url, 'external autonumber', `[${store.nextAutoNumber()}]`));
    }
    return store.add(externalAnchor(url, 'external text', formatInline(label)));
  });

  out = out.replace(FREE_LINK, (m, protocol: string, rest: string) => {
    const { url, rest: trailing } = trimFreeUrl(protocol + rest);
    if (url.length <= protocol.length) return m;
    return store.add(externalAnchor(url, 'external free', url.replace(/'/g, '&#039;'))) + trailing;
  });
  return out;
}

function splitParagraphs(text: string): string[] {
  return text
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/(?:\n[ \t]*)+$/, '')
    .split(/\n(?:[ \t]*\n)+/);
}

function render(escapedText: string, ctx: LinkContext, alwaysWrap: boolean): string {
  // escapeHtml() writes an apostrophe as &#039;; the quote rules need to see
  // it. Other spellings (&#39;, &apos;) are left alone on purpose: that is how
  // a message writes a literal apostrophe that must not become markup.
  const text = escapedText.replace(STRAY_DELIMITER, '').replace(/&#039;/g, "'");
  const store = new LinkStore();
  const withoutLinks = extractLinks(text, ctx, store);
  const paragraphs = splitParagraphs(withoutLinks);
  if (!alwaysWrap && paragraphs.length <= 1) {
    return store.restore(formatInline(withoutLinks));
  }
  if (paragraphs.length === 1 && paragraphs[0] === '') return '';
  return store.restore(paragraphs.map((p) => `<p>${formatInline(p)}</p>`).join('\n'));
}

/**
 * Message wikitext → HTML for inline use (MediaWiki's Message::parse(), which
 * strips the outer <p> of a one-paragraph result): a single paragraph gets no
 * wrapper; only text with blank-line-separated paragraphs gets <p> elements.
 * `escapedText` must already be HTML-escaped.
 */
export function messageWikitextToHtml(escapedText: string, ctx: LinkContext): string {
  return render(escapedText, ctx, false);
}

/** Message wikitext → HTML with every paragraph in <p> (MediaWiki's Message::parseAsBlock()). */
export function messageWikitextToBlockHtml(escapedText: string, ctx: LinkContext): string {
  return render(escapedText, ctx, true);
}

/** Convenience for callers holding unescaped message text. */
export function plainWikitextToHtml(text: string, ctx: LinkContext): string {
  return messageWikitextToHtml(escapeHtml(text), ctx);
}
