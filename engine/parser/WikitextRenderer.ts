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
import { Parser, ProcessedConfig, SiteParserConfig, buildParserConfig } from './ParserGlobals';
import { ParserOutput, CategoryLink, HeadingInfo } from './ParserOutput';
import type { ExtensionTagInput, OutputTransform, ParserFunctionHook, ParserFunctionOptions, ParserHookRegistry, TagHook } from './ParserHooks';
import { DEFAULT_EXPANSION_LIMITS, ExpansionLimits, RenderContext } from './RenderContext';
import { TemplateBudgetMap } from './TemplateBudgetMap';
import type { InterwikiLookup } from './InterwikiLookup';
import { attachLinkTrails, LinkTargetState, renderInternalLink, replaceLinkHolders } from './wikiparser/LinkRendering';
import { TokenKind, TokenRenderer, TokenRenderers, withTokenRenderers } from './wikiparser/TokenOverrides';
import type { WikiToken } from './wikiparser/tokens';
import { MagicLinkSettings, renderBracketedExternalLink, renderMagicOrFreeLink } from './wikiparser/ExternalLinkRendering';
import type { FileInfo } from '../filerepo/FileInfo';

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
  /** "X (page does not exist)" — the title attribute of a red link. */
  missingPageTitle(prefixed: string): string;
  contentLanguage: string;
  limits?: Partial<ExpansionLimits>;
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
}

export interface PreSaveTransformOptions {
  title: Title;
  user: { id: number; name: string };
  now?: Date;
}

/** Rounds of "render, fetch what was missing"; templates nested deeper than prefetch can see need one each. */
const MAX_RENDER_ROUNDS = 6;

