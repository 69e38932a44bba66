/**
 * Special:Log (MediaWiki's SpecialLog + LogEventsList + LogPager +
 * LogFormatter): log entries newest first, filtered by `type` (or the
 * subpage, Special:Log/move), performer (`user`) and target (`page`), `limit`
 * per page (default 50, at most 500) and `offset` (a log_id: entries older
 * than it) for paging.
 *
 * Each line reads "timestamp performer action target (comment)" from the
 * message `logentry-<type>-<action>` with MediaWiki's parameters: $1 the
 * performer's links, $2 the performer's name (for GENDER), $3 the target
 * page link, $4… from the entry's parameters ("4::target" style keys as
 * MediaWiki stores them). The same formatting is used for log lines on
 * Special:RecentChanges.
 */
import type { Knex } from 'knex';
import type { RequestContext } from '../../context/RequestContext';
import { attributes, html, rawHtml, SafeHtml } from '../../html/Html';
import type { MessageParam } from '../../i18n/MessageFormatter';
import { userLinks } from '../../page/ChangeListFormatting';
import { renderComment } from '../../page/CommentFormatter';
import type { LogEntryRecord } from '../../storage/LogStore';
import { NS_USER } from '../../title/NamespaceInfo';
import type { Title } from '../../title/Title';
import { formatUserTimestamp } from '../../util/Timestamp';
import { pageKeyOf } from '../../storage/PageStore';
import { formatNum } from '../../i18n/MessageFormatter';
import { SpecialPage } from '../SpecialPage';
import { typedLogActionHtml, typedLogActionLinks } from './logformatters/LogFormatters';
import { getFormStart, joinPipes, pageLink, specialPageTitle } from './SpecialPageHtml';

export const LOG_DEFAULT_LIMIT = 50;
export const LOG_MAX_LIMIT = 500;
/** The limits offered under the list ($wgRCLinkLimits-like, as the pager's limit links). */
const LIMIT_LINKS = [20, 50, 100, 250, 500];

/**
 * $wgLogNames: the message naming each core log type, which MediaWiki keys
 * inconsistently for historical reasons. Other types use `log-name-<type>`,
 * the key MediaWiki derives for types registered without one.
 */
const LOG_NAME_KEYS: Readonly<Record<string, string>> = {
  '': 'all-logs-page',
  block: 'blocklogpage',
  contentmodel: 'log-name-contentmodel',
  create: 'log-name-create',
  delete: 'dellogpage',
  import: 'importlogpage',
  merge: 'mergelog',
  move: 'movelogpage',
  newusers: 'newuserlogpage',
  protect: 'protectlogpage',
  rights: 'rightslog',
  upload: 'uploadlogpage',
};

/** $wgLogHeaders: the introduction shown above each log. */
const LOG_HEADER_KEYS: Readonly<Record<string, string>> = {
  '': 'alllogstext',
  block: 'blocklogtext',
  contentmodel: 'log-description-contentmodel',
  create: 'log-description-create',
  delete: 'dellogpagetext',
  import: 'importlogpagetext',
  merge: 'mergelogpagetext',
  move: 'movelogpagetext',
  newusers: 'newuserlogpagetext',
  protect: 'protectlogtext',
  rights: 'rightslogtext',
  upload: 'uploadlogpagetext',
};

