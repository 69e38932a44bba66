/**
 * Log types whose lines need more than the generic "$4… from the entry's
 * parameters" (MediaWiki's $wgLogActionsHandlers: RightsLogFormatter,
 * ProtectLogFormatter). Special:Log and the recent-changes log lines ask
 * here first:
 *
 *   const typed = typedLogActionHtml(context, line, existing);
 *   if (typed) return typed;
 *
 * and may append `typedLogActionLinks` after the comment, as
 * LogEventsList::logLine does with LogFormatter::getActionLinks.
 */
import type { RequestContext } from '../../../context/RequestContext';
import { html, SafeHtml } from '../../../html/Html';
import type { LogLine } from '../SpecialLog';
import { protectLogActionHtml, protectLogActionLinks } from './ProtectLogFormatter';
import { rightsLogActionHtml } from './RightsLogFormatter';

type ActionFormatter = (context: RequestContext, line: LogLine, existing: ReadonlySet<string>) => SafeHtml;

const FORMATTERS: ReadonlyMap<string, ActionFormatter> = new Map<string, ActionFormatter>([
  ['rights', rightsLogActionHtml],
  ['protect', protectLogActionHtml],
]);

/** The action text of a line of a type with its own formatter; null for the others. */
export function typedLogActionHtml(context: RequestContext, line: LogLine, existing: ReadonlySet<string>): SafeHtml | null {
  const formatter = FORMATTERS.get(line.type);
  return formatter ? formatter(context, line, existing) : null;
}

/** LogFormatter::getActionLinks() for the types that have some (with a leading space), else empty. */
export function typedLogActionLinks(context: RequestContext, line: LogLine & { timestamp?: string }, existing: ReadonlySet<string>): SafeHtml {
  if (line.type !== 'protect') return html``;
  const links = protectLogActionLinks(context, line, existing);
  return links.value === '' ? links : html` ${links}`;
}
