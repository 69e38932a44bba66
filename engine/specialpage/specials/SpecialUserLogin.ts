/**
 * Special:UserLogin (MediaWiki's SpecialUserLogin): the login form
 * (wpName, wpPassword, "Keep me logged in" wpRemember, the wpLoginToken
 * CSRF token, returnto/returntoquery), and its POST: AuthManager::login,
 * then the session is bound to the account under a new id and the browser
 * is sent back where it came from (303). A failed login shows the form
 * again with the error and the name kept (never the password), HTTP 200 as
 * MediaWiki. A temporary password leads to Special:ChangePassword.
 */
import type { RequestContext } from '../../context/RequestContext';
import { html, rawHtml } from '../../html/Html';
import { logInSession } from '../../session/SessionUser';
import type { AuthError } from '../../auth/AuthManager';
import { SpecialPage } from '../SpecialPage';
import { errorBox, field, returnToFields, returnToQuery } from './accounts/AuthForm';
import { readReturnTo, ReturnTo, returnToUrl } from './accounts/ReturnTo';
import { specialPageTitle } from './SpecialPageHtml';

export class SpecialUserLogin extends SpecialPage {
  override readonly group = 'login';
  override readonly aliases = ['Login'];

  constructor() {
    super('UserLogin');
  }

  override getDescriptionKey(): string {
    return 'login';
  }

  async execute(context: RequestContext): Promise<void> {
    const { request } = context;
    const returnTo = readReturnTo(context);
    if (!request.wasPosted()) {
      this.showForm(context, returnTo, request.getVal('wpName', '') ?? '', []);
      return;
    }
    const name = request.getVal('wpName', '') ?? '';
    if (!context.csrf.matchToken(request.getVal('wpLoginToken'))) {
      this.showForm(context, returnTo, name, [{ key: 'sessionfailure', params: [] }]);
      return;
    }
    const result = await context.services.auth.authManager.login(name, request.getVal('wpPassword', '') ?? '', context.ip);
    if (!result.ok) {
      this.showForm(context, returnTo, name, [result.error]);
      return;
    }
    const remember = request.getCheck('wpRemember');
    const token = await context.services.userStore.getToken(result.user.id);
    await logInSession(context.koa, result.user.id, token!, remember ? { persistentMs: context.services.settings.extendedLoginCookieExpiration * 1000 } : null);
    if (result.mustChangePassword) {
      context.output.redirect(specialPageTitle(context, 'ChangePassword').getLocalURL(returnToQuery(returnTo)), 303);
      return;
    }
    context.output.redirect(returnToUrl(context, returnTo), 303);
  }

  private showForm(context: RequestContext, returnTo: ReturnTo, name: string, errors: AuthError[]): void {
    const { output, user } = context;
    const action = specialPageTitle(context, 'UserLogin').getLocalURL(returnToQuery(returnTo));
    if (user.id > 0) output.addHtml(html`<div class="mw-message-box-warning mw-message-box">${rawHtml(context.msg('userlogin-loggedin', user.name).parseAsBlock())}</div>`);
    const createLink = specialPageTitle(context, 'CreateAccount').getLocalURL(returnToQuery(returnTo));
    const resetPage = context.services.specialPageFactory.getPage('PasswordReset');
    const resetLink = resetPage ? html`<div id="mw-userlogin-help"><a href="${specialPageTitle(context, 'PasswordReset').getLocalURL()}">${context.msg('userlogin-resetpassword-link').text()}</a></div>` : '';
    output.addHtml(html`<div id="userloginForm"><form name="userlogin" class="mw-htmlform mw-ui-vform" method="post" action="${action}">
${errorBox(context, errors)}
${field('wpName1', 'wpName', context.msg('userlogin-yourname').text(), { type: 'text', value: name, size: '20', autocomplete: 'username', placeholder: context.msg('userlogin-yourname-ph').text(), required: true, autofocus: name === '' })}
${field('wpPassword1', 'wpPassword', context.msg('userlogin-yourpassword').text(), { type: 'password', size: '20', autocomplete: 'current-password', placeholder: context.msg('userlogin-yourpassword-ph').text(), required: true, autofocus: name !== '' })}
<div class="mw-htmlform-field-HTMLCheckField"><input type="checkbox" id="wpRemember" name="wpRemember" value="1"><label for="wpRemember">${context.msg('userlogin-remembermypassword').text()}</label></div>
<input type="hidden" name="wpLoginToken" value="${context.csrf.getToken()}">${returnToFields(returnTo)}
<div class="mw-htmlform-submit-buttons"><button type="submit" id="wpLoginAttempt" name="wploginattempt" value="1" class="mw-htmlform-submit mw-ui-button mw-ui-primary">${context.msg('pt-login-button').text()}</button></div>
${resetLink}
<div id="mw-createaccount-cta">${context.msg('userlogin-noaccount').text()} <a id="mw-createaccount-join" href="${createLink}">${context.msg('userlogin-joinproject').text()}</a></div>
</form></div>`);
  }
}
