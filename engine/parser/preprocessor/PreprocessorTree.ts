/**
 * MediaWiki's preprocessor (Preprocessor_Hash::preprocessToObj): wikitext →
 * a tree of template calls (`{{…}}`), template arguments (`{{{…}}}`),
 * comments, extension tags, ignored `<noinclude>`/`<includeonly>`/
 * `<onlyinclude>` material and headings, with everything else as text.
 *
 * The rules are MediaWiki's, character for character:
 *  - braces are matched by count, rightmost opening first: `{{{x}}}` is an
 *    argument, `{{{{x}}}}` a template whose name is `{x}`… with the leftover
 *    brace(s) literal; `{{{{{x}}}}}` an argument inside a template name;
 *  - `[[ … ]]` and `-{ … }-` are tracked only so that a `|` inside them does
 *    not split a template's arguments (they come out as plain text);
 *  - the first `=` of an argument separates name and value, except a lone
 *    `=` at a line start (a would-be heading);
 *  - comments are recorded, and a line holding only comments (and spaces)
 *    is eaten with its newline;
 *  - extension tags (and `<nowiki>`, `<pre>` … as registered) are opaque:
 *    nothing inside them is preprocessed;
 *  - include mode (a page being transcluded) drops `<noinclude>` sections
 *    and, when the text has `<onlyinclude>…</onlyinclude>`, everything
 *    outside those; view mode drops `<includeonly>` sections;
 *  - `=`…`=` lines become heading nodes (top level only: `h`; inside
 *    template arguments they stay "possible" headings).
 *
 * A tree depends only on the text, the mode, the extension tag list and
 * whether language-converter markup is recognised, so trees are cached per
 * process in an LRU keyed by the text: each distinct template text is parsed
 * once, however many pages and calls use it.
 */

/** A node of the tree: text, or an element. */
export type PPNode = string | PPTemplate | PPTplArg | PPComment | PPIgnore | PPExt | PPHeading;
export type PPNodeList = readonly PPNode[];

/** One `|`-separated argument of a template or template argument. */
export interface PPPart {
  /** The name of a `name=value` argument; null for a positional one. */
  readonly name: PPNodeList | null;
  /** For a positional argument its number (1, 2 …); 0 for a named one. */
  readonly index: number;
  readonly value: PPNodeList;
}

/** `{{title|part|…}}` */
export interface PPTemplate {
  readonly type: 'template';
  readonly title: PPNodeList;
  readonly parts: readonly PPPart[];
  /** The call started a line and used up all of its opening braces (MediaWiki's @lineStart). */
  readonly lineStart: boolean;
  /** The title when it is plain text (no nested markup): it needs no expansion. */
  readonly staticTitle: string | null;
  /** The call as written (a slice of the source text, so no copy): identical calls share expansions. */
  readonly source: string;
}

/** `{{{name|default|…}}}` */
export interface PPTplArg {
  readonly type: 'tplarg';
  readonly title: PPNodeList;
  readonly parts: readonly PPPart[];
  readonly staticTitle: string | null;
}

/** `<!-- … -->`, with the surrounding whitespace and newline it ate, if any. */
export interface PPComment {
  readonly type: 'comment';
  readonly text: string;
}

/** Material that is not part of this mode's output: `<noinclude>…</noinclude>` when included, the tags themselves … */
export interface PPIgnore {
  readonly type: 'ignore';
  readonly text: string;
}

/** An extension tag: its content is opaque to the preprocessor. */
export interface PPExt {
  readonly type: 'ext';
  /** The tag name as written. */
  readonly name: string;
  /** Everything between the name and `>` (or `/>`), leading whitespace included. */
  readonly attr: string;
  /** null for a self-closed tag. */
  readonly inner: string | null;
  /** The closing tag as written; null when there is none. */
  readonly close: string | null;
}

/** A heading line `== … ==`; its children include the `=` signs. */
export interface PPHeading {
  readonly type: 'h';
  readonly level: number;
  /** 1-based index among the headings of this text (MediaWiki's @i, used for section numbers). */
  readonly index: number;
  /** A heading at the top level of the text (MediaWiki's `h`) rather than inside a template call (`possible-h`). */
  readonly top: boolean;
  readonly children: PPNodeList;
}

