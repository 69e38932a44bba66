/**
 * Pieces shared by the email special pages (Special:ConfirmEmail,
 * InvalidateEmail, ChangeEmail, PasswordReset): their refusals and message
 * boxes, in MediaWiki's terms.
 */
import type { RequestContext } from '../context/RequestContext';
import { ErrorPageError, NotFoundError, PermissionDeniedError } from '../errors/ErrorPageError';
import { html, rawHtml, SafeHtml } from '../html/Html';
import type { MessageParam } from '../i18n/MessageFormatter';
import { NS_SPECIAL } from '../title/NamespaceInfo';
import type { Title } from '../title/Title';

/**
 * UserNotLoggedIn: "Not logged in" with the reason, whose $1 is a "log in"
 * link that comes back to `returnTo`. HTTP 403 (MediaWiki itself redirects
 * such visitors to Special:UserLogin; this wiki shows the page with the link).
 */
export function loginRequired(context: RequestContext, reasonKey: string, returnTo: string): ErrorPageError {
  const login = context.services.titleFactory.makeTitle(NS_SPECIAL, 'UserLogin').getFullURL({ returnto: returnTo });
  return new ErrorPageError('exception-nologin', reasonKey, [`[${login} ${context.msg('loginreqlink').text()}]`], 403);
}

/** ThrottledError: "Action throttled", HTTP 429. */
export function throttled(): ErrorPageError {
  return new ErrorPageError('actionthrottled', 'actionthrottledtext', [], 429);
}

/** A page MediaWiki does not register in this configuration ($wgEnableEmail / $wgEmailAuthentication off). */
export function notRegistered(): NotFoundError {
  return new NotFoundError('nosuchspecialpage', 'nospecialpagetext');
}

/** PermissionsError for a right the user lacks (badaccess-groups naming the groups that have it). */
export function requireRight(context: RequestContext, right: string): void {
  const permissions = context.services.permissionManager;
  if (!permissions.userHasRight(context.user, right)) throw new PermissionDeniedError([permissions.missingRightError(right)], right);
}

/** True when the user is exempt from rate limits (`noratelimit`). */
export function exemptFromRateLimits(context: RequestContext): boolean {
  return context.services.permissionManager.userHasRight(context.user, 'noratelimit');
}

function box(kind: 'error' | 'warning' | 'success', content: SafeHtml): SafeHtml {
  return html`<div class="mw-message-box-${kind} mw-message-box${kind === 'error' ? ' errorbox' : kind === 'success' ? ' successbox' : ''}"${kind === 'error' ? rawHtml(' role="alert"') : ''}>${content}</div>`;
}

export function errorMessageBox(context: RequestContext, key: string, ...params: MessageParam[]): SafeHtml {
  return box('error', rawHtml(context.msg(key, ...params).parseAsBlock()));
}

export function warningMessageBox(context: RequestContext, key: string, ...params: MessageParam[]): SafeHtml {
  return box('warning', rawHtml(context.msg(key, ...params).parseAsBlock()));
}

export function successMessageBox(context: RequestContext, key: string, ...params: MessageParam[]): SafeHtml {
  return box('success', rawHtml(context.msg(key, ...params).parseAsBlock()));
}

/** OutputPage::addWikiMsg(): a message as block-level HTML. */
export function wikiMessage(context: RequestContext, key: string, ...params: MessageParam[]): SafeHtml {
  return rawHtml(context.msg(key, ...params).parseAsBlock());
}

/** OutputPage::returnToMain() / addReturnTo(): "Return to <page>." */
export function returnToLink(context: RequestContext, target?: Title | null): SafeHtml {
  const { titleFactory, settings } = context.services;
  const page = target ?? titleFactory.newFromText(context.msg('mainpage').text()) ?? titleFactory.newFromText(settings.mainPage);
  if (!page) return html``;
  return html`<p id="mw-returnto">${rawHtml(context.msg('returnto', `[[${page.getPrefixedText()}]]`).parse())}</p>`;
}
