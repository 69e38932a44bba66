/**
 * Special:Undelete (MediaWiki's SpecialUndelete), kept to what this wiki
 * needs: restoring a deleted page with all of its revisions.
 *
 * - Needs `deletedhistory` (badaccess-groups otherwise, HTTP 403).
 * - Without a page: `undelete-header`, a prefix search (`prefix`) and the
 *   titles that have archived revisions, each with "(N revisions archived)".
 * - With one (`Special:Undelete/<page>` or `target=`): `undeletepagetitle`,
 *   for users with `undelete` the restore form (`undeletehistory`, reason
 *   `wpComment`, button `restore`, `wpEditToken`), the archived revisions
 *   newest first, and the page's deletion log.
 * - A POST restores through the UndeletePage service (which checks
 *   `undelete` and edit/create on the title): `undeletedpage` on success,
 *   MediaWiki's message otherwise; a bad token is `sessionfailure` and
 *   restores nothing.
 */
import type { RequestContext } from '../../context/RequestContext';
import { PermissionDeniedError } from '../../errors/ErrorPageError';
import { html, rawHtml, type SafeHtml } from '../../html/Html';
import { userLinks } from '../../page/ChangeListFormatting';
import type { PermissionError } from '../../permissions/PermissionManager';
import { permissionErrorMessage } from '../../permissions/PermissionErrorFormatter';
import type { Title } from '../../title/Title';
import { formatUserTimestamp } from '../../util/Timestamp';
import { SUMMARY_CHARACTER_LIMIT } from '../../actions/EditAction';
import { SpecialPage } from '../SpecialPage';
import { commentBlock, logName } from './SpecialLog';
import { getFormStart, specialPageTitle } from './SpecialPageHtml';
import { logExtract } from './logformatters/LogExtract';

/** Titles listed at most without a page (SpecialUndelete lists up to 100 by prefix). */
const TITLE_LIST_LIMIT = 100;

export class SpecialUndelete extends SpecialPage {
  constructor() {
    super('Undelete', 'deletedhistory');
  }

  override getDescriptionKey(): string {
    return 'undeletepage';
  }

  override checkPermissions(context: RequestContext): void {
    if (!this.userCanExecute(context)) throw new PermissionDeniedError([context.services.permissionManager.missingRightError('deletedhistory')], 'deletedhistory');
  }

