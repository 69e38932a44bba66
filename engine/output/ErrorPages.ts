/**
 * Shows an error on the output page (MediaWiki's OutputPage::showErrorPage
 * and showPermissionsErrorPage).
 */
import type { RequestContext } from '../context/RequestContext';
import { ErrorPageError, PermissionDeniedError, UserNotLoggedInError } from '../errors/ErrorPageError';
import { html, rawHtml } from '../html/Html';
import { permissionErrorMessage } from '../permissions/PermissionErrorFormatter';

export function showErrorPage(context: RequestContext, error: ErrorPageError): void {
  const out = context.output;
  const heading = context.msg(error.titleKey).text();
  out.setPageTitleHtml(html`${heading}`, heading);
  out.setRobotPolicy('noindex,nofollow');
  out.statusCode = error.status;
  out.isArticle = false;
  if (error instanceof PermissionDeniedError) {
    const reasons = error.errors.map((e) => html`<li>${rawHtml(permissionErrorMessage(context, e).parse())}</li>`);
    // OutputPage::formatPermissionsErrorMessage(): the action's own wording when there is one.
    const actionText = error.action ? context.msg(`action-${error.action}`) : null;
    const intro = actionText?.exists()
      ? context.msg('permissionserrorstext-withaction', error.errors.length, actionText.text()).text()
      : context.msg('permissionserrorstext', error.errors.length).text();
    out.addHtml(html`<div class="permissions-errors"><p>${intro}</p><ul class="permissions-errors">${reasons}</ul></div>`);
    return;
  }
  if (error instanceof UserNotLoggedInError) {
    // MediaWiki's UserNotLoggedIn: the reason, and a login link that comes back here.
    const here = context.title ? { returnto: context.title.getPrefixedDBkey(), ...(context.koa.querystring && !context.title.isSpecialPage() ? { returntoquery: context.koa.querystring } : {}) } : {};
    const login = context.services.titleFactory.newFromTextThrow('Special:UserLogin').getLocalURL(here);
    const loginLink = { raw: html`<a href="${login}">${context.msg('loginreqlink').text()}</a>`.value };
    const reason = error.messageKey === 'exception-nologin-text' ? html`` : html`<p>${rawHtml(context.msg(error.messageKey, ...error.params).parse())}</p>`;
    out.addHtml(html`<div class="errorbox mw-message-box-error">${reason}<p id="mw-returnto-login">${rawHtml(context.msg('exception-nologin-text-manual', loginLink).parse())}</p></div>`);
    return;
  }
  out.addHtml(html`<div class="errorbox mw-message-box-error"><p>${rawHtml(context.msg(error.messageKey, ...error.params).parse())}</p></div>`);
  const mainPage = context.services.titleFactory.newFromText(context.msg('mainpage').text());
  if (mainPage) out.addHtml(html`<p id="mw-returnto">${rawHtml(context.msg('returnto', `[[${mainPage.getPrefixedText()}]]`).parse())}</p>`);
}
