/**
 * action=purge (MediaWiki's PurgeAction): GET shows a confirmation form,
 * POST with a valid token drops the page's cached HTML and redirects back.
 */
import type { RequestContext } from '../context/RequestContext';
import { ErrorPageError, PermissionDeniedError } from '../errors/ErrorPageError';
import { html } from '../html/Html';
import type { PageAction } from './Action';

export class PurgeAction implements PageAction {
  readonly name = 'purge';

  async show(context: RequestContext): Promise<void> {
    const { services, request, output } = context;
    const title = context.getTitle();
    const errors = await services.permissionManager.getPermissionErrors('purge', context.user, title);
    if (errors.length > 0) throw new PermissionDeniedError(errors, 'purge');
    const heading = context.msg('confirm-purge-title').text();
    output.setPageTitleHtml(html`${heading}`, heading);
    output.setRobotPolicy('noindex,nofollow');
    if (request.wasPosted()) {
      if (!context.csrf.matchToken(request.getVal('wpEditToken'))) throw new ErrorPageError('sessionfailure-title', 'sessionfailure', [], 400);
      const page = await services.pageStore.getPage({ namespace: title.getNamespace(), dbKey: title.getDBkey() });
      if (page) services.parserCache.invalidatePage(page.id);
      output.redirect(title.getLocalURL(), 303);
      return;
    }
    output.addHtml(html`<form method="post" action="${title.getLocalURL({ action: 'purge' })}"><p>${context.msg('confirm-purge-top').text()}</p><input type="hidden" name="wpEditToken" value="${context.csrf.getToken()}"><button type="submit">${context.msg('confirm_purge_button').text()}</button></form>`);
  }
}
