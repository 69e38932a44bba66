/**
 * What extensions see of the parser (MediaWiki's Parser::setHook,
 * Parser::setFunctionHook and the ParserFirstCallInit hook). These types are
 * the engine's own: extensions never touch wikiparser-node tokens, so the
 * library can change underneath without breaking them.
 */
import type { Title } from '../title/Title';

/** Per-render state and facts handed to every hook (MediaWiki's Parser + PPFrame, reduced). */
export interface RenderFrame {
  /** The page being rendered. */
  readonly title: Title;
  /** Time of the render: CURRENT* magic words and #time use it. */
  readonly now: Date;
  /** Content language code (e.g. 'en'). */
  readonly language: string;
  /** Revision being rendered, when known (REVISIONID …). */
  readonly revisionId: number | null;
  /**
   * Per-render data owned by one extension (Cite keeps its reference list
   * here). `init` runs on first use in each render.
   */
  getExtensionData<T>(key: string, init: () => T): T;
  /** A page property (page_props), e.g. 'defaultsort'. */
  setPageProperty(name: string, value: string): void;
  /** Whether a page exists; only titles prefetched for this render are known (others: false). */
  pageExists(prefixedTitle: string): boolean;
  /** Renders a wikitext fragment inline (no paragraphs) in this render's context. */
  renderInline(wikitext: string): string;
  /** A warning shown in preview (MediaWiki's ParserOutput::addWarningMsg). */
  addWarning(messageKey: string, ...params: string[]): void;
  /**
   * Raw text of an interface message in the content language, on-wiki
   * `MediaWiki:` overrides included (MessageCache); undefined if no such message.
   */
  message(key: string): string | undefined;
  /** A page status indicator (`<indicator name="…">`), shown by the skin near the title. */
  setIndicator(name: string, html: string): void;
}

export interface ExtensionTagInput {
  /** Lower-case tag name. */
  readonly name: string;
  /** Attribute values as written (decoded); a bare attribute has the value ''. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Raw text between the tags; null for a self-closed tag. */
  readonly content: string | null;
  /** The content rendered as wikitext inline (valid for tags whose body is wikitext, such as <ref>). */
  renderContent(): string;
}

/** Returns HTML. */
export type TagHook = (input: ExtensionTagInput, frame: RenderFrame) => string;

/**
 * Returns wikitext that is parsed in place (as a PHP parser-function hook
 * returning a string without noparse). `args` are the arguments after the
 * colon, already expanded, not trimmed (ParserFunctions trims them itself).
 */
export type ParserFunctionHook = (args: string[], frame: RenderFrame) => string;

/** Runs on the finished body HTML of each render (MediaWiki's ParserAfterParse / OutputPageBeforeHTML family). */
export type OutputTransform = (html: string, frame: RenderFrame) => string;

export interface ParserFunctionOptions {
  /**
   * Called without '#' (like `{{lc:…}}`, MediaWiki's SFH_NO_HASH).
   * By default a function is called as `{{#name:…}}`.
   */
  noHash?: boolean;
  /** Extra names for the same function (magic word synonyms). */
  aliases?: string[];
}

/** What ParserFirstCallInit handlers receive. */
export interface ParserHookRegistry {
  setHook(tag: string, hook: TagHook): void;
  setFunctionHook(name: string, hook: ParserFunctionHook, options?: ParserFunctionOptions): void;
  addOutputTransform(transform: OutputTransform): void;
}
