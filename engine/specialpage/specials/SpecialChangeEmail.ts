/**
 * Special:ChangeEmail (MediaWiki's SpecialChangeEmail with
 * $wgRequirePasswordforEmailChange): a logged-in user with
 * `editmyprivateinfo` and `viewmyprivateinfo` changes or removes the
 * account's address. The form shows the user name and the current address
 * and asks for the new address (wpNewEmail) and the account's password
 * (wpPassword); it is POSTed with the session's wpEditToken.
 *
 * Checks in MediaWiki's order: a bad token (`sessionfailure`), a malformed
 * address (`invalidemailaddress`), the current address again
 * (`changeemail-nochange`), more than 255 characters
 * (`changeemail-maxlength`), the login throttle (`changeemail-throttled`;
 * wrong passwords here count against it as on the login form), the password
 * (`wrongpassword`). Any of them shows the form again with the address that
 * was typed (never the password) and changes nothing.
 *
 * On success (User::setEmailWithConfirmation): when the account had an
 * address, a notice goes to that old address; the new address is stored
 * unconfirmed; a confirmation mail goes to it — `confirmemail_body_set` when
 * the account had none, `confirmemail_body_changed` otherwise — and the page
 * says so (`eauthentsent`). Removing the address (empty field) sends the
 * user back to `returnto` or the main page, as MediaWiki does.
 */
import type { RequestContext } from '../../context/RequestContext';
import { ErrorPageError } from '../../errors/ErrorPageError';
import { html, rawHtml, SafeHtml } from '../../html/Html';
import { isValidEmail } from '../../auth/AuthManager';
import { formatDuration } from '../../i18n/DurationFormatter';
import type { MessageParam } from '../../i18n/MessageFormatter';
import { errorMessageBox, loginRequired, requireRight, returnToLink, warningMessageBox } from '../../mail/EmailPages';
import type { User } from '../../user/User';
import { SpecialPage } from '../SpecialPage';
import { field, returnToFields } from './accounts/AuthForm';
import { readReturnTo, ReturnTo, returnToTitle, returnToUrl } from './accounts/ReturnTo';
import { specialPageTitle } from './SpecialPageHtml';

/** Longest address MediaWiki accepts (user_email is a tinyblob there). */
const MAX_EMAIL_LENGTH = 255;

type Outcome = { error: { key: string; params: MessageParam[] } } | { done: 'eauth' | 'redirect' } | { mailFailed: string };

export class SpecialChangeEmail extends SpecialPage {
  override readonly group = 'login';

  constructor() {
    super('ChangeEmail', 'editmyprivateinfo');
  }

  override checkPermissions(context: RequestContext): void {
    requireRight(context, this.restriction);
  }

