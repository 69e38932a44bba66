/**
 * The engine's one interface for turning wikitext into HTML, backed by
 * wikiparser-node. Templates come from the page store: the renderer asks a
 * TemplateSource for the titles the text transcludes, round by round, until
 * nothing new is needed (wikiparser-node looks templates up synchronously in a
 * Map, while our storage is asynchronous).
 */
import type { Title } from '../title/Title';
import { Parser, ProcessedConfig, SiteParserConfig, buildParserConfig } from './ParserGlobals';
import { ParserOutput, CategoryLink, HeadingInfo } from './ParserOutput';

export interface TemplateSource {
  /** Texts of the given pages (prefixed titles), redirects followed; absent pages are missing from the map. */
  fetch(titles: readonly string[]): Promise<Map<string, string>>;
  /** Pages reached through redirects from `titles` (they are dependencies too, as in templatelinks). */
  redirectTargetsOf?(titles: readonly string[]): string[];
}

export interface RenderOptions {
  title: Title;
  revisionId?: number;
  /** Rendering for preview: nothing is stored. */
  preview?: boolean;
}

type TagHook = (token: { innerText?: string; getAttr?(name: string): unknown }) => string;
type FunctionHook = (token: unknown, context?: unknown) => string;

/** What ParserFirstCallInit handlers receive to register tags and functions. */
export interface ParserHookRegistry {
  setHook(tag: string, hook: TagHook): void;
  setFunctionHook(name: string, hook: FunctionHook): void;
}

/** Upper bound on transclusion rounds; deeper nesting than this renders the remaining templates as links. */
const MAX_FETCH_ROUNDS = 8;

export class WikitextRenderer implements ParserHookRegistry {
  private readonly config: ProcessedConfig;
  private readonly tags = new Map<string, TagHook>();
  private readonly functions = new Map<string, FunctionHook>();

  constructor(
    site: SiteParserConfig,
    private readonly templates: TemplateSource,
  ) {
    this.config = Parser.getConfig(buildParserConfig(site));
    // Site magic words wikiparser-node has no setting for (MediaWiki's CoreMagicVariables).
    this.setFunctionHook('sitename', () => site.siteName);
    this.setFunctionHook('server', () => site.server);
    this.setFunctionHook('servername', () => new URL(site.server).hostname);
    this.setFunctionHook('scriptpath', () => site.scriptPath);
  }

  setHook(tag: string, hook: TagHook): void {
    this.tags.set(tag.toLowerCase(), hook);
    if (!this.config.ext.includes(tag.toLowerCase())) this.config.ext.push(tag.toLowerCase());
  }

  setFunctionHook(name: string, hook: FunctionHook): void {
    this.functions.set(name, hook);
    const lower = name.toLowerCase();
    if (!this.config.functionHook.includes(lower)) this.config.functionHook.push(lower);
    const aliases = this.config.parserFunction[0] as Record<string, string>;
    if (!(`#${lower}` in aliases) && !(lower in aliases)) aliases[`#${lower}`] = lower;
  }

  private installGlobals(templates: Map<string, string>): void {
    Parser.config = this.config;
    Parser.templates = templates;
    for (const [tag, hook] of this.tags) Parser.setHook(tag, hook as never);
    for (const [name, hook] of this.functions) Parser.setFunctionHook(name, hook as never);
  }

  /** Loads every template the text needs (following nested transclusions). */
  private async collectTemplates(text: string, page: string): Promise<Map<string, string>> {
    const known = new Map<string, string>();
    const missing = new Set<string>();
    // Fetch the templates visible in the source first, so the expensive
    // expansion rounds below usually find nothing more to fetch.
    const guessed = guessTemplateNames(text, this.config);
    if (guessed.length > 0) {
      const fetched = await this.templates.fetch(guessed);
      for (const name of guessed) {
        const body = fetched.get(name);
        if (body !== undefined) known.set(name, body);
      }
    }
    for (let round = 0; round < MAX_FETCH_ROUNDS; round++) {
      this.installGlobals(known);
      const expanded = Parser.parse(text, page, false, undefined, this.config).expand();
      const needed = new Set<string>();
      for (const token of expanded.querySelectorAll('template')) {
        const name = (token as unknown as { name: string }).name;
        if (!known.has(name) && !missing.has(name)) needed.add(name);
      }
      if (needed.size === 0) break;
      const fetched = await this.templates.fetch([...needed]);
      for (const name of needed) {
        const body = fetched.get(name);
        if (body === undefined) missing.add(name);
        else known.set(name, body);
      }
    }
    return known;
  }

  async render(text: string, options: RenderOptions): Promise<ParserOutput> {
    const page = options.title.getPrefixedText();
    const templates = await this.collectTemplates(text, page);
    this.installGlobals(templates);
    const root = Parser.parse(text, page, false, undefined, this.config);
    // toHtml() expands the tree itself and announces the result with an
    // 'expand' event; reading it there avoids expanding a second time.
    let expandedTree: unknown = null;
    (root as unknown as { addEventListener(type: string, listener: (e: unknown, data: { token: unknown }) => void): void }).addEventListener('expand', (_e, data) => {
      expandedTree = data.token;
    });
    let html = root.toHtml();
    const expanded = expandedTree ?? root.expand();
    const categories = readCategories(expanded);
    const headings = readHeadings(expanded);
    const defaultSort = readMagicWordValue(expanded, 'defaultsort');
    const displayTitle = readMagicWordValue(expanded, 'displaytitle');
    html = stripCategoryBox(html);
    html = normalizeInternalHrefs(html);
    return {
      html,
      categories,
      headings,
      templates: [...new Set([...templates.keys(), ...(this.templates.redirectTargetsOf?.([...templates.keys()]) ?? [])])],
      defaultSort,
      displayTitle,
      revisionId: options.revisionId ?? null,
    };
  }
}

/**
 * Names of transclusions written literally in the text (`{{Name|…}}` →
 * 'Template:Name', `{{:Page}}` → 'Page'), as wikiparser-node normalises them.
 * Only a prefetch hint: the expansion rounds find the rest.
 */
function guessTemplateNames(text: string, config: ProcessedConfig): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([^{}|#<>[\]\n]+?)\s*(?:\||\}\})/g)) {
    const raw = m[1];
    if (raw.includes(':') && !raw.startsWith(':') && !/^(template|msg|subst|safesubst|raw)\s*:/i.test(raw)) continue;
    const title = Parser.normalizeTitle(raw.replace(/^(subst|safesubst|msg|raw)\s*:/i, ''), 10, false, config);
    if (title.valid) names.add(title.title);
  }
  return [...names];
}

interface MinimalToken {
  type: string;
  name?: string;
  toString(): string;
  querySelectorAll(selector: string): MinimalToken[];
  childNodes: MinimalToken[];
  level?: number;
  innerText?: string;
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

function readHeadings(root: unknown): HeadingInfo[] {
  return (root as MinimalToken).querySelectorAll('heading').map((h) => ({
    level: h.level ?? 2,
    text: (h.innerText ?? String(h)).trim(),
  }));
}

function readMagicWordValue(root: unknown, name: string): string | null {
  const tokens = (root as MinimalToken).querySelectorAll(`magic-word#${name}`);
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
