/**
 * Log types whose lines need more than the generic "$4… from the entry's
 * parameters" (MediaWiki's $wgLogActionsHandlers: RightsLogFormatter,
 * ProtectLogFormatter, DeleteLogFormatter, MoveLogFormatter). Special:Log and the recent-changes log lines ask
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
import { deleteLogActionHtml, deleteLogActionLinks } from './DeleteLogFormatter';
import { moveLogActionHtml, moveLogActionLinks } from './MoveLogFormatter';

type ActionFormatter = (context: RequestContext, line: LogLine, existing: ReadonlySet<string>) => SafeHtml;

const FORMATTERS: ReadonlyMap<string, ActionFormatter> = new Map<string, ActionFormatter>([
  ['rights', rightsLogActionHtml],
  ['protect', protectLogActionHtml],
  ['delete', deleteLogActionHtml],
  ['move', moveLogActionHtml],
]);

/** The action text of a line of a type with its own formatter; null for the others. */
export function typedLogActionHtml(context: RequestContext, line: LogLine, existing: ReadonlySet<string>): SafeHtml | null {
  const formatter = FORMATTERS.get(line.type);
  return formatter ? formatter(context, line, existing) : null;
}

/** LogFormatter::getActionLinks() for the types that have some (with a leading space), else empty. */
export function typedLogActionLinks(context: RequestContext, line: LogLine & { timestamp?: string }, existing: ReadonlySet<string>): SafeHtml {
  let links: SafeHtml;
  if (line.type === 'protect') links = protectLogActionLinks(context, line, existing);
  else if (line.type === 'delete') links = deleteLogActionLinks(context, line);
  else if (line.type === 'move') links = moveLogActionLinks(context, line, existing);
  else return html``;
  return links.value === '' ? links : html` ${links}`;
}
