/**
 * Skin::prepareUndeleteLink(): under the title of a missing page (or its
 * history) that has deleted revisions, "View or restore N deleted edits?"
 * (`thisisdeleted`, for users who may undelete) or "View N deleted edits?"
 * (`viewdeleted`), linking to Special:Undelete/<page>. Only users with
 * `deletedhistory` learn that deleted revisions exist.
 */
import type { RequestContext } from '../context/RequestContext';
import { html, rawHtml } from '../html/Html';
import { NS_SPECIAL } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';

export async function undeleteLink(context: RequestContext, title: Title): Promise<string> {
  const { services, user } = context;
  const pm = services.permissionManager;
  if (!title.canExist() || !pm.userHasRight(user, 'deletedhistory')) return '';
  const count = await services.pageManagement.pageArchive.countRevisions(title);
  if (count === 0) return '';
  const target = services.titleFactory.makeTitle(NS_SPECIAL, `Undelete/${title.getPrefixedDBkey()}`);
  const link = html`<a href="${target.getLocalURL()}" title="${target.getPrefixedText()}">${context.msg('restorelink', { num: count }).text()}</a>`;
  const key = pm.userHasRight(user, 'undelete') ? 'thisisdeleted' : 'viewdeleted';
  return html`<div class="mw-undelete-subtitle">${rawHtml(context.msg(key).rawParams(link).escaped())}</div>`.value;
}