export interface PreprocessOptions {
  /** The text is being transcluded (MediaWiki's DOM_FOR_INCLUSION): include mode. */
  forInclusion: boolean;
  /** Names of the extension tags (and core strip tags such as nowiki, pre, gallery) whose content is opaque. */
  extensionTags: readonly string[];
  /** Recognise `-{ … }-` (language converter markup) for brace matching. MediaWiki does unless $wgDisableLangConversion. */
  langConversion?: boolean;
}

/** A preprocessed text. */
export interface PPTree {
  readonly children: PPNodeList;
  /** Top-level headings (the ones that get section edit links), in order. */
  readonly headings: readonly PPHeading[];
}

// ---------------------------------------------------------------------------
// Tree cache

interface CacheEntry {
  tree: PPTree;
  size: number;
}

/**
 * An LRU of trees keyed by text, one map per (mode, tag set). Bounded by the
 * total length of the cached texts and by the number of entries.
 */
class TreeCache {
  private readonly maps = new Map<string, Map<string, CacheEntry>>();
  private totalSize = 0;
  private entries = 0;

  constructor(
    private readonly maxTotalSize: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, text: string): PPTree | undefined {
    const map = this.maps.get(key);
    const entry = map?.get(text);
    if (!entry) return undefined;
    // Refresh: move to the end of the insertion order.
    map!.delete(text);
    map!.set(text, entry);
    return entry.tree;
  }

  set(key: string, text: string, tree: PPTree): void {
    const size = text.length + 64;
    if (size > this.maxTotalSize / 4) return;
    let map = this.maps.get(key);
    if (!map) {
      map = new Map();
      this.maps.set(key, map);
    }
    const previous = map.get(text);
    if (previous) {
      this.totalSize -= previous.size;
      this.entries--;
      map.delete(text);
    }
    map.set(text, { tree, size });
    this.totalSize += size;
    this.entries++;
    this.evict();
  }

  private evict(): void {
    while (this.totalSize > this.maxTotalSize || this.entries > this.maxEntries) {
      // Evict the oldest entry of the largest map (maps are few: one per mode and tag set).
      let victimMap: Map<string, CacheEntry> | null = null;
      for (const map of this.maps.values()) if (map.size > 0 && (!victimMap || map.size > victimMap.size)) victimMap = map;
      if (!victimMap) return;
      const [text, entry] = victimMap.entries().next().value as [string, CacheEntry];
      victimMap.delete(text);
      this.totalSize -= entry.size;
      this.entries--;
    }
  }

  clear(): void {
    this.maps.clear();
    this.totalSize = 0;
    this.entries = 0;
  }

  stats(): { entries: number; totalSize: number } {
    return { entries: this.entries, totalSize: this.totalSize };
  }
}

const treeCache = new TreeCache(64 * 1024 * 1024, 20000);

/** Empties the process-wide tree cache (tests). */
export function clearPreprocessorCache(): void {
  treeCache.clear();
}

export function preprocessorCacheStats(): { entries: number; totalSize: number } {
  return treeCache.stats();
}

/** The tree of `text` in the given mode, from the process-wide cache when it was built before. */
export function preprocess(text: string, options: PreprocessOptions): PPTree {
  const key = cacheKey(options);
  const cached = treeCache.get(key, text);
  if (cached) return cached;
  const tree = buildTree(text, options);
  treeCache.set(key, text, tree);
  return tree;
}

const tagKeys = new WeakMap<readonly string[], string>();

function cacheKey(options: PreprocessOptions): string {
  let tags = tagKeys.get(options.extensionTags);
  if (tags === undefined) {
    tags = [...options.extensionTags].map((t) => t.toLowerCase()).sort().join('|');
    tagKeys.set(options.extensionTags, tags);
  }
  return `${options.forInclusion ? 'i' : 'v'}${options.langConversion === false ? '-' : '+'}${tags}`;
}

// ---------------------------------------------------------------------------
// Building (Preprocessor_Hash::buildDomTreeArrayFromText)