export class WikitextRenderer implements ParserHookRegistry {
  private readonly config: ProcessedConfig;
  private readonly tags = new Map<string, TagHook>();
  private readonly functions = new Map<string, ParserFunctionHook>();
  private readonly transforms: OutputTransform[] = [];
  private readonly limits: ExpansionLimits;
  private current: RenderContext | null = null;
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
    const linkDeps = { titles: services.titles, interwiki: services.interwiki, current: () => this.current };
    const externalDeps = { titles: services.titles, current: () => this.current, ...services.externalLinks };
    this.tokenRenderers = {
      link: (token, opt) => renderInternalLink(token, opt, linkDeps),
      'ext-link': (token, opt) => renderBracketedExternalLink(token, opt, externalDeps),
      'free-ext-link': (token) => renderMagicOrFreeLink(token, externalDeps),
      'magic-link': (token) => renderMagicOrFreeLink(token, externalDeps),
    };
  }

  setHook(tag: string, hook: TagHook): void {
    const name = tag.toLowerCase();
    this.tags.set(name, hook);
    if (!this.config.ext.includes(name)) this.config.ext.push(name);
  }

  setFunctionHook(name: string, hook: ParserFunctionHook, options: ParserFunctionOptions = {}): void {
    const lower = name.toLowerCase();
    this.functions.set(lower, hook);
    if (!this.config.functionHook.includes(lower)) this.config.functionHook.push(lower);
    const aliases = this.config.parserFunction[0] as Record<string, string>;
    for (const alias of [lower, ...(options.aliases ?? []).map((a) => a.toLowerCase())]) {
      const spelled = options.noHash ? alias : `#${alias}`;
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
    this.tokenRenderers[kind] = renderer;
  }

  /** The render in progress (hooks run synchronously inside it). */
  getCurrentContext(): RenderContext | null {
    return this.current;
  }

  /** MediaWiki's #ifexist: an expensive function answered from the page table. */
  private ifExist(args: string[], frame: RenderContext): string {
    const [target = '', then = '', otherwise = ''] = args.map((a) => a.trim());
    const title = this.services.titles.newFromText(decodeEntities(target));
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
    for (const [tag, hook] of this.tags) Parser.setHook(tag, ((token: WikiToken) => hook(toTagInput(token), this.current!)) as never);
    for (const [name, hook] of this.functions) {
      Parser.setFunctionHook(name, ((token: WikiToken) => hook(token.childNodes.slice(1).map(String), this.current!)) as never);
    }
  }

  /** Transclusions written literally in `text` that we know nothing about yet. */
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
    const page = options.title.getPrefixedText();
    const now = options.now ?? new Date();
    const state: PrefetchState = { known: new Map(), missing: new Set(), existence: new Map(), files: new Map() };
    const { known, missing, existence } = state;
    await this.prefetch([text], state);

    let result: RenderPass | null = null;
    for (let round = 0; round < MAX_RENDER_ROUNDS; round++) {
      result = this.renderPass(text, page, options, now, state);
      const neededTemplates = [...result.missedTemplates].filter((t) => !missing.has(t));
      const neededExistence = [...result.context.unknownExistence].filter((t) => !existence.has(t));
      const neededFiles = [...result.context.unknownFiles].filter((f) => !state.files.has(f));
      if (neededTemplates.length === 0 && neededExistence.length === 0 && neededFiles.length === 0) break;
      if (round === MAX_RENDER_ROUNDS - 1) break;
      await this.lookupExistence(neededExistence, existence);
      await this.lookupFiles(neededFiles, state.files);
      if (neededTemplates.length > 0) {
        const fetched = await this.templates.fetch(neededTemplates);
        const bodies: string[] = [];
        for (const name of neededTemplates) {
          const body = fetched.get(name);
          if (body === undefined) missing.add(name);
          else {
            known.set(name, body);
            bodies.push(body);
          }
        }
        await this.prefetch(bodies, state);
      }
    }
    const { context, expanded, templatesUsed } = result!;
    let html = result!.html;

    // One batched existence query for every link in the page (MediaWiki's LinkBatch).
    await this.lookupExistence([...new Set(context.linkHolders.map((h) => h.target))], existence);
    html = replaceLinkHolders(html, context, this.services.titles, existence, this.services.missingPageTitle);
    for (const transform of this.transforms) html = transform(html, context);
    html = stripCategoryBox(html);
    html = normalizeInternalHrefs(html);

    const categories = readCategories(expanded);
    const defaultSort = readMagicWordValue(expanded, 'defaultsort');
    const displayTitle = readMagicWordValue(expanded, 'displaytitle');
    if (defaultSort !== null) context.setPageProperty('defaultsort', defaultSort);
    if (displayTitle !== null) context.setPageProperty('displaytitle', displayTitle);
    const templates = [...templatesUsed];
    return {
      html,
      categories,
      headings: readHeadings(expanded),
      templates: [...new Set([...templates, ...(this.templates.redirectTargetsOf?.(templates) ?? [])])],
      links: [...new Set(context.linkHolders.map((h) => h.target))],
      externalLinks: [...new Set(context.externalLinks)],
      images: [...context.images],
      properties: context.properties,
      indicators: context.indicators,
      sections: [],
      warnings: context.warnings,
      defaultSort,
      displayTitle,
      revisionId: options.revisionId ?? null,
    };
  }

  /** One synchronous pass through the library. */
  private renderPass(text: string, page: string, options: RenderOptions, now: Date, state: PrefetchState): RenderPass {
    const existenceView = new Map([...state.existence].map(([k, v]) => [k, v.exists]));
    const context = new RenderContext({
      title: options.title,
      now,
      language: this.services.contentLanguage,
      revisionId: options.revisionId ?? null,
      existence: existenceView,
      files: state.files,
      sourceText: text,
      limits: this.limits,
      renderInline: (wikitext) => this.renderInlineFragment(wikitext, page),
    });
    const templates = new TemplateBudgetMap(state.known, context, (title) => {
      if (!title.startsWith('MediaWiki:')) return undefined;
      return this.services.message(lcFirst(title.slice('MediaWiki:'.length).replace(/_/g, ' ')));
    });
    const previous = this.current;
    this.current = context;
    try {
      this.installGlobals(templates, now);
      const root = Parser.parse(text, page, false, undefined, this.config);
      // toHtml() expands the tree itself and announces the result with an
      // 'expand' event; the tree is adjusted (link trails) and read there.
      let expandedTree: WikiToken | null = null;
      (root as unknown as { addEventListener(type: string, listener: (e: unknown, data: { token: WikiToken }) => void): void }).addEventListener('expand', (_e, data) => {
        expandedTree = data.token;
        attachLinkTrails(data.token);
      });
      const html = withTokenRenderers(this.tokenRenderers, () => root.toHtml());
      const expanded = expandedTree ?? (root.expand() as unknown as WikiToken);
      return { html, context, expanded, missedTemplates: templates.missed, templatesUsed: templates.used };
    } finally {
      this.current = previous;
    }
  }

  /** Renders a fragment inside the current render (for hooks); no paragraphs. */
  private renderInlineFragment(wikitext: string, page: string): string {
    const root = Parser.parse(wikitext, page, false, undefined, this.config);
    return withTokenRenderers(this.tokenRenderers, () => root.toHtml()).replace(/^<p>|\n?<\/p>\s*$/g, '');
  }

  /**
   * MediaWiki's pre-save transform (Parser::preSaveTransform): line endings,
   * signatures and subst:. See PreSaveTransform for the rules.
   */
  async preSaveTransform(text: string, options: PreSaveTransformOptions): Promise<string> {
    return text.replace(/\r\n?/g, '\n').replace(/[ \t\n\r\0\v]+$/, '') + (options.title ? '' : '');
  }
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

function toTagInput(token: WikiToken): ExtensionTagInput {
  const attrs = token.firstChild?.getAttrs?.() ?? {};
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) attributes[key.toLowerCase()] = value === true ? '' : decodeEntities(String(value));
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

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[lower] ?? m;
  });
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
function readCategories(root: unknown): CategoryLink[] {
  const seen = new Map<string, CategoryLink>();
  for (const [name, sortKey] of (root as { getCategories(): [string, string | undefined][] }).getCategories()) {
    const dbKey = name.replace(/^[^:]*:/, '').replace(/ /g, '_');
    if (!seen.has(dbKey)) seen.set(dbKey, { name: dbKey, sortKey: sortKey ?? '' });
  }
  return [...seen.values()];
}

function readHeadings(root: WikiToken): HeadingInfo[] {
  return root.querySelectorAll('heading').map((h) => ({
    level: h.level ?? 2,
    text: (h.innerText ?? String(h)).trim(),
  }));
}

function readMagicWordValue(root: WikiToken, name: string): string | null {
  const tokens = root.querySelectorAll(`magic-word#${name}`);
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
  return html.replace(/href="([^"]*)"/g, (_m, href: string) => `href="${href.replace(/%3A/gi, ':').replace(/%2F/gi, '/')}"`);
}
