/**
 * Special:CreateAccount (MediaWiki's SpecialCreateAccount): name, password,
 * retyped password, optional email and real name, the wpCreateaccountToken
 * CSRF token. Needs `createaccount` (MediaWiki's permission error, 403,
 * otherwise). A visitor who creates an account is logged in to it under a
 * new session id and greeted ("Welcome, X!"); a logged-in user who creates
 * one for someone else stays themselves (newusers/create2). Refusals show
 * the form again with every error and the entered fields (never the
 * passwords).
 */
import type { AuthError } from '../../auth/AuthManager';
import type { RequestContext } from '../../context/RequestContext';
import { PermissionDeniedError } from '../../errors/ErrorPageError';
import { html, rawHtml } from '../../html/Html';
import { logInSession } from '../../session/SessionUser';
import { SpecialPage } from '../SpecialPage';
import { errorBox, field, returnToFields, returnToQuery } from './accounts/AuthForm';
import { readReturnTo, ReturnTo, returnToTitle } from './accounts/ReturnTo';
import { specialPageTitle } from './SpecialPageHtml';

interface Entered {
  name: string;
  email: string;
  realName: string;
}

export class SpecialCreateAccount extends SpecialPage {
  override readonly group = 'login';

  constructor() {
    super('CreateAccount', 'createaccount');
  }

  override getDescriptionKey(): string {
    return 'createaccount';
  }

  override checkPermissions(context: RequestContext): void {
    if (!this.userCanExecute(context)) throw new PermissionDeniedError([context.services.permissionManager.missingRightError('createaccount')], 'createaccount');
  }

  async execute(context: RequestContext): Promise<void> {
    const { request, services, user } = context;
    const returnTo = readReturnTo(context);
    const entered: Entered = { name: request.getVal('wpName', '') ?? '', email: request.getVal('wpEmail', '') ?? '', realName: request.getVal('wpRealName', '') ?? '' };
    if (!request.wasPosted()) {
      this.showForm(context, returnTo, entered, []);
      return;
    }
    if (!context.csrf.matchToken(request.getVal('wpCreateaccountToken'))) {
      this.showForm(context, returnTo, entered, [{ key: 'sessionfailure', params: [] }]);
      return;
    }
    const creator = user.id > 0 ? user : null;
    const result = await services.auth.authManager.createAccount({
      name: entered.name,
      password: request.getVal('wpPassword', '') ?? '',
      retype: request.getVal('wpRetype', '') ?? '',
      email: entered.email,
      realName: entered.realName,
      ip: context.ip,
      creator,
      exemptFromThrottle: services.permissionManager.userHasRight(user, 'noratelimit'),
    });
    if (!result.ok) {
      context.output.statusCode = 200;
      this.showForm(context, returnTo, entered, result.errors);
      return;
    }
    if (creator) {
      const heading = context.msg('accountcreated').text();
      context.output.setPageTitleHtml(html`${heading}`, heading);
      context.output.addHtml(rawHtml(context.msg('accountcreatedtext', result.user.name).parseAsBlock()));
      return;
    }
    const token = await services.userStore.getToken(result.user.id);
    await logInSession(context.koa, result.user.id, token!, null);
    const heading = context.msg('welcomeuser', result.user.name).text();
    context.output.setPageTitleHtml(html`${heading}`, heading);
    context.output.addHtml(rawHtml(context.msg('welcomecreation-msg').parseAsBlock()));
    const back = returnToTitle(context, returnTo);
    context.output.addHtml(html`<p id="mw-returnto">${rawHtml(context.msg('returnto', `[[:${back.getPrefixedText()}]]`).parse())}</p>`);
  }

  private showForm(context: RequestContext, returnTo: ReturnTo, entered: Entered, errors: AuthError[]): void {
    const action = specialPageTitle(context, 'CreateAccount').getLocalURL(returnToQuery(returnTo));
    const another = context.user.id > 0;
    const emailField = context.services.settings.enableEmail
      ? field('wpEmail', 'wpEmail', context.msg('createacct-emailoptional').text(), { type: 'email', value: entered.email, size: '20', autocomplete: 'email', placeholder: context.msg('createacct-email-ph').text() })
      : '';
    context.output.addHtml(html`<div id="userloginForm"><form name="userlogin2" id="userlogin2" class="mw-htmlform mw-ui-vform" method="post" action="${action}">
${errorBox(context, errors)}
${field('wpName2', 'wpName', context.msg('userlogin-yourname').text(), { type: 'text', value: entered.name, size: '20', autocomplete: 'username', placeholder: context.msg('userlogin-yourname-ph').text(), required: true })}
${field('wpPassword2', 'wpPassword', context.msg('userlogin-yourpassword').text(), { type: 'password', size: '20', autocomplete: 'new-password', placeholder: context.msg('createacct-yourpassword-ph').text(), required: true })}
${field('wpRetype', 'wpRetype', context.msg('createacct-yourpasswordagain').text(), { type: 'password', size: '20', autocomplete: 'new-password', placeholder: context.msg('createacct-yourpasswordagain-ph').text(), required: true })}
${emailField}
${field('wpRealName', 'wpRealName', context.msg('createacct-realname').text(), { type: 'text', value: entered.realName, size: '20', autocomplete: 'name' })}
<input type="hidden" name="wpCreateaccountToken" value="${context.csrf.getToken()}">${returnToFields(returnTo)}
<div class="mw-htmlform-submit-buttons"><button type="submit" id="wpCreateaccount" name="wpCreateaccount" value="1" class="mw-htmlform-submit mw-ui-button mw-ui-progressive">${context.msg(another ? 'createacct-another-submit' : 'createacct-submit').text()}</button></div>
</form></div>`);
  }
}
