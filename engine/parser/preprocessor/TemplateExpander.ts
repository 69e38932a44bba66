/**
 * MediaWiki's template expansion (PPFrame_Hash / PPTemplateFrame_Hash and
 * Parser::braceSubstitution / argSubstitution) over the preprocessor trees
 * of PreprocessorTree.ts.
 *
 * A text is parsed once into a tree (cached per process); expanding a
 * template call makes a frame holding the call's arguments as unexpanded
 * nodes, and an argument is expanded (once, then cached in the frame) only
 * when the template body asks for it. Templates are fetched once per
 * expansion. Conditionals (ControlFunctions.ts) expand only the branch
 * taken.
 *
 * MediaWiki's limits apply: template nesting ($wgMaxTemplateDepth) and
 * expansion depth ($wgMaxPPExpandDepth) end in an error span, loops in
 * "Template loop detected", the preprocessor node count ($wgMaxPPNodeCount)
 * in "Node-count limit exceeded", and once the post-expand include size
 * ($wgMaxArticleSize) is spent a template becomes a link to itself. A call
 * without arguments is expanded once per calling frame (MediaWiki's
 * childExpansionCache), so "billion laughs" pages stay linear.
 *
 * The result is wikitext (view mode: comments gone, `<includeonly>` honoured)
 * for the rest of the parser. Extension tags are carried through expansion
 * as strip markers (NUL, number, 'x', DEL — the placeholder form the core
 * parser functions already skip over) and put back at the end, so functions
 * like {{lc:}} or #ifeq treat `<nowiki>…</nowiki>` as MediaWiki treats its
 * strip markers.
 */
import type { ParserFunctionHook, RenderFrame } from '../ParserHooks';
import { decodeCharReferences } from '../sanitizer/CharReferences';
import { trackingCategoriesOf } from '../functions/TrackingCategories';
import { escapeWikiText, htmlSpecialChars, killMarkers, phpTrim } from '../functions/WikitextEscaping';
import { controlFunctionName, runControlFunction, type ControlEnvironment } from './ControlFunctions';
import { preprocess, type PPExt, type PPHeading, type PPNodeList, type PPPart, type PPTemplate, type PPTplArg, type PPTree } from './PreprocessorTree';

export interface ExpanderLimits {
  /** $wgMaxPPExpandDepth: nested expansions (MediaWiki's default 100; the classic value 40). */
  maxDepth: number;
  /** $wgMaxPPNodeCount: expansions of node lists per render (default 1,000,000). */
  maxNodeCount: number;
  /** Post-expand include size in bytes ($wgMaxArticleSize × 1024; default 2 MB). */
  maxIncludeSize: number;
  /** $wgMaxTemplateDepth: template frames nested (defaults to maxDepth). */
  maxTemplateDepth?: number;
  /** $wgExpensiveParserFunctionLimit: #ifexist lookups per render (default 100). */
  maxExpensiveFunctions?: number;
}

export interface ExpanderDeps {
  fetchTemplate(prefixed: string): Promise<{ text: string; title: string } | null>;
  /** Title resolution of a transclusion name (default namespace Template) → prefixed text, or null if invalid. */
  resolveTitle(name: string, defaultNamespace: number): string | null;
  /**
   * Registered parser functions/variables (engine/parser/ParserHooks.ts ParserFunctionHook): look up by the
   * name as written (with or without '#', case-insensitive per MW's magic word rules), return the hook or undefined.
   */
  findFunction(name: string): ParserFunctionHook | undefined;
  /**
   * Fallback for functions/variables we don't implement: the library's own (e.g. `Parser.callParserFunction(name, ...args)`
   * from wikiparser-node, wrapped in try/catch → undefined when unknown).
   */
  fallbackFunction(name: string, args: string[]): string | undefined;
  /** Extension tag names (opaque to the preprocessor). */
  extensionTags: readonly string[];
  /** Message text for errors/warnings (key, params) in the content language. */
  message(key: string, ...params: string[]): string;
  limits: ExpanderLimits;

