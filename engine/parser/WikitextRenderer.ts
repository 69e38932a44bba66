/**
 * The engine's one interface for turning wikitext into HTML, backed by
 * wikiparser-node.
 *
 * A render is synchronous inside the library while our storage is
 * asynchronous, so the renderer works the way MediaWiki's LinkHolderArray
 * does, plus a prefetch:
 *   1. templates (and #ifexist targets) visible in the text and, recursively,
 *      in the fetched templates are loaded before rendering;
 *   2. the library renders; a template or existence question it hit that was
 *      not prefetched (a computed name) sends us round again;
 *   3. internal links come out as holders and are resolved after the render
 *      with one existence query for all of them.
 */
import type { Title } from '../title/Title';
import type { TitleFactory } from '../title/TitleFactory';
import { Parser, ProcessedConfig, SiteParserConfig, buildParserConfig, clearLibraryHooks, renderWikitextToHtml, withCheapMemoryProbe } from './ParserGlobals';
import { ParserOutput, CategoryLink, HeadingInfo } from './ParserOutput';
import type { ExtensionTagInput, OutputTransform, ParserFunctionHook, ParserFunctionOptions, ParserHookRegistry, TagHook } from './ParserHooks';
import { DEFAULT_EXPANSION_LIMITS, ExpansionLimits, RenderContext } from './RenderContext';
import { TemplateBudgetMap } from './TemplateBudgetMap';
import type { InterwikiLookup } from './InterwikiLookup';
import { attachLinkTrails, stripLanguageLinkWhitespace, LinkTargetState, renderInternalLink, replaceLinkHolders } from './wikiparser/LinkRendering';
import { TokenKind, TokenRenderer, TokenRenderers, withTokenRenderers } from './wikiparser/TokenOverrides';
import type { WikiToken } from './wikiparser/tokens';
import { pstPass2, signatureTimestamp } from './PreSaveTransform';
import { sanitizeRenderedHtml } from './sanitizer/OutputSanitizer';
import { decodeCharReferences } from './sanitizer/CharReferences';
import type { FragmentMode } from './sanitizer/IdEscaping';
import { armorFrenchSpaces } from './FrenchSpacing';
import { collectSections } from './sections/TableOfContents';
import type { RevisionFacts } from './functions/CoreFunctionDeps';
import { isAcceptableDisplayTitle } from '../page/DisplayTitle';
import { MagicLinkSettings, renderBracketedExternalLink, renderMagicOrFreeLink } from './wikiparser/ExternalLinkRendering';
import type { FileInfo } from '../filerepo/FileInfo';
import { TemplateExpander } from './preprocessor/TemplateExpander';
import { normalizeSubpageLink } from './SubpageLinks';
import { indexTokens, tokensOfType } from './wikiparser/TokenIndex';
import { loadParse5 } from './Parse5';

export type { ParserHookRegistry } from './ParserHooks';

export interface TemplateSource {
  /** Texts of the given pages (prefixed titles), redirects followed; absent pages are missing from the map. */
  fetch(titles: readonly string[]): Promise<Map<string, string>>;
  /** Pages reached through redirects from `titles` (they are dependencies too, as in templatelinks). */
  redirectTargetsOf?(titles: readonly string[]): string[];
}

/** Which of these pages exist (prefixed text → state); one batched lookup. */
export type PageExistenceLookup = (titles: readonly Title[]) => Promise<Map<string, LinkTargetState>>;

export interface RendererServices {
  titles: TitleFactory;
  interwiki: InterwikiLookup;
  existence: PageExistenceLookup;
  /** Interface message text for {{int:}} and MediaWiki-namespace transclusion defaults (undefined: no such message). */
  message(key: string): string | undefined;
  /** Wikitext of a user's signature (MediaWiki's `signature` / `signature-anon` messages). */
  signature(user: { id: number; name: string }): string;
  /** "X (page does not exist)" — the title attribute of a red link. */
  missingPageTitle(prefixed: string): string;
  contentLanguage: string;
  /** Title of the main page. */
  mainPage?: string;
  /** $wgFragmentMode. */
  fragmentMode?: readonly FragmentMode[];
  limits?: Partial<ExpansionLimits>;
  /** $wgNonincludableNamespaces. */
  nonincludableNamespaces?: readonly number[];
  externalLinks: { noFollow: boolean; noFollowDomainExceptions: readonly string[]; magicLinks: MagicLinkSettings };
  /** File metadata by DB key (no namespace); null for a missing file. One batched lookup. */
  files?(dbKeys: readonly string[]): Promise<Map<string, FileInfo | null>>;
}

