/**
 * Highlighting on the server with Prism, where upstream runs Pygments:
 * token spans carry Prism's class names (`token keyword` …), so the
 * stylesheet is Prism's, not ext.pygments.
 *
 * prismjs is an optional dependency (it comes with wikiparser-node's
 * optional packages); without it every language counts as unknown and code
 * is shown unhighlighted, as upstream does when Pygments is unavailable.
 */

interface PrismApi {
  languages: Record<string, unknown>;
  highlight(text: string, grammar: unknown, language: string): string;
}

/** prismjs/components/index.js: loads languages with their dependencies. */
type LanguageLoader = ((languages: string[]) => void) & { silent: boolean };

interface ComponentsFile {
  languages: Record<string, { alias?: string | string[] } | string>;
}

interface PrismModules {
  prism: PrismApi;
  load: LanguageLoader;
  /** Lower-case Prism id or alias → Prism id. */
  ids: Map<string, string>;
}

/**
 * Pygments (and GeSHi) names that Prism knows under another id, for the
 * languages wikis use most; Prism's own ids and aliases need no entry.
 */
const PYGMENTS_NAMES: Readonly<Record<string, string>> = {
  'html4strict': 'markup',
  'html5': 'markup',
  'xhtml': 'markup',
  'c++': 'cpp',
  'c#': 'csharp',
  'py3': 'python',
  'python3': 'python',
  'console': 'shell-session',
  'zsh': 'bash',
  'bat': 'batch',
  'cmd': 'batch',
  'winbatch': 'batch',
  'wikitext': 'wiki',
  'mediawiki': 'wiki',
  'postgresql': 'sql',
  'mysql': 'sql',
  'plpgsql': 'sql',
  'tsql': 'sql',
  'make': 'makefile',
  'mf': 'makefile',
  'cfg': 'ini',
  'dosini': 'ini',
  'objective-c': 'objectivec',
  'obj-c': 'objectivec',
  'pl': 'perl',
  'golang': 'go',
  'rs': 'rust',
  'udiff': 'diff',
  'posh': 'powershell',
  'ps1': 'powershell',
  'pwsh': 'powershell',
  'apache': 'apacheconf',
};

let modules: PrismModules | null | undefined;

function loadModules(): PrismModules | null {
  if (modules !== undefined) return modules;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const prism = require('prismjs') as PrismApi;
    const load = require('prismjs/components/') as LanguageLoader;
    const components = require('prismjs/components.json') as ComponentsFile;
    /* eslint-enable @typescript-eslint/no-require-imports */
    load.silent = true;
    const ids = new Map<string, string>();
    for (const [id, info] of Object.entries(components.languages)) {
      if (id === 'meta' || typeof info === 'string') continue;
      ids.set(id.toLowerCase(), id);
      for (const alias of [info.alias ?? []].flat()) ids.set(alias.toLowerCase(), id);
    }
    modules = { prism, load, ids };
  } catch {
    modules = null;
  }
  return modules;
}

export interface Highlighter {
  /** The code as HTML: text escaped, tokens in spans. */
  highlight(code: string): string;
}

/**
 * A highlighter for a language name as written in lang="…" (any case), or
 * null when Prism has no such language.
 */
export function getHighlighter(lang: string): Highlighter | null {
  const loaded = loadModules();
  if (!loaded) return null;
  const { prism, load, ids } = loaded;
  const name = lang.toLowerCase();
  // Prism's core defines a few grammars (plain text, markup, JavaScript …) that the components file lists under other names.
  let id: string | undefined = isGrammar(prism.languages[name]) ? name : ids.get(name);
  if (id === undefined && Object.hasOwn(PYGMENTS_NAMES, name)) id = PYGMENTS_NAMES[name];
  if (id === undefined) return null;
  if (!isGrammar(prism.languages[id])) load([id]);
  const grammar = prism.languages[id];
  if (!isGrammar(grammar)) return null;
  const language = id;
  return { highlight: (code) => prism.highlight(code, grammar, language) };
}

/** Prism.languages also holds its helper functions (extend, insertBefore …). */
function isGrammar(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
