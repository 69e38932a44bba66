/**
 * Special:ConfirmEmail (MediaWiki's SpecialConfirmEmail, an unlisted page
 * needing `editmyprivateinfo` and `viewmyprivateinfo`).
 *
 * Without a code it is for a logged-in user: a confirmed address shows when
 * it was confirmed (`emailauthenticated`); an unconfirmed one shows
 * `confirmemail_text`, a note when a code is already pending, and a POST
 * form (CSRF-checked) whose button "Mail a confirmation code" sends a new
 * confirmation mail — rate limited per user and per IP ($wgRateLimits
 * confirmemail; HTTP 429 when over it). No valid address:
 * `confirmemail_noemail`. Not logged in: the "Not logged in" page with a
 * link to log in and come back.
 *
 * With a code (Special:ConfirmEmail/<code>, the link in the mail) it works
 * for anyone, logged in or not and as whichever user: a valid code confirms
 * the address of the account it was issued to and is used up;
 * `confirmemail_loggedin` or, for a visitor who is not logged in,
 * `confirmemail_success` with a way to the login page. Unknown, used or
 * expired: `confirmemail_invalid`.
 */
import type { RequestContext } from '../../context/RequestContext';
import { html } from '../../html/Html';
import { isValidEmail } from '../../auth/AuthManager';
import { exemptFromRateLimits, errorMessageBox, loginRequired, notRegistered, requireRight, returnToLink, throttled, wikiMessage } from '../../mail/EmailPages';
import { formatUserDate, formatUserTime, formatUserTimestamp } from '../../util/Timestamp';
import { SpecialPage } from '../SpecialPage';
import { specialPageTitle } from './SpecialPageHtml';

export class SpecialConfirmEmail extends SpecialPage {
  override readonly group = 'users';
  override readonly listed = false;

  constructor() {
    super('ConfirmEmail', 'editmyprivateinfo');
  }

  override checkPermissions(context: RequestContext): void {
    requireRight(context, this.restriction);
  }

  async execute(context: RequestContext, code: string | null): Promise<void> {
    const { settings } = context.services;
    if (!settings.enableEmail || !settings.emailAuthentication) throw notRegistered();
    // The page can show the current address, so it needs both rights (as MediaWiki).
    requireRight(context, 'viewmyprivateinfo');
    if (code === null || code === '') {
      if (context.user.id <= 0) throw loginRequired(context, 'confirmemail_needlogin', 'Special:ConfirmEmail');
      if (!isValidEmail(context.user.email)) {
        context.output.addHtml(wikiMessage(context, 'confirmemail_noemail'));
        return;
      }
      await this.showRequestForm(context);
      return;
    }
    await this.attemptConfirm(context, code);
  }

  private async showRequestForm(context: RequestContext): Promise<void> {
    const { output, user, request, services } = context;
    if (user.emailAuthenticated !== null) {
      const ts = user.emailAuthenticated;
      output.addHtml(wikiMessage(context, 'emailauthenticated', formatUserTimestamp(ts, context.language), formatUserDate(ts, context.language), formatUserTime(ts, context.language)));
      return;
    }
    output.addHtml(wikiMessage(context, 'confirmemail_text'));
    let error = null;
    if (request.wasPosted()) {
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
        error = errorMessageBox(context, 'sessionfailure');
      } else {
        if (!exemptFromRateLimits(context) && (await services.mail.rateLimits.pingConfirmEmail(user.id, context.ip))) throw throttled();
        const result = await services.mail.emailConfirmation.sendConfirmationMail(user, context.ip);
        if (result.sent) {
          output.addHtml(wikiMessage(context, 'confirmemail_sent'));
          return;
        }
        error = errorMessageBox(context, 'confirmemail_sendfailed', result.error ?? '');
      }
    }
    const pending = await services.mail.emailConfirmation.isConfirmationPending(user);
    const action = specialPageTitle(context, 'ConfirmEmail').getLocalURL();
    output.addHtml(html`<form method="post" action="${action}" class="mw-htmlform" id="mw-confirmemail-form">
${error ?? ''}${pending ? html`<div class="error mw-confirmemail-pending">${context.msg('confirmemail_pending').text()}</div>` : ''}
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-htmlform-submit">${context.msg('confirmemail_send').text()}</button></div>
</form>`);
  }

  private async attemptConfirm(context: RequestContext, code: string): Promise<void> {
    const { output, user, services } = context;
    const confirmed = await services.mail.emailConfirmation.confirm(code.trim());
    if (confirmed === null) {
      output.addHtml(wikiMessage(context, 'confirmemail_invalid'));
      return;
    }
    if (user.id > 0) {
      output.addHtml(wikiMessage(context, 'confirmemail_loggedin'));
      return;
    }
    output.addHtml(wikiMessage(context, 'confirmemail_success'));
    output.addHtml(returnToLink(context, specialPageTitle(context, 'UserLogin')));
  }
}