  /** Page existence for #ifexist (prefixed text); preferred over the render frame's synchronous pageExists. */
  pageExists?(prefixed: string): Promise<boolean>;
  /**
   * Magic variables ({{PAGENAME}}, {{!}} …: a name alone, no colon, no arguments). MediaWiki looks these up
   * apart from functions, so {{lc}} is a template; without this, findFunction is asked (names without '#').
   */
  findVariable?(name: string): ParserFunctionHook | undefined;
  /**
   * Extension tags whose hook parses its content as wikitext in the calling frame (MediaWiki's
   * recursiveTagParse($text, $frame): <ref>, <references>, <poem>, <indicator> …). Their content is
   * expanded here, arguments included, as MediaWiki does; the content of other tags stays as written.
   */
  expandTagContent?(name: string): boolean;
  /**
   * Relative transclusions ({{/Sub}}, {{../Sibling}}): the absolute name when the page's namespace has
   * subpages (Linker::normalizeSubpageLink), else the name unchanged.
   */
  normalizeSubpage?(name: string, page: RenderFrame['title']): string;
  /**
   * Interface message text for {{int:}} (user language, $1… replaced); null when there is no such
   * message. Without it: the render frame's message(), then the MediaWiki: page through fetchTemplate.
   */
  interfaceMessage?(key: string, params: string[]): string | null;
  /**
   * $wgNonincludableNamespaces: whether the page (prefixed text) is in a namespace whose pages may not be
   * transcluded — a call of one becomes a link to it, as for a missing page.
   */
  isNonincludable?(prefixed: string): boolean;
  /** Whether `-{ … }-` is language converter markup for brace matching (MediaWiki: unless $wgDisableLangConversion). */
  langConversion?: boolean;
  /**
   * Marks each top-level heading of the page's and the templates' texts (MediaWiki's heading strip
   * markers, "\x7f'\"`UNIQ--h-N-QINU`\"'\x7f"): the returned text goes right after the heading's
   * opening '=' signs, and ExpansionResult.headings[serial] says where the heading came from.
   */
  headingMarker?(serial: number): string;
  /**
   * Write runs of `{` left in the result as `&#123;` (all but the last brace), so that a parser that
   * expands templates itself does not expand what MediaWiki leaves as text (default true).
   */
  protectBraces?: boolean;
  /**
   * Share the expansion of identical template calls with arguments within a frame (default true; MediaWiki
   * shares only argument-less ones). Off: a hook with side effects runs once per call, as in MediaWiki.
   */
  cacheCallsWithArguments?: boolean;
}

export interface ExpansionResult {
  text: string;
  /** Templates transcluded (templatelinks): what the page asked for, redirect targets and missing pages included. */
  templatesUsed: string[];
  warnings: { key: string; params: string[] }[];
  /** Tracking categories MediaWiki adds (message keys such as 'template-loop-category'). */
  trackingCategories: string[];
  /**
   * With `headingMarker`: by marker serial, the text each marked heading is a top-level heading of
   * (prefixed title of the page or template) and its index there — `section=N` or `T-N` edit links.
   */
  headings: { title: string; index: number }[];
}


// PPFrame flags
const NO_ARGS = 1;
const NO_TEMPLATES = 2;
const STRIP_COMMENTS = 4;
const NO_IGNORE = 8;
const RECOVER_COMMENTS = 16;
const NO_TAGS = 32;
const RECOVER_ORIG = NO_ARGS | NO_TEMPLATES | NO_IGNORE | RECOVER_COMMENTS | NO_TAGS;

const NS_TEMPLATE = 10;
const NS_MEDIAWIKI = 8;

