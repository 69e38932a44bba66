/**
 * Pieces shared by the login and account-creation forms (MediaWiki's
 * LoginSignupSpecialPage): the error box, a labelled input, the hidden
 * returnto fields, and an AuthError turned into its message.
 */
import type { AuthError } from '../../../auth/AuthManager';
import type { RequestContext } from '../../../context/RequestContext';
import { attributes, html, rawHtml, SafeHtml } from '../../../html/Html';
import { formatDuration } from '../../../i18n/DurationFormatter';
import type { MessageParam } from '../../../i18n/MessageFormatter';
import type { ReturnTo } from './ReturnTo';

export function authErrorParams(context: RequestContext, error: AuthError): MessageParam[] {
  return error.params.map((p) => (typeof p === 'object' ? formatDuration(context.services.messages, context.language, p.duration) : p));
}

/** MediaWiki's error box above the form (one paragraph per error). */
export function errorBox(context: RequestContext, errors: readonly AuthError[]): SafeHtml {
  if (errors.length === 0) return html``;
  const items = errors.map((e) => html`<p>${rawHtml(context.msg(e.key, ...authErrorParams(context, e)).parse())}</p>`);
  return html`<div class="mw-message-box-error mw-message-box errorbox" role="alert">${items}</div>`;
}

export function field(id: string, name: string, label: string, attrs: Record<string, string | boolean | undefined>): SafeHtml {
  return html`<div class="mw-htmlform-field-HTMLTextField"><label for="${id}">${label}</label><input id="${id}" name="${name}" class="mw-ui-input"${attributes(attrs)}></div>`;
}

export function returnToFields(returnTo: ReturnTo): SafeHtml {
  return html`${returnTo.title !== '' ? html`<input type="hidden" name="returnto" value="${returnTo.title}">` : ''}${returnTo.query !== '' ? html`<input type="hidden" name="returntoquery" value="${returnTo.query}">` : ''}`;
}

/** Query parameters that carry returnto/returntoquery into a link to the other form. */
export function returnToQuery(returnTo: ReturnTo): Record<string, string> {
  const query: Record<string, string> = {};
  if (returnTo.title !== '') query.returnto = returnTo.title;
  if (returnTo.query !== '') query.returntoquery = returnTo.query;
  return query;
}
