/**
 * Section editing on raw wikitext: what MediaWiki's `Parser::getSection()`,
 * `Parser::replaceSection()` (both via `Parser::extractSections()`) and
 * `WikitextContent::replaceSection()` do for `action=edit&section=N`.
 *
 * Where the headings are
 * ----------------------
 * MediaWiki does not find section headings with a regex. It runs the
 * preprocessor (`Preprocessor_Hash::buildDomTreeArrayFromText()`) over the
 * page and counts the `<h>` nodes it produces. That decides a lot of edge
 * cases a line regex gets wrong:
 *
 *  - headings inside comments, `<nowiki>`, `<pre>` and every other registered
 *    extension tag are invisible, as is everything inside `<includeonly>`;
 *  - a comment and trailing spaces/tabs may follow the closing `=`s;
 *  - comments and tags may even span lines inside a heading;
 *  - a heading inside a template call (`{{tpl|\n== x ==\n}}`) is *numbered*
 *    (it consumes an index) but is not a top-level `<h>`, so it neither
 *    starts nor ends an editable section — the edit links MediaWiki renders
 *    skip that number too;
 *  - a heading inside `[[…]]`, `-{…}-` or an unclosed `{{` is hoisted back to
 *    the top level and does count;
 *  - `=` alone at a line start inside a template argument list is taken as a
 *    name/value separator, not a heading ("DWIM" in the preprocessor).
 *
 * So this module carries its own small port of the preprocessor's bracket
 * matching, reduced to what headings need: it records heading nodes (index,
 * level, source offsets) instead of building a DOM. It is one linear pass
 * with no backtracking (the same O(n) guards as MediaWiki: `noMoreGT`,
 * `noMoreClosingTag`), so a 300 KB page costs a few milliseconds.
 *
 * We deliberately do not use wikiparser-node here: it builds a full token
 * tree (templates, links, tables…) for what is a preprocessor-level
 * question, and its section API makes no promise to reproduce the
 * preprocessor's `@i` numbering (gaps for headings in template arguments,
 * hoisting out of links and unclosed braces), which edit links and
 * `section=N` URLs depend on. A direct port keeps those numbers identical to
 * MediaWiki's by construction.
 *
 * There is no template expansion here. A template's own sections (the
 * `T-N` edit links MediaWiki gives headings that come from a template) are
 * numbered by scanning the template's text the way the preprocessor reads a
 * transcluded page (`forInclusion`: `<noinclude>` content is hidden,
 * `<includeonly>` content counts, and with `<onlyinclude>` only what it
 * encloses counts); `section=T-N` addresses those sections.
 *
 * The renderer numbers the edit links of a rendered page with the same scan
 * (see parser/sections/HeadingOrigins), which is what keeps `section=N` in
 * an edit link and the section this module cuts out the same section. For
 * that it also reports the top-level transclusions (`{{…}}` and `{{{…}}}`
 * elements that are not inside another one): those are the only places
 * where expanded text can bring in further headings.
 */

/**
 * Tags whose content the preprocessor treats as opaque (`Parser::getStripList()`):
 * the core tag hooks plus the extension tags common on Wikimedia wikis.
 * A heading inside any of them is not a heading.
 */
export const OPAQUE_EXTENSION_TAGS: readonly string[] = [
  // CoreTagHooks
  'pre',
  'nowiki',
  'gallery',
  'indicator',
  'langconvert',
  // Extensions
  'ref',
  'references',
  'syntaxhighlight',
  'source',
  'math',
  'chem',
  'ce',
  'score',
  'timeline',
  'graph',
  'poem',
  'templatedata',
  'templatestyles',
  'hiero',
  'inputbox',
  'categorytree',
  'imagemap',
  'mapframe',
  'maplink',
  'charinsert',
  'section',
];

/** A top-level heading (`<h>` node) as the preprocessor sees it. */
export interface HeadingNode {
  kind: 'heading';
  /** The preprocessor's `@i`: 1-based, in the order headings are closed. */
  index: number;
  /** min(opening '=' count, closing '=' count), at most 6. */
  level: number;
  /** Offset of the first '='. */
  start: number;
  /** Offset of the line break ending the heading (or text length). */
  end: number;
}

