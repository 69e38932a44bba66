/**
 * Which text each rendered heading comes from, for section numbering.
 *
 * MediaWiki gives a heading an edit link only when it is a top-level `<h>`
 * node of the preprocessor's tree of some page text: of the page itself
 * (`section=N`, N the heading's index in the page) or of a template that is
 * transcluded (`title=Template:X&section=T-N`, N its index in the template
 * read for inclusion). It knows which is which because the preprocessor
 * puts a marker into each such heading while it expands templates. Headings
 * that come out of a template argument, a parser function (`{{#if:…}}`) or
 * anything else get no edit link.
 *
 * wikiparser-node expands at the text level and re-parses the result, so
 * its expanded tree keeps no trace of where a heading came from. We recover
 * it by alignment instead of marking:
 *
 *  1. The page's text is scanned like the preprocessor does (SectionEditor's
 *     port, the same scan that cuts out `section=N` when editing, so the
 *     numbers agree by construction): its top-level headings, in order, and
 *     its top-level transclusions between them.
 *  2. Each top-level `{{Template}}` is replaced by the same scan of that
 *     template's text, read for inclusion (its own headings, `T-N`),
 *     recursively; every other transclusion (argument, parser function,
 *     variable, unknown template) becomes a gap that may bring in any number
 *     of headings, none of them editable.
 *  3. That expected sequence is aligned with the headings of the expanded
 *     tree by an edit-distance over the two sequences: an expected heading
 *     matches a rendered one with the same level and wikitext (a transclusion
 *     inside the expected heading's text matches anything); gaps absorb
 *     rendered headings for free; an expected heading that did not render
 *     (the line was not a heading after expansion) and a rendered heading
 *     outside a gap (e.g. `==a==<noinclude>…`, which the preprocessor does
 *     not take for a heading but the parser still renders) each cost one.
 *
 * The cheapest alignment numbers every heading exactly as MediaWiki does
 * whenever each page heading renders as itself, which is the normal case.
 * Among equally cheap alignments, an expected heading takes the latest
 * candidate, so a template's heading that happens to read like the page's
 * next heading is left to the template.
 *
 * This relies on the render's `sourceText` being the page's text before
 * expansion and on the library expanding templates from its template map
 * (read back through `templateText`). Should templates ever be expanded
 * before the library sees the text, the expander should mark the top-level
 * headings of each text it expands instead, as MediaWiki's preprocessor
 * does, and this alignment would give way to reading those marks.
 *
 * Known differences: templates inside parser-function branches
 * (`{{#if:…|{{X}}}}`) or passed in template arguments are gaps, so their
 * headings get no edit link (MediaWiki gives them `T-N`); an edit link of a
 * template reached through a redirect names the redirect, not its target.
 */
import { headingInnerText, scanTopLevelNodes } from '../../edit/SectionEditor';
import { Parser, ProcessedConfig } from '../ParserGlobals';
import type { WikiToken } from '../wikiparser/tokens';
import { tokensOfType } from '../wikiparser/TokenIndex';

/** Where a heading's edit link points. */
export interface HeadingOrigin {
  /** Prefixed title of the page whose text holds the heading as a top-level heading. */
  title: string;
  /** The heading's index in that text (the preprocessor's `@i`). */
  index: number;
  /** The text is a transcluded page: the section is `T-<index>`. */
  fromTemplate: boolean;
  /** Offset of the heading in the rendered page's own text (null for a template's heading). */
  offset: number | null;
}

/** The text of a transcluded page by its normalised prefixed title, or undefined when it is not available. */
export type TemplateTextLookup = (prefixedTitle: string) => string | undefined;

interface ExpectedHeading {
  kind: 'heading';
  level: number;
  /** The wikitext between the '='s, normalised; a RegExp when it holds transclusions. */
  text: string | RegExp;
  origin: HeadingOrigin;
}

type Expected = ExpectedHeading | { kind: 'gap' };

/** Templates inside templates are followed this deep (MediaWiki's $wgMaxTemplateDepth is 100; real nesting is shallow). */
const MAX_DEPTH = 40;

/** Token types whose content is not rendered as part of the page (argument values, extension content). */
const OPAQUE_ANCESTORS = new Set(['template', 'magic-word', 'parameter', 'arg', 'ext', 'ext-inner']);

/** The heading tokens of an expanded tree that render as headings of this tree, in document order. */
export function renderedHeadings(root: WikiToken): WikiToken[] {
  return tokensOfType(root, 'heading').filter((heading) => {
    for (let node = heading.parentNode; node; node = node.parentNode) if (OPAQUE_ANCESTORS.has(node.type)) return false;
    return true;
  });
}

/**
 * The origin of each heading token of `root` (the expanded tree of
 * `sourceText`, rendered as `pageTitle`); headings without an entry get no
 * edit link.
 */