/** A map entry for a key that may come from the request ("constructor" is not an entry). */
function ownValue(map: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** What the line formatter needs of a log entry (a logging row or its recentchanges copy). */
export interface LogLine {
  type: string;
  action: string;
  actorName: string;
  actorUserId: number;
  namespace: number;
  dbKey: string;
  params: Record<string, unknown>;
}

/** LogPage::getName(): the log's display name; the bare type when no message names it. */
export function logName(context: RequestContext, type: string): string {
  const msg = context.msg(ownValue(LOG_NAME_KEYS, type) ?? `log-name-${type}`);
  return msg.exists() ? msg.text() : type;
}

/** Parameter keys as MediaWiki stores them: "4::target" is message parameter $4. */
const PARAM_KEY = /^(\d+)::(.+)$/;

/** Parameters that name a page and are shown as a link (MoveLogFormatter's 4::target). */
const TITLE_PARAMS = new Set(['target', 'dest']);

function positionalParams(params: Record<string, unknown>): Map<number, { name: string; value: unknown }> {
  const out = new Map<number, { name: string; value: unknown }>();
  for (const [key, value] of Object.entries(params)) {
    const m = PARAM_KEY.exec(key);
    if (m && Number(m[1]) >= 4) out.set(Number(m[1]), { name: m[2], value });
  }
  // Entries written without MediaWiki's numbering: a move's target is $4.
  if (!out.has(4) && typeof params.target === 'string') out.set(4, { name: 'target', value: params.target });
  return out;
}

/** The titles a set of log lines links to, for one existence query. */
export function logLineTitles(context: RequestContext, lines: readonly LogLine[]): Title[] {
  const titles: Title[] = [];
  for (const line of lines) {
    titles.push(context.services.titleFactory.makeTitle(line.namespace, line.dbKey));
    for (const { name, value } of positionalParams(line.params).values()) {
      if (TITLE_PARAMS.has(name) && typeof value === 'string') {
        const target = context.services.titleFactory.newFromText(value);
        if (target) titles.push(target);
      }
    }
  }
  return titles;
}

/**
 * LogFormatter::getActionText(): "<performer> moved page <A> to <B>". The
 * message `logentry-<type>-<action>` (with MoveLogFormatter's
 * "-noredirect" variant) or, for an action nothing describes, a generic one.
 */
export function logActionHtml(context: RequestContext, line: LogLine, existing: ReadonlySet<string>): SafeHtml {
  // Types with their own formatter (rights, protect), as MediaWiki's $wgLogActionsHandlers.
  const typed = typedLogActionHtml(context, line, existing);
  if (typed) return typed;
  const titles = context.services.titleFactory;
  const target = titles.makeTitle(line.namespace, line.dbKey);
  const params: MessageParam[] = [
    { raw: userLinks(context, line.actorName, line.actorUserId).value },
    line.actorName,
    { raw: pageLink(context, target, existing.has(pageKeyOf(target))).value },
  ];
  const extra = positionalParams(line.params);
  const highest = Math.max(3, ...extra.keys());
  for (let n = 4; n <= highest; n++) {
    const param = extra.get(n);
    if (!param) {
      params.push('');
      continue;
    }
    const { name, value } = param;
    const linked = TITLE_PARAMS.has(name) && typeof value === 'string' ? titles.newFromText(value) : null;
    if (linked) params.push({ raw: pageLink(context, linked, existing.has(pageKeyOf(linked))).value });
    else params.push(typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value));
  }

  let key = `logentry-${line.type}-${line.action}`;
  const noRedirect = line.params['5::noredir'] ?? line.params.noredir;
  if (line.type === 'move' && (noRedirect === true || noRedirect === '1' || noRedirect === 1)) key += '-noredirect';
  const message = context.msg(key, ...params);
  if (message.exists()) return rawHtml(message.parse());
  return rawHtml(context.msg('logentry-generic', params[0], params[1], params[2], `${line.type}/${line.action}`).parse());
}

/** Linker::commentBlock(): " (summary)" in a span, nothing for an empty summary. */
export function commentBlock(context: RequestContext, comment: string, title: Title | null): SafeHtml | '' {
  return comment === '' ? '' : html` <span class="comment">(${renderComment(context, comment, title)})</span>`;
}

interface LogFilters {
  type: string | null;
  actorId?: number;
  page?: { namespace: number; dbKey: string };
}

export class SpecialLog extends SpecialPage {
  override readonly group = 'changes';
  override readonly aliases = ['Logs'];

