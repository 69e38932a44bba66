/**
 * Resolves what a page request asks for and runs it (MediaWiki's
 * ActionEntryPoint::performRequest): the title (from the path, `title=`,
 * `curid=` or `oldid=`), title normalisation redirects, special pages, and
 * page actions, each behind the `read` right.
 */
import type { PageAction } from '../actions/Action';
import type { RequestContext } from '../context/RequestContext';
import { BadTitleError, ErrorPageError, NotFoundError, PermissionDeniedError } from '../errors/ErrorPageError';
import { sendOutput } from '../output/sendOutput';
import { MalformedTitleError } from '../title/TitleFactory';
import type { Title } from '../title/Title';

export class Dispatcher {
  constructor(private readonly actions: ReadonlyMap<string, PageAction>) {}

  private async resolveTitle(context: RequestContext, titleText: string | null): Promise<Title> {
    const { services, request } = context;
    if (titleText === null || titleText === '') {
      const curid = request.getInt('curid', 0);
      if (curid > 0) {
        const page = await services.pageStore.getPageById(curid);
        if (!page) throw new NotFoundError('nosuchpage', 'nopagetext');
        return services.titleFactory.makeTitle(page.namespace, page.dbKey);
      }
      const revId = request.getInt('oldid', 0) || request.getInt('diff', 0);
      if (revId > 0) {
        const rev = await services.revisionStore.getRevisionById(revId);
        const page = rev ? await services.pageStore.getPageById(rev.pageId) : null;
        if (!page) throw new NotFoundError('missing-revision-title', 'missing-revision', [String(revId)]);
        return services.titleFactory.makeTitle(page.namespace, page.dbKey);
      }
      if (request.getVal('title') === null && request.getVal('search') !== null) {
        return services.titleFactory.newFromTextThrow('Special:Search');
      }
      return services.titleFactory.newFromTextThrow(context.msg('mainpage').text() || services.settings.mainPage);
    }
    try {
      return services.titleFactory.newFromTextThrow(titleText);
    } catch (error) {
      if (error instanceof MalformedTitleError) throw new BadTitleError(error.messageKey, [titleText]);
      throw error;
    }
  }

  async handle(context: RequestContext, titleText: string | null, viaArticlePath: boolean): Promise<void> {
    const title = await this.resolveTitle(context, titleText);
    context.title = title;
    const { services, request } = context;

    // MediaWiki redirects a non-canonical article URL (/wiki/main_page) to the
    // canonical one with a 301, so each page has one URL.
    if (viaArticlePath && context.koa.method === 'GET' && titleText !== null && !title.isSpecialPage()) {
      const canonical = title.getPrefixedDBkey();
      if (canonical !== titleText && !title.hasFragment()) {
        const query = context.koa.querystring;
        context.output.redirect(title.getLocalURL() + (query ? `?${query}` : ''), 301);
        await sendOutput(context);
        return;
      }
    }

    if (!services.permissionManager.userHasRight(context.user, 'read')) {
      throw new PermissionDeniedError([{ key: 'readrequired', params: [] }], 'read');
    }

    if (title.isSpecialPage()) {
      const resolved = services.specialPageFactory.resolve(title.getText());
      if (!resolved) throw new NotFoundError('nosuchspecialpage', 'nospecialpagetext');
      context.action = 'view';
      context.output.bodyClasses.push(`mw-special-${resolved.page.name}`);
      await resolved.page.run(context, resolved.subPage);
      await sendOutput(context);
      return;
    }
    if (!title.canExist()) {
      // Media: links have no pages.
      throw new BadTitleError('title-invalid-empty', [title.getPrefixedText()]);
    }

    const actionName = (request.getVal('action') ?? 'view').toLowerCase();
    const action = this.actions.get(actionName);
    if (!action) throw new ErrorPageError('nosuchaction', 'nosuchactiontext', [], 404);
    context.action = actionName === 'submit' ? 'edit' : actionName;
    await action.show(context);
    await sendOutput(context);
  }
}