/** A top-level `{{…}}` (template, parser function, variable) or `{{{…}}}` (argument) element. */
export interface TransclusionNode {
  kind: 'transclusion';
  /** 2 for `{{…}}`, 3 for `{{{…}}}`. */
  braces: 2 | 3;
  /** Offset of the first opening brace. */
  start: number;
  /** Offset just past the last closing brace. */
  end: number;
  /** Offset just past the name part (the first `|` or the closing braces). */
  nameEnd: number;
}

export type TopLevelNode = HeadingNode | TransclusionNode;

interface Part {
  /** Heading and transclusion nodes accumulated in this part (the `possible-h` and `template` children). */
  nodes: TopLevelNode[];
  /** A name/value '=' was seen in this template part. */
  hasEquals: boolean;
  /** End offset of the last comment in this part, -1 if none. */
  commentEnd: number;
  /** Start of the run of comments (and whitespace before it) ending at commentEnd. */
  visualEnd: number;
}

type Opener = '\n' | '{' | '[' | '-{';

interface Piece {
  open: Opener;
  close: string;
  count: number;
  /** For headings: offset of the first '='. */
  startPos: number;
  /** The '-' of a `-{{` that was re-read as `{{` ("rightmost wins"). */
  savedPrefix: boolean;
  parts: Part[];
  /** Offset of the first bracket still open (brace pieces). */
  openPos: number;
  /** Offset just past the first part, once a '|' has ended it (brace pieces). */
  nameEnd: number;
}

interface BraceRule {
  end: string;
  /** Bracket counts that close into an element. */
  counts: ReadonlySet<number>;
  min: number;
  max: number;
  /**
   * The element is a template/argument node, so headings inside stay nested
   * and are lost; otherwise (`[[…]]`, `-{…}-`) the preprocessor emits the
   * content as plain siblings ("breakSyntax") and the headings survive.
   */
  nests: boolean;
}

// Preprocessor::$rules
const RULES: Record<Exclude<Opener, '\n'>, BraceRule> = {
  '{': { end: '}', counts: new Set([2, 3]), min: 2, max: 3, nests: true },
  '[': { end: ']', counts: new Set([2]), min: 2, max: 2, nests: false },
  '-{': { end: '}-', counts: new Set([2]), min: 2, max: 2, nests: false },
};

/** What the preprocessor hides or unwraps, which depends on whether the text is being transcluded. */
interface Grammar {
  /** Tags dropped, their content parsed. */
  ignoredTags: ReadonlySet<string>;
  /** Preprocessor_Hash's $elementsRegex (extension tags and the element dropped with its content), anchored ("A" modifier) via the sticky flag. */
  elementRe: RegExp;
  forInclusion: boolean;
}

// Compared case-sensitively in MediaWiki (`in_array( $name, … )`).
const ALLOW_MISSING_END_TAG = ['includeonly', 'noinclude', 'onlyinclude'];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// PCRE's \s without the /u flag.
const WS = '[\\t\\n\\v\\f\\r ]';

// The page as stored (section editing, the page's own sections):
// <noinclude>/<onlyinclude> tags are dropped but their content is parsed,
// <includeonly>…</includeonly> is dropped with its content.
const PAGE_TAGS = { ignoredTags: ['noinclude', '/noinclude', 'onlyinclude', '/onlyinclude'], ignoredElement: 'includeonly' };
// A transcluded page (a template's sections, `section=T-N`): the other way
// round, and <onlyinclude> is handled separately (only its content counts).
const INCLUSION_TAGS = { ignoredTags: ['includeonly', '/includeonly'], ignoredElement: 'noinclude' };

const grammars = new Map<string, Grammar>();

/** The grammar for a mode and a set of extension tags (built once per distinct set). */
function grammarFor(forInclusion: boolean, extensionTags: readonly string[]): Grammar {
  const key = `${forInclusion ? 'i' : 'p'}\u0000${extensionTags.join('\u0000')}`;
  let g = grammars.get(key);
  if (!g) {
    const { ignoredTags, ignoredElement } = forInclusion ? INCLUSION_TAGS : PAGE_TAGS;
    const names = [...new Set(extensionTags.map((t) => t.toLowerCase()))];
    g = {
      ignoredTags: new Set(ignoredTags),
      elementRe: new RegExp(`(${[...names, ignoredElement, ...ignoredTags].map(escapeRegExp).join('|')})` + `(?:${WS}|/>|>)|(!--)`, 'iy'),
      forInclusion,
    };
    grammars.set(key, g);
  }
  return g;
}