export interface RenderOptions {
  title: Title;
  revisionId?: number;
  /** Rendering for preview: nothing is stored. */
  preview?: boolean;
  /** Clock for CURRENT* and #time (defaults to now). */
  now?: Date;
  /** Facts of the revision being rendered (REVISIONTIMESTAMP, REVISIONUSER, REVISIONSIZE …). */
  revision?: RevisionFacts;
}

export interface PreSaveTransformOptions {
  title: Title;
  user: { id: number; name: string };
  now?: Date;
}

/** Rounds of "render, fetch what a hook asked about that was not known": one more per unforeseen question, bounded. */
const MAX_RENDER_ROUNDS = 6;

export class WikitextRenderer implements ParserHookRegistry {
  private readonly config: ProcessedConfig;
  private readonly tags = new Map<string, TagHook>();
  private readonly functions = new Map<string, ParserFunctionHook>();
  /** The same hooks in the library's calling convention, made once at registration (installed on every render). */
  private readonly libraryTagHooks = new Map<string, (token: WikiToken) => string>();
  private readonly libraryFunctionHooks = new Map<string, (token: WikiToken) => string>();
  private readonly transforms: OutputTransform[] = [];
  private readonly limits: ExpansionLimits;
  private current: RenderContext | null = null;
  /**
   * MediaWiki's preprocessor (ours): templates, arguments and parser
   * functions are expanded before the library sees the text. Parsing each
   * template once and expanding with frames is what makes template-heavy
   * pages fast, and it enforces MediaWiki's limits (depth, node count,
   * include size) with MediaWiki's errors.
   */
  private readonly expander: TemplateExpander;
  private readonly tokenRenderers: TokenRenderers;

  constructor(
    site: SiteParserConfig,
    private readonly templates: TemplateSource,
    private readonly services: RendererServices,
  ) {
    this.config = Parser.getConfig(buildParserConfig(site));
    this.limits = { ...DEFAULT_EXPANSION_LIMITS, ...services.limits };
    // Site magic words wikiparser-node has no setting for (MediaWiki's CoreMagicVariables).
    this.setFunctionHook('sitename', () => site.siteName, { noHash: true });
    this.setFunctionHook('server', () => site.server, { noHash: true });
    this.setFunctionHook('servername', () => new URL(site.server).hostname, { noHash: true });
    this.setFunctionHook('scriptpath', () => site.scriptPath, { noHash: true });
    this.setFunctionHook('ifexist', (args, frame) => this.ifExist(args, frame as RenderContext));
    const linkDeps = { titles: services.titles, interwiki: services.interwiki, mainPage: services.mainPage ?? 'Main Page', fragmentMode: services.fragmentMode ?? ['html5'], current: () => this.current };
    const externalDeps = { titles: services.titles, current: () => this.current, ...services.externalLinks };
    this.expander = this.createExpander();
    this.tokenRenderers = {
      link: (token, opt) => renderInternalLink(token, opt, linkDeps),
      'ext-link': (token, opt) => renderBracketedExternalLink(token, opt, externalDeps),
      'free-ext-link': (token) => renderMagicOrFreeLink(token, externalDeps),
      'magic-link': (token) => renderMagicOrFreeLink(token, externalDeps),
    };
  }