/** The `=` separating an argument's name from its value while the argument is being built. */
const EQUALS: unique symbol = Symbol('equals');

type Accum = (PPNode | typeof EQUALS)[];

interface Rule {
  end: string;
  /** Element made by a closing run of this many characters: 'template', 'tplarg', or null for "just text". */
  names: Record<number, 'template' | 'tplarg' | null>;
  min: number;
  max: number;
}

const RULES: Record<string, Rule> = {
  '{': { end: '}', names: { 2: 'template', 3: 'tplarg' }, min: 2, max: 3 },
  '[': { end: ']', names: { 2: null }, min: 2, max: 2 },
  '-{': { end: '}-', names: { 2: null }, min: 2, max: 2 },
};

class Part {
  out: Accum;
  /** Index in `out` of the argument's `=`. */
  eqpos = -1;
  /** End of the last comment in this part, and where the visible text before it ended (headings ending in a comment). */
  commentEnd = -1;
  visualEnd = -1;

  constructor(initial = '') {
    this.out = initial === '' ? [] : [initial];
  }
}

interface PieceInit {
  open: string;
  close: string;
  count: number;
  lineStart?: boolean;
  savedPrefix?: string;
  startPos?: number;
  parts?: Part[];
}

class Piece {
  open: string;
  close: string;
  count: number;
  lineStart: boolean;
  savedPrefix: string;
  /** For a heading: where its `=` signs start. For braces: where the first opening brace is. */
  startPos: number;
  parts: Part[];

  constructor(init: PieceInit) {
    this.open = init.open;
    this.close = init.close;
    this.count = init.count;
    this.lineStart = init.lineStart ?? false;
    this.savedPrefix = init.savedPrefix ?? '';
    this.startPos = init.startPos ?? -1;
    this.parts = init.parts ?? [new Part()];
  }

  currentPart(): Part {
    return this.parts[this.parts.length - 1];
  }

  /** PPDStackElement_Hash::breakSyntax: what the text was, if the closing never comes. */
  breakSyntax(openingCount: number = this.count): Accum {
    if (this.open === '\n') {
      const accum: Accum = [];
      if (this.savedPrefix !== '') accum.push(this.savedPrefix);
      appendAll(accum, this.parts[0].out);
      return accum;
    }
    let s = this.open.slice(0, -1);
    s += this.open.slice(-1).repeat(openingCount - s.length);
    const accum: Accum = [this.savedPrefix + s];
    let first = true;
    for (const part of this.parts) {
      if (first) first = false;
      else addLiteral(accum, '|');
      appendAll(accum, part.out);
    }
    return accum;
  }
}

/** PPDStack_Hash */
class Stack {
  readonly stack: Piece[] = [];
  readonly rootAccum: Accum = [];
  top: Piece | null = null;

  accum(): Accum {
    return this.top ? this.top.currentPart().out : this.rootAccum;
  }

  push(piece: Piece): void {
    this.stack.push(piece);
    this.top = piece;
  }

  pop(): Piece {
    const piece = this.stack.pop()!;
    this.top = this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
    return piece;
  }

  addPart(): void {
    this.top!.parts.push(new Part());
  }

  /** PPDStackElement::getFlags */
  flags(): { findPipe: boolean; findEquals: boolean; inHeading: boolean } {
    const top = this.top;
    if (!top) return { findPipe: false, findEquals: false, inHeading: false };
    const findPipe = top.open !== '\n' && top.open !== '[';
    return {
      findPipe,
      findEquals: findPipe && top.parts.length > 1 && top.currentPart().eqpos < 0,
      inHeading: top.open === '\n',
    };
  }
}

function addLiteral(accum: Accum, text: string): void {
  const n = accum.length;
  if (n > 0 && typeof accum[n - 1] === 'string') accum[n - 1] = (accum[n - 1] as string) + text;
  else accum.push(text);
}

/** Appends nodes, merging adjacent text. */
function appendAll(accum: Accum, nodes: readonly (PPNode | typeof EQUALS)[]): void {
  for (const node of nodes) {
    if (typeof node === 'string') addLiteral(accum, node);
    else accum.push(node);
  }
}

