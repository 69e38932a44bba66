/**
 * The one place that touches wikiparser-node's module-global state (its site
 * config, template map, clock and hooks). The library forces globals on us;
 * wrapping them here keeps the rest of the engine free of them. Rendering is
 * synchronous, so swapping the template map per render is safe: no other
 * render can interleave.
 */
import { getHeapStatistics } from 'node:v8';
import Parser from 'wikiparser-node';
import type { Config, ConfigData } from 'wikiparser-node';
import enwiki from 'wikiparser-node/config/enwiki.json';
import type { NamespaceInfo } from '../title/NamespaceInfo';
import { memoizeLibraryRequires } from './LibraryRequireMemo';
import { installPlainTitleFastPath } from './PlainTitleFastPath';

Parser.warning = false;
// Read-only fast path: the engine never edits a parsed page through the library (measured ~45 % faster).
Parser.viewOnly = true;
installPlainTitleFastPath(Parser);

export { Parser };
export type WikiparserConfig = ConfigData;
export type ProcessedConfig = Config;

export interface SiteParserConfig {
  namespaceInfo: NamespaceInfo;
  articlePath: string;
  server: string;
  siteName: string;
  scriptPath: string;
  extraTags?: readonly string[];
}

/** Builds wikiparser-node's site config from our namespaces (English aliases only). */
export function buildParserConfig(site: SiteParserConfig): WikiparserConfig {
  const base = structuredClone(enwiki) as unknown as { -readonly [K in keyof WikiparserConfig]: WikiparserConfig[K] };
  const namespaces: Record<string, string> = {};
  const nsid: Record<string, number> = {};
  for (const ns of site.namespaceInfo.getAllNamespaces()) {
    const name = site.namespaceInfo.getNamespaceName(ns) ?? '';
    namespaces[String(ns)] = name;
    nsid[name.toLowerCase()] = ns;
  }
  // MediaWiki's fixed aliases.
  nsid.project = 4;
  nsid['project talk'] = 5;
  nsid.image = 6;
  nsid['image talk'] = 7;
  base.namespaces = namespaces;
  base.nsid = nsid;
  base.articlePath = site.articlePath;
  // MediaWiki's Parser treats "#REDIRECT [[X]]" as ordinary wikitext (a
  // numbered list item); the redirect itself is handled by the page view.
  // The library wants at least one redirect word: one no wikitext can contain.
  (base as unknown as { redirection: string[] }).redirection = ['#\u0001no-redirect'];
  (base as unknown as { server: string }).server = site.server;
  for (const tag of site.extraTags ?? []) if (!base.ext.includes(tag)) base.ext.push(tag);
  return base as WikiparserConfig;
}

/**
 * wikiparser-node guards its brace parser against runaway memory by calling
 * `process.memoryUsage()` on every token it matches; that call reads the
 * process's RSS from the OS and was ~10 % of render time. While a render
 * runs, the library gets a cheap stand-in that reads V8's heap size every
 * 256 calls (the guard still trips, a few hundred tokens later at most;
 * the stand-in's rss and arrayBuffers are 0).
 */
export function withCheapMemoryProbe<T>(run: () => T): T {
  const original = process.memoryUsage;
  let calls = 0;
  // Made from V8's heap statistics only: the full process.memoryUsage() asks
  // the OS for the RSS, which cost milliseconds a render. The library reads
  // heapUsed alone; the RSS stays available through memoryUsage.rss().
  let last: NodeJS.MemoryUsage | null = null;
  const probe = Object.assign(
    () => {
      if ((calls++ & 255) === 0) {
        const heap = getHeapStatistics();
        last = { rss: 0, heapTotal: heap.total_heap_size, heapUsed: heap.used_heap_size, external: heap.external_memory, arrayBuffers: 0 };
      }
      return last!;
    },
    { rss: original.rss },
  ) as typeof process.memoryUsage;
  process.memoryUsage = probe;
  try {
    return run();
  } finally {
    process.memoryUsage = original;
  }
}

/**
 * The library keeps tag and function hooks in process-wide maps. Each render
 * installs its own wiki's hooks; clearing first keeps a hook of one wiki
 * (e.g. Cite's <ref>) from leaking into another wiki's render in the same
 * process.
 */
export function clearLibraryHooks(): void {
  const constants = libraryInternals().constants;
  constants.tagHooks.clear();
  constants.functionHooks.clear();
}

interface LibraryInternals {
  expandToken(root: unknown): { parse(maxStage: undefined, include: boolean, tidy: boolean): unknown };
  toHtml(expanded: unknown): string;
  run<T>(callback: () => T): T;
  constants: { tagHooks: Map<string, unknown>; functionHooks: Map<string, unknown> };
}

let internals: LibraryInternals | null = null;

function libraryInternals(): LibraryInternals {
  if (!internals) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { expandToken } = require('wikiparser-node/dist/render/expand');
    const { toHtml } = require('wikiparser-node/dist/render/html');
    const { Shadow } = require('wikiparser-node/dist/util/debug');
    const constants = require('wikiparser-node/dist/util/constants');
    /* eslint-enable @typescript-eslint/no-require-imports */
    internals = { expandToken, toHtml, run: (callback) => Shadow.run(callback), constants };
  }
  return internals;
}

/**
 * What `Parser.parse(text).toHtml()` does, minus its first parse: the
 * library's toHtml() only reads the root's text, page name and config, then
 * expands and parses that text again itself. Handing it a stand-in root
 * saves a full parse per render (about a third of the library's time).
 * `onExpanded` sees the expanded tree before HTML is made (the library's
 * 'expand' event).
 */
export function renderWikitextToHtml(text: string, page: string, config: ProcessedConfig, onExpanded: (tree: unknown) => void): string {
  const lib = libraryInternals();
  memoizeLibraryRequires();
  // Parser.parse() first removes NUL, DEL and line-final CR (the library's tidy); so must we.
  const tidied = text.replace(/[\0\x7F]|\r$/gm, '');
  const standInRoot = { pageName: page, toString: () => tidied, getAttribute: (key: string) => (key === 'config' ? config : key === 'include' ? false : undefined) };
  const library = Parser as unknown as { viewOnly: boolean; internal: boolean };
  const { viewOnly, internal } = library;
  library.internal = true;
  library.viewOnly = true;
  try {
    const expanded = lib.run(() => lib.expandToken(standInRoot).parse(undefined, false, true));
    onExpanded(expanded);
    library.viewOnly = false;
    return lib.toHtml(expanded);
  } finally {
    library.viewOnly = viewOnly;
    library.internal = internal;
  }
}
