/**
 * Text handling shared by the search backends: turning wikitext into the
 * plain words that are indexed (the role of MediaWiki's
 * SearchUpdate::updateText), splitting what the user typed into search terms,
 * counting words, and turning backend-highlighted text into snippet HTML.
 *
 * The index keeps readable text (case and punctuation preserved) rather than
 * MediaWiki's lower-cased word soup, because snippets are cut from it.
 */
import { escapeHtml } from '../html/Html';

/**
 * Markers the backends put around matched words (FTS5 highlight(), PostgreSQL
 * ts_headline() StartSel/StopSel). They are control characters that
 * stripWikitext() never lets into the index, so they cannot be forged by page
 * text, and they survive HTML escaping untouched, so the text is escaped
 * first and only then are the markers turned into markup.
 */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

// Control characters (C0, DEL, C1) except tab, newline and carriage return.
// None of them can appear in rendered text, and two of them are our match markers.
const CONTROL_CHARS = /[^\P{Cc}\t\n\r]/gu;

// The URL schemes MediaWiki recognises in external links (a practical subset
// of $wgUrlProtocols), plus protocol-relative '//'.
const URL_PROTOCOL = String.raw`(?:https?:\/\/|ftps?:\/\/|sftp:\/\/|ssh:\/\/|git:\/\/|svn:\/\/|irc:\/\/|ircs:\/\/|gopher:\/\/|news:|mailto:|tel:|sms:|xmpp:|geo:|\/\/)`;
// The patterns below are written so that no input makes them backtrack
// quadratically (page text is user input): character classes stop at the
// delimiter that ends them, and nothing repeats on both sides of a separator.
const BRACKETED_EXTERNAL_LINK = new RegExp(String.raw`\[${URL_PROTOCOL}[^\s\[\]<>"]*(?:[ \t]([^\[\]\n]*))?\]`, 'gi');
const BARE_URL = /\b(?:https?|ftps?):\/\/[^\s<>[\]{}|"]+/gi;
// An internal link with no link inside it, and its link trail ([[game]]s).
const INNERMOST_INTERNAL_LINK = /\[\[([^[\]]*)\]\]([\p{L}\p{M}]*)/gu;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', times: '×', middot: '·',
  deg: '°', euro: '€', pound: '£', sect: '§', para: '¶', bull: '•',
};

/** Character references render as their characters, so that is what is searchable. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    // Invalid code points and surrogates stay as written (Sanitizer does not decode them either).
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

/** Replaces internal links by what the reader sees: the label, or the target when there is none. */
function replaceInternalLinks(text: string): string {
  // Innermost first, repeatedly, so that links inside image captions are
  // resolved before the image link itself. Bounded in case of pathological input.
  for (let i = 0; i < 10; i++) {
    const next = text.replace(INNERMOST_INTERNAL_LINK, (_whole, inner: string, trail: string) => {
      const parts = inner.split('|');
      const target = parts[0].trim().replace(/^:/, '');
      const label = parts.length > 1 ? parts[parts.length - 1].trim() : '';
      // Category links draw no text, but their name is a useful search word
      // (MediaWiki indexes the raw [[Category:…]] text); their sort key is not.
      if (/^category\s*:/i.test(parts[0].trim())) return ` ${target} `;
      // No padding: a link reads as part of the surrounding text ("[[cat]]s,"
      // → "cats,"). MediaWiki's SearchUpdate keeps link trails too ("Handle [[game]]s").
      return `${label || target}${trail}`;
    });
    if (next === text) break;
    text = next;
  }
  return text.replace(/\[\[|\]\]/g, ' ');
}

/** Headings ("== Words ==" at the start of a line): the words stay, the '=' go. */
function stripHeadings(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('=')) return line;
      const trimmed = line.trimEnd();
      if (!trimmed.endsWith('=')) return line;
      let start = 0;
      while (start < trimmed.length && trimmed[start] === '=') start++;
      let end = trimmed.length;
      while (end > start && trimmed[end - 1] === '=') end--;
      return trimmed.slice(start, end);
    })
    .join('\n');
}

