/**
 * The state of one render (what MediaWiki keeps on the Parser object and its
 * ParserOutput while parsing): the frame handed to hooks, the link holders
 * waiting for their existence check, collected links and page properties,
 * and the expansion budget that stops hostile pages.
 */
import type { RenderFrame } from './ParserHooks';
import type { Title } from '../title/Title';
import type { FileInfo } from '../filerepo/FileInfo';
import type { RevisionFacts } from './functions/CoreFunctionDeps';

export interface ExpansionLimits {
  /** MediaWiki's $wgMaxArticleSize-derived post-expand include size, in bytes. */
  maxIncludeSize: number;
  /** Template expansions per render in the library's own expander (PST's subst: only). */
  maxExpansions: number;
  /** $wgMaxPPExpandDepth: nesting of frames and braces. */
  maxExpansionDepth: number;
  /** $wgMaxPPNodeCount. */
  maxNodeCount: number;
  /** $wgMaxTemplateDepth: template calls nested (defaults to maxExpansionDepth). */
  maxTemplateDepth?: number;
}

export const DEFAULT_EXPANSION_LIMITS: ExpansionLimits = {
  maxIncludeSize: 2 * 1024 * 1024,
  maxExpansions: 40000,
  maxExpansionDepth: 40,
  maxNodeCount: 1000000,
};

export interface RenderContextInit {
  title: Title;
  now: Date;
  language: string;
  revisionId: number | null;
  revision: RevisionFacts;
  existence: ReadonlyMap<string, boolean>;
  /** Files prefetched for this render: DB key → metadata, or null when there is no such file. */
  files: ReadonlyMap<string, FileInfo | null>;
  /** The wikitext being rendered, before expansion (section numbering needs it). */
  sourceText: string;
  limits: ExpansionLimits;
  renderInline(wikitext: string): string;
  message(key: string): string | undefined;
}

export class RenderContext implements RenderFrame {
  readonly title: Title;
  readonly now: Date;
  readonly language: string;
  readonly revisionId: number | null;
  /** The revision being rendered (for a preview: the text being previewed, id null). */
  readonly revision: RevisionFacts;
  readonly properties: Record<string, string> = {};
  readonly warnings: { key: string; params: string[] }[] = [];
  /** Titles asked about by #ifexist whose existence this render didn't know yet. */
  readonly unknownExistence = new Set<string>();
  /** Links found while rendering, resolved after the render in one batch (MediaWiki's LinkHolderArray). */
  readonly linkHolders: LinkHolder[] = [];
  readonly externalLinks: string[] = [];
  readonly interwikiLinks: string[] = [];
  readonly languageLinks: string[] = [];
  readonly indicators: Record<string, string> = {};
  /** DB keys of files used (imagelinks). */
  readonly images = new Set<string>();
  /** Files asked about that this render had not prefetched. */
  readonly unknownFiles = new Set<string>();
  readonly sourceText: string;
  private readonly files: ReadonlyMap<string, FileInfo | null>;
  private readonly extensionData = new Map<string, unknown>();
  private readonly existence: ReadonlyMap<string, boolean>;
  private readonly inline: (wikitext: string) => string;
  private readonly messageLookup: (key: string) => string | undefined;
  /** Budget used so far. */
  includeSize = 0;
  expansions = 0;
  readonly limits: ExpansionLimits;

  constructor(init: RenderContextInit) {
    this.title = init.title;
    this.now = init.now;
    this.language = init.language;
    this.revisionId = init.revisionId;
    this.revision = init.revision;
    this.existence = init.existence;
    this.files = init.files;
    this.sourceText = init.sourceText;
    this.limits = init.limits;
    this.inline = init.renderInline;
    this.messageLookup = init.message;
  }

  getExtensionData<T>(key: string, init: () => T): T {
    if (!this.extensionData.has(key)) this.extensionData.set(key, init());
    return this.extensionData.get(key) as T;
  }

  setPageProperty(name: string, value: string): void {
    this.properties[name] = value;
  }

  pageExists(prefixedTitle: string): boolean {
    const known = this.existence.get(prefixedTitle);
    if (known === undefined) {
      this.unknownExistence.add(prefixedTitle);
      return false;
    }
    return known;
  }

  /**
   * Metadata of a file (DB key, e.g. "Foobar.jpg"), recorded as used. null: no
   * such file. A file this render had not prefetched reads as missing and is
   * fetched for the next pass.
   */
  getFile(dbKey: string): FileInfo | null {
    this.images.add(dbKey);
    const known = this.files.get(dbKey);
    if (known === undefined) {
      this.unknownFiles.add(dbKey);
      return null;
    }
    return known;
  }

  message(key: string): string | undefined {
    return this.messageLookup(key);
  }

  setIndicator(name: string, html: string): void {
    this.indicators[name] = html;
  }

  renderInline(wikitext: string): string {
    return this.inline(wikitext);
  }

  addWarning(key: string, ...params: string[]): void {
    if (!this.warnings.some((w) => w.key === key && w.params.join('|') === params.join('|'))) this.warnings.push({ key, params });
  }

  /** Placeholder for a link whose look depends on whether its target exists. */
  addLinkHolder(holder: Omit<LinkHolder, 'id'>): string {
    const id = this.linkHolders.length;
    this.linkHolders.push({ ...holder, id });
    return `\u0001LH${id}\u0001`;
  }
}

export interface LinkHolder {
  id: number;
  /** Our prefixed text of the target (no fragment). */
  target: string;
  /** Fragment without '#', already in link form; '' if none. */
  fragment: string;
  /** Extra query for the URL (none for plain links). */
  query?: string;
}
