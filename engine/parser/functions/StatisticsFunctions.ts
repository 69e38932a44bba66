/**
 * Site and category counters: NUMBEROFPAGES, NUMBEROFARTICLES,
 * NUMBEROFFILES, NUMBEROFEDITS, NUMBEROFUSERS, NUMBEROFACTIVEUSERS,
 * NUMBEROFADMINS, NUMBERINGROUP and PAGESINCATEGORY (CoreParserFunctions).
 * Each is formatted for the language unless given the raw flag "R"
 * ({{NUMBEROFPAGES:R}}), which MediaWiki matches case-sensitively.
 */
import type { ParserHookRegistry } from '../ParserHooks';
import { NS_CATEGORY } from '../../title/NamespaceInfo';
import type { CoreFunctionDeps, SiteStatistics } from './CoreFunctionDeps';
import { targetLanguage } from './LanguageFunctions';
import { formatNum, nanText } from './NumberFormatting';
import { phpTrim } from './WikitextEscaping';

/** The 'rawsuffix' magic word: exactly "R" after trimming. */
export function isRawFlag(arg: string | undefined): boolean {
  return arg !== undefined && phpTrim(arg) === 'R';
}

/** CoreParserFunctions::formatRaw(). */
export function formatRaw(num: number, raw: string | undefined, language: string, deps: CoreFunctionDeps): string {
  return isRawFlag(raw) ? String(num) : formatNum(String(num), language, nanText(deps, language));
}

const COUNTERS: Readonly<Record<string, keyof SiteStatistics>> = {
  numberofpages: 'pages',
  numberofarticles: 'articles',
  numberoffiles: 'files',
  numberofedits: 'edits',
  numberofusers: 'users',
  numberofactiveusers: 'activeUsers',
  numberofadmins: 'admins',
};

/** pagesincategory_* magic words (case-insensitive). */
const CATEGORY_COUNT_TYPES = new Set(['all', 'pages', 'subcats', 'files']);

function categoryCountType(arg: string | undefined): string | null {
  const type = phpTrim(arg ?? '').toLowerCase();
  return CATEGORY_COUNT_TYPES.has(type) ? type : null;
}

export function registerStatisticsFunctions(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  for (const [name, counter] of Object.entries(COUNTERS)) {
    registry.setFunctionHook(name, (args, frame) => formatRaw(deps.siteStatistics()[counter], args[0], targetLanguage(frame), deps), { noHash: true });
  }

  registry.setFunctionHook(
    'numberingroup',
    (args, frame) => formatRaw(deps.usersInGroup?.(phpTrim(args[0] ?? '').toLowerCase()) ?? 0, args[1], targetLanguage(frame), deps),
    { noHash: true },
  );

  registry.setFunctionHook(
    'pagesincategory',
    (args, frame) => {
      const [name = '', arg1, arg2] = args;
      // {{PAGESINCATEGORY:name|R|type}} or {{PAGESINCATEGORY:name|type|R}}.
      const rawFirst = isRawFlag(arg1);
      const raw = rawFirst ? arg1 : arg2;
      const type = categoryCountType(rawFirst ? arg2 : arg1) ?? 'all';
      const title = deps.titles.makeTitleSafe(NS_CATEGORY, phpTrim(name));
      if (!title) return formatRaw(0, raw, targetLanguage(frame), deps);
      const counts = deps.categoryCounts(title, frame);
      let count = 0;
      if (counts) {
        if (type === 'all') count = counts.members;
        else if (type === 'subcats') count = counts.subcats;
        else if (type === 'files') count = counts.files;
        // Category::getPageCount( COUNT_CONTENT_PAGES ): members that are neither subcategories nor files.
        else count = counts.members - counts.subcats - counts.files;
      }
      return formatRaw(count, raw, targetLanguage(frame), deps);
    },
    { noHash: true },
  );
}

/** Category names written literally in {{PAGESINCATEGORY:X}} calls, for prefetching their counts. */
export function guessCategoryTargets(text: string): string[] {
  const targets = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*PAGESINCAT(?:EGORY)?\s*:\s*([^|{}[\]<>\n]+?)\s*(?:\||\}\})/g)) targets.add(m[1]);
  return [...targets];
}