  /**
   * The expander over this renderer's hooks, titles and template source.
   * Function names are resolved like the library's config does (case-
   * sensitive magic words first, then case-insensitive ones); functions we
   * have no hook for fall back to the library's built-ins.
   */
  private createExpander(): TemplateExpander {
    const config = this.config;
    const [insensitive, sensitive] = config.parserFunction as unknown as [Record<string, string>, Record<string, string>];
    let sensitiveSet = new Set<string>();
    let sensitiveSize = -1;
    const caseSensitive = () => {
      const size = Object.keys(sensitive).length;
      if (size !== sensitiveSize) {
        sensitiveSet = new Set(Object.values(sensitive));
        sensitiveSize = size;
      }
      return sensitiveSet;
    };
    const canonical = (name: string): string | undefined => {
      if (name in sensitive) return sensitive[name];
      const lower = name.toLowerCase();
      const found = insensitive[lower];
      if (found !== undefined && !caseSensitive().has(found)) return found;
      return undefined;
    };
    const variableSet = new Set(config.variable as readonly string[]);
    const variables = () => variableSet;
    const wikitextTags = new Set(['ref', 'references', 'poem', 'indicator', 'divtag', 'spantag']);
    return new TemplateExpander({
      fetchTemplate: async (prefixed) => {
        const fetched = await this.templates.fetch([prefixed]);
        const text = fetched.get(prefixed) ?? this.messageDefault(prefixed);
        if (text === undefined) return null;
        const target = fetched.has(prefixed) ? this.templates.redirectTargetsOf?.([prefixed])[0] : undefined;
        return { text, title: target ?? prefixed };
      },
      resolveTitle: (name, ns) => this.services.titles.newFromText(name, ns)?.getPrefixedText() ?? null,
      findFunction: (name) => {
        const canon = canonical(name);
        return canon === undefined ? undefined : this.functions.get(canon);
      },
      findVariable: (name) => {
        const canon = canonical(name);
        return canon === undefined || !variables().has(canon) ? undefined : this.functions.get(canon);
      },
      fallbackFunction: (name, args) => {
        const canon = canonical(name);
        if (canon === undefined) return undefined;
        if (args.length === 0 && !variables().has(canon)) return undefined;
        try {
          return Parser.callParserFunction(name, args);
        } catch {
          return undefined;
        }
      },
      extensionTags: config.ext,
      message: (key, ...params) => {
        const text = this.services.message(key) ?? key;
        return text.replace(/\$(\d+)/g, (m, n: string) => params[Number(n) - 1] ?? m);
      },
      limits: {
        maxDepth: this.limits.maxExpansionDepth,
        maxNodeCount: this.limits.maxNodeCount,
        maxIncludeSize: this.limits.maxIncludeSize,
        maxTemplateDepth: this.limits.maxTemplateDepth,
      },
      isNonincludable: (prefixed) => {
        const namespaces = this.services.nonincludableNamespaces;
        if (!namespaces || namespaces.length === 0) return false;
        const title = this.services.titles.newFromText(prefixed);
        return title !== null && namespaces.includes(title.getNamespace());
      },
      pageExists: async (prefixed) => {
        let title = this.services.titles.newFromText(prefixed);
        if (!title) return false;
        if (title.getNamespace() === -2) title = this.services.titles.makeTitle(6, title.getDBkey());
        const states = await this.services.existence([title]);
        return states.get(title.getPrefixedText())?.exists ?? false;
      },
      expandTagContent: (name) => wikitextTags.has(name),
      normalizeSubpage: (name, page) => normalizeSubpageLink(page, name, this.services.titles).target,
    });
  }

  setHook(tag: string, hook: TagHook): void {
    const name = tag.toLowerCase();
    this.tags.set(name, hook);
    this.libraryTagHooks.set(name, (token) => hook(toTagInput(token), this.current!));
    if (!this.config.ext.includes(name)) this.config.ext.push(name);
  }

  setFunctionHook(name: string, hook: ParserFunctionHook, options: ParserFunctionOptions = {}): void {
    const lower = name.toLowerCase();
    this.functions.set(lower, hook);
    this.libraryFunctionHooks.set(lower, (token) => hook(token.childNodes.slice(1).map(String), this.current!));
    if (!this.config.functionHook.includes(lower)) this.config.functionHook.push(lower);
    const aliases = this.config.parserFunction[0] as Record<string, string>;
    const sensitive = this.config.parserFunction[1] as Record<string, string>;
    for (const alias of [lower, ...(options.aliases ?? []).map((a) => a.toLowerCase())]) {
      const spelled = options.noHash ? alias : `#${alias}`;
      // MediaWiki's case-sensitive magic words (PAGENAME, CURRENTYEAR …) keep
      // their spelling: {{pagename}} is a template, not the variable.
      if (Object.values(sensitive).includes(lower) && !(spelled in aliases)) continue;
      if (!(spelled in aliases)) aliases[spelled] = lower;
    }
  }

