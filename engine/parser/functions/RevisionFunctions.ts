/**
 * REVISIONID, REVISIONTIMESTAMP (and its DAY/DAY2/MONTH/MONTH1/YEAR parts),
 * REVISIONUSER, REVISIONSIZE, PAGESIZE and PAGEID (CoreParserFunctions).
 *
 * For the page being rendered MediaWiki answers from the revision being
 * parsed — or, before the page is saved, from the clock (the speculative
 * timestamp the saved revision will have). For any other page it uses that
 * page's latest revision, and an interwiki title has none.
 */
import type { ParserHookRegistry, RenderFrame } from '../ParserHooks';
import type { Title } from '../../title/Title';
import type { CoreFunctionDeps, RevisionFacts } from './CoreFunctionDeps';
import { dateParts, mwTimestamp } from './DateTimeVariables';
import { targetLanguage } from './LanguageFunctions';
import { formatRaw } from './StatisticsFunctions';
import { titleArgument } from './PageNameFunctions';
import { phpTrim } from './WikitextEscaping';

/** An interwiki title ("wikipedia:Foo") names no page here (Title::isExternal). */
function isExternal(args: readonly string[], deps: CoreFunctionDeps): boolean {
  return args.length > 0 && deps.interwiki?.parsePrefixed(phpTrim(args[0])) != null;
}

/**
 * CoreParserFunctions::getCachedRevisionObject(): the latest revision of
 * `title`; for the page being rendered, the revision being parsed when there
 * is one (in a preview, EditPage makes the previewed text the page's current
 * revision).
 */
function revisionOf(title: Title, frame: RenderFrame, deps: CoreFunctionDeps): RevisionFacts | null {
  return (title.isSameAs(frame.title) ? deps.currentRevision(frame) : null) ?? deps.latestRevision(title, frame);
}

/**
 * getRevisionTimestampSubstring(): part of the TS_MW timestamp in local time.
 * For the page itself: the revision being parsed, else the render time.
 */
function timestampPart(args: readonly string[], frame: RenderFrame, deps: CoreFunctionDeps, start: number, length: number): string {
  const title = titleArgument(args, frame, deps);
  if (!title || isExternal(args, deps)) return '';
  let timestamp: Date;
  if (title.isSameAs(frame.title)) {
    timestamp = deps.currentRevision(frame)?.timestamp ?? frame.now;
  } else {
    const revision = deps.latestRevision(title, frame);
    if (!revision) return '';
    timestamp = revision.timestamp;
  }
  return mwTimestamp(dateParts(timestamp, deps.localTimezone ?? 'UTC')).slice(start, start + length);
}

/** (int) of a timestamp part, as strval( (int)… ) drops the leading zero; '' stays ''. */
function unpadded(part: string): string {
  return part === '' ? '' : String(Number(part));
}

export function registerRevisionFunctions(registry: ParserHookRegistry, deps: CoreFunctionDeps): void {
  const noHash = { noHash: true };

  registry.setFunctionHook(
    'revisionid',
    (args, frame) => {
      const title = titleArgument(args, frame, deps);
      if (!title || isExternal(args, deps)) return '';
      // The bare word is the id of the revision being rendered ('' in a preview of a new text).
      if (args.length === 0) return frame.revisionId !== null ? String(frame.revisionId) : (deps.currentRevision(frame)?.id ?? '').toString();
      return revisionOf(title, frame, deps)?.id?.toString() ?? '';
    },
    noHash,
  );
  registry.setFunctionHook('revisiontimestamp', (args, frame) => timestampPart(args, frame, deps, 0, 14), noHash);
  registry.setFunctionHook('revisionyear', (args, frame) => timestampPart(args, frame, deps, 0, 4), noHash);
  registry.setFunctionHook('revisionmonth', (args, frame) => timestampPart(args, frame, deps, 4, 2), noHash);
  registry.setFunctionHook('revisionmonth1', (args, frame) => unpadded(timestampPart(args, frame, deps, 4, 2)), noHash);
  registry.setFunctionHook('revisionday', (args, frame) => unpadded(timestampPart(args, frame, deps, 6, 2)), noHash);
  registry.setFunctionHook('revisionday2', (args, frame) => timestampPart(args, frame, deps, 6, 2), noHash);
  registry.setFunctionHook(
    'revisionuser',
    (args, frame) => {
      const title = titleArgument(args, frame, deps);
      if (!title || isExternal(args, deps)) return '';
      // Parser::getRevisionUser() for the page itself (the editing user in a preview).
      if (title.isSameAs(frame.title)) return deps.currentRevision(frame)?.user ?? '';
      return deps.latestRevision(title, frame)?.user ?? '';
    },
    noHash,
  );
  // Parser::getRevisionSize(): a variable only; '' without a revision.
  registry.setFunctionHook('revisionsize', (_args, frame) => deps.currentRevision(frame)?.size.toString() ?? '', noHash);
  registry.setFunctionHook(
    'pagesize',
    (args, frame) => {
      const [page = '', raw] = args;
      const title = deps.titles.newFromText(phpTrim(page));
      if (!title || isExternal([page], deps)) return formatRaw(0, raw, targetLanguage(frame), deps);
      return formatRaw(revisionOf(title, frame, deps)?.size ?? 0, raw, targetLanguage(frame), deps);
    },
    noHash,
  );
  registry.setFunctionHook(
    'pageid',
    (args, frame) => {
      const title = titleArgument(args, frame, deps);
      if (!title) return '';
      // Special pages and interwiki titles have no page id.
      if (!title.canExist() || isExternal(args, deps)) return '0';
      return String(revisionOf(title, frame, deps)?.pageId ?? 0);
    },
    noHash,
  );
}

/**
 * Titles named literally in REVISION*:X, PAGESIZE:X and PAGEID:X calls, for
 * prefetching their latest revisions before a render (computed names are
 * found by the renderer's later rounds).
 */
export function guessRevisionTargets(text: string): string[] {
  const targets = new Set<string>();
  const re = /\{\{\s*(?:REVISION(?:ID|TIMESTAMP|USER|DAY2?|MONTH1?|YEAR)|PAGESIZE|PAGEID)\s*:\s*([^|{}[\]<>\n]+?)\s*(?:\||\}\})/g;
  for (const m of text.matchAll(re)) targets.add(m[1]);
  return [...targets];
}
