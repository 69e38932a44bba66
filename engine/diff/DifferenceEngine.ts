/**
 * Diff pages (MediaWiki's DifferenceEngine): `diff=<new>&oldid=<old>`,
 * `diff=prev|next|cur` relative to `oldid`, headers with each revision's
 * author, summary and minor flag, navigation to the previous and next edit,
 * an undo link, and the newer revision's content below (unless `diffonly`).
 */
import type { RequestContext } from '../context/RequestContext';
import { NotFoundError } from '../errors/ErrorPageError';
import { html, rawHtml, SafeHtml } from '../html/Html';
import type { RevisionRecord } from '../storage/RevisionRecord';
import type { Title } from '../title/Title';
import { formatUserTimestamp } from '../util/Timestamp';
import { renderDiffRows } from './TableDiffFormatter';
import { renderComment } from '../page/CommentFormatter';

export interface DiffTableLabels {
  oldLabel: string | SafeHtml;
  newLabel: string | SafeHtml;
}

/** The two-column diff table; an identical pair shows MediaWiki's "no difference" notice. */
export function renderDiffTable(context: RequestContext, oldText: string, newText: string, labels: DiffTableLabels): SafeHtml {
  const rows = renderDiffRows(oldText, newText, { lineno: (n) => context.msg('lineno', n).text() });
  const body = rows === '' ? html`<tr><td colspan="4" class="diff-notice"><div class="mw-diff-empty">${context.msg('diff-empty').text()}</div></td></tr>` : rawHtml(rows);
  return html`<table class="diff diff-type-table diff-contentalign-left" data-mw="interface"><colgroup><col class="diff-marker"><col class="diff-content"><col class="diff-marker"><col class="diff-content"></colgroup>
<tr class="diff-title"><td colspan="2" class="diff-otitle diff-side-deleted">${labels.oldLabel}</td><td colspan="2" class="diff-ntitle diff-side-added">${labels.newLabel}</td></tr>
${body}</table>`;
}

async function resolveRevisions(context: RequestContext, title: Title): Promise<{ oldRev: RevisionRecord | null; newRev: RevisionRecord }> {
  const { services, request } = context;
  const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
  if (!page) throw new NotFoundError('missing-revision-title', 'missing-revision', [request.getVal('diff', '')]);
  const diff = (request.getVal('diff') ?? '').toLowerCase();
  const oldId = request.getInt('oldid', 0);
  const store = services.revisionStore;
  const load = async (id: number) => {
    const rev = await store.getRevisionById(id);
    if (!rev || rev.pageId !== page.id) throw new NotFoundError('missing-revision-title', 'missing-revision', [String(id)]);
    return rev;
  };
  // DifferenceEngine::mapDiffPrevNext semantics.
  if (diff === 'prev' || diff === '') {
    const newRev = await load(oldId > 0 ? oldId : page.latest);
    return { oldRev: await store.getPreviousRevision(newRev), newRev };
  }
  if (diff === 'next') {
    const oldRev = await load(oldId > 0 ? oldId : page.latest);
    const next = await store.getNextRevision(oldRev);
    return { oldRev: next ? oldRev : (await store.getPreviousRevision(oldRev)), newRev: next ?? oldRev };
  }
  if (diff === 'cur') {
    const newRev = await load(page.latest);
    return { oldRev: oldId > 0 ? await load(oldId) : await store.getPreviousRevision(newRev), newRev };
  }
  if (!/^\d+$/.test(diff)) throw new NotFoundError('missing-revision-title', 'missing-revision', [diff]);
  const diffRev = await load(Number(diff));
  if (oldId > 0) {
    const other = await load(oldId);
    // MediaWiki shows the older one on the left whatever order the ids came in.
    return other.id <= diffRev.id ? { oldRev: other, newRev: diffRev } : { oldRev: diffRev, newRev: other };
  }
  return { oldRev: await store.getPreviousRevision(diffRev), newRev: diffRev };
}

