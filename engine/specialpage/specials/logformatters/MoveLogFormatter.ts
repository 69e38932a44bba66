/**
 * The `move` log's lines (MediaWiki's MoveLogFormatter): "<performer> moved
 * page <old> to <new>", "… over redirect" for move_redir, and the
 * "-noredirect" variants when no redirect was left (5::noredir). The old
 * title links with redirect=no when it exists (it is usually the redirect).
 * For users with `move`, while the new title exists, the line offers
 * "(revert)": Special:MovePage filled in to move it back.
 */
import type { RequestContext } from '../../../context/RequestContext';
import { html, rawHtml, type SafeHtml } from '../../../html/Html';
import { userLinks } from '../../../page/ChangeListFormatting';
import { pageKeyOf } from '../../../storage/PageStore';
import type { Title } from '../../../title/Title';
import type { LogLine } from '../SpecialLog';
import { pageLink, specialPageTitle } from '../SpecialPageHtml';

function newTitleOf(context: RequestContext, line: LogLine): Title | null {
  const value = line.params['4::target'] ?? line.params.target;
  return typeof value === 'string' ? context.services.titleFactory.newFromText(value) : null;
}

function noRedirect(line: LogLine): boolean {
  const value = line.params['5::noredir'] ?? line.params.noredir;
  return value === true || value === '1' || value === 1;
}

export function moveLogActionHtml(context: RequestContext, line: LogLine, existing: ReadonlySet<string>): SafeHtml {
  const oldTitle = context.services.titleFactory.makeTitle(line.namespace, line.dbKey);
  const newTitle = newTitleOf(context, line);
  const performer = { raw: userLinks(context, line.actorName, line.actorUserId).value };
  const oldExists = existing.has(pageKeyOf(oldTitle));
  const oldLink = oldExists
    ? html`<a href="${oldTitle.getLocalURL({ redirect: 'no' })}" title="${oldTitle.getPrefixedText()}">${oldTitle.getPrefixedText()}</a>`
    : pageLink(context, oldTitle, false);
  const newLink = newTitle ? pageLink(context, newTitle, existing.has(pageKeyOf(newTitle))) : html``;
  const key = `logentry-move-${line.action}${noRedirect(line) ? '-noredirect' : ''}`;
  const message = context.msg(key, performer, line.actorName, { raw: oldLink.value }, { raw: newLink.value });
  if (message.exists()) return rawHtml(message.parse());
  return rawHtml(context.msg('logentry-generic', performer, line.actorName, { raw: oldLink.value }, `${line.type}/${line.action}`).parse());
}

/** MoveLogFormatter::getActionLinks(): "(revert)" for users who may move, while the new title exists. */
export function moveLogActionLinks(context: RequestContext, line: LogLine, existing: ReadonlySet<string>): SafeHtml {
  const newTitle = newTitleOf(context, line);
  if (!newTitle || !existing.has(pageKeyOf(newTitle))) return html``;
  if (!context.services.permissionManager.userHasRight(context.user, 'move')) return html``;
  const oldTitle = context.services.titleFactory.makeTitle(line.namespace, line.dbKey);
  const movePage = specialPageTitle(context, 'MovePage');
  const href = movePage.getLocalURL({ wpOldTitle: newTitle.getPrefixedDBkey(), wpNewTitle: oldTitle.getPrefixedDBkey(), wpMovetalk: 0 });
  const link = html`<a href="${href}" title="${movePage.getPrefixedText()}">${context.msg('revertmove').text()}</a>`;
  return html`<span class="mw-logevent-actionlink">${rawHtml(context.msg('parentheses').rawParams(link).escaped())}</span>`;
}