  constructor() {
    super('Log');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { request, output, services } = context;
    const knownTypes = await services.logStore.getLogTypes();
    const validTypes = new Set([...knownTypes, ...Object.keys(LOG_NAME_KEYS).filter((t) => t !== '')]);

    let type = request.getVal('type') ?? '';
    let user = request.getVal('user') ?? '';
    const page = request.getVal('page') ?? '';
    // SpecialLog::parseParams(): Special:Log/<type>[/<user>], or Special:Log/<user>.
    if (subPage !== null && subPage !== '') {
      const [first, second] = subPage.split('/');
      if (validTypes.has(first) || first === 'all' || first === '*') {
        type = first;
        if (second !== undefined) user = second;
      } else {
        user = subPage;
      }
    }
    if (type === 'all' || type === '*') type = '';
    const limit = parseLimit(request.getVal('limit'), LOG_DEFAULT_LIMIT, LOG_MAX_LIMIT);
    const offset = request.getInt('offset', 0);

    const heading = logName(context, validTypes.has(type) || type === '' ? type : '');
    output.setPageTitleHtml(html`${heading}`, heading);
    const headerKey = ownValue(LOG_HEADER_KEYS, type) ?? `log-description-${type}`;
    const header = context.msg(headerKey);
    if (header.exists()) output.addHtml(html`<div class="mw-specialpage-summary">${rawHtml(header.parseAsBlock())}</div>`);
    output.addHtml(this.form(context, knownTypes, type, user, page));

    // Resolve the filters; anything that names nothing gives an empty list, not an error.
    const filters: LogFilters = { type: type === '' ? null : type };
    let matchesNothing = type !== '' && !validTypes.has(type);
    if (user.trim() !== '') {
      const userTitle = services.titleFactory.makeTitleSafe(NS_USER, user);
      const actorId = userTitle ? await services.actorStore.findActorId(userTitle.getText()) : undefined;
      if (actorId === undefined) matchesNothing = true;
      else filters.actorId = actorId;
    }
    if (page.trim() !== '') {
      const pageTitle = services.titleFactory.newFromText(page);
      if (!pageTitle || !pageTitle.canExist()) matchesNothing = true;
      else filters.page = { namespace: pageTitle.getNamespace(), dbKey: pageTitle.getDBkey() };
    }

    const rows = matchesNothing
      ? []
      : await services.logStore.query({ type: filters.type ?? undefined, actorId: filters.actorId, page: filters.page, limit: limit + 1, beforeId: offset > 0 ? offset : undefined });
    const entries = rows.slice(0, limit);
    if (entries.length === 0) {
      output.addHtml(html`<div class="mw-warning-box mw-logempty">${rawHtml(context.msg('logempty').parse())}</div>`);
      return;
    }

    const userIds = await this.actorUserIds(context, entries);
    const lines = entries.map((entry) => ({ ...entry, actorUserId: userIds.get(entry.actorId) ?? 0 }));
    const existing = await context.services.pageStore.existingTitles(logLineTitles(context, lines));
    const items = lines.map((line) => this.line(context, line, existing));
    const nav = await this.navigation(context, { type, user, page, limit }, filters, entries, offset, rows.length > limit);
    output.addHtml(html`${nav}<ul class="mw-logevent-loglines">${items}</ul>${nav}`);
  }

  private form(context: RequestContext, types: readonly string[], type: string, user: string, page: string): SafeHtml {
    const self = specialPageTitle(context, this.name);
    const options = [html`<option value=""${attributes({ selected: type === '' })}>${logName(context, '')}</option>`];
    const names = types.map((t) => ({ type: t, name: logName(context, t) })).sort((a, b) => a.name.localeCompare(b.name));
    for (const { type: t, name } of names) options.push(html`<option value="${t}"${attributes({ selected: t === type })}>${name}</option>`);
    return html`${getFormStart(context, self, { class: 'mw-htmlform', id: 'mw-log-form' })}<fieldset><legend>${context.msg('log').text()}</legend>
<div class="mw-htmlform-field"><select id="mw-log-type" name="type" aria-label="${context.msg('log').text()}">${options}</select></div>
<div class="mw-htmlform-field"><label for="mw-log-user">${context.msg('specialloguserlabel').text()}</label> <input type="text" id="mw-log-user" name="user" size="20" value="${user}"></div>
<div class="mw-htmlform-field"><label for="mw-log-page">${context.msg('speciallogtitlelabel').text()}</label> <input type="text" id="mw-log-page" name="page" size="20" value="${page}"></div>
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit">${context.msg('logeventslist-submit').text()}</button></div>
</fieldset></form>`;
  }

  /** LogFormatter's line: the timestamp (a permanent link to the entry), the action, the comment. */
  private line(context: RequestContext, entry: LogEntryRecord & { actorUserId: number }, existing: ReadonlySet<string>): SafeHtml {
    const self = specialPageTitle(context, this.name);
    const when = formatUserTimestamp(entry.timestamp, context.language);
    const target = context.services.titleFactory.makeTitle(entry.namespace, entry.dbKey);
    return html`<li data-mw-logid="${entry.id}" data-mw-logaction="${entry.type}/${entry.action}" class="mw-logline-${entry.type}"><a href="${self.getLocalURL({ logid: entry.id })}" class="mw-changeslist-date">${when}</a> ${logActionHtml(context, entry, existing)}${commentBlock(context, entry.comment, target)}${typedLogActionLinks(context, entry, existing)}</li>\n`;
  }