function revisionHeader(context: RequestContext, title: Title, rev: RevisionRecord, side: 'old' | 'new', latestId: number, neighbour: SafeHtml | string): SafeHtml {
  const when = formatUserTimestamp(rev.timestamp, context.language);
  const headerKey = rev.id === latestId ? 'currentrev-asof' : 'revisionasof';
  const userTitle = context.services.titleFactory.makeTitle(rev.userId > 0 ? 2 : -1, rev.userId > 0 ? rev.actorName.replace(/ /g, '_') : `Contributions/${rev.actorName}`);
  return html`<div id="mw-diff-${side === 'old' ? 'o' : 'n'}title1"><strong><a href="${title.getLocalURL({ oldid: rev.id })}">${context.msg(headerKey, when).text()}</a></strong></div>
<div id="mw-diff-${side === 'old' ? 'o' : 'n'}title2"><a href="${userTitle.getLocalURL()}" class="mw-userlink"><bdi>${rev.actorName}</bdi></a></div>
<div id="mw-diff-${side === 'old' ? 'o' : 'n'}title3">${rev.minor ? html`<abbr class="minoredit" title="${context.msg('minoredit').text()}">${context.msg('minoreditletter').text()}</abbr> ` : ''}${rev.comment ? html`<span class="comment">(${renderComment(context, rev.comment, title)})</span>` : ''}</div>
<div id="mw-diff-${side === 'old' ? 'o' : 'n'}title4">${neighbour}</div>`;
}

export async function showDiff(context: RequestContext): Promise<void> {
  const { services, request, output } = context;
  const title = context.getTitle();
  const { oldRev, newRev } = await resolveRevisions(context, title);
  const page = (await services.pageStore.getPageById(newRev.pageId))!;
  const heading = title.getPrefixedText();
  output.setPageTitleHtml(html`${heading}`, context.msg('difference-title', heading).text());
  output.setRobotPolicy('noindex,nofollow');
  output.revisionId = newRev.id;
  const newText = await services.revisionStore.getText(newRev);
  const oldText = oldRev ? await services.revisionStore.getText(oldRev) : '';

  const prevLink = oldRev && oldRev.parentId ? html`<a href="${title.getLocalURL({ diff: 'prev', oldid: oldRev.id })}" id="differences-prevlink">${context.msg('previousdiff').text()}</a>` : '';
  const nextRev = await services.revisionStore.getNextRevision(newRev);
  const nextLink = nextRev ? html`<a href="${title.getLocalURL({ diff: 'next', oldid: newRev.id })}" id="differences-nextlink">${context.msg('nextdiff').text()}</a>` : '';
  const canEdit = await services.permissionManager.userCan('edit', context.user, title);
  const undoLink =
    oldRev && canEdit
      ? html` <span class="mw-diff-undo">(<a href="${title.getLocalURL({ action: 'edit', undoafter: oldRev.id, undo: newRev.id })}">${context.msg('editundo').text()}</a>)</span>`
      : '';
  const oldHeader = oldRev ? revisionHeader(context, title, oldRev, 'old', page.latest, prevLink) : html``;
  const newHeader = revisionHeader(context, title, newRev, 'new', page.latest, html`${nextLink}${undoLink}`);
  output.addHtml(html`<div class="mw-diff-table-prefix"></div>`);
  output.addHtml(renderDiffTable(context, oldText, newText, { oldLabel: oldHeader, newLabel: newHeader }));

  if (!request.getBool('diffonly')) {
    output.addHtml(html`<hr class="diff-hr" id="mw-oldid"><h2 class="diff-currentversion-title">${context.msg(newRev.id === page.latest ? 'currentrev' : 'revisionasof', formatUserTimestamp(newRev.timestamp, context.language)).text()}</h2>`);
    const parserOutput = await services.pageRenderer.getParserOutput(title, newRev, newText, { language: context.language });
    output.addParserOutputHtml(`<div class="mw-parser-output">${parserOutput.html}</div>`);
  }
}
