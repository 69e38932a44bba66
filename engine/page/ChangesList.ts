/**
 * The change lines of Special:RecentChanges and Special:Watchlist
 * (MediaWiki's OldChangesList, which both use): lines grouped under a
 * heading per day,
 *   (diff | hist) . . N m Page; 22:36 . . (+12) . . User (talk | contribs) (summary)
 * and log entries as "(Move log); 22:36 . . <log action> (comment)", plus
 * the legend of the letters.
 */
import type { RequestContext } from '../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../html/Html';
import { formatSizeDelta, userLinks } from './ChangeListFormatting';
import { commentBlock, LogLine, logActionHtml, logLineTitles, logName } from '../specialpage/specials/SpecialLog';
import { pageLink, specialPageTitle } from '../specialpage/specials/SpecialPageHtml';
import { pageKeyOf } from '../storage/PageStore';
import { RC_LOG, RC_NEW } from '../storage/RecentChangeWriter';
import type { Title } from '../title/Title';
import { formatUserDate, formatUserTime } from '../util/Timestamp';

/** A recentchanges row joined with its actor. */
export interface ChangeRow {
  rc_id: number;
  rc_timestamp: string;
  rc_namespace: number;
  rc_title: string;
  rc_comment: string;
  rc_minor: boolean | number;
  rc_bot: boolean | number;
  rc_cur_id: number;
  rc_this_oldid: number;
  rc_last_oldid: number;
  rc_type: number;
  rc_old_len: number | null;
  rc_new_len: number | null;
  rc_log_type: string | null;
  rc_log_action: string | null;
  rc_params: string | null;
  actor_name: string;
  actor_user: number | null;
}

/** MediaWiki's " . . " between the parts of a line (a span that CSS can restyle). */
const SEPARATOR = html` <span class="mw-changeslist-separator">. .</span> `;

/** ChangesList::flag(): a one-letter marker with its explanation as tooltip. */
function flag(context: RequestContext, cls: string, letterKey: string, labelKey: string): SafeHtml {
  return html`<abbr class="${cls}" title="${context.msg(labelKey).text()}">${context.msg(letterKey).text()}</abbr>`;
}

/** ChangesList::makeLegend(): what the letters and numbers mean. */
export function changesListLegend(context: RequestContext): SafeHtml {
  const entry = (term: SafeHtml, key: string) => html`<dt>${term}</dt><dd>${rawHtml(context.msg(key).parse())}</dd>`;
  return html`<div class="mw-changeslist-legend"><div class="mw-changeslist-legend-heading">${rawHtml(context.msg('recentchanges-legend-heading').parse())}</div><dl>
${entry(flag(context, 'newpage', 'newpageletter', 'recentchanges-label-newpage'), 'recentchanges-legend-newpage')}
${entry(flag(context, 'minoredit', 'minoreditletter', 'recentchanges-label-minor'), 'recentchanges-label-minor')}
${entry(flag(context, 'botedit', 'boteditletter', 'recentchanges-label-bot'), 'recentchanges-label-bot')}
${entry(html`<span class="mw-plusminus-pos">${rawHtml(context.msg('recentchanges-legend-plusminus').parse())}</span>`, 'recentchanges-label-plusminus')}
</dl></div>`;
}

/** The whole list: a heading per day, then the day's lines. */
export async function changesList(context: RequestContext, rows: readonly ChangeRow[], extraLineClass = ''): Promise<SafeHtml> {
  const titles = context.services.titleFactory;
  const logLines = new Map<number, LogLine>();
  const linked: Title[] = [];
  for (const row of rows) {
    if (row.rc_type === RC_LOG) logLines.set(row.rc_id, toLogLine(row));
    else linked.push(titles.makeTitle(row.rc_namespace, row.rc_title));
  }
  linked.push(...logLineTitles(context, [...logLines.values()]));
  const existing = await context.services.pageStore.existingTitles(linked);

  const out: SafeHtml[] = [];
  let currentDay = '';
  let items: SafeHtml[] = [];
  const flush = () => {
    if (items.length > 0) out.push(html`<h4>${currentDay}</h4>\n<ul class="special">${items}</ul>\n`);
    items = [];
  };
  rows.forEach((row, index) => {
    const day = formatUserDate(row.rc_timestamp, context.language);
    if (day !== currentDay) {
      flush();
      currentDay = day;
    }
    const logLine = logLines.get(row.rc_id);
    items.push(logLine ? logLineHtml(context, row, logLine, existing, index, extraLineClass) : editLine(context, row, existing, index, extraLineClass));
  });
  flush();
  return html`<div class="mw-changeslist">${out}</div>`;
}