const closingTagRes = new Map<string, RegExp>();
function closingTagRe(lowerName: string): RegExp {
  let re = closingTagRes.get(lowerName);
  if (!re) {
    re = new RegExp(`</${escapeRegExp(lowerName)}${WS}*>`, 'gi');
    closingTagRes.set(lowerName, re);
  }
  return re;
}

/** Number of consecutive spaces/tabs ending just before `pos`. */
function blanksBefore(text: string, pos: number): number {
  let n = 0;
  while (pos - n > 0) {
    const c = text.charCodeAt(pos - n - 1);
    if (c !== 0x20 && c !== 0x09) break;
    n++;
  }
  return n;
}

/** Number of consecutive spaces/tabs starting at `pos`. */
function blanksAt(text: string, pos: number): number {
  let n = 0;
  for (;;) {
    const c = text.charCodeAt(pos + n);
    if (c !== 0x20 && c !== 0x09) return n;
    n++;
  }
}

/** Number of consecutive `ch` starting at `pos`, at most `max`. */
function runAt(text: string, pos: number, ch: string, max = Infinity): number {
  let n = 0;
  while (n < max && text[pos + n] === ch) n++;
  return n;
}

function newPart(): Part {
  return { nodes: [], hasEquals: false, commentEnd: -1, visualEnd: -1 };
}

function lastPart(piece: Piece): Part {
  return piece.parts[piece.parts.length - 1];
}

function pushAll(target: TopLevelNode[], items: readonly TopLevelNode[]): void {
  // Not push(...items): the spread can exceed the argument limit on huge pages.
  for (const item of items) target.push(item);
}

function allNodes(piece: Piece): TopLevelNode[] {
  const out: TopLevelNode[] = [];
  for (const part of piece.parts) pushAll(out, part.nodes);
  return out;
}

/**
 * The top-level heading and transclusion nodes of `text`, in document order:
 * a port of the parts of `Preprocessor_Hash::buildDomTreeArrayFromText()`
 * (language conversion enabled) that decide where `<h>` and top-level
 * `<template>`/`<tplarg>` nodes are. Comments in the body mirror the
 * branches of the original.
 */