function stripMarkup(text: string): string {
  // HTML and extension tags (keeping what is between them), as SearchUpdate::updateText does.
  text = text.replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
  // External links: the label is kept, the URL is not (SearchUpdate strips URLs).
  text = text.replace(BRACKETED_EXTERNAL_LINK, (_whole, label?: string) => label?.trim() || ' ');
  text = text.replace(BARE_URL, ' ');
  text = replaceInternalLinks(text);
  // Table markup: the structure lines carry only attributes; cell lines
  // lose their leading marker; inline separators become spaces.
  text = text.replace(/^[ \t]*(?:\{\||\|-|\|\}).*$/gm, ' ');
  text = text.replace(/^[ \t]*(?:\|\+|[|!])/gm, ' ');
  text = text.replace(/\|\||!!/g, ' ');
  // Template, parameter and table braces, and the pipes separating parameters.
  text = text.replace(/\{\{+|\}\}+|\{\||\|\}|\|/g, ' ');
  text = stripHeadings(text);
  // List, indent and definition markers; horizontal rules.
  text = text.replace(/^[ \t]*[*#:;]+/gm, ' ');
  text = text.replace(/^-{4,}/gm, ' ');
  // Bold and italic quotes ('' and '''), as SearchUpdate does; a single apostrophe is a letter of a word.
  text = text.replace(/'{2,}/g, '');
  // Behaviour switches such as __TOC__ and __NOINDEX__.
  text = text.replace(/__[A-Z0-9_]{1,40}__/g, ' ');
  return decodeEntities(text);
}

/**
 * Wikitext → the plain words a reader sees, for the search index. Templates
 * are not expanded (as in MediaWiki's database search backends): their names
 * and arguments are kept as words, only the braces and pipes go.
 */
export function stripWikitext(wikitext: string): string {
  let text = wikitext.replace(CONTROL_CHARS, ' ').replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  // <nowiki> and <pre> content is shown literally: it is not stripped of
  // markup, only its character references are decoded. An opening tag
  // without a closing one is left to the markup stripper.
  const opening = /<(nowiki|pre)(?:\s[^<>]*)?>/gi;
  const unclosed = new Set<string>();
  let out = '';
  let last = 0;
  for (let m = opening.exec(text); m !== null; m = opening.exec(text)) {
    const name = m[1].toLowerCase();
    if (unclosed.has(name)) continue;
    const closing = new RegExp(`</${name}\\s*>`, 'gi');
    closing.lastIndex = opening.lastIndex;
    const close = closing.exec(text);
    if (close === null) {
      // No later opening tag of this name can find a closing one either.
      unclosed.add(name);
      continue;
    }
    let content = text.slice(opening.lastIndex, close.index);
    // <nowiki> tags inside <pre> are not shown (MediaWiki allows them there).
    if (name === 'pre') content = content.replace(/<\/?nowiki\s*\/?>/gi, '');
    out += stripMarkup(text.slice(last, m.index)) + ' ' + decodeEntities(content) + ' ';
    last = opening.lastIndex = closing.lastIndex;
  }
  text = out + stripMarkup(text.slice(last));
  // Decoding may have produced control characters again (&#1;).
  return text.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;

/** Words in plain text (MediaWiki uses PHP's str_word_count() for SearchResult::getWordCount()). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** At most this many terms are used; more only makes the query slower. */
export const MAX_SEARCH_TERMS = 32;

/**
 * Splits what the user typed into search terms: each "quoted phrase" is one
 * term, every other whitespace-separated chunk is one term. No operators are
 * interpreted (AND, OR, NOT, NEAR, -, *, : are just text), and terms without
 * a letter or digit are dropped, so the backends only ever see terms they
 * will tokenise into words. An unclosed quote runs to the end of the input.
 * All terms must match (MediaWiki's database backends AND the words).
 */
export function parseSearchTerms(input: string): string[] {
  const terms: string[] = [];
  const text = input.replace(CONTROL_CHARS, ' ');
  const pattern = /"([^"]*)(?:"|$)|[^\s"]+/g;
  for (const m of text.matchAll(pattern)) {
    const term = (m[1] ?? m[0]).replace(/\s+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(term)) terms.push(term);
    if (terms.length >= MAX_SEARCH_TERMS) break;
  }
  return terms;
}

interface Range {
  start: number;
  end: number;
}

/** Splits marker-annotated text into plain text and the ranges of the matches. Unbalanced markers are tolerated. */
function parseHighlighted(highlighted: string): { text: string; matches: Range[] } {
  const chunks: string[] = [];
  const matches: Range[] = [];
  let length = 0;
  let open = -1;
  let last = 0;
  const markers = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g');
  for (let m = markers.exec(highlighted); m !== null; m = markers.exec(highlighted)) {
    chunks.push(highlighted.slice(last, m.index));
    length += m.index - last;
    last = m.index + 1;
    if (m[0] === MATCH_START) {
      if (open < 0) open = length;
    } else {
      if (open >= 0 && length > open) matches.push({ start: open, end: length });
      open = -1;
    }
  }
  chunks.push(highlighted.slice(last));
  length += highlighted.length - last;
  if (open >= 0 && length > open) matches.push({ start: open, end: length });
  return { text: chunks.join(''), matches };
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/** Never cut between the two halves of a surrogate pair. */
function safeIndex(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff ? i + 1 : i;
}

/** Moves a fragment start forward to a word start, unless that would pass `limit`. */
function alignStart(text: string, s: number, limit: number): number {
  if (s <= 0 || isSpace(text[s - 1])) return s;
  for (let i = s; i < limit; i++) if (isSpace(text[i])) return i + 1;
  return safeIndex(text, s);
}

/** Moves a fragment end back to a word end, unless that would pass `limit`. */
function alignEnd(text: string, e: number, limit: number): number {
  if (e >= text.length || isSpace(text[e])) return e;
  for (let i = e; i > limit; i--) if (isSpace(text[i - 1])) return i - 1;
  return safeIndex(text, e);
}

function renderFragment(text: string, start: number, end: number, matches: Range[]): string {
  let html = '';
  let pos = start;
  for (const m of matches) {
    if (m.end <= start || m.start >= end) continue;
    const ms = Math.max(m.start, pos);
    const me = Math.min(m.end, end);
    if (me <= ms) continue;
    html += escapeHtml(text.slice(pos, ms)) + `<span class="searchmatch">${escapeHtml(text.slice(ms, me))}</span>`;
    pos = me;
  }
  html += escapeHtml(text.slice(pos, end));
  return html.trim();
}

export interface SnippetOptions {
  /** Roughly how many characters of text the snippet shows. */
  maxChars?: number;
  maxFragments?: number;
}

/**
 * Builds snippet HTML from text in which the backend has put MATCH_START /
 * MATCH_END around matched words: up to three fragments around matches,
 * about 200 characters in all, text HTML-escaped and matches wrapped in
 * MediaWiki's `<span class="searchmatch">`. Like MediaWiki's
 * SearchHighlighter, a page whose text has no match (a title match) shows
 * the beginning of its text.
 */
export function snippetHtmlFromHighlighted(highlighted: string, options: SnippetOptions = {}): string {
  const maxChars = options.maxChars ?? 200;
  const maxFragments = options.maxFragments ?? 3;
  const { text, matches } = parseHighlighted(highlighted);
  if (text.length === 0) return '';

  const fragments: Range[] = [];
  if (matches.length === 0) {
    fragments.push({ start: 0, end: alignEnd(text, Math.min(text.length, maxChars), 0) });
  } else {
    const perFragment = Math.max(40, Math.floor(maxChars / Math.min(maxFragments, matches.length)));
    for (const m of matches) {
      if (fragments.length >= maxFragments) break;
      if (fragments.some((f) => m.start >= f.start && m.end <= f.end)) continue;
      // About a third of the context before the match, the rest after it.
      const context = Math.max(0, perFragment - (m.end - m.start));
      let start = Math.max(0, m.start - Math.floor(context / 3));
      const end = Math.min(text.length, Math.max(m.end, start + perFragment));
      if (end === text.length) start = Math.max(0, Math.min(start, end - perFragment));
      fragments.push({ start: alignStart(text, start, m.start), end: alignEnd(text, end, m.end) });
    }
  }

  // A fragment never cuts a match in two, and overlapping fragments become one.
  for (const f of fragments) {
    for (const m of matches) {
      if (m.start < f.end && m.end > f.start) {
        f.start = Math.min(f.start, m.start);
        f.end = Math.max(f.end, m.end);
      }
    }
  }
  fragments.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const f of fragments) {
    const prev = merged[merged.length - 1];
    if (prev && f.start <= prev.end) prev.end = Math.max(prev.end, f.end);
    else merged.push({ ...f });
  }

  const parts = merged.map((f) => renderFragment(text, f.start, f.end, matches)).filter((p) => p !== '');
  if (parts.length === 0) return '';
  const lead = merged[0].start > 0 ? '… ' : '';
  const tail = merged[merged.length - 1].end < text.trimEnd().length ? ' …' : '';
  return lead + parts.join(' … ') + tail;
}

/** A SearchQuery's paging and namespaces in the form both backends use. */
export interface NormalizedPaging {
  namespaces: number[];
  limit: number;
  offset: number;
}

const nonNegativeInt = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/**
 * An empty namespace list searches the main namespace, as in MediaWiki's
 * SearchDatabase backends (queryNamespaces() falls back to NS_MAIN).
 */
export function normalizePaging(query: { namespaces: number[]; limit: number; offset: number }): NormalizedPaging {
  const namespaces = [...new Set(query.namespaces.filter((ns) => Number.isInteger(ns)))];
  return {
    namespaces: namespaces.length > 0 ? namespaces : [0],
    limit: nonNegativeInt(query.limit),
    offset: nonNegativeInt(query.offset),
  };
}
