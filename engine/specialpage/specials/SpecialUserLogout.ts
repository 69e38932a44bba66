/**
 * Special:UserLogout (MediaWiki 1.39+): a GET shows "Do you want to log
 * out?" with a button; only a POST with the session's token logs out (so a
 * link or image on another site can't). Logging out deletes the session on
 * the server and clears its cookie, then shows `logouttext`. A bad token
 * changes nothing and says so.
 */
import type { RequestContext } from '../../context/RequestContext';
import { ErrorPageError } from '../../errors/ErrorPageError';
import { html, rawHtml } from '../../html/Html';
import { logOutSession } from '../../session/SessionUser';
import { SpecialPage } from '../SpecialPage';
import { readReturnTo } from './accounts/ReturnTo';
import { returnToFields } from './accounts/AuthForm';
import { specialPageTitle } from './SpecialPageHtml';

export class SpecialUserLogout extends SpecialPage {
  override readonly group = 'login';
  override readonly listed = false;

  constructor() {
    super('UserLogout');
  }

  override getDescriptionKey(): string {
    return 'userlogout';
  }

  async execute(context: RequestContext): Promise<void> {
    const { request, output, user } = context;
    if (user.id === 0) {
      output.addHtml(rawHtml(context.msg('userlogout-notloggedin').parseAsBlock()));
      return;
    }
    if (request.wasPosted()) {
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) throw new ErrorPageError('sessionfailure-title', 'sessionfailure', [], 400);
      logOutSession(context.koa);
      output.addHtml(rawHtml(context.msg('logouttext').parseAsBlock()));
      return;
    }
    const action = specialPageTitle(context, 'UserLogout').getLocalURL();
    output.addHtml(html`<form method="post" action="${action}" id="mw-userlogout-form"><p>${context.msg('userlogout-continue').text()}</p><input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}">${returnToFields(readReturnTo(context))}<button type="submit" class="mw-ui-button mw-ui-destructive">${context.msg('logout-submit').text()}</button></form>`);
  }
}
