/**
 * The `delete` log's lines (MediaWiki's DeleteLogFormatter):
 * "<performer> deleted page <page>", "… deleted redirect <page> by
 * overwriting" (delete_redir, a move over a redirect) and "… undeleted page
 * <page>" (restore). Deletion lines get "(view/restore)" — "(view)" without
 * `undelete` — linking to Special:Undelete for users with `deletedhistory`.
 */
import type { RequestContext } from '../../../context/RequestContext';
import { html, rawHtml, type SafeHtml } from '../../../html/Html';
import { userLinks } from '../../../page/ChangeListFormatting';
import { pageKeyOf } from '../../../storage/PageStore';
import type { LogLine } from '../SpecialLog';
import { pageLink, specialPageTitle } from '../SpecialPageHtml';

export function deleteLogActionHtml(context: RequestContext, line: LogLine, existing: ReadonlySet<string>): SafeHtml {
  const target = context.services.titleFactory.makeTitle(line.namespace, line.dbKey);
  const performer = { raw: userLinks(context, line.actorName, line.actorUserId).value };
  const targetLink = { raw: pageLink(context, target, existing.has(pageKeyOf(target))).value };
  const message = context.msg(`logentry-delete-${line.action}`, performer, line.actorName, targetLink);
  if (message.exists()) return rawHtml(message.parse());
  return rawHtml(context.msg('logentry-generic', performer, line.actorName, targetLink, `${line.type}/${line.action}`).parse());
}

/** DeleteLogFormatter::getActionLinks(): "(view/restore)" on deletions, for users who may see deleted history. */
export function deleteLogActionLinks(context: RequestContext, line: LogLine): SafeHtml {
  if (line.action !== 'delete' && line.action !== 'delete_redir') return html``;
  const pm = context.services.permissionManager;
  if (!pm.userHasRight(context.user, 'deletedhistory')) return html``;
  const target = context.services.titleFactory.makeTitle(line.namespace, line.dbKey);
  const undelete = specialPageTitle(context, 'Undelete');
  const text = context.msg(pm.userHasRight(context.user, 'undelete') ? 'undeletelink' : 'undeleteviewlink').text();
  const link = html`<a href="${undelete.getLocalURL({ target: target.getPrefixedDBkey() })}" title="${undelete.getPrefixedText()}">${text}</a>`;
  return html`<span class="mw-logevent-actionlink">${rawHtml(context.msg('parentheses').rawParams(link).escaped())}</span>`;
}
