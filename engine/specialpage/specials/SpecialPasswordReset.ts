/**
 * Special:PasswordReset (MediaWiki's SpecialPasswordReset with
 * $wgPasswordResetRoutes = username + email; needs `editmyprivateinfo`).
 *
 * The form asks for a username (wpUsername, prefilled for a logged-in user)
 * or an email address (wpEmail) and is POSTed with the session's
 * wpEditToken. Empty form: `passwordreset-nodata`; malformed address:
 * `passwordreset-invalidemail`; bad token: `sessionfailure` — the form comes
 * back with what was typed. Each accepted request counts against the
 * per-IP `mailpassword` rate limit (HTTP 429 "Action throttled" when over
 * it, whatever was asked for).
 *
 * The answer never depends on whether an account matched: always
 * `passwordreset-success`, `passwordreset-success-details-generic` and the
 * submitted details, and the reset itself (temporary password, mail) runs
 * after the response (services.mail.passwordReset).
 */
import type { RequestContext } from '../../context/RequestContext';
import { ErrorPageError } from '../../errors/ErrorPageError';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { isValidEmail } from '../../auth/AuthManager';
import { errorMessageBox, exemptFromRateLimits, requireRight, returnToLink, throttled, wikiMessage } from '../../mail/EmailPages';
import { PASSWORD_REMINDER_RESEND_HOURS } from '../../mail/PasswordReset';
import { SpecialPage } from '../SpecialPage';
import { field, returnToFields } from './accounts/AuthForm';
import { readReturnTo, ReturnTo } from './accounts/ReturnTo';
import { specialPageTitle } from './SpecialPageHtml';

export class SpecialPasswordReset extends SpecialPage {
  override readonly group = 'login';

  constructor() {
    super('PasswordReset', 'editmyprivateinfo');
  }

  override checkPermissions(context: RequestContext): void {
    requireRight(context, this.restriction);
  }

  async execute(context: RequestContext): Promise<void> {
    const { request, services, user } = context;
    if (!services.settings.enableEmail) throw new ErrorPageError('internalerror', 'passwordreset-emaildisabled');
    const returnTo = readReturnTo(context);
    if (!request.wasPosted()) {
      this.showForm(context, returnTo, user.id > 0 ? user.name : '', '', null);
      return;
    }
    const username = (request.getVal('wpUsername', '') ?? '').trim();
    const email = (request.getVal('wpEmail', '') ?? '').trim();
    if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
      this.showForm(context, returnTo, username, email, errorMessageBox(context, 'sessionfailure'));
      return;
    }
    if (username === '' && email === '') {
      this.showForm(context, returnTo, username, email, errorMessageBox(context, 'passwordreset-nodata'));
      return;
    }
    if (email !== '' && !isValidEmail(email)) {
      this.showForm(context, returnTo, username, email, errorMessageBox(context, 'passwordreset-invalidemail'));
      return;
    }
    if (!exemptFromRateLimits(context) && (await services.mail.rateLimits.pingMailPassword(context.ip))) throw throttled();

    services.mail.passwordReset.request({ performer: user, ip: context.ip, username: username || null, email: email || null });

    const { output } = context;
    output.addHtml(wikiMessage(context, 'passwordreset-success'));
    output.addHtml(wikiMessage(context, 'passwordreset-success-details-generic', PASSWORD_REMINDER_RESEND_HOURS));
    // What was submitted, as the list MediaWiki puts in $1 (built as HTML here, so typed text stays text).
    const details: SafeHtml[] = [];
    if (username !== '') details.push(html`<li>${context.msg('passwordreset-username').text()} ${username}</li>`);
    if (email !== '') details.push(html`<li>${context.msg('passwordreset-email').text()} ${email}</li>`);
    output.addHtml(wikiMessage(context, 'passwordreset-success-info', { raw: '' }));
    output.addHtml(html`<ul>${details}</ul>`);
    output.addHtml(returnToLink(context));
  }

  private showForm(context: RequestContext, returnTo: ReturnTo, username: string, email: string, error: SafeHtml | null): void {
    const action = specialPageTitle(context, 'PasswordReset').getLocalURL();
    context.output.addHtml(html`<form method="post" action="${action}" id="mw-passwordreset-form" class="mw-htmlform">
${rawHtml(context.msg('passwordreset-text-many', 2).parseAsBlock())}
${error ?? ''}
${field('wpUsername', 'wpUsername', context.msg('passwordreset-username').text(), { type: 'text', value: username, autocomplete: 'username', autofocus: username === '' })}
${field('wpEmail', 'wpEmail', context.msg('passwordreset-email').text(), { type: 'email', value: email, autocomplete: 'email' })}
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">${returnToFields(returnTo)}
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit">${context.msg('mailmypassword').text()}</button></div>
</form>`);
  }
}
