/**
 * MediaWiki's core parser functions and magic variables
 * (CoreParserFunctions and CoreMagicVariables) on top of wikiparser-node.
 *
 * The library has its own versions of most of these, but they differ from
 * MediaWiki in ways pages notice: dates and month names in the server's
 * locale, the library's own title rules instead of ours (subpages,
 * namespaces), no wfEscapeWikiText() on some page names, statistics and
 * REVISION* that are always 0 or empty, empty {{fullurl:}}, {{localurl:}}
 * with "?query" instead of index.php, {{formatnum:}} and {{#formatdate:}}
 * missing, English-only {{PLURAL:}}. So every function below replaces the
 * library's, except where the library already behaves like MediaWiki:
 * {{int:}} (it expands the message as MediaWiki does with noparse=false),
 * {{#tag:}}, {{!}} and {{=}}. SITENAME, SERVER, SERVERNAME and SCRIPTPATH
 * are registered by the renderer itself.
 *
 * Variables without arguments ({{PAGENAME}}) and their function forms
 * ({{PAGENAME:Other page}}) reach the same hook; `args` is empty for the
 * former and holds the (untrimmed) arguments for the latter.
 */
import type { ParserHookRegistry } from '../ParserHooks';
import type { CoreFunctionDeps } from './CoreFunctionDeps';
import { registerDateTimeVariables } from './DateTimeVariables';
import { registerFormatDate } from './FormatDate';
import { registerLanguageFunctions } from './LanguageFunctions';
import { registerPageNameFunctions } from './PageNameFunctions';
import { registerPagePropertyFunctions } from './PagePropertyFunctions';
import { guessRevisionTargets, registerRevisionFunctions } from './RevisionFunctions';
import { guessCategoryTargets, registerStatisticsFunctions } from './StatisticsFunctions';
import { registerTextFunctions } from './TextFunctions';
import { registerUrlFunctions } from './UrlFunctions';

export type { CategoryCounts, CoreFunctionDeps, RevisionFacts, SiteStatistics } from './CoreFunctionDeps';

export function registerCoreParserFunctions(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  registerPageNameFunctions(registry, deps);
  registerDateTimeVariables(registry, deps);
  registerRevisionFunctions(registry, deps);
  registerStatisticsFunctions(registry, deps);
  registerTextFunctions(registry, deps);
  registerUrlFunctions(registry, deps);
  registerLanguageFunctions(registry, deps);
  registerFormatDate(registry, deps);
  registerPagePropertyFunctions(registry, deps);
  // $wgStylePath defaults to "$wgScriptPath/skins".
  const stylePath = deps.stylePath ?? `${deps.titles.urlConfig.scriptPath}/skins`;
  registry.setFunctionHook('stylepath', () => stylePath, { noHash: true });
}

/**
 * Pages whose facts a text asks for by name — latest revisions for
 * REVISION*:X, PAGESIZE:X, PAGEID:X and category counts for
 * PAGESINCATEGORY:X — so a renderer can prefetch them before rendering
 * (CoreFunctionDeps lookups are synchronous). Names are as written, not yet
 * normalised.
 */
export function guessPageFactTargets(text: string): { revisions: string[]; categories: string[] } {
  return { revisions: guessRevisionTargets(text), categories: guessCategoryTargets(text) };
}