/** Finishes a node list: the EQUALS marker (only left over in broken syntax) becomes text again. */
function finish(accum: Accum): PPNode[] {
  let hasEquals = false;
  for (const node of accum) {
    if (node === EQUALS) {
      hasEquals = true;
      break;
    }
  }
  if (!hasEquals) return accum as PPNode[];
  const out: Accum = [];
  for (const node of accum) {
    if (node === EQUALS) addLiteral(out, '=');
    else if (typeof node === 'string') addLiteral(out, node);
    else out.push(node);
  }
  return out as PPNode[];
}

function staticText(nodes: PPNodeList): string | null {
  if (nodes.length === 0) return '';
  if (nodes.length === 1 && typeof nodes[0] === 'string') return nodes[0];
  return null;
}

/** Length of the run of characters from `chars` starting at `pos` (PHP strspn), at most `max`. */
function spanForward(text: string, pos: number, chars: string, max = Infinity): number {
  let n = 0;
  const end = Math.min(text.length, pos + max);
  for (let i = pos; i < end && chars.includes(text[i]); i++) n++;
  return n;
}

/** Length of the run of characters from `chars` ending just before `pos` (strspn on the reversed text). */
function spanBackward(text: string, pos: number, chars: string): number {
  let n = 0;
  for (let i = pos - 1; i >= 0 && chars.includes(text[i]); i--) n++;
  return n;
}

const searchRegexes = new Map<string, RegExp>();

/** A global regex finding the next character of `chars` (PHP strcspn). */
function searchRegex(chars: string): RegExp {
  let re = searchRegexes.get(chars);
  if (!re) {
    re = new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
    searchRegexes.set(chars, re);
  }
  return re;
}

const elementRegexes = new Map<string, RegExp>();

function elementRegex(names: readonly string[]): RegExp {
  const key = names.join('\n');
  let re = elementRegexes.get(key);
  if (!re) {
    const alternatives = names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
    // MediaWiki: ~($xmlishRegex)(?:\s|\/>|>)|(!--)~iA, anchored after the '<'.
    re = new RegExp(`(${alternatives})(?:[ \\t\\n\\v\\f\\r]|\\/>|>)|(!--)`, 'iy');
    elementRegexes.set(key, re);
  }
  return re;
}

const closingTagRegexes = new Map<string, RegExp>();

function closingTagRegex(name: string): RegExp {
  let re = closingTagRegexes.get(name);
  if (!re) {
    re = new RegExp(`<\\/${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[ \\t\\n\\v\\f\\r]*>`, 'gi');
    closingTagRegexes.set(name, re);
  }
  return re;
}

