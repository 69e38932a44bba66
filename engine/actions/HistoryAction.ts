/**
 * action=history (MediaWiki's HistoryAction / HistoryPager): revisions newest
 * first, `limit` (default 50) and paging links, per row (cur | prev) diff
 * links, radio buttons to compare two revisions, the permalink timestamp,
 * author, size and size delta, minor marker, summary and an undo link.
 */
import type { RequestContext } from '../context/RequestContext';
import { html, rawHtml, SafeHtml } from '../html/Html';
import { renderComment } from '../page/CommentFormatter';
import type { RevisionRecord } from '../storage/RevisionRecord';
import type { Title } from '../title/Title';
import { formatUserTimestamp } from '../util/Timestamp';
import type { PageAction } from './Action';
import { formatSizeDelta, userLinks } from '../page/ChangeListFormatting';

export const HISTORY_DEFAULT_LIMIT = 50;
export const HISTORY_MAX_LIMIT = 500;

/** Paging offsets are "<TS_MW>|<rev id>" like MediaWiki's pager offsets; only the id is needed here. */
function parseOffset(value: string | null): number | undefined {
  if (!value) return undefined;
  const m = /^(?:\d{14}\|)?(\d+)$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

export class HistoryAction implements PageAction {
  readonly name = 'history';

  async show(context: RequestContext): Promise<void> {
    const { services, request, output } = context;
    const title = context.getTitle();
    const heading = context.msg('history-title', title.getPrefixedText()).text();
    output.setPageTitleHtml(html`${heading}`, heading);
    output.setRobotPolicy('noindex,nofollow');
    output.addSubtitle(html`<a href="${services.titleFactory.newFromText('Special:Log')!.getLocalURL({ page: title.getPrefixedText() })}">${context.msg('viewpagelogs').text()}</a>`);

    const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
    if (!page) {
      output.statusCode = 404;
      output.addHtml(html`<div class="mw-warning-box">${rawHtml(context.msg('nohistory').parse())}</div>`);
      return;
    }
    const limit = request.getIntInRange('limit', HISTORY_DEFAULT_LIMIT, 1, HISTORY_MAX_LIMIT);
    const newer = request.getVal('dir') === 'prev';
    const offset = parseOffset(request.getVal('offset'));
    // Fetch one extra row to know whether another page exists in that direction.
    const rows = await services.revisionStore.getHistory(page.id, newer ? { limit: limit + 1, afterId: offset ?? 0 } : { limit: limit + 1, beforeId: offset });
    const hasMoreInDirection = rows.length > limit;
    const revisions = newer ? rows.slice(rows.length > limit ? 1 : 0) : rows.slice(0, limit);

    const parentLengths = await services.revisionStore.getLengths(revisions.map((r) => r.parentId ?? 0));
    const hasNewer = newer ? hasMoreInDirection : offset !== undefined;
    const hasOlder = newer ? offset !== undefined : hasMoreInDirection;
    const nav = this.navigation(context, title, revisions, limit, hasNewer, hasOlder);

    const canEdit = await context.services.permissionManager.userCan('edit', context.user, title);
    const items = revisions.map((rev, i) => this.row(context, title, rev, page.latest, parentLengths, i, canEdit));
    output.addHtml(html`${nav}<form action="${services.settings.scriptPath}/index.php" id="mw-history-compare" method="get">
<input type="hidden" name="title" value="${title.getPrefixedDBkey()}">
<div class="mw-history-compareselectedversions"><button type="submit" class="historysubmit mw-history-compareselectedversions-button">${context.msg('compareselectedversions').text()}</button></div>
<section id="pagehistory" class="mw-pager-body"><ul class="mw-contributions-list">${items}</ul></section>
<div class="mw-history-compareselectedversions"><button type="submit" class="historysubmit mw-history-compareselectedversions-button">${context.msg('compareselectedversions').text()}</button></div>
</form>${nav}`);
  }

  private navigation(context: RequestContext, title: Title, revisions: RevisionRecord[], limit: number, hasNewer: boolean, hasOlder: boolean): SafeHtml {
    const first = revisions[0];
    const last = revisions[revisions.length - 1];
    const newestLink = hasNewer ? html`<a href="${title.getLocalURL({ action: 'history', limit })}" class="mw-firstlink">${context.msg('histlast').text()}</a>` : context.msg('histlast').text();
    const newerLink = hasNewer && first
      ? html`<a href="${title.getLocalURL({ action: 'history', dir: 'prev', offset: `${first.timestamp}|${first.id}`, limit })}" class="mw-prevlink" rel="prev">${context.msg('pager-newer-n', limit).text()}</a>`
      : context.msg('pager-newer-n', limit).text();
    const olderLink = hasOlder && last
      ? html`<a href="${title.getLocalURL({ action: 'history', offset: `${last.timestamp}|${last.id}`, limit })}" class="mw-nextlink" rel="next">${context.msg('pager-older-n', limit).text()}</a>`
      : context.msg('pager-older-n', limit).text();
    const oldestLink = hasOlder ? html`<a href="${title.getLocalURL({ action: 'history', dir: 'prev', limit })}" class="mw-lastlink">${context.msg('histfirst').text()}</a>` : context.msg('histfirst').text();
    return html`<div class="mw-pager-navigation-bar">(${newestLink} | ${oldestLink}) ${rawHtml(context.msg('viewprevnext').rawParams(String(newerLink), String(olderLink), this.limitLinks(context, title)).escaped())}</div>`;
  }

  private limitLinks(context: RequestContext, title: Title): string {
    return [20, 50, 100, 250, 500]
      .map((n) => html`<a href="${title.getLocalURL({ action: 'history', limit: n })}" class="mw-numlink">${String(n)}</a>`.value)
      .join(' | ');
  }

  private row(context: RequestContext, title: Title, rev: RevisionRecord, latestId: number, parentLengths: Map<number, number>, index: number, canEdit: boolean): SafeHtml {
    const isLatest = rev.id === latestId;
    const cur = isLatest ? context.msg('cur').text() : html`<a href="${title.getLocalURL({ diff: latestId, oldid: rev.id })}" class="mw-history-histlinks-cur">${context.msg('cur').text()}</a>`;
    const prev = rev.parentId ? html`<a href="${title.getLocalURL({ diff: 'prev', oldid: rev.id })}" class="mw-history-histlinks-previous">${context.msg('last').text()}</a>` : context.msg('last').text();
    const when = formatUserTimestamp(rev.timestamp, context.language);
    const parentLength = rev.parentId ? parentLengths.get(rev.parentId) ?? 0 : 0;
    const canUndo = rev.parentId && canEdit;
    const undo = canUndo ? html` <span class="mw-history-undo">(<a href="${title.getLocalURL({ action: 'edit', undoafter: rev.parentId!, undo: rev.id })}">${context.msg('editundo').text()}</a>)</span>` : '';
    return html`<li data-mw-revid="${rev.id}"${isLatest ? rawHtml(' class="mw-history-line-current"') : ''}><span class="mw-history-histlinks mw-changeslist-links"><span>${cur}</span><span>${prev}</span></span>
<input type="radio" value="${rev.id}" name="oldid" id="mw-oldid-${rev.id}" aria-label="${context.msg('history-compare-old').text()}"${index === 1 ? rawHtml(' checked') : ''}${isLatest ? rawHtml(' style="visibility:hidden"') : ''}><input type="radio" value="${rev.id}" name="diff" id="mw-diff-${rev.id}" aria-label="${context.msg('history-compare-new').text()}"${index === 0 ? rawHtml(' checked') : ''}>
<a href="${title.getLocalURL({ oldid: rev.id })}" class="mw-changeslist-date">${when}</a> ${userLinks(context, rev.actorName, rev.userId)}
${rev.minor ? html`<abbr class="minoredit" title="${context.msg('minoredit').text()}">${context.msg('minoreditletter').text()}</abbr>` : ''}
<span class="history-size mw-diff-bytes" data-mw-bytes="${rev.length}">${context.msg('nbytes').numParams(rev.length).text()}</span> ${formatSizeDelta(context, rev.length - parentLength)}
${rev.comment ? html`<span class="comment comment--without-parentheses">${renderComment(context, rev.comment, title)}</span>` : ''}${undo}</li>`;
  }
}