  async execute(context: RequestContext): Promise<void> {
    const { request, user, services } = context;
    if (!services.settings.enableEmail) throw new ErrorPageError('changeemail', 'cannotchangeemail');
    if (user.id <= 0) throw loginRequired(context, 'exception-nologin-text-manual', 'Special:ChangeEmail');
    // The form shows the current address, so it needs both rights (as MediaWiki).
    requireRight(context, 'viewmyprivateinfo');

    const returnTo = readReturnTo(context);
    if (!request.wasPosted()) {
      this.showForm(context, returnTo, '', null);
      return;
    }
    const newEmail = (request.getVal('wpNewEmail', '') ?? '').trim();
    if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
      this.showForm(context, returnTo, newEmail, errorMessageBox(context, 'sessionfailure'));
      return;
    }
    const outcome = await this.attemptChange(context, user, request.getVal('wpPassword', '') ?? '', newEmail);
    if ('error' in outcome) {
      this.showForm(context, returnTo, newEmail, errorMessageBox(context, outcome.error.key, ...outcome.error.params));
      return;
    }
    if ('mailFailed' in outcome) {
      // The address is saved; only the confirmation mail failed (MediaWiki shows the mailer's error).
      this.showForm(context, returnTo, '', errorMessageBox(context, 'confirmemail_sendfailed', outcome.mailFailed));
      return;
    }
    if (outcome.done === 'redirect') {
      context.output.redirect(returnToUrl(context, returnTo), 303);
      return;
    }
    context.output.addHtml(warningMessageBox(context, 'eauthentsent', user.name));
    context.output.addHtml(returnToLink(context, returnToTitle(context, returnTo)));
  }

  private async attemptChange(context: RequestContext, user: User, password: string, newEmail: string): Promise<Outcome> {
    const { services, ip } = context;
    if (newEmail !== '' && !isValidEmail(newEmail)) return { error: { key: 'invalidemailaddress', params: [] } };
    if (newEmail === user.email) return { error: { key: 'changeemail-nochange', params: [] } };
    if (newEmail.length > MAX_EMAIL_LENGTH) return { error: { key: 'changeemail-maxlength', params: [] } };

    const throttle = services.mail.passwordThrottle;
    const wait = await throttle.check(user.name, ip);
    if (wait) return { error: { key: 'changeemail-throttled', params: [formatDuration(services.messages, context.language, wait.retryAfterSeconds)] } };
    const credentials = await services.userStore.getCredentials(user.name);
    if (!credentials || !(await services.passwordHasher.verify(credentials.passwordHash, password))) {
      await throttle.recordFailure(user.name, ip);
      return { error: { key: 'wrongpassword', params: [] } };
    }
    await throttle.clear(user.name, ip);

    const { settings, userStore, mail } = services;
    const oldEmail = user.email;
    const type = oldEmail !== '' ? 'changed' : 'set';
    if (settings.emailAuthentication && type === 'changed') await this.notifyOldAddress(context, user, newEmail);
    await userStore.setEmail(user.id, newEmail);
    if (newEmail === '' || !settings.emailAuthentication) return { done: 'redirect' };
    const updated = await userStore.getUserById(user.id);
    const sent = updated ? await mail.emailConfirmation.sendConfirmationMail(updated, ip, type) : { sent: false, error: undefined };
    return sent.sent ? { done: 'eauth' } : { mailFailed: sent.error ?? '' };
  }

  /** The notice to the old address that it was replaced or removed (sent before the change, as MediaWiki). */
  private async notifyOldAddress(context: RequestContext, user: User, newEmail: string): Promise<void> {
    const { messages, mail } = context.services;
    const change = newEmail !== '' ? 'changed' : 'removed';
    const language = await mail.emailConfirmation.languageOf(user);
    await mail.mailer.send({
      to: { address: user.email, name: user.name },
      subject: messages.msg(`notificationemail_subject_${change}`, language).text(),
      text: messages.msg(`notificationemail_body_${change}`, language, context.ip, user.name, newEmail).text(),
    });
  }

  private showForm(context: RequestContext, returnTo: ReturnTo, newEmail: string, error: SafeHtml | null): void {
    const { user } = context;
    const action = specialPageTitle(context, 'ChangeEmail').getLocalURL();
    const oldEmail = user.email !== '' ? user.email : context.msg('changeemail-none').text();
    context.output.addHtml(html`<form method="post" action="${action}" id="mw-changeemail-form" class="mw-htmlform">
${rawHtml(context.msg('changeemail-header').parseAsBlock())}
${error ?? ''}
<div class="mw-htmlform-field-HTMLInfoField"><label>${context.msg('passwordreset-username').text()}</label> <span id="mw-changeemail-name">${user.name}</span></div>
<div class="mw-htmlform-field-HTMLInfoField"><label>${context.msg('changeemail-oldemail').text()}</label> <span id="mw-changeemail-oldemail">${oldEmail}</span></div>
${field('wpNewEmail', 'wpNewEmail', context.msg('changeemail-newemail').text(), { type: 'email', value: newEmail, maxlength: String(MAX_EMAIL_LENGTH), autocomplete: 'email', autofocus: true })}
<div class="htmlform-help">${context.msg('changeemail-newemail-help').text()}</div>
${field('wpPassword', 'wpPassword', context.msg('changeemail-password').text(), { type: 'password', autocomplete: 'current-password' })}
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">${returnToFields(returnTo)}
<div class="mw-htmlform-submit-buttons"><button type="submit" id="change_email_submit" class="mw-htmlform-submit">${context.msg('changeemail-submit').text()}</button></div>
</form>`);
  }
}