export function resolveHeadingOrigins(root: WikiToken, sourceText: string, pageTitle: string, templateText: TemplateTextLookup): Map<WikiToken, HeadingOrigin> {
  const expected: Expected[] = [];
  // The site configuration the render installed (it is already processed then).
  const config = typeof Parser.config === 'object' ? (Parser.config as ProcessedConfig) : Parser.getConfig();
  expand(sourceText, { title: pageTitle, fromTemplate: false }, { templateText, config, titles: new Map() }, 0, [pageTitle], expected);
  const rendered = renderedHeadings(root).map((token) => ({ token, level: token.level ?? 0, text: normaliseHeadingText(String(token.firstChild ?? '')) }));
  const matches = align(expected, rendered);
  const origins = new Map<WikiToken, HeadingOrigin>();
  for (const [e, r] of matches) origins.set(rendered[r].token, (expected[e] as ExpectedHeading).origin);
  return origins;
}

/** Appends the expected headings and gaps of `text` (step 1 and 2 above). */
function expand(
  text: string,
  owner: { title: string; fromTemplate: boolean },
  env: { templateText: TemplateTextLookup; config: ProcessedConfig; titles: Map<string, string | null> },
  depth: number,
  stack: readonly string[],
  out: Expected[],
): void {
  for (const node of scannedText(text, owner.fromTemplate, env.config.ext)) {
    if (node.kind === 'heading') {
      out.push({
        kind: 'heading',
        level: node.level,
        text: node.pattern,
        origin: { title: owner.title, index: node.index, fromTemplate: owner.fromTemplate, offset: owner.fromTemplate ? null : node.start },
      });
      continue;
    }
    let template: string | null = null;
    if (node.name !== null) {
      // Title normalisation is costly in the library; pages call the same templates again and again.
      const name = node.name;
      template = env.titles.get(name) ?? null;
      if (!env.titles.has(name)) env.titles.set(name, (template = templateTitle(name, env.config)));
    }
    const body = template !== null && depth < MAX_DEPTH && !stack.includes(template) ? env.templateText(template) : undefined;
    if (template === null || body === undefined) {
      if (out[out.length - 1]?.kind !== 'gap') out.push({ kind: 'gap' });
      continue;
    }
    expand(body, { title: template, fromTemplate: true }, env, depth + 1, [...stack, template], out);
    // What the call's arguments bring in lands inside the template's output
    // (its {{{…}}} are gaps); nothing else can come from the call.
  }
}

/** What expand() needs of a text's top-level nodes: headings with their expected text, and transclusions. */
type ScannedNode =
  | { kind: 'heading'; level: number; index: number; start: number; pattern: string | RegExp }
  | { kind: 'transclusion'; /** The name as written in a `{{…}}`; null for an argument `{{{…}}}`. */ name: string | null };

/**
 * Scans by text, kept across renders: a page is rendered again with the same
 * text (a purge, a template change elsewhere, the parser cache's other
 * variants), and a template's text is scanned on every page that uses it.
 * What is kept depends on the text, how it is read and the extension tags
 * only; the patterns are never changed after they are made (RegExps without
 * the g flag keep no state).
 */
const scanCache = new Map<string, Map<string, readonly ScannedNode[]>>();
/** Texts kept per way of reading, and characters of text kept in all: past either, the cache starts over. */
const SCAN_CACHE_TEXTS = 256;
const SCAN_CACHE_CHARS = 8_000_000;
let scanCacheChars = 0;

function scannedText(text: string, forInclusion: boolean, extensionTags: readonly string[]): readonly ScannedNode[] {
  const way = `${forInclusion ? 'include' : 'view'}\u0000${extensionTags.join('|')}`;
  let texts = scanCache.get(way);
  if (!texts) scanCache.set(way, (texts = new Map()));
  const cached = texts.get(text);
  if (cached) return cached;
  // The library's extension tags are opaque to it as they are to MediaWiki's preprocessor (its strip list).
  const nodes: ScannedNode[] = scanTopLevelNodes(text, { forInclusion, extensionTags }).map((node) =>
    node.kind === 'heading'
      ? { kind: 'heading', level: node.level, index: node.index, start: node.start, pattern: headingPattern(headingInnerText(text, node)) }
      : { kind: 'transclusion', name: node.braces === 2 ? text.slice(node.start + 2, node.nameEnd) : null },
  );
  if (texts.size >= SCAN_CACHE_TEXTS || scanCacheChars + text.length > SCAN_CACHE_CHARS) {
    for (const [way2, kept] of scanCache) {
      for (const old of kept.keys()) scanCacheChars -= old.length;
      scanCache.delete(way2);
    }
    scanCache.set(way, (texts = new Map()));
  }
  scanCacheChars += text.length;
  texts.set(text, nodes);
  return nodes;
}

/**
 * The page a `{{name|…}}` transcludes, as the library names it in its
 * template map ('Template:Foo', 'Foo' for `{{:Foo}}`), or null when the
 * name is not a plain page name (parser functions, computed names).
 */