  async execute(context: RequestContext, subPage: string | null): Promise<void> {
    const { request, services } = context;
    const targetText = request.getVal('target') ?? subPage;
    const target = targetText ? services.titleFactory.newFromText(targetText) : null;
    if (!target || !target.canExist()) {
      await this.showSearch(context);
      return;
    }
    if (request.wasPosted()) {
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
        await this.showHistory(context, target, [{ key: 'sessionfailure', params: [] }]);
        return;
      }
      const reason = [...(request.getVal('wpComment') ?? '')].slice(0, SUMMARY_CHARACTER_LIMIT).join('');
      const status = await services.pageManagement.undeletePage.undeleteIfAllowed(target, context.user, reason, context.ip);
      if (!status.ok) {
        if (status.errors[0]?.key === 'badaccess-groups' || status.errors[0]?.key === 'badaccess-group0') throw new PermissionDeniedError(status.errors, 'undelete');
        await this.showHistory(context, target, status.errors);
        return;
      }
      const link = html`<a href="${target.getLinkURL()}" title="${target.getPrefixedText()}">${target.getPrefixedText()}</a>`;
      // parse(), not parseAsBlock(): the block formatter escapes raw parameters such as the page link.
      context.output.addHtml(html`<div class="mw-undelete-success"><p>${rawHtml(context.msg('undeletedpage', { raw: link.value }).parse())}</p></div>`);
      return;
    }
    await this.showHistory(context, target, []);
  }

  /** SpecialUndelete::showSearchForm() + showList(). */
  private async showSearch(context: RequestContext): Promise<void> {
    const { output, request, services } = context;
    const prefix = (request.getVal('prefix') ?? '').trim();
    output.addHtml(html`<div class="mw-undelete-header">${rawHtml(context.msg('undelete-header').parseAsBlock())}</div>`);
    const page = specialPageTitle(context, this.name);
    output.addHtml(html`${getFormStart(context, page, { id: 'undelete' })}<fieldset><legend>${context.msg('undelete-search-title').text()}</legend>
<label for="prefix">${context.msg('undelete-search-prefix').text()}</label> <input type="text" name="prefix" id="prefix" size="20" value="${prefix}"> <input type="submit" value="${context.msg('undelete-search-submit').text()}">
</fieldset></form>\n`);
    const key = prefix === '' ? '' : (services.titleFactory.newFromText(prefix)?.getDBkey() ?? prefix.replace(/ /g, '_'));
    const titles = await services.pageManagement.pageArchive.listDeletedTitles({ prefix: key, limit: TITLE_LIST_LIMIT });
    if (titles.length === 0) {
      output.addHtml(html`<div class="mw-undelete-noresults">${rawHtml(context.msg('undelete-no-results').parseAsBlock())}</div>`);
      return;
    }
    output.addHtml(html`<div class="mw-undelete-pagetext">${rawHtml(context.msg('undeletepagetext', { num: titles.length }).parseAsBlock())}</div>`);
    const items = titles.map((entry) => {
      const title = services.titleFactory.makeTitle(entry.namespace, entry.dbKey);
      const link = html`<a href="${page.getLocalURL({ target: title.getPrefixedText() })}" title="${page.getPrefixedText()}">${title.getPrefixedText()}</a>`;
      return html`<li>${link} ${context.msg('parentheses', context.msg('undeleterevisions', { num: entry.revisionCount }).text()).text()}</li>\n`;
    });
    output.addHtml(html`<ul class="mw-undelete-pagelist">\n${items}</ul>`);
  }

  /** SpecialUndelete::showHistory(): the archived revisions and, for `undelete`, the restore form. */
  private async showHistory(context: RequestContext, target: Title, errors: readonly PermissionError[]): Promise<void> {
    const { output, services, user } = context;
    for (const error of errors) output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(permissionErrorMessage(context, error).parseAsBlock())}</div>`);
    output.addHtml(html`<div class="mw-undelete-pagetitle">${rawHtml(context.msg('undeletepagetitle', target.getPrefixedText()).parseAsBlock())}</div>`);
    const revisions = await services.pageManagement.pageArchive.listRevisions(target);
    if (revisions.length === 0) {
      output.addHtml(html`<div class="mw-undelete-noresults">${rawHtml(context.msg('undelete-no-results').parseAsBlock())}</div>`);
    } else {
      if (services.permissionManager.userHasRight(user, 'undelete')) output.addHtml(this.restoreForm(context, target));
      const items = revisions.map(
        (rev) =>
          html`<li data-mw-revid="${rev.revId}">${formatUserTimestamp(rev.timestamp, context.language)} ${userLinks(context, rev.actorName, rev.userId)} ${context.msg('parentheses', context.msg('nbytes', { num: rev.length ?? 0 }).text()).text()}${commentBlock(context, rev.comment, target)}</li>\n`,
      );
      output.addHtml(html`<h2>${context.msg('history_short').text()}</h2><ul class="mw-undelete-revlist">\n${items}</ul>`);
    }
    output.addHtml(html`<h2>${logName(context, 'delete')}</h2>`);
    output.addHtml(await logExtract(context, 'delete', target));
  }

  private restoreForm(context: RequestContext, target: Title): SafeHtml {
    const page = specialPageTitle(context, this.name);
    return html`<form method="post" action="${page.getLocalURL()}" id="undelete">
<fieldset><legend>${context.msg('undelete-fieldset-title').text()}</legend>
<div class="mw-undelete-extrahelp">${rawHtml(context.msg('undeletehistory').parseAsBlock())}</div>
<input type="hidden" name="target" value="${target.getPrefixedText()}">
<label for="wpComment">${context.msg('undeletecomment').text()}</label> <input type="text" name="wpComment" id="wpComment" size="60" maxlength="${SUMMARY_CHARACTER_LIMIT}" value="">
<input type="submit" name="restore" id="mw-undelete-submit" value="${context.msg('undeletebtn').text()}">
</fieldset>
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
</form>\n`;
  }
}