  addOutputTransform(transform: OutputTransform): void {
    this.transforms.push(transform);
  }

  /**
   * Engine-internal: the engine's own HTML for one kind of token (media,
   * headings, external links …). The renderer gets the active RenderContext
   * from getCurrentContext(); returning null keeps the library's HTML.
   */
  setTokenRenderer(kind: TokenKind, renderer: TokenRenderer): void {
    // Renderers stack: the newest is asked first and may decline (null) to
    // the one before it (e.g. Media: links before ordinary internal links).
    const previous = this.tokenRenderers[kind];
    this.tokenRenderers[kind] = previous ? (token, opt, original) => renderer(token, opt, original) ?? previous(token, opt, original) : renderer;
  }

  /** The render in progress (hooks run synchronously inside it). */
  getCurrentContext(): RenderContext | null {
    return this.current;
  }

  /** MediaWiki's #ifexist: an expensive function answered from the page table. */
  private ifExist(args: string[], frame: RenderContext): string {
    const [target = '', then = '', otherwise = ''] = args.map((a) => a.trim());
    const title = this.services.titles.newFromText(decodeCharReferences(target));
    if (!title) return otherwise;
    if (title.getNamespace() === -2) {
      // Media: asks whether the file exists; no file repository yet answers as missing.
      return frame.pageExists(this.services.titles.makeTitle(6, title.getDBkey()).getPrefixedText()) ? then : otherwise;
    }
    return frame.pageExists(title.getPrefixedText()) ? then : otherwise;
  }

  private installGlobals(templates: Map<string, string>, now: Date): void {
    Parser.config = this.config;
    Parser.templates = templates;
    Parser.now = now;
    clearLibraryHooks();
    for (const [tag, hook] of this.libraryTagHooks) Parser.setHook(tag, hook as never);
    for (const [name, hook] of this.libraryFunctionHooks) Parser.setFunctionHook(name, hook as never);
  }

  /** Templates, #ifexist targets and files written literally in `texts` (and, recursively, in those templates), fetched before the library expands them (PST's subst:). */
  private async prefetch(texts: readonly string[], state: PrefetchState): Promise<void> {
    const { known, missing, existence } = state;
    let pending = [...texts];
    for (let depth = 0; depth < 8 && pending.length > 0; depth++) {
      const names = new Set<string>();
      const exists = new Set<string>();
      const files = new Set<string>();
      for (const text of pending) {
        for (const name of guessTemplateNames(text, this.config)) if (!known.has(name) && !missing.has(name)) names.add(name);
        for (const target of guessIfExistTargets(text)) if (!existence.has(target)) exists.add(target);
        for (const file of this.guessFileNames(text)) if (!state.files.has(file)) files.add(file);
      }
      await this.lookupExistence([...exists], existence);
      await this.lookupFiles([...files], state.files);
      if (names.size === 0) break;
      const fetched = await this.templates.fetch([...names]);
      pending = [];
      for (const name of names) {
        const body = fetched.get(name);
        if (body === undefined) missing.add(name);
        else {
          known.set(name, body);
          pending.push(body);
        }
      }
    }
  }

  private async lookupFiles(dbKeys: readonly string[], into: Map<string, FileInfo | null>): Promise<void> {
    const wanted = dbKeys.filter((k) => !into.has(k));
    if (wanted.length === 0) return;
    const found = this.services.files ? await this.services.files(wanted) : new Map<string, FileInfo | null>();
    for (const key of wanted) into.set(key, found.get(key) ?? null);
  }