function templateTitle(rawName: string, config: ProcessedConfig): string | null {
  let name = rawName.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
  if (name === '' || name.startsWith('#') || /[{}<>[\]|\n]/.test(name)) return null;
  // {{msg:X}} and {{raw:X}} transclude X; subst: is gone after a save; msgnw: shows the source.
  const modifier = /^\s*(msgnw|msg|raw|subst|safesubst)\s*:/i.exec(name);
  if (modifier) {
    if (modifier[1].toLowerCase() === 'msgnw') return null;
    name = name.slice(modifier[0].length).trim();
  }
  const title = Parser.normalizeTitle(name, 10, false, config);
  return title.valid ? title.title.replace(/_/g, ' ') : null;
}

/** Comments and surrounding blanks never matter; a link trail ("[[a]]b") may have been moved into the link by the renderer. */
function normaliseHeadingText(wikitext: string): string {
  return wikitext
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/\]\][a-z]+/g, ']]')
    .trim();
}

/**
 * The expected text of a heading: the literal wikitext, or a pattern when
 * parts of it change in expansion (transclusions, inclusion tags).
 */
function headingPattern(inner: string): string | RegExp {
  const text = normaliseHeadingText(inner);
  const pieces = splitExpandable(text);
  if (pieces.length === 1) return pieces[0];
  const escaped = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s\\S]*')}$`);
}

const INCLUSION_TAG_RE = /^<\/?(?:noinclude|includeonly|onlyinclude)\b[^>]*>/i;

/**
 * `text` split around the parts expansion may change: `{{…}}`/`{{{…}}}`
 * (balanced) and inclusion tags. Blanks next to such a part may vanish with
 * it when the heading is trimmed, so they are not required.
 */
function splitExpandable(text: string): string[] {
  const pieces: string[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const tag = text[i] === '<' ? INCLUSION_TAG_RE.exec(text.slice(i, i + 200)) : null;
    if (text.startsWith('{{', i)) {
      let depth = 0;
      let j = i;
      while (j < text.length) {
        if (text.startsWith('{{', j)) {
          depth++;
          j += 2;
        } else if (text.startsWith('}}', j)) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else {
          j++;
        }
      }
      if (depth !== 0) {
        // Unclosed: literal text, as the parser shows it.
        literal += text.slice(i);
        break;
      }
      pieces.push(literal);
      literal = '';
      i = j;
    } else if (tag) {
      pieces.push(literal);
      literal = '';
      i += tag[0].length;
    } else {
      literal += text[i];
      i++;
    }
  }
  pieces.push(literal);
  return pieces.length === 1 ? pieces : pieces.map((p, k) => (k === 0 ? p.trimEnd() : k === pieces.length - 1 ? p.trimStart() : p));
}

function compatible(e: ExpectedHeading, r: { level: number; text: string }): boolean {
  if (typeof e.text === 'string') return e.level === r.level && e.text === r.text;
  return e.text.test(r.text);
}

/**
 * Step 3: the cheapest alignment of the expected sequence with the rendered
 * headings, as pairs (expected index, rendered index).
 *
 * State (i, j): the first i expected items and the first j rendered headings
 * are accounted for. Moves: match expected heading i with rendered j (0);
 * skip expected heading i (1); pass gap i (0); take rendered j as extra —
 * free right after a gap, which absorbs it, else 1.
 */
function align(expected: readonly Expected[], rendered: readonly { level: number; text: string }[]): [number, number][] {
  const n = expected.length;
  const m = rendered.length;
  const width = m + 1;
  const cost = new Int32Array((n + 1) * width).fill(0x3fffffff);
  cost[0] = 0;
  const absorbs = (i: number) => i > 0 && expected[i - 1].kind === 'gap';
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i * width + j];
      if (here >= 0x3fffffff) continue;
      if (i < n) {
        const e = expected[i];
        if (e.kind === 'gap') {
          relax(cost, (i + 1) * width + j, here);
        } else {
          relax(cost, (i + 1) * width + j, here + 1);
          if (j < m && compatible(e, rendered[j])) relax(cost, (i + 1) * width + j + 1, here);
        }
      }
      if (j < m) relax(cost, i * width + j + 1, here + (absorbs(i) ? 0 : 1));
    }
  }
  // Walk back, preferring a match, then leaving a gap, over absorbing: expected headings match as late as they can.
  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = cost[i * width + j];
    if (i > 0) {
      const e = expected[i - 1];
      if (e.kind === 'heading' && j > 0 && cost[(i - 1) * width + j - 1] === here && compatible(e, rendered[j - 1])) {
        pairs.push([i - 1, j - 1]);
        i--;
        j--;
        continue;
      }
      if (e.kind === 'gap' && cost[(i - 1) * width + j] === here) {
        i--;
        continue;
      }
      if (e.kind === 'heading' && cost[(i - 1) * width + j] === here - 1) {
        i--;
        continue;
      }
    }
    // Rendered heading j-1 taken as extra (absorbed by a gap when expected[i-1] is one).
    j--;
  }
  return pairs.reverse();
}

function relax(cost: Int32Array, at: number, value: number): void {
  if (value < cost[at]) cost[at] = value;
}