function lineClasses(row: ChangeRow, index: number, kind: string, extra: string): string {
  const classes = [index % 2 === 0 ? 'mw-line-even' : 'mw-line-odd', 'mw-changeslist-line', `mw-changeslist-${kind}`, `mw-changeslist-ns${row.rc_namespace}-${escapeClass(row.rc_title)}`];
  if (row.rc_minor) classes.push('mw-changeslist-minor');
  if (row.rc_bot) classes.push('mw-changeslist-bot');
  if (extra) classes.push(extra);
  return classes.join(' ');
}

/** OldChangesList::recentChangesLine() for an edit or a page creation. */
function editLine(context: RequestContext, row: ChangeRow, existing: ReadonlySet<string>, index: number, extra: string): SafeHtml {
  const title = context.services.titleFactory.makeTitle(row.rc_namespace, row.rc_title);
  const isNew = row.rc_type === RC_NEW;
  const diffText = context.msg('diff').text();
  // A creation has nothing to compare with, so "diff" is not a link.
  const diff = isNew
    ? html`<span>${diffText}</span>`
    : html`<span><a href="${title.getLocalURL({ curid: row.rc_cur_id, diff: row.rc_this_oldid, oldid: row.rc_last_oldid })}" class="mw-changeslist-diff" title="${title.getPrefixedText()}">${diffText}</a></span>`;
  const hist = html`<span><a href="${title.getLocalURL({ curid: row.rc_cur_id, action: 'history' })}" class="mw-changeslist-history" title="${title.getPrefixedText()}">${context.msg('hist').text()}</a></span>`;
  const flags = [
    isNew ? flag(context, 'newpage', 'newpageletter', 'recentchanges-label-newpage') : null,
    row.rc_minor ? flag(context, 'minoredit', 'minoreditletter', 'recentchanges-label-minor') : null,
    row.rc_bot ? flag(context, 'botedit', 'boteditletter', 'recentchanges-label-bot') : null,
  ].filter((f): f is SafeHtml => f !== null);
  const delta = (row.rc_new_len ?? 0) - (row.rc_old_len ?? 0);
  const time = formatUserTime(row.rc_timestamp, context.language);
  return html`<li class="${lineClasses(row, index, isNew ? 'src-mw-new' : 'src-mw-edit', extra)}" data-mw-revid="${row.rc_this_oldid}" data-mw-ts="${row.rc_timestamp}"><span class="mw-changeslist-links">(${diff} | ${hist})</span>${SEPARATOR}${flags.length > 0 ? html`${joinSpaces(flags)} ` : ''}<span class="mw-title">${pageLink(context, title, existing.has(pageKeyOf(title)), undefined, 'mw-changeslist-title')}</span>; <span class="mw-changeslist-date">${time}</span>${SEPARATOR}${formatSizeDelta(context, delta)}${SEPARATOR}${userLinks(context, row.actor_name, row.actor_user ?? 0)}${commentBlock(context, row.rc_comment, title)}</li>\n`;
}

/** OldChangesList for a log entry: the log's name links to that log, then the log line. */
function logLineHtml(context: RequestContext, row: ChangeRow, line: LogLine, existing: ReadonlySet<string>, index: number, extra: string): SafeHtml {
  const logPage = specialPageTitle(context, 'Log', line.type);
  const title = context.services.titleFactory.makeTitle(row.rc_namespace, row.rc_title);
  const time = formatUserTime(row.rc_timestamp, context.language);
  return html`<li class="${lineClasses(row, index, `log mw-changeslist-log-${line.type}`, extra)}" data-mw-logaction="${line.type}/${line.action}" data-mw-ts="${row.rc_timestamp}">(<a href="${logPage.getLocalURL()}" title="${logPage.getPrefixedText()}">${logName(context, line.type)}</a>); <span class="mw-changeslist-date">${time}</span>${SEPARATOR}${logActionHtml(context, line, existing)}${commentBlock(context, row.rc_comment, title)}</li>\n`;
}

/** Sanitizer::escapeClass(): a title made usable as a class name. */
function escapeClass(text: string): string {
  const unsafe = '!"#$%&\'()*+,./:;<=>?@[\\]^`{|}~\u00A0';
  return [...text].map((ch, i) => (ch.charCodeAt(0) <= 0x20 || unsafe.includes(ch) || (i === 0 && /[0-9-]/.test(ch)) ? '_' : ch)).join('');
}

function joinSpaces(items: readonly SafeHtml[]): SafeHtml {
  return html`${items.map((item, i) => (i === 0 ? item : html` ${item}`))}`;
}

function toLogLine(row: ChangeRow): LogLine {
  let params: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.rc_params || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Record<string, unknown>;
  } catch {
    // A row written by something else: show it without parameters rather than fail the page.
  }
  return {
    type: row.rc_log_type ?? '',
    action: row.rc_log_action ?? '',
    actorName: row.actor_name,
    actorUserId: row.actor_user ?? 0,
    namespace: row.rc_namespace,
    dbKey: row.rc_title,
    params,
  };
}