const SUBST = /^(safesubst|subst):/i;
const MSGNW = /^msgnw:/i;
const MSG = /^msg:/i;
const RAW = /^raw:/i;
/** T2529: an expansion starting with a table or a block-level line is put on a new line. */
const BLOCK_START = /^(?:\{\||:|;|#|\*)/;
const MARKER = /\0(\d+)x\x7f/g;

/** Functions whose result MediaWiki preprocesses and expands ('noparse' => false). */
const EXPANDED_RESULTS = new Set(['int']);

interface Template {
  tree: PPTree;
  title: string;
}

interface Argument {
  nodes: PPNodeList;
  /** Named arguments are trimmed, positional ones not. */
  named: boolean;
}

/** An expansion frame: the page (no parent) or a template call with its arguments. */
class Frame {
  readonly depth: number;
  private argCache: Map<string, string> | null = null;
  /** Expansions of argument-less calls made in this frame, by title (PPFrame_Hash::$childExpansionCache). */
  childCache: Map<string, string> | null = null;
  /**
   * Expansions of template calls with arguments made in this frame, by the call as written. Beyond
   * MediaWiki, which caches only argument-less calls: the same call in the same frame expands the same
   * way (arguments are expanded in this frame), so a page repeating a call with arguments, or a
   * "billion laughs" passing arguments down, costs one expansion per distinct call and frame.
   */
  callCache: Map<string, { text: string; title: string }> | null = null;

  constructor(
    readonly parent: Frame | null,
    /** Prefixed text of the page or template. */
    readonly title: string,
    private readonly args: Map<string, Argument> | null,
  ) {
    this.depth = parent ? parent.depth + 1 : 0;
  }

  isEmpty(): boolean {
    return this.args === null || this.args.size === 0;
  }

  /** False when `title` is being expanded already in this frame or an enclosing template frame. */
  loopCheck(title: string): boolean {
    if (this.parent === null) return true;
    if (this.title === title) return false;
    return this.parent.loopCheck(title);
  }

  /** The expanded argument (numbered ones untrimmed, named ones trimmed), or undefined. */
  async getArgument(name: string, expansion: Expansion): Promise<string | undefined> {
    const arg = this.args?.get(name);
    if (arg === undefined) return undefined;
    const cached = this.argCache?.get(name);
    if (cached !== undefined) return cached;
    let text = await expansion.expand(arg.nodes, this.parent!, STRIP_COMMENTS);
    if (arg.named) text = phpTrim(text);
    (this.argCache ??= new Map()).set(name, text);
    return text;
  }
}

/** One call of TemplateExpander.expand: MediaWiki's per-parse state. */
class Expansion {
  private nodeCount = 0;
  private depth = 0;
  highestDepth = 0;
  private postExpandSize = 0;
  private argSize = 0;
  private expensiveCount = 0;
  private readonly templates = new Map<string, Promise<Template | null>>();
  private readonly existence = new Map<string, Promise<boolean>>();
  private readonly used = new Set<string>();
  private readonly warnings: { key: string; params: string[] }[] = [];
  private readonly headings: { title: string; index: number }[] = [];
  private readonly warned = new Set<string>();
  private readonly tracking = new Set<string>();
  private readonly strip: string[] = [];
  /** For each strip item that is a <nowiki>: its content as MediaWiki's nowiki hook outputs it. */
  private readonly nowiki: (string | null)[] = [];
  private readonly maxTemplateDepth: number;
  private displayTitleSet = false;
  private defaultSortSet = false;

  constructor(
    private readonly deps: ExpanderDeps,
    private readonly shared: SharedState,
    readonly renderFrame: RenderFrame,
  ) {
    this.maxTemplateDepth = deps.limits.maxTemplateDepth ?? deps.limits.maxDepth;
  }

  async run(text: string): Promise<ExpansionResult> {
    let out: string;
    if (byteLength(text) > this.deps.limits.maxIncludeSize) {
      out = text; // Parser::replaceVariables: too big to expand
    } else {
      const tree = this.parse(text, false);
      const root = new Frame(null, this.renderFrame.title.getPrefixedText(), null);
      out = this.finish(await this.expand(tree.children, root, 0));
    }
    // Tracking categories the parser functions added (Parser::addTrackingCategory).
    if (typeof this.renderFrame.getExtensionData === 'function') for (const key of trackingCategoriesOf(this.renderFrame)) this.addTracking(key);
    return { text: out, templatesUsed: [...this.used], warnings: this.warnings, trackingCategories: [...this.tracking], headings: this.headings };
  }

  parse(text: string, forInclusion: boolean): PPTree {
    return preprocess(text, { forInclusion, extensionTags: this.deps.extensionTags, langConversion: this.deps.langConversion });
  }

  // -------------------------------------------------------------------------
  // PPFrame_Hash::expand

  /** Expands nodes in a frame, counting a node and a level of depth as MediaWiki does. */
  async expand(nodes: PPNodeList, frame: Frame, flags: number): Promise<string> {
    const error = this.enter();
    if (error !== null) return error;
    if (nodes.length === 1 && typeof nodes[0] === 'string') return nodes[0];
    if (++this.depth > this.highestDepth) this.highestDepth = this.depth;
    try {
      return await this.expandList(nodes, frame, flags);
    } finally {
      this.depth--;
    }
  }

  /** The node count and depth checks at the start of PPFrame_Hash::expand: null, or the error to return. */
  private enter(): string | null {
    const limits = this.deps.limits;
    if (++this.nodeCount > limits.maxNodeCount) {
      this.limitationWarn('node-count-exceeded', String(this.nodeCount), String(limits.maxNodeCount));
      return '<span class="error">Node-count limit exceeded</span>';
    }
    if (this.depth > limits.maxDepth) {
      this.limitationWarn('expansion-depth-exceeded', String(this.depth), String(limits.maxDepth));
      return '<span class="error">Expansion depth limit exceeded</span>';
    }
    return null;
  }

  /** The loop of expand(), without counting (objects MediaWiki pushes onto the same iterator stack). */
  private async expandList(nodes: PPNodeList, frame: Frame, flags: number): Promise<string> {
    let out = '';
    for (const node of nodes) {
      if (typeof node === 'string') {
        out += node;
        continue;
      }
      switch (node.type) {
        case 'template':
          out += flags & NO_TEMPLATES ? await this.bracketed('{{', '}}', node, frame, flags) : await this.braceSubstitution(node, frame, flags);
          break;
        case 'tplarg':
          out += flags & NO_ARGS ? await this.bracketed('{{{', '}}}', node, frame, flags) : await this.argSubstitution(node, frame, flags);
          break;
        case 'comment':
          // Removed in HTML output; recovered for msgnw.
          if (flags & RECOVER_COMMENTS) out += node.text;
          break;
        case 'ignore':
          if (flags & NO_IGNORE) out += node.text;
          break;
        case 'ext':
          out += flags & NO_TAGS ? extSource(node, node.inner) : await this.extensionSubstitution(node, frame);
          break;
        case 'h':
          out += node.top ? await this.heading(node, frame, flags) : await this.expandList(node.children, frame, flags);
          break;
      }
    }
    return out;
  }

  /**
   * A top-level heading of a page or template text: expanded, and marked (when asked) after its
   * opening '=' signs with the serial under which its origin is recorded (PPFrame_Hash, `h` nodes).
   */
  private async heading(node: PPHeading, frame: Frame, flags: number): Promise<string> {
    const text = await this.expand(node.children, frame, flags);
    if (!this.deps.headingMarker) return text;
    const serial = this.headings.length;
    this.headings.push({ title: frame.title, index: node.index });
    return text.slice(0, node.level) + this.deps.headingMarker(serial) + text.slice(node.level);
  }

  /** A template call or argument as written, its parts expanded (PPFrame::virtualBracketedImplode). */
  private async bracketed(open: string, close: string, node: PPTemplate | PPTplArg, frame: Frame, flags: number, title?: string): Promise<string> {
    let out = open + (title ?? (await this.expandList(node.title, frame, flags)));
    for (const part of node.parts) out += '|' + (await this.expandPart(part, frame, flags));
    return out + close;
  }

  /** An argument as written, `name=value` for a named one. */
  private async expandPart(part: PPPart, frame: Frame, flags: number): Promise<string> {
    const value = await this.expandList(part.value, frame, flags);
    return part.name === null ? value : `${await this.expandList(part.name, frame, flags)}=${value}`;
  }

  /** expand() of a whole argument node: `name=value` for a named one, untrimmed. */
  private async expandArgument(part: PPPart, frame: Frame, flags: number): Promise<string> {
    if (part.name === null) return this.expand(part.value, frame, flags);
    const error = this.enter();
    if (error !== null) return error;
    if (++this.depth > this.highestDepth) this.highestDepth = this.depth;
    try {
      return await this.expandPart(part, frame, flags);
    } finally {
      this.depth--;
    }
  }

  // -------------------------------------------------------------------------
  // Parser::argSubstitution

  private async argSubstitution(node: PPTplArg, frame: Frame, flags: number): Promise<string> {
    const nameWithSpaces = node.staticTitle ?? (await this.expand(node.title, frame, 0));
    const text = await frame.getArgument(phpTrim(nameWithSpaces), this);
    if (text === undefined) {
      // No match in the frame: the default, or the call as written.
      if (node.parts.length > 0) return this.expandPart(node.parts[0], frame, flags);
      return this.bracketed('{{{', '}}}', node, frame, flags, nameWithSpaces);
    }
    if (!this.incrementIncludeSize('arg', text)) {
      this.limitationWarn('post-expand-template-argument');
      return text + '<!-- WARNING: argument omitted, expansion size too large -->';
    }
    return text;
  }

  // -------------------------------------------------------------------------
  // Parser::braceSubstitution

  private async braceSubstitution(node: PPTemplate, frame: Frame, flags: number): Promise<string> {
    if (node.parts.length > 0 && this.deps.cacheCallsWithArguments !== false) {
      const cached = frame.callCache?.get(callKey(node));
      if (cached !== undefined) return this.sizeChecked(cached.text, cached.title);
    }
    const titleWithSpaces = node.staticTitle ?? (await this.expand(node.title, frame, 0));
    let part1 = phpTrim(titleWithSpaces);
    const originalTitle = part1;
    const parts = node.parts;

    // SUBST: kept as written when viewing; safesubst: is an ordinary call.
    const subst = SUBST.exec(part1);
    if (subst) {
      if (subst[1].toLowerCase() === 'subst') return this.bracketed('{{', '}}', node, frame, flags, titleWithSpaces);
      part1 = phpTrim(part1.slice(subst[0].length));
    }

    let text: string | null = null;
    let childTree: PPTree | null = null;
    let childFrame: Frame | null = null;
    let titleText: string | null = null;
    let nowiki = false;

    // Variables
    if (parts.length === 0) text = this.variable(part1);

    if (text === null) {
      // MSGNW, MSG and RAW
      const msgnw = MSGNW.exec(part1);
      if (msgnw) {
        nowiki = true;
        part1 = part1.slice(msgnw[0].length);
      } else {
        const msg = MSG.exec(part1);
        if (msg) part1 = part1.slice(msg[0].length);
      }
      const raw = RAW.exec(part1);
      if (raw) part1 = part1.slice(raw[0].length);

      // Parser functions ({{#name}} without a colon too: an argument-less call, as MediaWiki now allows)
      const colon = part1.indexOf(':');
      if (colon >= 0 || (part1.length > 1 && part1[0] === '#')) {
        const result =
          colon >= 0
            ? await this.callParserFunction(part1.slice(0, colon), phpTrim(part1.slice(colon + 1)), parts, frame)
            : await this.callParserFunction(part1, null, parts, frame);
        if (result !== null) {
          if (typeof result === 'string') text = result;
          else {
            childTree = result.tree;
            childFrame = result.frame;
          }
        }
      }
    }

    // Templates
    if (text === null && childTree === null) {
      let ns = NS_TEMPLATE;
      let name = part1;
      if (this.deps.normalizeSubpage) {
        const relative = this.deps.normalizeSubpage(part1, this.renderFrame.title);
        if (relative !== part1) {
          name = relative;
          ns = this.renderFrame.title.getNamespace();
        }
      }
      titleText = this.deps.resolveTitle(name, ns);
      if (titleText !== null) {
        if (frame.depth >= this.maxTemplateDepth) {
          text = `<span class="error">${this.deps.message('parser-template-recursion-depth-warning', String(this.maxTemplateDepth))}</span>`;
        } else if (this.deps.isNonincludable?.(titleText)) {
          // Access denied: a link to the page (Parser::braceSubstitution, isNonincludable()).
          text = `[[:${titleText}]]`;
        } else {
          const template = await this.getTemplate(titleText);
          const finalTitle = template ? template.title : titleText;
          if (!frame.loopCheck(finalTitle)) {
            // Checked after redirects, to catch loops through them.
            text = `<span class="error">${this.deps.message('parser-template-loop-warning', titleText)}</span>`;
            this.addTracking('template-loop-category');
            this.addWarning('template-loop-warning', [titleText]);
          } else if (template) {
            childTree = template.tree;
            childFrame = await this.newChild(frame, parts, finalTitle);
          } else {
            // A valid title with nothing to show: a link to it.
            text = `[[:${titleText}]]`;
          }
        }
      }
    }

    if (text === null && childTree === null) {
      // Nothing found: the call as written.
      return this.bracketed('{{', '}}', node, frame, flags, titleWithSpaces);
    }

    let cacheable = false;
    if (childTree !== null) {
      const child = childFrame!;
      if (nowiki) text = await this.expand(childTree.children, child, RECOVER_ORIG);
      else if (titleText !== null && child.isEmpty()) text = await this.cachedExpand(frame, titleText, childTree, child);
      else {
        text = await this.expand(childTree.children, child, 0);
        cacheable = titleText !== null && this.deps.cacheCallsWithArguments !== false;
      }
    }
    let result = text!;
    if (nowiki) {
      result = escapeWikiText(this.unstrip(result));
    } else if (!node.lineStart && BLOCK_START.test(result)) {
      result = '\n' + result;
    }
    const linkTitle = titleText ?? originalTitle.replace(/^:/, '');
    if (cacheable) {
      (frame.callCache ??= new Map()).set(callKey(node), { text: result, title: linkTitle });
    }
    return this.sizeChecked(result, linkTitle);
  }

  /** The post-expand include size check: an oversize inclusion becomes a working link to the template. */
  private sizeChecked(result: string, linkTitle: string): string {
    if (this.incrementIncludeSize('post-expand', result)) return result;
    this.limitationWarn('post-expand-template-inclusion');
    return `[[:${linkTitle}]]${this.addStripItem('<!-- WARNING: template omitted, post-expand include size too large -->')}`;
  }

  /** The expansion of an argument-less call, shared by the calls made in the same frame. */
  private async cachedExpand(frame: Frame, key: string, tree: PPTree, child: Frame): Promise<string> {
    const cached = frame.childCache?.get(key);
    if (cached !== undefined) return cached;
    const text = await this.expand(tree.children, child, 0);
    (frame.childCache ??= new Map()).set(key, text);
    return text;
  }

  /** PPFrame_Hash::newChild: the arguments of a call, unexpanded; named ones keyed by their expanded, trimmed name. */
  private async newChild(frame: Frame, parts: readonly PPPart[], title: string): Promise<Frame> {
    if (parts.length === 0) return new Frame(frame, title, null);
    const args = new Map<string, Argument>();
    for (const part of parts) {
      let name: string;
      if (part.name === null) {
        name = String(part.index);
        if (args.has(name)) this.duplicateArgument(frame, title, name);
        args.set(name, { nodes: part.value, named: false });
      } else {
        name = phpTrim(await this.expand(part.name, frame, STRIP_COMMENTS));
        if (args.has(name)) this.duplicateArgument(frame, title, name);
        args.set(name, { nodes: part.value, named: true });
      }
    }
    return new Frame(frame, title, args);
  }

  private duplicateArgument(frame: Frame, title: string, name: string): void {
    this.addWarning('duplicate-args-warning', [frame.title, title, name]);
    this.addTracking('duplicate-args-category');
  }

  private async getTemplate(prefixed: string): Promise<Template | null> {
    let pending = this.templates.get(prefixed);
    if (!pending) {
      pending = this.fetchTemplate(prefixed);
      this.templates.set(prefixed, pending);
    }
    return pending;
  }

  private async fetchTemplate(prefixed: string): Promise<Template | null> {
    this.used.add(prefixed);
    const fetched = await this.deps.fetchTemplate(prefixed);
    if (!fetched) return null;
    this.used.add(fetched.title);
    // U+007F is reserved for strip markers (Parser::fetchTemplateAndTitle).
    const text = fetched.text.includes('\x7f') ? fetched.text.replace(/\x7f/g, '?') : fetched.text;
    return { tree: this.parse(text, true), title: fetched.title };
  }

  // -------------------------------------------------------------------------
  // Variables and parser functions

  /** A magic variable ({{PAGENAME}}, {{!}}), or null. */
  private variable(name: string): string | null {
    if (name === '' || name[0] === '#') return null;
    const hook = this.deps.findVariable ? this.deps.findVariable(name) : this.deps.findFunction(name);
    if (hook) return hook([], this.renderFrame);
    // {{!}} (1.24) and {{=}} (1.39) are core magic words (CoreMagicVariables).
    if (name === '!') return '|';
    if (name === '=') return '=';
    return this.shared.fallback(this.deps, name, []);
  }

  /**
   * Parser::callParserFunction: a string result is used as it is (noparse); a tree is to be expanded
   * in the returned frame. null: no such function (the name is then a template's).
   */
  private async callParserFunction(
    func: string,
    colonArgument: string | null,
    parts: readonly PPPart[],
    frame: Frame,
  ): Promise<string | { tree: PPTree; frame: Frame } | null> {
    const hook = this.deps.findFunction(func);
    const first = colonArgument ?? '';
    const control = controlFunctionName(func);
    if (control !== null && (hook || this.shared.fallbackKnows(this.deps, func, first))) {
      if (control !== 'ifexpr' || hook) return runControlFunction(control, first, parts, this.controlEnvironment(frame, hook));
    }
    const lower = func.toLowerCase();
    if (hook) {
      const args = colonArgument === null ? [] : [first];
      for (const part of parts) args.push(await this.expandArgument(part, frame, 0));
      const result = hook(args, this.renderFrame);
      if (EXPANDED_RESULTS.has(lower)) return this.expandedResult(result, parts, frame);
      return result;
    }
    // Core functions the fallback lacks or gets wrong.
    if (colonArgument === null) return this.shared.fallback(this.deps, func, []);
    if (lower === 'int') return this.interfaceMessage(first, parts, frame);
    if (lower === '#tag') return this.tagFunction(first, parts, frame);
    if (func === 'DISPLAYTITLE' || func === 'DEFAULTSORT' || func === 'DEFAULTSORTKEY' || func === 'DEFAULTCATEGORYSORT') {
      return this.pageProperty(func === 'DISPLAYTITLE' ? 'displaytitle' : 'defaultsort', first, parts, frame);
    }
    if (!this.shared.fallbackKnows(this.deps, func, first)) return null;
    const args = colonArgument === null ? [] : [first];
    for (const part of parts) args.push(this.unstrip(await this.expandArgument(part, frame, 0)));
    return this.shared.fallback(this.deps, func, args) ?? null;
  }

  /** A function result MediaWiki preprocesses ('noparse' => false), expanded in a child frame holding the call's arguments. */
  private async expandedResult(text: string, parts: readonly PPPart[], frame: Frame): Promise<{ tree: PPTree; frame: Frame }> {
    return { tree: this.parse(text, false), frame: await this.newChild(frame, parts, frame.title) };
  }

  /** {{int:key|param…}}: the interface message, preprocessed and expanded. */
  private async interfaceMessage(key: string, parts: readonly PPPart[], frame: Frame): Promise<string | { tree: PPTree; frame: Frame } | null> {
    if (key === '') return null;
    const params: string[] = [];
    for (const part of parts) params.push(phpTrim(await this.expandArgument(part, frame, 0)));
    const withParams = (message: string) => message.replace(/\$(\d+)/g, (m, n: string) => params[Number(n) - 1] ?? m);
    let text: string | null;
    if (this.deps.interfaceMessage) {
      text = this.deps.interfaceMessage(key, params);
    } else {
      const message = typeof this.renderFrame.message === 'function' ? this.renderFrame.message(key) : undefined;
      if (message !== undefined) {
        text = withParams(message);
      } else {
        // The MediaWiki: page (or its default) as the template source knows it.
        const title = this.deps.resolveTitle(key, NS_MEDIAWIKI);
        const fetched = title === null ? null : await this.deps.fetchTemplate(title);
        text = fetched ? withParams(fetched.text) : null;
      }
    }
    if (text === null) return `⧼${htmlSpecialChars(key)}⧽`;
    return this.expandedResult(text, parts, frame);
  }

  /** {{#tag:name|content|attr=value…}} (CoreParserFunctions::tagObj): the tag with expanded content. */
  private async tagFunction(first: string, parts: readonly PPPart[], frame: Frame): Promise<string> {
    const tagName = phpTrim(killMarkers(first)).toLowerCase();
    const inner = parts.length > 0 ? await this.expandArgument(parts[0], frame, 0) : null;
    let attrText = '';
    for (const part of parts.slice(1)) {
      if (part.name === null) continue;
      const name = phpTrim(await this.expand(part.name, frame, STRIP_COMMENTS));
      let value = phpTrim(await this.expand(part.value, frame, 0));
      const quoted = /^(?:["']([\s\S]+)["']|""|'')$/.exec(value);
      if (quoted) value = quoted[1] ?? '';
      attrText += ` ${htmlSpecialChars(name)}="${htmlSpecialChars(value)}"`;
    }
    const source = inner === null ? `<${tagName}${attrText}/>` : `<${tagName}${attrText}>${inner}</${tagName}>`;
    if (!this.deps.extensionTags.some((t) => t.toLowerCase() === tagName)) return source;
    return this.addStripItem(source);
  }

  /** {{DISPLAYTITLE:…}} and {{DEFAULTSORT:…}}: page properties, no output ("noreplace" keeps an earlier one). */
  private async pageProperty(name: 'displaytitle' | 'defaultsort', first: string, parts: readonly PPPart[], frame: Frame): Promise<string> {
    const flags: string[] = [];
    for (const part of parts) flags.push(phpTrim(await this.expandArgument(part, frame, 0)).toLowerCase());
    const already = name === 'displaytitle' ? this.displayTitleSet : this.defaultSortSet;
    if (flags.includes('noreplace') && already) return '';
    const value = this.unstrip(first);
    if (name === 'defaultsort' && value === '') return '';
    this.renderFrame.setPageProperty(name, name === 'defaultsort' ? decodeCharReferences(value) : value);
    if (name === 'displaytitle') this.displayTitleSet = true;
    else this.defaultSortSet = true;
    return '';
  }

  private controlEnvironment(frame: Frame, hook: ParserFunctionHook | undefined): ControlEnvironment {
    return {
      expandArgument: (part) => this.expandArgument(part, frame, 0),
      expandNodes: (nodes) => this.expand(nodes, frame, 0),
      pageExists: (title) => this.pageExists(title),
      evaluateCondition: (expression) => {
        // The registered #ifexpr evaluates; the branches are stand-ins telling which one it took.
        const result = hook!([expression, THEN, ELSE], this.renderFrame);
        if (result === THEN) return true;
        if (result === ELSE) return false;
        return result;
      },
    };
  }

  /** #ifexist: ParserFunctions::ifexistInternal, each title looked up once per render. */
  private pageExists(titleText: string): Promise<boolean> {
    const prefixed = this.deps.resolveTitle(decodeCharReferences(titleText), 0);
    if (prefixed === null) return Promise.resolve(false);
    let known = this.existence.get(prefixed);
    if (!known) {
      if (++this.expensiveCount > (this.deps.limits.maxExpensiveFunctions ?? 100)) {
        this.limitationWarn('expensive-parserfunction', String(this.expensiveCount), String(this.deps.limits.maxExpensiveFunctions ?? 100));
        return Promise.resolve(false);
      }
      known = this.deps.pageExists ? this.deps.pageExists(prefixed) : Promise.resolve(this.renderFrame.pageExists(prefixed));
      this.existence.set(prefixed, known);
    }
    return known;
  }

  // -------------------------------------------------------------------------
  // Extension tags and strip markers

  /** Parser::extensionSubstitution: the tag as written (its content expanded if its hook parses it with the frame), as a strip marker. */
  private async extensionSubstitution(node: PPExt, frame: Frame): Promise<string> {
    let inner = node.inner;
    if (inner !== null && inner !== '' && this.deps.expandTagContent?.(node.name.toLowerCase())) {
      // recursiveTagParse($text, $frame): preprocessed in view mode, expanded in this frame.
      inner = await this.expand(this.parse(inner, false).children, frame, 0);
    }
    const nowikiContent = inner !== null && node.name.toLowerCase() === 'nowiki' ? nowikiOutput(inner) : null;
    return this.addStripItem(extSource(node, inner), nowikiContent);
  }

  private addStripItem(text: string, nowikiContent: string | null = null): string {
    this.strip.push(this.unstrip(text));
    this.nowiki.push(nowikiContent);
    return `\0${this.strip.length - 1}x\x7f`;
  }

  /**
   * The final text: what MediaWiki's expansion leaves as text stays text for the parser that takes
   * it from here — runs of `{` are written `&#123;` (but the last) so nothing is expanded twice —
   * then strip markers are replaced, those of `<nowiki>` inside an HTML tag by the nowiki's content
   * (MediaWiki unstrips nowiki in attributes, Parser::attributeStripCallback).
   */
  private finish(text: string): string {
    if (this.deps.protectBraces !== false && text.includes('{{')) text = text.replace(/\{+(?=\{)/g, (run) => '&#123;'.repeat(run.length));
    if (this.strip.length === 0 || !text.includes('\0')) return text;
    if (this.nowiki.some((n) => n !== null)) text = this.unstripNowikiInAttributes(text);
    return this.unstrip(text);
  }

  /**
   * `<nowiki>` markers where the parser reads attributes — inside an HTML tag, on a table's `{|` or
   * `|-` line, before a table cell's single `|` — become the nowiki's content, as MediaWiki's
   * unstripBoth() there makes them (Sanitizer attribute callback, Parser::handleTables).
   */
  private unstripNowikiInAttributes(text: string): string {
    // An attribute value's whitespace is normalised anyway; a newline would end the tag or table line here.
    const content = (m: string, n: string) => this.nowiki[Number(n)]?.replace(/[\r\n]/g, ' ') ?? m;
    const replace = (segment: string) => (segment.includes('\0') ? segment.replace(MARKER, content) : segment);
    text = text.replace(/<\/?[A-Za-z][^<>]*>/g, replace);
    if (!text.includes('{|')) return text;
    const lines = text.split('\n');
    let depth = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (line.startsWith('{|')) {
        depth++;
        lines[i] = replace(lines[i]);
      } else if (depth === 0) {
        continue;
      } else if (line.startsWith('|}')) {
        depth--;
      } else if (line.startsWith('|-')) {
        lines[i] = replace(lines[i]);
      } else if ((line[0] === '|' || line[0] === '!') && lines[i].includes('\0')) {
        // Cells: "attributes|content", separated by || (and !! on header lines).
        const pieces = lines[i].split(line[0] === '!' ? /(\|\||!!)/ : /(\|\|)/);
        for (let k = 0; k < pieces.length; k += 2) {
          const cell = pieces[k];
          const bar = cell.indexOf('|', k === 0 ? cell.search(/[|!]/) + (line.startsWith('|+') ? 2 : 1) : 0);
          if (bar < 0) continue;
          const attributes = cell.slice(0, bar);
          if (/\[\[|-\{/.test(attributes)) continue;
          pieces[k] = replace(attributes) + cell.slice(bar);
        }
        lines[i] = pieces.join('');
      }
    }
    return lines.join('\n');
  }

  /** The text with strip markers replaced by what they stand for. */
  unstrip(text: string): string {
    if (this.strip.length === 0 || !text.includes('\0')) return text;
    return text.replace(MARKER, (m, n: string) => this.strip[Number(n)] ?? m);
  }

  // -------------------------------------------------------------------------
  // Limits and reporting

  /** Parser::incrementIncludeSize, in bytes. */
  private incrementIncludeSize(type: 'post-expand' | 'arg', text: string): boolean {
    const size = byteLength(text);
    const max = this.deps.limits.maxIncludeSize;
    if (type === 'arg') {
      if (this.argSize + size > max) return false;
      this.argSize += size;
    } else {
      if (this.postExpandSize + size > max) return false;
      this.postExpandSize += size;
    }
    return true;
  }

  /** Parser::limitationWarn, once per limit (the first time it is hit). */
  private limitationWarn(type: string, current?: string, max?: string): void {
    if (this.tracking.has(`${type}-category`)) return;
    this.addWarning(`${type}-warning`, current === undefined ? [] : [current, max ?? '']);
    this.addTracking(`${type}-category`);
  }

  private addWarning(key: string, params: string[]): void {
    const id = `${key}\n${params.join('\n')}`;
    if (this.warned.has(id)) return;
    this.warned.add(id);
    this.warnings.push({ key, params });
  }

  private addTracking(key: string): void {
    this.tracking.add(key);
  }
}

const THEN = '\u0002then\u0003';
const ELSE = '\u0002else\u0003';

/** State kept across expansions by one expander: which names the fallback knows. */
class SharedState {
  private readonly fallbackKnown = new Map<string, boolean>();

  /** Whether the fallback knows `name` as a function (probed once per name with the first argument). */
  fallbackKnows(deps: ExpanderDeps, name: string, first: string): boolean {
    this.bound();
    let known = this.fallbackKnown.get(`${name}:`);
    if (known === undefined) {
      known = safeFallback(deps, name, [first]) !== undefined;
      this.fallbackKnown.set(`${name}:`, known);
    }
    return known;
  }

  /** The fallback's value of a variable or function; unknown variables are remembered. */
  fallback(deps: ExpanderDeps, name: string, args: string[]): string | null {
    if (args.length === 0) {
      this.bound();
      if (this.fallbackKnown.get(name) === false) return null;
      const value = safeFallback(deps, name, args);
      if (value === undefined) {
        this.fallbackKnown.set(name, false);
        return null;
      }
      return value;
    }
    return safeFallback(deps, name, args) ?? null;
  }

  /** Names are as written, so the map could grow without end; start over now and then. */
  private bound(): void {
    if (this.fallbackKnown.size > 10000) this.fallbackKnown.clear();
  }
}

function safeFallback(deps: ExpanderDeps, name: string, args: string[]): string | undefined {
  try {
    return deps.fallbackFunction(name, args);
  } catch {
    return undefined;
  }
}

/** The key of a call in a frame's call cache: as written, and whether it starts a line (the T2529 newline). */
function callKey(node: PPTemplate): string {
  return node.lineStart ? `\n${node.source}` : node.source;
}

/** CoreTagHooks::nowiki: the content with tags and language converter markup escaped. */
function nowikiOutput(content: string): string {
  return content.replace(/-\{/g, '-&#123;').replace(/\}-/g, '&#125;-').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function extSource(node: PPExt, inner: string | null): string {
  return inner === null ? `<${node.name}${node.attr}/>` : `<${node.name}${node.attr}>${inner}${node.close ?? ''}`;
}

const NON_ASCII = /[^\t\n\r -~]/;

function byteLength(text: string): number {
  // Most wikitext is ASCII: a quick check avoids the encoder.
  return text.length < 64 && !NON_ASCII.test(text) ? text.length : Buffer.byteLength(text, 'utf8');
}

/**
 * MediaWiki's template expansion for one wiki: see the file comment. One
 * instance serves many renders; each expand() call is one parse's worth of
 * state (templates fetched, limits, warnings).
 */
export class TemplateExpander {
  private readonly shared = new SharedState();

  constructor(private readonly deps: ExpanderDeps) {}

  /** Expands all templates, args and functions in `text` (view mode) for the page `frame.title`. */
  async expand(text: string, frame: RenderFrame): Promise<{ text: string; templatesUsed: string[]; warnings: { key: string; params: string[] }[] }> {
    return this.expandFull(text, frame);
  }

  /** expand(), with MediaWiki's tracking categories too. */
  async expandFull(text: string, frame: RenderFrame): Promise<ExpansionResult> {
    return new Expansion(this.deps, this.shared, frame).run(text);
  }
}