function scanNodes(text: string, g: Grammar): TopLevelNode[] {
  const length = text.length;
  const stack: Piece[] = [];
  const root: TopLevelNode[] = [];
  const accum = (): TopLevelNode[] => (stack.length ? lastPart(stack[stack.length - 1]).nodes : root);

  let i = 0;
  let headingIndex = 1;
  let noMoreGT = false;
  const noMoreClosingTag = new Set<string>();
  // The text starts with a pseudo line break: a heading may open at offset 0.
  let fakeLineStart = true;
  // When transcluded, a text with <onlyinclude> is only what those tags enclose (MediaWiki tests case-sensitively).
  const enableOnlyinclude = g.forInclusion && text.includes('<onlyinclude>') && text.includes('</onlyinclude>');
  let findOnlyinclude = enableOnlyinclude;

  for (;;) {
    if (findOnlyinclude) {
      // Ignore everything up to the next <onlyinclude>; without one the rest is ignored.
      const startPos = text.indexOf('<onlyinclude>', i);
      if (startPos === -1) break;
      i = startPos + '<onlyinclude>'.length;
      findOnlyinclude = false;
    }
    const top: Piece | undefined = stack[stack.length - 1];
    const inHeading = top?.open === '\n';
    const findPipe = top !== undefined && top.open !== '\n' && top.open !== '[';
    const findEquals = findPipe && top.parts.length > 1 && !lastPart(top).hasEquals;
    const currentClosing = top ? top.close : '';

    let found: 'line-start' | 'line-end' | 'pipe' | 'equals' | 'angle' | 'open' | 'close';
    let cur = '';
    if (fakeLineStart) {
      found = 'line-start';
    } else {
      // Skip literal text up to the next character that can matter here.
      while (i < length) {
        const c = text[i];
        if (
          c === '[' ||
          c === '{' ||
          c === '<' ||
          c === '\n' ||
          c === '-' ||
          (currentClosing !== '' && currentClosing.includes(c)) ||
          (findPipe && c === '|') ||
          (findEquals && c === '=')
        ) {
          break;
        }
        i++;
      }
      if (i >= length) {
        // A heading still open at the end of the text is closed by a
        // past-the-end line break.
        if (currentClosing === '\n') found = 'line-end';
        else break;
      } else {
        const c = text[i];
        const two = text.slice(i, i + 2);
        if (c === '|') found = 'pipe';
        else if (c === '=') found = 'equals';
        else if (c === '<') found = 'angle';
        else if (c === '\n') found = inHeading ? 'line-end' : 'line-start';
        else if (two === currentClosing) {
          found = 'close';
          cur = two;
        } else if (c === currentClosing) {
          found = 'close';
          cur = c;
        } else if (two === '-{') {
          found = 'open';
          cur = two;
        } else if (c === '{' || c === '[') {
          found = 'open';
          cur = c;
        } else {
          // A '-' not starting '-{', or a '}' not closing anything.
          i++;
          continue;
        }
      }
    }

    if (found === 'angle') {
      if (enableOnlyinclude && text.startsWith('</onlyinclude>', i)) {
        findOnlyinclude = true;
        continue;
      }
      g.elementRe.lastIndex = i + 1;
      const m = g.elementRe.exec(text);
      if (!m) {
        i++;
        continue;
      }
      if (m[2] !== undefined) {
        // Comment.
        const endPos = text.indexOf('-->', i + 4);
        if (endPos === -1) {
          // Unclosed comment runs to the end of the text.
          i = length;
          continue;
        }
        const wsStart = i ? i - blanksBefore(text, i) : 0;
        let wsEnd = endPos + 2 + blanksAt(text, endPos + 3);
        // Further comments separated only by blanks belong to the same run.
        while (text.startsWith('<!--', wsEnd + 1)) {
          const c = text.indexOf('-->', wsEnd + 5);
          if (c === -1) break;
          wsEnd = c + 2 + blanksAt(text, c + 3);
        }
        let commentEnd: number;
        if (wsStart > 0 && text[wsStart - 1] === '\n' && text[wsEnd + 1] === '\n') {
          // A line holding only comments is eaten with its line break, and
          // the next line is examined for a heading as if it were a new line.
          commentEnd = wsEnd + 1;
          fakeLineStart = true;
        } else {
          commentEnd = endPos + 2;
        }
        if (top) {
          // Remembered so that a comment after the closing '='s of a heading
          // does not stop it from being one.
          const part = lastPart(top);
          if (!(part.commentEnd !== -1 && part.commentEnd === wsStart - 1)) part.visualEnd = wsStart;
          part.commentEnd = commentEnd;
        }
        i = commentEnd + 1;
        continue;
      }

      const name = m[1];
      const attrStart = i + name.length + 1;
      const tagEndPos = noMoreGT ? -1 : text.indexOf('>', attrStart);
      if (tagEndPos === -1) {
        noMoreGT = true;
        i++;
        continue;
      }
      const lowerName = name.toLowerCase();
      if (g.ignoredTags.has(lowerName)) {
        i = tagEndPos + 1;
        continue;
      }
      if (text[tagEndPos - 1] === '/') {
        // Self-closing <tag/>.
        i = tagEndPos + 1;
        continue;
      }
      let closeEnd = -1;
      if (!noMoreClosingTag.has(lowerName)) {
        const re = closingTagRe(lowerName);
        re.lastIndex = tagEndPos + 1;
        const cm = re.exec(text);
        if (cm) closeEnd = cm.index + cm[0].length;
      }
      if (closeEnd !== -1) {
        i = closeEnd;
      } else if (ALLOW_MISSING_END_TAG.includes(name)) {
        // Runs to the end of the text.
        i = length;
      } else {
        // Unclosed extension tag: the opening tag is literal text.
        i = tagEndPos + 1;
        noMoreClosingTag.add(lowerName);
      }
      continue;
    }

    if (found === 'line-start') {
      if (fakeLineStart) fakeLineStart = false;
      else i++;
      const count = runAt(text, i, '=', 6);
      if (count === 1 && findEquals) {
        // DWIM: in a template argument list, "\n=" looks like a name/value separator.
      } else if (count > 0) {
        stack.push({ open: '\n', close: '\n', count, startPos: i, savedPrefix: false, parts: [newPart()], openPos: i, nameEnd: -1 });
        i += count;
      }
      continue;
    }

    if (found === 'line-end') {
      const piece = top as Piece;
      const part = lastPart(piece);
      // Look back past trailing blanks, and past a comment run ending the line.
      let searchStart = i - blanksBefore(text, i);
      if (part.commentEnd !== -1 && searchStart - 1 === part.commentEnd) {
        searchStart = part.visualEnd;
        searchStart -= blanksBefore(text, searchStart);
      }
      let equalsLength = 0;
      while (searchStart - equalsLength > 0 && text[searchStart - equalsLength - 1] === '=') equalsLength++;
      let element = part.nodes;
      if (equalsLength > 0) {
        let level: number;
        if (searchStart - equalsLength === piece.startPos) {
          // The line is only '='s: "=====" is a level-2 heading of "=".
          level = equalsLength < 3 ? 0 : Math.min(6, Math.floor((equalsLength - 1) / 2));
        } else {
          level = Math.min(equalsLength, piece.count);
        }
        if (level > 0) {
          // Headings nested in this one (e.g. via [[…\n==x==\n…]]) stay nested.
          element = [{ kind: 'heading', index: headingIndex++, level, start: piece.startPos, end: i }];
        }
      }
      stack.pop();
      pushAll(accum(), element);
      // The line break is not consumed: it may open the next heading.
      continue;
    }

    if (found === 'open') {
      let count = cur === '-{' ? runAt(text, i + 1, '{') + 1 : runAt(text, i, cur);
      let open = cur as Exclude<Opener, '\n'>;
      let savedPrefix = false;
      if (cur === '-{' && count > 2) {
        // "-{{" is a template preceded by a literal '-' (rightmost wins).
        savedPrefix = true;
        i++;
        open = '{';
        count--;
      }
      const rule = RULES[open];
      if (count >= rule.min) {
        stack.push({ open, close: rule.end, count, startPos: -1, savedPrefix, parts: [newPart()], openPos: i, nameEnd: -1 });
      }
      i += count;
      continue;
    }

    if (found === 'close') {
      const piece = top as Piece;
      const rule = RULES[piece.open as Exclude<Opener, '\n'>];
      let maxCount = piece.count;
      if (piece.close === '}-' && cur === '}') maxCount--;
      const count = cur.length > 1 ? cur.length : runAt(text, i, cur, maxCount);
      let matchingCount: number;
      if (count > rule.max) {
        matchingCount = rule.max;
      } else {
        matchingCount = count;
        while (matchingCount > 0 && !rule.counts.has(matchingCount)) matchingCount--;
      }
      if (matchingCount <= 0) {
        i += count;
        continue;
      }
      // A template or argument keeps what is inside it (its headings are not
      // top-level); it is itself a top-level node where it stands. Of several
      // opening braces the innermost, rightmost ones are the ones matched.
      const element: TopLevelNode[] = rule.nests
        ? [{ kind: 'transclusion', braces: matchingCount as 2 | 3, start: piece.openPos + piece.count - matchingCount, end: i + matchingCount, nameEnd: piece.nameEnd === -1 ? i : piece.nameEnd }]
        : allNodes(piece);
      i += matchingCount;
      stack.pop();
      if (matchingCount < piece.count) {
        // Unmatched opening brackets remain, e.g. the outer "{{" of "{{{{a}}".
        piece.parts = [newPart()];
        piece.nameEnd = -1;
        piece.count -= matchingCount;
        if (piece.count >= rule.min) {
          stack.push(piece);
        } else if (piece.count === 1 && piece.open === '{' && piece.savedPrefix) {
          piece.savedPrefix = false;
          piece.open = '-{';
          piece.count = 2;
          piece.close = RULES['-{'].end;
          stack.push(piece);
        }
      }
      pushAll(accum(), element);
      continue;
    }

    if (found === 'pipe') {
      const piece = top as Piece;
      if (piece.parts.length === 1) piece.nameEnd = i;
      piece.parts.push(newPart());
      i++;
      continue;
    }

    // found === 'equals'
    lastPart(top as Piece).hasEquals = true;
    i++;
  }

  // Unclosed brackets become literal text, so their headings surface.
  for (const piece of stack) pushAll(root, allNodes(piece));
  return root;
}