  /** File names written literally as [[File:…]], [[Image:…]], [[Media:…]] or gallery lines. */
  private guessFileNames(text: string): string[] {
    const names = new Set<string>();
    for (const m of text.matchAll(/\[\[\s*:?\s*(?:file|image|media)\s*:([^|\]\n[{}<>]+)/gi)) {
      const title = this.services.titles.makeTitleSafe(6, m[1].trim());
      if (title) names.add(title.getDBkey());
    }
    for (const gallery of text.matchAll(/<gallery[^>]*>([\s\S]*?)<\/gallery>/gi)) {
      for (const line of gallery[1].split('\n')) {
        const name = line.replace(/^\s*(?:file|image)\s*:/i, '').split('|')[0].trim();
        const title = name ? this.services.titles.makeTitleSafe(6, name) : null;
        if (title) names.add(title.getDBkey());
      }
    }
    return [...names];
  }

  private async lookupExistence(prefixed: readonly string[], into: Map<string, LinkTargetState>): Promise<void> {
    const titles: Title[] = [];
    for (const text of prefixed) {
      if (into.has(text)) continue;
      const title = this.services.titles.newFromText(text);
      if (title) titles.push(title);
      else into.set(text, { exists: false, redirect: false });
    }
    if (titles.length === 0) return;
    const states = await this.services.existence(titles);
    for (const title of titles) {
      const key = title.getPrefixedText();
      into.set(key, states.get(key) ?? { exists: false, redirect: false });
    }
    // #ifexist may ask with the text as written; answer that spelling too.
    for (const text of prefixed) if (!into.has(text)) into.set(text, into.get(this.services.titles.newFromText(text)!.getPrefixedText())!);
  }

  async render(text: string, options: RenderOptions): Promise<ParserOutput> {
    // The tidy step's HTML parser as a native ES module (see Parse5.ts); immediate after the first render.
    await loadParse5();
    const page = options.title.getPrefixedText();
    const now = options.now ?? new Date();
    const state: PrefetchState = { known: new Map(), missing: new Set(), existence: new Map(), files: new Map() };
    const { known, existence } = state;
    // Expand first (MediaWiki's preprocessor), then render the expanded text
    // with the templates' texts at hand (section numbering reads them) but
    // nothing left to transclude.
    const sourceText = text;
    const expansionContext = this.newContext(options, page, now, state, text);
    const previousContext = this.current;
    this.current = expansionContext;
    let expansion;
    try {
      this.installGlobals(new Map(), now);
      expansion = await this.expander.expandFull(text, expansionContext);
    } finally {
      this.current = previousContext;
    }
    text = expansion.text;
    const usedTexts = await this.templates.fetch(expansion.templatesUsed);
    for (const [name, body] of usedTexts) known.set(name, body);
    // The expanded text transcludes nothing; what the render still needs to
    // know ahead is which files it shows.
    await this.lookupFiles(this.guessFileNames(text), state.files);

    // A hook may ask about a page or file nobody foresaw: fetch it and render again.
    let result: RenderPass | null = null;
    for (let round = 0; round < MAX_RENDER_ROUNDS; round++) {
      result = this.renderPass(text, page, options, now, state, sourceText);
      const neededExistence = [...result.context.unknownExistence].filter((t) => !existence.has(t));
      const neededFiles = [...result.context.unknownFiles].filter((f) => !state.files.has(f));
      if ((neededExistence.length === 0 && neededFiles.length === 0) || round === MAX_RENDER_ROUNDS - 1) break;
      await this.lookupExistence(neededExistence, existence);
      await this.lookupFiles(neededFiles, state.files);
    }
    const { context, expanded } = result!;
    const templatesUsed = expansion.templatesUsed;
    Object.assign(context.properties, { ...expansionContext.properties, ...context.properties });
    for (const w of [...expansionContext.warnings, ...expansion.warnings]) context.addWarning(w.key, ...w.params);
    let html = result!.html;

    // Output transforms (headings and TOC, Cite's reference lists) run before
    // link holders are replaced, as MediaWiki's ParserAfterParse does, so links
    // they carry along are resolved with the rest.
    for (const transform of this.transforms) html = transform(html, context);
    // One batched existence query for every link in the page (MediaWiki's LinkBatch).
    await this.lookupExistence([...new Set(context.linkHolders.map((h) => h.target))], existence);
    const finish = (fragment: string): string => {
      let out = replaceLinkHolders(fragment, context, this.services.titles, existence, this.services.missingPageTitle, this.services.fragmentMode ?? ['html5']);
      out = armorFrenchSpaces(out);
      out = normalizeInternalHrefs(out);
      // Last: whatever the library, templates and extensions produced, only
      // MediaWiki's allowed markup leaves the renderer (Sanitizer rules, checkCss).
      return sanitizeRenderedHtml(out);
    };
    html = finish(stripCategoryBox(html));
    // Indicators are page output too: same link resolution and sanitising.
    for (const [name, content] of Object.entries(context.indicators)) context.indicators[name] = finish(content);

    const categories = readCategories(expanded);
    const defaultSort: string | null = readMagicWordValue(expanded, 'defaultsort') ?? context.properties.defaultsort ?? null;
    let displayTitle: string | null = readMagicWordValue(expanded, 'displaytitle') ?? context.properties.displaytitle ?? null;
    if (defaultSort !== null) context.setPageProperty('defaultsort', defaultSort);
    // $wgRestrictDisplayTitle: a display title that doesn't normalise to the
    // page's own title is dropped, with MediaWiki's preview warning.
    if (displayTitle !== null && !isAcceptableDisplayTitle(options.title, displayTitle, this.services.titles)) {
      context.addWarning('restricted-displaytitle', displayTitle);
      displayTitle = null;
    }
    if (displayTitle !== null) context.setPageProperty('displaytitle', displayTitle);
    this.addHiddenCategoryTracking(options.title, context, categories);
    this.addTrackingCategories(expansion.trackingCategories, categories);
    // Missing templates count as used (templatelinks rows with no page), so
    // creating one re-renders the pages that asked for it.
    const templates = [...templatesUsed];
    return {
      html,
      categories,
      headings: readHeadings(expanded),
      templates: [...new Set([...templates, ...(this.templates.redirectTargetsOf?.(templates) ?? [])])],
      links: [...new Set(context.linkHolders.map((h) => h.target))],
      externalLinks: [...new Set(context.externalLinks)],
      interwikiLinks: [...new Set(context.interwikiLinks)],
      languageLinks: dedupeLanguageLinks(context.languageLinks),
      images: [...context.images],
      properties: context.properties,
      indicators: context.indicators,
      sections: collectSections(context),
      warnings: context.warnings,
      defaultSort,
      displayTitle,
      revisionId: options.revisionId ?? null,
    };
  }

  /**
   * In the Category namespace __HIDDENCAT__ (recorded as a page property by
   * BehaviorSwitches.ts) also puts the page in the tracking category named by
   * 'hidden-category-category' (Parser::addTrackingCategory).
   */
  private addHiddenCategoryTracking(title: Title, context: RenderContext, categories: CategoryLink[]): void {
    if (!('hiddencat' in context.properties) || title.getNamespace() !== 14) return;
    const categoryName = this.services.message('hidden-category-category');
    if (categoryName === undefined || categoryName === '-' || categoryName === '') return;
    const tracking = this.services.titles.makeTitleSafe(14, categoryName);
    if (tracking && !categories.some((c) => c.name === tracking.getDBkey())) categories.push({ name: tracking.getDBkey(), sortKey: '' });
  }

  /**
   * Tracking categories of the expansion (template loops, limits, invalid language codes …):
   * each message key names the category; a missing, empty or '-' message disables it
   * (Parser::addTrackingCategory).
   */
  private addTrackingCategories(keys: readonly string[], categories: CategoryLink[]): void {
    for (const key of keys) {
      const categoryName = this.services.message(key);
      if (categoryName === undefined || categoryName === '-' || categoryName === '') continue;
      const tracking = this.services.titles.makeTitleSafe(14, categoryName);
      if (tracking && !categories.some((c) => c.name === tracking.getDBkey())) categories.push({ name: tracking.getDBkey(), sortKey: '' });
    }
  }

  /** One synchronous pass through the library. */
  private renderPass(text: string, page: string, options: RenderOptions, now: Date, state: PrefetchState, sourceText: string): RenderPass {
    const context = this.newContext(options, page, now, state, sourceText);
    const templates = new TemplateBudgetMap(state.known, context, (title) => this.messageDefault(title));
    const previous = this.current;
    this.current = context;
    try {
      this.installGlobals(templates, now);
      // The library expands and parses the text, announces the expanded tree
      // (adjusted here: link trails, language-link whitespace), then renders it.
      let expanded: WikiToken | null = null;
      const html = withCheapMemoryProbe(() =>
        withTokenRenderers(this.tokenRenderers, () =>
          renderWikitextToHtml(text, page, this.config, (tree) => {
            expanded = tree as WikiToken;
            indexTokens(expanded);
            stripLanguageLinkWhitespace(expanded, this.services.interwiki);
            attachLinkTrails(expanded);
          }),
        ),
      );
      if (!expanded) throw new Error('wikiparser-node rendered without an expanded tree');
      return { html, context, expanded, missedTemplates: templates.missed, templatesUsed: templates.used };
    } finally {
      this.current = previous;
    }
  }

  private newContext(options: { title: Title; revisionId?: number; revision?: RevisionFacts }, page: string, now: Date, state: PrefetchState, text: string): RenderContext {
    return new RenderContext({
      title: options.title,
      now,
      revision: options.revision ?? { id: options.revisionId ?? null, timestamp: now, user: null, size: Buffer.byteLength(text) },
      language: this.services.contentLanguage,
      revisionId: options.revisionId ?? null,
      existence: new Map([...state.existence].map(([k, v]) => [k, v.exists])),
      files: state.files,
      sourceText: text,
      limits: this.limits,
      renderInline: (wikitext) => this.renderInlineFragment(wikitext, page),
      message: (key) => this.services.message(key),
    });
  }

  /** Default text of a MediaWiki: page: its interface message (MessageCache). */
  private messageDefault(title: string): string | undefined {
    if (!title.startsWith('MediaWiki:')) return undefined;
    // MessageCache keys: the DB key with a lower-case first letter (underscores kept).
    return this.services.message(lcFirst(title.slice('MediaWiki:'.length).replace(/ /g, '_')));
  }

  /** Renders a fragment inside the current render (for hooks); no paragraphs. */
  private renderInlineFragment(wikitext: string, page: string): string {
    const root = Parser.parse(wikitext, page, false, undefined, this.config);
    return withTokenRenderers(this.tokenRenderers, () => root.toHtml()).replace(/^<p>|\n?<\/p>\s*$/g, '');
  }

  /**
   * MediaWiki's pre-save transform (Parser::preSaveTransform): line endings,
   * `{{subst:}}`, then signatures and the pipe trick (PreSaveTransform.ts).
   */
  async preSaveTransform(text: string, options: PreSaveTransformOptions): Promise<string> {
    const now = options.now ?? new Date();
    let out = text.replace(/\r\n?/g, '\n');
    out = await this.substitute(out, options.title, now);
    const parts = { signature: this.services.signature(options.user), timestamp: signatureTimestamp(now) };
    return pstPass2(out, options.title, parts, this.config.ext);
  }

  /** Replaces each outermost `{{subst:…}}`/`{{safesubst:…}}` by its expansion; unknown templates stay as written. */
  private async substitute(text: string, title: Title, now: Date): Promise<string> {
    if (!/\{\{\s*(?:safe)?subst\s*:/i.test(text)) return text;
    const page = title.getPrefixedText();
    const state: PrefetchState = { known: new Map(), missing: new Set(), existence: new Map(), files: new Map() };
    await this.prefetch([text], state);
    const context = this.newContext({ title }, page, now, state, text);
    const templates = new TemplateBudgetMap(state.known, context, (t) => this.messageDefault(t));
    const previous = this.current;
    this.current = context;
    try {
      this.installGlobals(templates, now);
      const root = Parser.parse(text, page, false, undefined, this.config) as unknown as WikiToken;
      const candidates = (root.querySelectorAll('template, magic-word') as SubstCandidate[]).filter((t) => /^\s*(?:safe)?subst\s*:/i.test(t.modifier ?? ''));
      const outermost = candidates.filter((t) => !candidates.some((o) => o !== t && isAncestor(o, t)));
      let out = text;
      for (const token of outermost.sort((a, b) => b.getAbsoluteIndex() - a.getAbsoluteIndex())) {
        const start = token.getAbsoluteIndex();
        const source = String(token);
        const call = `{{${source.slice(2 + (token.modifier ?? '').length)}`;
        const expanded = String(Parser.parse(call, page, false, undefined, this.config).expand());
        // A template that doesn't exist is left alone, subst: included (MediaWiki keeps "{{subst:Missing}}").
        if (expanded === call) continue;
        out = out.slice(0, start) + expanded + out.slice(start + source.length);
      }
      return out;
    } finally {
      this.current = previous;
    }
  }
}

interface SubstCandidate extends WikiToken {
  modifier?: string;
  getAbsoluteIndex(): number;
}

function isAncestor(ancestor: WikiToken, node: WikiToken): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (p === ancestor) return true;
  return false;
}

interface PrefetchState {
  known: Map<string, string>;
  missing: Set<string>;
  existence: Map<string, LinkTargetState>;
  files: Map<string, FileInfo | null>;
}

interface RenderPass {
  html: string;
  context: RenderContext;
  expanded: WikiToken;
  missedTemplates: ReadonlySet<string>;
  templatesUsed: ReadonlySet<string>;
}

/** One link per language: the first one written wins (Parser: "only one link per language"). */
function dedupeLanguageLinks(links: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const link of links) {
    const lang = link.slice(0, link.indexOf(':'));
    if (!seen.has(lang)) seen.set(lang, link);
  }
  return [...seen.values()];
}

function toTagInput(token: WikiToken): ExtensionTagInput {
  const attrs = token.firstChild?.getAttrs?.() ?? {};
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) attributes[key.toLowerCase()] = value === true ? '' : decodeCharReferences(String(value));
  const inner = token.lastChild;
  const content = inner && inner.type === 'ext-inner' ? (token as unknown as { selfClosing?: boolean }).selfClosing ? null : String(inner) : null;
  return {
    name: String(token.name).toLowerCase(),
    attributes,
    content,
    renderContent: () => (inner && content !== null ? inner.toHtmlInternal!({ nowrap: true }) : ''),
  };
}

function lcFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Names of transclusions written literally in the text (`{{Name|…}}` →
 * 'Template:Name', `{{:Page}}` → 'Page'), as wikiparser-node normalises them.
 * Only a prefetch hint: a render that meets another name fetches it then.
 */
function guessTemplateNames(text: string, config: ProcessedConfig): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([^{}|#<>[\]\n]+?)\s*(?:\||\}\})/g)) {
    const raw = m[1];
    if (raw.includes(':') && !raw.startsWith(':') && !/^(template|msg|subst|safesubst|raw|mediawiki)\s*:/i.test(raw)) continue;
    const title = Parser.normalizeTitle(raw.replace(/^(subst|safesubst|msg|raw)\s*:/i, ''), 10, false, config);
    if (title.valid) names.add(title.title.replace(/_/g, ' '));
  }
  return [...names];
}

function guessIfExistTargets(text: string): string[] {
  return [...text.matchAll(/\{\{\s*#ifexist\s*:\s*([^|{}[\]]+?)\s*\|/gi)].map((m) => m[1]);
}

// Category links are collected from the expanded tree, so template-added categories count.
function readCategories(root: WikiToken): CategoryLink[] {
  const seen = new Map<string, CategoryLink>();
  // What the library's getCategories() gives: [name, sortkey] of every category token.
  for (const { name, sortkey: sortKey } of tokensOfType(root, 'category') as readonly (WikiToken & { name: string; sortkey?: string })[]) {
    const dbKey = name.replace(/^[^:]*:/, '').replace(/ /g, '_');
    if (!seen.has(dbKey)) seen.set(dbKey, { name: dbKey, sortKey: sortKey ?? '' });
  }
  return [...seen.values()];
}

function readHeadings(root: WikiToken): HeadingInfo[] {
  return tokensOfType(root, 'heading').map((h) => ({
    level: h.level ?? 2,
    text: (h.innerText ?? String(h)).trim(),
  }));
}

function readMagicWordValue(root: WikiToken, name: string): string | null {
  const tokens = tokensOfType(root, 'magic-word').filter((token) => token.name === name);
  if (tokens.length === 0) return null;
  // The last one wins, as in MediaWiki (with a warning we don't show yet).
  const token = tokens[tokens.length - 1];
  const value = token.childNodes[1];
  return value ? String(value).trim() : null;
}

/** wikiparser-node appends its own category box; categories are skin output in MediaWiki. */
function stripCategoryBox(html: string): string {
  return html.replace(/\n?<div id="catlinks" class="catlinks">[\s\S]*$/, '');
}

/** MediaWiki writes ':' and '/' unescaped in article URLs (wfUrlencode); wikiparser-node escapes them. */
function normalizeInternalHrefs(html: string): string {
  // Nothing to rewrite (the usual case): no need to scan every href.
  if (!/%(?:3A|2F)/i.test(html)) return html;
  return html.replace(/href="([^"]*)"/g, (_m, href: string) => `href="${href.replace(/%3A/gi, ':').replace(/%2F/gi, '/')}"`);
}