function buildTree(text: string, options: PreprocessOptions): PPTree {
  const forInclusion = options.forInclusion;
  const langConversion = options.langConversion !== false;
  const xmlishElements = options.extensionTags.map((t) => t.toLowerCase());
  const xmlishAllowMissingEndTag = ['includeonly', 'noinclude', 'onlyinclude'];
  let enableOnlyinclude = false;
  let ignoredTags: string[];
  let ignoredElements: string[];
  if (forInclusion) {
    ignoredTags = ['includeonly', '/includeonly'];
    ignoredElements = ['noinclude'];
    xmlishElements.push('noinclude');
    if (text.includes('<onlyinclude>') && text.includes('</onlyinclude>')) enableOnlyinclude = true;
  } else {
    ignoredTags = ['noinclude', '/noinclude', 'onlyinclude', '/onlyinclude'];
    ignoredElements = ['includeonly'];
    xmlishElements.push('includeonly');
  }
  const elementsRe = elementRegex([...xmlishElements, ...ignoredTags]);

  const stack = new Stack();
  const searchBase = langConversion ? '[{<\n-' : '[{<\n';
  const lengthText = text.length;

  let i = 0;
  let accum = stack.accum();
  let findEquals = false;
  let findPipe = false;
  let headingIndex = 1;
  let inHeading = false;
  let noMoreGT = false;
  const noMoreClosingTag = new Set<string>();
  let findOnlyinclude = enableOnlyinclude;
  let fakeLineStart = true;

  const restoreFlags = () => {
    const flags = stack.flags();
    findEquals = flags.findEquals;
    findPipe = flags.findPipe;
    inHeading = flags.inHeading;
  };

  for (;;) {
    if (findOnlyinclude) {
      // Ignore all input up to the next <onlyinclude>
      const startPos = text.indexOf('<onlyinclude>', i);
      if (startPos === -1) {
        accum.push({ type: 'ignore', text: text.slice(i) });
        break;
      }
      const tagEndPos = startPos + 13;
      accum.push({ type: 'ignore', text: text.slice(i, tagEndPos) });
      i = tagEndPos;
      findOnlyinclude = false;
    }

    let found: 'line-start' | 'line-end' | 'pipe' | 'equals' | 'angle' | 'close' | 'open';
    let curChar = '';
    let rule: Rule | null = null;
    if (fakeLineStart) {
      found = 'line-start';
    } else {
      let search = searchBase;
      const currentClosing = stack.top ? stack.top.close : '';
      search += currentClosing;
      if (findPipe) search += '|';
      if (findEquals) search += '=';
      const re = searchRegex(search);
      re.lastIndex = i;
      const m = re.exec(text);
      const next = m ? m.index : lengthText;
      if (next > i) {
        addLiteral(accum, text.slice(i, next));
        i = next;
      }
      if (i >= lengthText) {
        if (currentClosing === '\n') {
          // Do a past-the-end run to finish off the heading
          curChar = '';
          found = 'line-end';
        } else {
          break;
        }
      } else {
        curChar = text[i];
        const curTwoChar = i + 1 < lengthText ? curChar + text[i + 1] : curChar;
        if (curChar === '|') {
          found = 'pipe';
        } else if (curChar === '=') {
          found = 'equals';
        } else if (curChar === '<') {
          found = 'angle';
        } else if (curChar === '\n') {
          found = inHeading ? 'line-end' : 'line-start';
        } else if (curTwoChar === currentClosing) {
          found = 'close';
          curChar = curTwoChar;
        } else if (curChar === currentClosing) {
          found = 'close';
        } else if (curTwoChar in RULES && (langConversion || curTwoChar !== '-{')) {
          curChar = curTwoChar;
          found = 'open';
          rule = RULES[curChar];
        } else if (curChar in RULES) {
          found = 'open';
          rule = RULES[curChar];
        } else {
          // '-' not opening -{, or '}' not matching '}-': literal.
          if (curChar === '-' || curChar === '}') addLiteral(accum, curChar);
          ++i;
          continue;
        }
      }
    }

    if (found === 'angle') {
      if (enableOnlyinclude && text.startsWith('</onlyinclude>', i)) {
        findOnlyinclude = true;
        continue;
      }
      // Determine element name
      elementsRe.lastIndex = i + 1;
      const matches = elementsRe.exec(text);
      if (!matches) {
        addLiteral(accum, '<');
        ++i;
        continue;
      }
      if (matches[2] === '!--') {
        // Comment. To avoid leaving blank lines, when a sequence of space-separated comments is
        // both preceded and followed by a newline (ignoring spaces), the line is eaten.
        let endPos = text.indexOf('-->', i + 4);
        if (endPos === -1) {
          // Unclosed comment in input, runs to end
          accum.push({ type: 'comment', text: text.slice(i) });
          i = lengthText;
        } else {
          // Search backwards for leading whitespace
          const wsStart = i > 0 ? i - spanBackward(text, i, ' \t') : 0;
          // Search forwards for trailing whitespace; wsEnd is the last space (or the '>')
          let wsEnd = endPos + 2 + spanForward(text, endPos + 3, ' \t');
          // Keep looking forward as long as we're finding more comments.
          const comments: [number, number][] = [[wsStart, wsEnd]];
          while (text.startsWith('<!--', wsEnd + 1)) {
            let c = text.indexOf('-->', wsEnd + 5);
            if (c === -1) break;
            c += 2 + spanForward(text, c + 3, ' \t');
            comments.push([wsEnd + 1, c]);
            wsEnd = c;
          }
          let startPos: number;
          // Eat the line if possible
          if (wsStart > 0 && text[wsStart - 1] === '\n' && text[wsEnd + 1] === '\n') {
            // Remove leading whitespace from the end of the accumulator
            const wsLength = i - wsStart;
            const endIndex = accum.length - 1;
            const last = accum[endIndex];
            if (wsLength > 0 && typeof last === 'string' && spanBackward(last, last.length, ' \t') >= wsLength) {
              accum[endIndex] = last.slice(0, -wsLength);
            }
            // Dump all but the last comment to the accumulator
            for (let j = 0; j < comments.length - 1; j++) {
              const [start, end] = comments[j];
              accum.push({ type: 'comment', text: text.slice(start, end + 1) });
            }
            const lastComment = comments[comments.length - 1];
            startPos = lastComment[0];
            endPos = lastComment[1] + 1;
            // Do a line-start run next time to look for headings after the comment
            fakeLineStart = true;
          } else {
            // No line to eat, just take the comment itself
            startPos = i;
            endPos += 2;
          }
          if (stack.top) {
            const part = stack.top.currentPart();
            if (!(part.commentEnd >= 0 && part.commentEnd === wsStart - 1)) part.visualEnd = wsStart;
            // Else comments abutting, no change in visual end
            part.commentEnd = endPos;
          }
          i = endPos + 1;
          accum.push({ type: 'comment', text: text.slice(startPos, endPos + 1) });
        }
        continue;
      }
      const name = matches[1];
      const lowerName = name.toLowerCase();
      const attrStart = i + name.length + 1;
      // Find end of tag
      const tagEndPos = noMoreGT ? -1 : text.indexOf('>', attrStart);
      if (tagEndPos === -1) {
        // Infinite backtrack: disable tag search to prevent worst-case O(N^2) performance
        noMoreGT = true;
        addLiteral(accum, '<');
        ++i;
        continue;
      }
      // Handle ignored tags
      if (ignoredTags.includes(lowerName)) {
        accum.push({ type: 'ignore', text: text.slice(i, tagEndPos + 1) });
        i = tagEndPos + 1;
        continue;
      }
      const tagStartPos = i;
      let attrEnd: number;
      let inner: string | null;
      let close: string | null;
      if (text[tagEndPos - 1] === '/') {
        // Short end tag
        attrEnd = tagEndPos - 1;
        inner = null;
        i = tagEndPos + 1;
        close = null;
      } else {
        attrEnd = tagEndPos;
        // Find closing tag
        let closeMatch: RegExpExecArray | null = null;
        if (!noMoreClosingTag.has(lowerName)) {
          const re = closingTagRegex(name);
          re.lastIndex = tagEndPos + 1;
          closeMatch = re.exec(text);
        }
        if (closeMatch) {
          close = closeMatch[0];
          inner = text.slice(tagEndPos + 1, closeMatch.index);
          i = closeMatch.index + close.length;
        } else if (xmlishAllowMissingEndTag.includes(name)) {
          // Let it run out to the end of the text.
          inner = text.slice(tagEndPos + 1);
          i = lengthText;
          close = null;
        } else {
          // Don't match the tag, treat opening tag as literal and resume parsing.
          i = tagEndPos + 1;
          addLiteral(accum, text.slice(tagStartPos, tagEndPos + 1));
          // Cache results, otherwise we have O(N^2) performance for input like <foo><foo><foo>...
          noMoreClosingTag.add(lowerName);
          continue;
        }
      }
      // <includeonly> and <noinclude> just become <ignore> tags
      if (ignoredElements.includes(lowerName)) {
        accum.push({ type: 'ignore', text: text.slice(tagStartPos, i) });
        continue;
      }
      const attr = attrEnd <= attrStart ? '' : text.slice(attrStart, attrEnd);
      accum.push({ type: 'ext', name, attr, inner, close });
    } else if (found === 'line-start') {
      // Is this the start of a heading? The line break belongs before the heading element in any case.
      if (fakeLineStart) {
        fakeLineStart = false;
      } else {
        addLiteral(accum, curChar);
        i++;
      }
      // Examine up to 6 characters
      const count = spanForward(text, i, '=', 6);
      if (count === 1 && findEquals) {
        // DWIM: This looks kind of like a name/value separator. Let the equals handler have it.
      } else if (count > 0) {
        stack.push(new Piece({ open: '\n', close: '\n', parts: [new Part('='.repeat(count))], startPos: i, count }));
        accum = stack.accum();
        restoreFlags();
        i += count;
      }
    } else if (found === 'line-end') {
      const piece = stack.top!;
      const part = piece.currentPart();
      // Search back through the input to see if it has a proper close.
      const wsLength = spanBackward(text, i, ' \t');
      let searchStart = i - wsLength;
      if (part.commentEnd >= 0 && searchStart - 1 === part.commentEnd) {
        // Comment found at line end: search for equals signs before the comment
        searchStart = part.visualEnd;
        searchStart -= spanBackward(text, searchStart, ' \t');
      }
      const equalsLength = spanBackward(text, searchStart, '=');
      let element: Accum;
      if (equalsLength > 0) {
        let count: number;
        if (searchStart - equalsLength === piece.startPos) {
          // A single string of equals signs on its own line: /={count}(.+)={count}/
          count = equalsLength < 3 ? 0 : Math.min(6, Math.trunc((equalsLength - 1) / 2));
        } else {
          count = Math.min(equalsLength, piece.count);
        }
        if (count > 0) {
          const heading: PPHeading = { type: 'h', level: count, index: headingIndex++, top: false, children: finish(accum) };
          element = [heading];
        } else {
          element = accum;
        }
      } else {
        element = accum;
      }
      stack.pop();
      accum = stack.accum();
      restoreFlags();
      appendAll(accum, element);
      // The input pointer is not advanced: the closing newline may open another heading.
    } else if (found === 'open') {
      // Count opening brace characters
      const curLen = curChar.length;
      let count = curLen > 1 ? spanForward(text, i + 1, curChar[curLen - 1]) + 1 : spanForward(text, i, curChar);
      let savedPrefix = '';
      const lineStart = i > 0 && text[i - 1] === '\n';
      if (curChar === '-{' && count > curLen) {
        // -{ => {{ transition because rightmost wins
        savedPrefix = '-';
        i++;
        curChar = '{';
        count--;
        rule = RULES[curChar];
      }
      // Add to the stack only if the opening brace count is enough for one of the rules
      if (count >= rule!.min) {
        stack.push(new Piece({ open: curChar, close: rule!.end, savedPrefix, count, lineStart, startPos: i }));
        accum = stack.accum();
        restoreFlags();
      } else {
        addLiteral(accum, savedPrefix + curChar.repeat(count));
      }
      i += count;
    } else if (found === 'close') {
      const piece = stack.top!;
      // Check if there are enough characters for the closing brace
      let maxCount = piece.count;
      if (piece.close === '}-' && curChar === '}') maxCount--; // don't try to match closing '-' as a '}'
      const curLen = curChar.length;
      const count = curLen > 1 ? curLen : spanForward(text, i, curChar, maxCount);
      // Check for maximum matching characters (with 5 closing characters we probably need only 3)
      const pieceRule = RULES[piece.open];
      let matchingCount: number;
      if (count > pieceRule.max) {
        matchingCount = pieceRule.max;
      } else {
        matchingCount = count;
        while (matchingCount > 0 && !(matchingCount in pieceRule.names)) --matchingCount;
      }
      if (matchingCount <= 0) {
        // No matching element: a literal closing brace
        addLiteral(accum, text.slice(i, i + count));
        i += count;
        continue;
      }
      const elementName = pieceRule.names[matchingCount];
      let element: Accum;
      if (elementName === null) {
        // No element, just literal text
        const endText = text.slice(i, i + matchingCount);
        element = piece.breakSyntax(matchingCount);
        addLiteral(element, endText);
      } else {
        const parts = piece.parts;
        const title = finish(parts[0].out);
        const outParts: PPPart[] = [];
        let argIndex = 1;
        for (let p = 1; p < parts.length; p++) {
          const part = parts[p];
          if (part.eqpos >= 0) {
            outParts.push({ name: finish(part.out.slice(0, part.eqpos)), index: 0, value: finish(part.out.slice(part.eqpos + 1)) });
          } else {
            outParts.push({ name: null, index: argIndex++, value: finish(part.out) });
          }
        }
        if (elementName === 'template') {
          // The call is at the start of a line if it was, and all opening braces are used up.
          const atLineStart = maxCount === matchingCount && piece.lineStart && piece.savedPrefix === '';
          // The innermost braces close first: the element starts after the ones left open.
          const source = text.slice(piece.startPos + piece.count - matchingCount, i + matchingCount);
          element = [{ type: 'template', title, parts: outParts, lineStart: atLineStart, staticTitle: staticText(title), source }];
        } else {
          element = [{ type: 'tplarg', title, parts: outParts, staticTitle: staticText(title) }];
        }
      }
      // Advance input pointer
      i += matchingCount;
      // Unwind the stack
      stack.pop();
      accum = stack.accum();
      // Re-add the old stack element if it still has unmatched opening characters remaining
      if (matchingCount < piece.count) {
        piece.parts = [new Part()];
        piece.count -= matchingCount;
        // Do we still qualify for any callback with the remaining count?
        const min = RULES[piece.open].min;
        if (piece.count >= min) {
          stack.push(piece);
          accum = stack.accum();
        } else if (piece.count === 1 && piece.open === '{' && piece.savedPrefix === '-') {
          piece.savedPrefix = '';
          piece.open = '-{';
          piece.count = 2;
          piece.close = RULES[piece.open].end;
          stack.push(piece);
          accum = stack.accum();
        } else {
          let s = piece.open.slice(0, -1);
          s += piece.open.slice(-1).repeat(piece.count - s.length);
          addLiteral(accum, piece.savedPrefix + s);
        }
      } else if (piece.savedPrefix !== '') {
        addLiteral(accum, piece.savedPrefix);
      }
      restoreFlags();
      // Add the element to the enclosing accumulator
      appendAll(accum, element);
    } else if (found === 'pipe') {
      findEquals = true; // shortcut for flags()
      stack.addPart();
      accum = stack.accum();
      ++i;
    } else if (found === 'equals') {
      findEquals = false; // shortcut for flags()
      accum.push(EQUALS);
      stack.top!.currentPart().eqpos = accum.length - 1;
      ++i;
    }
  }

  // Output any remaining unclosed brackets
  const root = stack.rootAccum;
  for (const piece of stack.stack) appendAll(root, piece.breakSyntax());

  // Enable top-level headings
  const children = finish(root);
  const topHeadings: PPHeading[] = [];
  for (let k = 0; k < children.length; k++) {
    const node = children[k];
    if (typeof node !== 'string' && node.type === 'h') {
      const heading: PPHeading = { ...node, top: true };
      children[k] = heading;
      topHeadings.push(heading);
    }
  }
  return { children, headings: topHeadings };
}

/** The wikitext a node list was built from, as the preprocessor saw it (comments and ignored material included). */
export function treeToSource(nodes: PPNodeList): string {
  let out = '';
  for (const node of nodes) out += nodeToSource(node);
  return out;
}

function nodeToSource(node: PPNode): string {
  if (typeof node === 'string') return node;
  switch (node.type) {
    case 'comment':
    case 'ignore':
      return node.text;
    case 'ext':
      return `<${node.name}${node.attr}${node.inner === null ? '/>' : `>${node.inner}${node.close ?? ''}`}`;
    case 'h':
      return treeToSource(node.children);
    case 'template':
    case 'tplarg': {
      const brace = node.type === 'template' ? 2 : 3;
      let out = '{'.repeat(brace) + treeToSource(node.title);
      for (const part of node.parts) out += `|${part.name ? `${treeToSource(part.name)}=` : ''}${treeToSource(part.value)}`;
      return out + '}'.repeat(brace);
    }
  }
}