  /** LogStore.query gives actor names; links need to know which actors are registered users. */
  private async actorUserIds(context: RequestContext, entries: readonly LogEntryRecord[]): Promise<Map<number, number>> {
    const ids = [...new Set(entries.map((e) => e.actorId))];
    const rows: Array<{ actor_id: number; actor_user: number | null }> = await context.services.db('actor').whereIn('actor_id', ids).select('actor_id', 'actor_user');
    return new Map(rows.map((r) => [r.actor_id, r.actor_user ?? 0]));
  }

  private filteredIds(context: RequestContext, filters: LogFilters): Knex.QueryBuilder {
    const q = context.services.db('logging').select('log_id');
    if (filters.type) q.where('log_type', filters.type);
    if (filters.actorId !== undefined) q.where('log_actor', filters.actorId);
    if (filters.page) q.where({ log_namespace: filters.page.namespace, log_title: filters.page.dbKey });
    return q;
  }

  /**
   * The pager's navigation (ReverseChronologicalPager::getNavigationBar):
   * "(newest | oldest) View (newer 50 | older 50) (20 | 50 | 100 | 250 | 500)".
   * Offsets are log ids: a page shows the entries below its offset.
   */
  private async navigation(
    context: RequestContext,
    query: { type: string; user: string; page: string; limit: number },
    filters: LogFilters,
    entries: readonly LogEntryRecord[],
    offset: number,
    hasOlder: boolean,
  ): Promise<SafeHtml> {
    const self = specialPageTitle(context, this.name);
    const { limit } = query;
    const url = (extra: { offset?: number; limit?: number }) =>
      self.getLocalURL({
        type: query.type || undefined,
        user: query.user || undefined,
        page: query.page || undefined,
        limit: (extra.limit ?? limit) !== LOG_DEFAULT_LIMIT ? extra.limit ?? limit : undefined,
        offset: extra.offset,
      });

    // The newer page ends `limit` entries above the first one shown.
    let newerOffset: number | undefined;
    let hasNewer = false;
    if (offset > 0) {
      // One more than a page: if they all fit, the newer page is the newest and needs no offset.
      const above: Array<{ log_id: number }> = await this.filteredIds(context, filters).where('log_id', '>', entries[0].id).orderBy('log_id', 'asc').limit(limit + 1);
      hasNewer = above.length > 0;
      newerOffset = above.length > limit ? above[limit - 1].log_id + 1 : undefined;
    }
    // A single page needs no navigation (IndexPager::isNavigationBarShown).
    if (!hasNewer && !hasOlder) return html``;
    let oldestOffset: number | undefined;
    if (hasOlder) {
      const oldest: Array<{ log_id: number }> = await this.filteredIds(context, filters).orderBy('log_id', 'asc').limit(limit);
      oldestOffset = oldest.length > 0 ? oldest[oldest.length - 1].log_id + 1 : undefined;
    }
    const last = entries[entries.length - 1];
    const newest = hasNewer ? html`<a href="${url({})}" class="mw-firstlink">${context.msg('histlast').text()}</a>` : context.msg('histlast').text();
    const oldest = hasOlder ? html`<a href="${url({ offset: oldestOffset })}" class="mw-lastlink">${context.msg('histfirst').text()}</a>` : context.msg('histfirst').text();
    const newerText = context.msg('pager-newer-n').numParams(limit).text();
    const olderText = context.msg('pager-older-n').numParams(limit).text();
    const newer = hasNewer ? html`<a href="${url({ offset: newerOffset })}" class="mw-prevlink" rel="prev">${newerText}</a>` : html`${newerText}`;
    const older = hasOlder ? html`<a href="${url({ offset: last.id })}" class="mw-nextlink" rel="next">${olderText}</a>` : html`${olderText}`;
    const limits = joinPipes(
      LIMIT_LINKS.map((n) => html`<a href="${url({ limit: n, offset: offset > 0 ? offset : undefined })}" class="mw-numlink">${formatNum(context.language, n)}</a>`),
    );
    const viewPrevNext = context.msg('viewprevnext').rawParams(newer, older, limits).escaped();
    return html`<div class="mw-pager-navigation-bar">(${newest} | ${oldest}) ${rawHtml(viewPrevNext)}</div>`;
  }
}

/**
 * WebRequest::getLimitOffsetForUser(): a missing, malformed, zero or
 * negative limit means the default; a large one is capped.
 */
export function parseLimit(raw: string | null, defaultLimit: number, maxLimit: number): number {
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return defaultLimit;
  const n = parseInt(raw, 10);
  if (!Number.isSafeInteger(n) || n <= 0) return defaultLimit;
  return Math.min(n, maxLimit);
}
