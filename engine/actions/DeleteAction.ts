/**
 * action=delete (MediaWiki's DeleteAction): the confirmation form on GET,
 * the deletion on POST.
 *
 * - Needs the `delete` right and the per-title checks for it; otherwise
 *   MediaWiki's permission error page (HTTP 403), GET and POST alike.
 * - A title without a page gets `cannotdelete` under `cannotdelete-title`,
 *   with the title's deletion log (someone may have deleted it already).
 * - The form: `confirmdeletetext`, a history warning for pages with more
 *   than one revision, the reason dropdown `wpDeleteReasonList` from
 *   MediaWiki:Deletereason-dropdown, the free text `wpReason`, `wpConfirmB`
 *   and `wpEditToken`, then the page's deletion log.
 * - A POST with a bad token shows the form again under `sessionfailure`,
 *   the reason kept, nothing deleted. A good one deletes through the
 *   DeletePage service and answers `actioncomplete` / `deletedtext`.
 */
import type { RequestContext } from '../context/RequestContext';
import { PermissionDeniedError } from '../errors/ErrorPageError';
import { html, rawHtml, type SafeHtml } from '../html/Html';
import { combineReason, reasonDropdown } from '../html/ReasonDropdown';
import { logName } from '../specialpage/specials/SpecialLog';
import { specialPageTitle } from '../specialpage/specials/SpecialPageHtml';
import { logExtract } from '../specialpage/specials/logformatters/LogExtract';
import type { Title } from '../title/Title';
import type { PageAction } from './Action';
import { SUMMARY_CHARACTER_LIMIT } from './EditAction';

interface DeleteFormState {
  reasonSelection: string;
  reason: string;
}

export class DeleteAction implements PageAction {
  readonly name = 'delete';

  async show(context: RequestContext): Promise<void> {
    const { services, request, output } = context;
    const title = context.getTitle();
    const errors = await services.permissionManager.getPermissionErrors('delete', context.user, title);
    if (errors.length > 0) throw new PermissionDeniedError(errors, 'delete');
    output.setRobotPolicy('noindex,nofollow');

    const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
    if (!page) {
      await this.showCannotDelete(context, title);
      return;
    }
    const state: DeleteFormState = {
      reasonSelection: request.getVal('wpDeleteReasonList') ?? 'other',
      reason: request.getVal('wpReason') ?? '',
    };
    if (request.wasPosted()) {
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
        this.setFormHeading(context, title);
        output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(context.msg('sessionfailure').parseAsBlock())}</div>`);
        await this.showForm(context, title, page.id, state);
        return;
      }
      const reason = combineReason(context, state.reasonSelection, state.reason, SUMMARY_CHARACTER_LIMIT);
      const status = await services.pageManagement.deletePage.deleteIfAllowed(title, context.user, reason, { ip: context.ip });
      if (!status.ok) {
        if (status.errors[0]?.key === 'cannotdelete') {
          await this.showCannotDelete(context, title);
          return;
        }
        throw new PermissionDeniedError(status.errors, 'delete');
      }
      this.showSuccess(context, title);
      return;
    }
    this.setFormHeading(context, title);
    await this.showForm(context, title, page.id, state);
  }

  private setFormHeading(context: RequestContext, title: Title): void {
    const heading = context.msg('delete-confirm', title.getPrefixedText()).text();
    context.output.setPageTitleHtml(html`${heading}`, heading);
  }

  /** DeleteAction: the page is gone already — cannotdelete and the deletion log. */
  private async showCannotDelete(context: RequestContext, title: Title): Promise<void> {
    const heading = context.msg('cannotdelete-title', title.getPrefixedText()).text();
    context.output.setPageTitleHtml(html`${heading}`, heading);
    context.output.addHtml(html`<div class="errorbox mw-message-box-error">${rawHtml(context.msg('cannotdelete', { plaintext: title.getPrefixedText() }).parseAsBlock())}</div>`);
    context.output.addHtml(html`<h2>${logName(context, 'delete')}</h2>`);
    context.output.addHtml(await logExtract(context, 'delete', title));
  }

  /** DeleteAction::onSuccess(): "Action complete", deletedtext and a link back to the main page. */
  private showSuccess(context: RequestContext, title: Title): void {
    const { output } = context;
    const heading = context.msg('actioncomplete').text();
    output.setPageTitleHtml(html`${heading}`, heading);
    const log = specialPageTitle(context, 'Log', 'delete');
    const logLink = html`<a href="${log.getLocalURL()}" title="${log.getPrefixedText()}">${context.msg('deletionlog').text()}</a>`;
    // parse(), not parseAsBlock(): the block formatter escapes raw parameters such as the log link.
    output.addHtml(html`<div class="mw-content-ltr"><p>${rawHtml(context.msg('deletedtext', { plaintext: title.getPrefixedText() }, { raw: logLink.value }).parse())}</p></div>`);
    const mainPage = context.services.titleFactory.newFromText(context.msg('mainpage').text()) ?? context.services.titleFactory.newFromTextThrow(context.services.settings.mainPage);
    const back = html`<a href="${mainPage.getLinkURL()}" title="${mainPage.getPrefixedText()}">${mainPage.getPrefixedText()}</a>`;
    output.addHtml(html`<p id="mw-returnto">${rawHtml(context.msg('returnto').rawParams(back).escaped())}</p>`);
  }

  private async showForm(context: RequestContext, title: Title, pageId: number, state: DeleteFormState): Promise<void> {
    const { output, services } = context;
    output.addHtml(html`<div class="mw-delete-text">${rawHtml(context.msg('confirmdeletetext').parseAsBlock())}</div>`);
    const revisions = await services.revisionStore.countRevisions(pageId);
    if (revisions > 1) {
      const history = html`<a href="${title.getLocalURL({ action: 'history' })}" title="${title.getPrefixedText()}">${context.msg('history_short').text()}</a>`;
      output.addHtml(html`<div class="mw-delete-warning-revisions warningbox">${rawHtml(context.msg('historywarning', { num: revisions }).parse())} ${rawHtml(context.msg('parentheses').rawParams(history).escaped())}</div>`);
    }
    output.addHtml(this.form(context, title, state));
    output.addHtml(html`<h2>${logName(context, 'delete')}</h2>`);
    output.addHtml(await logExtract(context, 'delete', title));
  }

  private form(context: RequestContext, title: Title, state: DeleteFormState): SafeHtml {
    return html`<form id="deleteconfirm" method="post" action="${title.getLocalURL({ action: 'delete' })}" class="mw-htmlform">
<fieldset id="mw-delete-table"><legend>${context.msg('delete-legend').text()}</legend>
<div class="mw-htmlform-field-HTMLSelectAndOtherField"><label for="wpDeleteReasonList">${context.msg('deletecomment').text()}</label> ${reasonDropdown(context, 'wpDeleteReasonList', 'deletereason-dropdown', 'deletereasonotherlist', state.reasonSelection)}</div>
<div class="mw-htmlform-field-HTMLTextField"><label for="wpReason">${context.msg('deleteotherreason').text()}</label> <input type="text" name="wpReason" id="wpReason" size="60" maxlength="${SUMMARY_CHARACTER_LIMIT}" value="${state.reason}" autofocus></div>
<div class="mw-htmlform-submit-buttons"><input type="submit" name="wpConfirmB" id="wpConfirmB" value="${context.msg('deletepage-submit').text()}"></div>
</fieldset>
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
</form>\n`;
  }
}
