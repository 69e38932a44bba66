/**
 * wikiparser-node loads its parser stages lazily: `require('../parser/quotes')`
 * and the like run inside its methods, thousands of times per render. Each
 * call resolves the path again, and under tsx (`npm start`, `npm run bench`)
 * resolution goes through the loader hooks: it was ~15 % of a render.
 *
 * This gives each of the library's CommonJS modules its own `require` that
 * remembers what a request resolved to. A module's `require` function calls
 * `module.require(request)`, so an own property on the module object is
 * enough and nothing outside the library is touched. Memoising is safe because
 * the library's modules fill in their `exports` object in place; the one that
 * replaces `module.exports` (its index) has finished loading before the first
 * render calls `memoizeLibraryRequires()`.
 *
 * Under jest, whose module registry holds its own (frozen) module objects,
 * nothing changes.
 */
import { Module } from 'node:module';
import path from 'node:path';

type RequireFunction = (request: string) => unknown;

const MEMOIZED = Symbol('memoizedRequire');

let libraryRoot: string | null = null;
let modulesSeen = -1;

function libraryDirectory(): string | null {
  if (libraryRoot === null) {
    try {
      libraryRoot = path.dirname(require.resolve('wikiparser-node/package.json')) + path.sep;
    } catch {
      libraryRoot = '';
    }
  }
  return libraryRoot || null;
}

/** Gives every loaded library module not yet seen a memoising `require`. */
export function memoizeLibraryRequires(): void {
  const cache = require.cache as Record<string, NodeJS.Module | undefined> | undefined;
  if (!cache) return;
  const root = libraryDirectory();
  if (!root) return;
  const keys = Object.keys(cache);
  // Modules are only ever added while the library loads a stage for the first time.
  if (keys.length === modulesSeen) return;
  let stillLoading = false;
  for (const key of keys) {
    const mod = cache[key] as (NodeJS.Module & { [MEMOIZED]?: true }) | undefined;
    if (!mod || mod[MEMOIZED] || !key.startsWith(root) || !(mod instanceof Module)) continue;
    // A module part-way through loading (a require cycle) is left for a later call.
    if (!mod.loaded) {
      stillLoading = true;
      continue;
    }
    mod[MEMOIZED] = true;
    const original = mod.require.bind(mod) as RequireFunction;
    const resolved = new Map<string, unknown>();
    (mod as unknown as { require: RequireFunction }).require = (request: string) => {
      // A module's exports are never undefined: one lookup tells a hit.
      const known = resolved.get(request);
      if (known !== undefined) return known;
      const exported = original(request);
      resolved.set(request, exported);
      // The request may have loaded library modules of its own.
      memoizeLibraryRequires();
      return exported;
    };
  }
  modulesSeen = stillLoading ? -1 : keys.length;
}