/** PHP rtrim()'s default character set. */
function phpRtrim(s: string): string {
  // A loop rather than /[…]+$/, which backtracks quadratically on long blank runs.
  let end = s.length;
  while (end > 0 && ' \t\n\r\0\v'.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

function phpTrim(s: string): string {
  const t = phpRtrim(s);
  let start = 0;
  while (start < t.length && ' \t\n\r\0\v'.includes(t[start])) start++;
  return t.slice(start);
}

interface SectionRange {
  start: number;
  end: number;
  heading: HeadingNode | null;
}

export interface ScanOptions {
  /** Read the text as a transcluded page (a template's `T-N` sections). */
  forInclusion?: boolean;
  /**
   * The extension tags whose content is opaque (MediaWiki's strip list: the
   * tags the wiki has registered); OPAQUE_EXTENSION_TAGS by default.
   */
  extensionTags?: readonly string[];
}

/**
 * The top-level headings and transclusions of `text` in document order, as
 * the preprocessor finds them in the page as stored or, with `forInclusion`,
 * in the page transcluded.
 */
export function scanTopLevelNodes(text: string, options: ScanOptions = {}): TopLevelNode[] {
  return scanNodes(text, grammarFor(options.forInclusion ?? false, options.extensionTags ?? OPAQUE_EXTENSION_TAGS));
}

/** The top-level headings of `text` (see scanTopLevelNodes). */
export function sectionHeadings(text: string, options: ScanOptions = {}): HeadingNode[] {
  return scanTopLevelNodes(text, options).filter((node): node is HeadingNode => node.kind === 'heading');
}

/**
 * A section as MediaWiki addresses it: its number (`3`, `'3'`) among the
 * page's own headings, or `'T-3'` for the third heading of the page read as
 * a transclusion — the edit links of headings that come from a template.
 */
export type SectionId = number | string;

function parseSectionId(section: SectionId): { index: number; forInclusion: boolean } | null {
  if (typeof section === 'number') return Number.isInteger(section) && section >= 0 ? { index: section, forInclusion: false } : null;
  const m = /^(T-)?(\d+)$/.exec(section);
  return m ? { index: Number(m[2]), forInclusion: m[1] !== undefined } : null;
}

/** `Parser::extractSections()`'s search for the section and where it ends. */
function findSection(text: string, sectionId: SectionId): SectionRange | null {
  const parsed = parseSectionId(sectionId);
  if (!parsed) return null;
  const section = parsed.index;
  const headings = sectionHeadings(text, { forInclusion: parsed.forInclusion });
  if (section === 0) {
    // Section 0 always exists (possibly empty) and ends at the first heading of any level.
    return { start: 0, end: headings.length ? headings[0].start : text.length, heading: null };
  }
  const k = headings.findIndex((h) => h.index === section);
  if (k === -1) return null;
  const target = headings[k];
  let end = text.length;
  for (let j = k + 1; j < headings.length; j++) {
    // A section includes its subsections: it ends at the next heading of the same or a higher level.
    if (headings[j].level <= target.level) {
      end = headings[j].start;
      break;
    }
  }
  return { start: target.start, end, heading: target };
}

/**
 * `Parser::getSection()`: the text of section `section` (0 = before the first
 * heading), including its subsections, with trailing whitespace removed as
 * MediaWiki does; null if there is no such section.
 */
export function getSection(text: string, section: SectionId): string | null {
  const range = findSection(text, section);
  return range ? phpRtrim(text.slice(range.start, range.end)) : null;
}

/**
 * `Parser::replaceSection()`: replaces section `section`; null if there is no
 * such section (MediaWiki returns the text unchanged there, and its callers —
 * EditPage, ApiEditPage — report "nosuchsection" after checking `getSection()`).
 *
 * As in MediaWiki, the replacement is followed by "\n\n" so that the next
 * heading keeps a blank line before it (the editor strips trailing whitespace
 * from the textbox, so both line breaks must be restored), an empty
 * replacement deletes the section outright, and the whole result is
 * rtrim()med. We rtrim the replacement first, as EditPage::importFormData()
 * does with wpTextbox1 before it gets here, so the separator is exactly
 * "\n\n" whatever the caller passes.
 */
export function replaceSection(text: string, section: SectionId, newSectionText: string): string | null {
  const range = findSection(text, section);
  if (!range) return null;
  const replacement = phpRtrim(newSectionText);
  const middle = replacement !== '' ? `${replacement}\n\n` : '';
  return phpRtrim(text.slice(0, range.start) + middle + text.slice(range.end));
}

/**
 * `section=new`: `WikitextContent::replaceSection( 'new', … )`. The heading is
 * MediaWiki's 'newsectionheaderdefaultlevel' message ("== $1 ==") followed by
 * a blank line; with no heading only the body is appended. A page that is
 * empty or whitespace-only gets no leading blank line. MediaWiki appends to
 * the old text as is, which is always rtrim()med by pre-save transform; we
 * rtrim it here (PHP's character set) so the separator is exactly "\n\n".
 */
export function appendNewSection(text: string, heading: string, body: string): string {
  const subject = heading !== '' ? `== ${heading} ==\n\n` : '';
  return phpTrim(text) !== '' ? `${phpRtrim(text)}\n\n${subject}${body}` : `${subject}${body}`;
}

// $wgUrlProtocols (MediaWiki's default), for stripSectionName().
const URL_PROTOCOLS = [
  'bitcoin:', 'ftp://', 'ftps://', 'geo:', 'git://', 'gopher://', 'http://', 'https://', 'irc://',
  'ircs://', 'magnet:', 'mailto:', 'matrix:', 'mms://', 'news:', 'nntp://', 'redis://', 'sftp://',
  'sip:', 'sips:', 'sms:', 'ssh://', 'svn://', 'tel:', 'telnet://', 'urn:', 'worldwind://', 'xmpp:', '//',
];
const EXTERNAL_LINK_RE = new RegExp(`\\[(?:${URL_PROTOCOLS.map(escapeRegExp).join('|')})([^ ]+?) ([^[]+)\\]`, 'gi');

/**
 * `Parser::stripSectionName()`: what EditPage puts between the comment
 * markers of the "/* Heading *\/" summary — link markup reduced to its text,
 * bold/italic quotes and HTML tags removed.
 */
function stripSectionName(s: string): string {
  let text = s.replace(/\[\[:?([^[|]+)\|([^[]+)\]\]/g, '$2');
  text = text.replace(/\[\[:?([^[]+)\|?\]\]/g, '$1');
  text = text.replace(EXTERNAL_LINK_RE, '$2');
  // MediaWiki renders '' and ''' with doQuotes() and then strips the tags;
  // removing the apostrophe runs has the same effect for balanced markup
  // (a run of 4 keeps one apostrophe, longer runs keep the surplus).
  text = text.replace(/'{2,}/g, (run) => {
    if (run.length === 4) return "'";
    if (run.length > 5) return "'".repeat(run.length - 5);
    return '';
  });
  // StringUtils::delimiterReplace( '<', '>', '' ): nested pairs go as a whole.
  let previous;
  do {
    previous = text;
    text = text.replace(/<[^<>]*>/g, '');
  } while (text !== previous);
  return text;
}

/**
 * The plain text of section `section`'s heading, for the "/* Heading *\/"
 * auto-summary of a section edit; null for section 0 and missing sections.
 *
 * EditPage takes the heading with a regex over the section's first line and
 * passes it through `Parser::stripSectionName()`. We start from the heading
 * node the preprocessor found instead, so a trailing comment after the
 * closing '='s (which MediaWiki's regex trips over) and unbalanced '='
 * counts are handled the way the heading renders: the outer `level` '='s on
 * each side are markup, the rest is text.
 */
export function getSectionHeading(text: string, section: SectionId): string | null {
  const range = findSection(text, section);
  if (!range || !range.heading) return null;
  return phpTrim(stripSectionName(phpTrim(headingInnerText(text, range.heading))));
}

/**
 * The wikitext between the '='s of a heading node: comments removed, and
 * the outer `level` '='s on each side taken as markup (`===a=` is a level-1
 * heading of "==a").
 */
export function headingInnerText(text: string, heading: HeadingNode): string {
  let line = text.slice(heading.start, heading.end);
  line = line.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  line = line.replace(/[ \t]+$/, '');
  return line.length >= 2 * heading.level ? line.slice(heading.level, line.length - heading.level) : '';
}

/**
 * Number of editable (top-level) headed sections, i.e. not counting section 0.
 * Section numbers are 1..count except when a heading sits inside a template
 * argument: MediaWiki still gives it a number but it is not editable, so the
 * numbers then have a gap (and the largest number exceeds the count).
 */
export function countSections(text: string): number {
  return sectionHeadings(text).length;
}
