/**
 * Special:ChangePassword (MediaWiki's Special:ChangeCredentials for the
 * password provider, which keeps the old name as an alias): the current or
 * temporary password, the new one twice, the CSRF token. The new password
 * must meet the policy for the user's groups. Changing it replaces the
 * account's token, so every other session ends; this one continues under a
 * new session id.
 */
import type { AuthError } from '../../auth/AuthManager';
import type { RequestContext } from '../../context/RequestContext';
import { UserNotLoggedInError } from '../../errors/ErrorPageError';
import { html, rawHtml } from '../../html/Html';
import { logInSession } from '../../session/SessionUser';
import { SpecialPage } from '../SpecialPage';
import { errorBox, field, returnToFields, returnToQuery } from './accounts/AuthForm';
import { readReturnTo, returnToTitle } from './accounts/ReturnTo';
import { specialPageTitle } from './SpecialPageHtml';

export class SpecialChangePassword extends SpecialPage {
  override readonly group = 'users';
  override readonly aliases = ['ChangeCredentials', 'ResetPass'];

  constructor() {
    super('ChangePassword');
  }

  override getDescriptionKey(): string {
    return 'changepassword';
  }

  async execute(context: RequestContext): Promise<void> {
    const { request, services, user } = context;
    if (user.id === 0) throw new UserNotLoggedInError('resetpass-no-info');
    if (!request.wasPosted()) {
      this.showForm(context, []);
      return;
    }
    if (!context.csrf.matchToken(request.getVal('wpEditToken'))) {
      this.showForm(context, [{ key: 'sessionfailure', params: [] }]);
      return;
    }
    const auth = services.auth.authManager;
    if (!(await auth.verifyPassword(user, request.getVal('wpPassword', '') ?? ''))) {
      this.showForm(context, [{ key: 'wrongpassword', params: [] }]);
      return;
    }
    const newPassword = request.getVal('wpNewPassword', '') ?? '';
    const errors = auth.checkNewPassword(user.name, newPassword, request.getVal('wpRetype', '') ?? '', services.permissionManager.getEffectiveGroups(user));
    if (errors.length > 0) {
      this.showForm(context, errors);
      return;
    }
    const token = await auth.changePassword(user, newPassword);
    await services.sessionStore.destroyAllForUser(user.id);
    await logInSession(context.koa, user.id, token, null);
    context.output.addHtml(html`<div class="mw-message-box-success mw-message-box">${rawHtml(context.msg('resetpass_success').parseAsBlock())}</div>`);
    const back = returnToTitle(context, readReturnTo(context));
    context.output.addHtml(html`<p id="mw-returnto">${rawHtml(context.msg('returnto', `[[:${back.getPrefixedText()}]]`).parse())}</p>`);
  }

  private showForm(context: RequestContext, errors: AuthError[]): void {
    const returnTo = readReturnTo(context);
    const action = specialPageTitle(context, 'ChangePassword').getLocalURL(returnToQuery(returnTo));
    context.output.addHtml(html`<form method="post" action="${action}" class="mw-htmlform mw-ui-vform" id="mw-changepassword-form">
${errorBox(context, errors)}
<p>${context.msg('resetpass_announce').text()}</p>
${field('wpPassword', 'wpPassword', context.msg('oldpassword').text(), { type: 'password', autocomplete: 'current-password', required: true })}
${field('wpNewPassword', 'wpNewPassword', context.msg('newpassword').text(), { type: 'password', autocomplete: 'new-password', required: true })}
${field('wpRetype', 'wpRetype', context.msg('retypenew').text(), { type: 'password', autocomplete: 'new-password', required: true })}
<input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">${returnToFields(returnTo)}
<div class="mw-htmlform-submit-buttons"><button type="submit" class="mw-ui-button mw-ui-progressive">${context.msg('resetpass-submit-loggedin').text()}</button></div>
</form>`);
  }
}
