/**
 * parse5 for the engine's HTML passes (the tidy step, TOC lines).
 *
 * parse5 is an ES module. Under tsx (`npm start`, `npm run bench`) a
 * `require('parse5')` from our CommonJS-compiled files goes through tsx's
 * ESM-to-CommonJS transform, whose export getters make the parser about
 * three times slower than the same code loaded as a native ES module. So
 * the renderer awaits `loadParse5()` (a real dynamic `import()`) before its
 * first render and everything after that uses the native module. Where
 * nothing has awaited it — jest, whose CommonJS runtime turns `import()`
 * into `require()` anyway, or a caller outside a render — `parse5()` falls
 * back to `require`: same library, same results, only slower.
 */
import type * as Parse5Module from 'parse5';

export type Parse5 = typeof Parse5Module;

let loaded: Parse5 | null = null;
let loading: Promise<void> | null = null;

/** Resolves once parse5 is loaded natively (at most one import per process). */
export function loadParse5(): Promise<void> {
  loading ??= import('parse5').then(
    (module) => {
      loaded = module;
    },
    () => {
      // No native import here: parse5() keeps using require().
    },
  );
  return loading;
}

export function parse5(): Parse5 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('parse5') as Parse5;
  return loaded;
}
