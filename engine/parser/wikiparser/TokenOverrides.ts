/**
 * Replaces wikiparser-node's HTML for some token types with the engine's own
 * (internal links, media, external links, headings …). The library keeps its
 * renderers on class prototypes, which are process-wide; each patched method
 * asks the active render for a renderer and falls back to the library's own
 * when there is none (e.g. outside a render) or it declines (returns null).
 *
 * Deep imports into `wikiparser-node/dist` are not a stable API: this module
 * is the only place that knows those paths, and the parser tests catch a
 * library upgrade that moves them.
 */
import type { WikiToken } from './tokens';

export type TokenKind = 'link' | 'file' | 'ext-link' | 'free-ext-link' | 'magic-link' | 'heading' | 'double-underscore' | 'table';

/** Returns the HTML for the token, or null to let the library render it. */
export type TokenRenderer = (token: WikiToken, opt: object | undefined, original: () => string) => string | null;

export type TokenRenderers = Partial<Record<TokenKind, TokenRenderer>>;

interface Patch {
  module: string;
  exportName: string;
  /** Which token types of that class go to which renderer. */
  kinds: readonly TokenKind[];
}

const PATCHES: readonly Patch[] = [
  { module: 'wikiparser-node/dist/src/link/base', exportName: 'LinkBaseToken', kinds: ['link'] },
  { module: 'wikiparser-node/dist/src/link/file', exportName: 'FileToken', kinds: ['file'] },
  { module: 'wikiparser-node/dist/src/extLink', exportName: 'ExtLinkToken', kinds: ['ext-link'] },
  { module: 'wikiparser-node/dist/src/magicLink', exportName: 'MagicLinkToken', kinds: ['free-ext-link', 'magic-link'] },
  { module: 'wikiparser-node/dist/src/heading', exportName: 'HeadingToken', kinds: ['heading'] },
  { module: 'wikiparser-node/dist/src/nowiki/doubleUnderscore', exportName: 'DoubleUnderscoreToken', kinds: ['double-underscore'] },
  { module: 'wikiparser-node/dist/src/table/index', exportName: 'TableToken', kinds: ['table'] },
];

let active: TokenRenderers | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const patch of PATCHES) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cls = require(patch.module)[patch.exportName] as { prototype: { toHtmlInternal(opt?: object): string } };
    const original = cls.prototype.toHtmlInternal;
    cls.prototype.toHtmlInternal = function patchedToHtmlInternal(this: WikiToken, opt?: object): string {
      const kind = this.type as TokenKind;
      const renderer = active && patch.kinds.includes(kind) ? active[kind] : undefined;
      const fallback = () => original.call(this, opt);
      if (!renderer) return fallback();
      return renderer(this, opt, fallback) ?? fallback();
    };
  }
}

/** Runs a synchronous render with these token renderers active. */
export function withTokenRenderers<T>(renderers: TokenRenderers, render: () => T): T {
  install();
  const previous = active;
  active = renderers;
  try {
    return render();
  } finally {
    active = previous;
  }
}
