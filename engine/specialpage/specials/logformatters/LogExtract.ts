/**
 * LogEventsList::showLogExtract(): the newest entries of one log for one
 * target page, in Special:Log's line format, with "View full log" when there
 * are more (used under Special:UserRights and the protection form).
 */
import type { RequestContext } from '../../../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../../../html/Html';
import type { Title } from '../../../title/Title';
import { formatUserTimestamp } from '../../../util/Timestamp';
import { commentBlock, LogLine, logActionHtml, logLineTitles } from '../SpecialLog';
import { specialPageTitle } from '../SpecialPageHtml';
import { typedLogActionHtml, typedLogActionLinks } from './LogFormatters';

/** LogEventsList's default number of lines in an extract. */
export const LOG_EXTRACT_LIMIT = 25;

/**
 * `type` may name several logs (the deletion, protection and move logs of a
 * deleted page). With `showIfEmpty` false an empty extract is nothing at all
 * rather than "No matching items in log".
 */
export async function logExtract(context: RequestContext, type: string | readonly string[], target: Title, limit = LOG_EXTRACT_LIMIT, showIfEmpty = true): Promise<SafeHtml> {
  const { services } = context;
  const types = typeof type === 'string' ? { type } : { types: type };
  const rows = await services.logStore.query({ ...types, page: { namespace: target.getNamespace(), dbKey: target.getDBkey() }, limit: limit + 1 });
  const entries = rows.slice(0, limit);
  if (entries.length === 0) return showIfEmpty ? html`<div class="mw-warning-box mw-logempty">${rawHtml(context.msg('logempty').parse())}</div>` : html``;
  const actorIds = [...new Set(entries.map((e) => e.actorId))];
  const actorRows: Array<{ actor_id: number; actor_user: number | null }> = await services.db('actor').whereIn('actor_id', actorIds).select('actor_id', 'actor_user');
  const userIds = new Map(actorRows.map((r) => [Number(r.actor_id), Number(r.actor_user ?? 0)]));
  const lines = entries.map((entry) => ({ ...entry, actorUserId: userIds.get(entry.actorId) ?? 0 }));
  const existing = await services.pageStore.existingTitles(logLineTitles(context, lines as LogLine[]));
  const logPage = specialPageTitle(context, 'Log');
  const items = lines.map((line) => {
    const when = formatUserTimestamp(line.timestamp, context.language);
    const title = services.titleFactory.makeTitle(line.namespace, line.dbKey);
    const action = typedLogActionHtml(context, line, existing) ?? logActionHtml(context, line, existing);
    return html`<li data-mw-logid="${line.id}" data-mw-logaction="${line.type}/${line.action}" class="mw-logline-${line.type}"><a href="${logPage.getLocalURL({ logid: line.id })}" class="mw-changeslist-date">${when}</a> ${action}${commentBlock(context, line.comment, title)}${typedLogActionLinks(context, line, existing)}</li>\n`;
  });
  const more =
    rows.length > limit
      ? html`<p class="mw-logevent-fulllog">${html`<a href="${logPage.getLocalURL({ type: typeof type === 'string' ? type : undefined, page: target.getPrefixedText() })}" title="${logPage.getPrefixedText()}">${context.msg('log-fulllog').text()}</a>`}</p>`
      : '';
  return html`<ul class="mw-logevent-loglines">${items}</ul>${more}`;
}
